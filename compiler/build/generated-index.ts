// Which policies are built into generated/, found without running any generated code: each policy
// folder's evaluator names its policy's reference number in its second header line. `policyc eval`
// uses this to import only the evaluator asked for.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { isSafeName } from "../files/names.js";
import { readRegularFile } from "../files/read-file.js";
import { compareText } from "../diagnostics/compare-text.js";

export interface BuiltPolicy {
  /** The folder under generated/: `wnc-cp-224`. */
  readonly slug: string;
  /** The reference number: `ABC.CP.1`. */
  readonly reference: string;
}

/** The reference number in an evaluator's second line, `// ABC.CP.1 Its title, source sha256 ...`. */
export function referenceInHeader(evaluatorSource: string): string | undefined {
  const second = evaluatorSource.split("\n", 2)[1] ?? "";
  return /^\/\/ ([A-Za-z0-9_.-]+) /.exec(second)?.[1];
}

/** Every policy folder under generated/ of the project at `root` with an evaluator, sorted by folder. */
export function builtPolicies(root: string): BuiltPolicy[] {
  const generated = join(root, "generated");
  let entries;
  try {
    entries = readdirSync(generated, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isDirectory() && isSafeName(entry.name) && entry.name !== "runtime")
    .flatMap((entry) => {
      const read = readRegularFile(join(generated, entry.name, "evaluator.ts"));
      const reference = read.kind === "text" ? referenceInHeader(read.text) : undefined;
      return reference === undefined ? [] : [{ slug: entry.name, reference }];
    })
    .sort((a, b) => compareText(a.slug, b.slug));
}
