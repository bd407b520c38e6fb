// The project's own policy files, for tests: every file under a folder of the project whose name ends
// with an extension, sorted, as the compiler would be given them. (The compiler reads policy/ through
// build/project-files.ts, which also refuses unsafe names; the fixtures are ours.)

import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { SourceText } from "../../compiler/build/project-files.js";
import { projectRoot } from "./evaluators.js";

export function projectFiles(folder: string, extension: string): SourceText[] {
  const visit = (directory: string): string[] =>
    readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? visit(join(directory, entry.name))
        : entry.name.endsWith(extension)
          ? [join(directory, entry.name)]
          : [],
    );
  return visit(join(projectRoot, folder))
    .sort()
    .map((file) => ({ path: relative(projectRoot, file).split(sep).join("/"), text: readFileSync(file, "utf8") }));
}
