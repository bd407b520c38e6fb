// Where things are on disk: the project's policy and case files, and the compiler's own runtime.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export interface SourceText {
  /** Relative to the project root, with forward slashes: `policy/wnc-cp-224.policy`. */
  readonly path: string;
  readonly text: string;
}

function toPosix(path: string): string {
  return path.split(sep).join("/");
}

function listFiles(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(directory, entry.name)) : [join(directory, entry.name)]))
    .sort();
}

/** Every file under `folder` of the project whose name ends with `extension`, sorted. */
export function readSources(root: string, folder: string, extension: string): SourceText[] {
  return listFiles(join(root, folder))
    .filter((file) => file.endsWith(extension))
    .map((file) => ({ path: toPosix(relative(root, file)), text: readFileSync(file, "utf8") }));
}

/** Every file under generated/, relative to the root. */
export function listGenerated(root: string): string[] {
  return listFiles(join(root, "generated")).map((file) => toPosix(relative(root, file)));
}

/** The folder holding this compiler's package.json, whether it runs from source or from dist/. */
export function compilerRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, "package.json"))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error("policyc: cannot find the compiler's package.json");
    directory = parent;
  }
  return directory;
}
