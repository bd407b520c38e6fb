// The project's own policy files, for tests: every file under a folder of the project whose name ends
// with an extension, sorted, as the compiler would be given them. (The compiler reads policy/ through
// build/project-files.ts, which also refuses unsafe names; the fixtures are ours.)

import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { SourceText } from "../../compiler/build/project-files.js";
import type { PolicyModel } from "../../compiler/model/policy-model.js";
import { checkPolicySource } from "../../compiler/pipeline.js";
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

export interface FixturePolicy extends SourceText {
  /** Its model, when it checks without an error (a fixture such as broken/ is meant not to). */
  readonly model: PolicyModel | undefined;
}

/** Every fixture policy (test/fixtures/**\/*.policy), checked: the compiler tests' own policies. */
export function fixturePolicies(): FixturePolicy[] {
  return projectFiles("test/fixtures", ".policy").map((file) => ({
    ...file,
    model: checkPolicySource(file.text, file.path).model,
  }));
}
