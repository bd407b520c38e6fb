// The files under a folder, by path relative to it, with their contents: to assert that a command
// changed nothing, or exactly what it changed. Links are listed as `-> target`, never followed.

import { lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";

export function snapshot(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isSymbolicLink()) files.set(full.slice(folder.length), `-> ${readlinkSync(full)}`);
      else if (entry.isDirectory()) visit(full);
      else if (lstatSync(full).isFile()) files.set(full.slice(folder.length), readFileSync(full, "utf8"));
      else files.set(full.slice(folder.length), "(special file)");
    }
  };
  visit(folder);
  return files;
}
