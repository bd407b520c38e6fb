// `policyc diff <old> <new>`: the review summary of a change to a policy, as Markdown on stdout.
// Each side is a file or `<git revision>:<file>`. Progress, when asked for, goes to stderr only, so the
// review on stdout is the same with or without it.

import { loadVersion, type PolicyVersion } from "../diff/load-version.js";
import { reviewChange } from "../diff/review.js";
import { reportDiagnostics } from "./report.js";
import { CliError, exitCodes } from "./exit-codes.js";

export async function diffCommand(
  root: string,
  oldSpec: string,
  newSpec: string,
  options: { readonly progress: boolean } = { progress: false },
): Promise<number> {
  const load = (spec: string): PolicyVersion => {
    try {
      return loadVersion(root, spec);
    } catch (error) {
      throw new CliError(error instanceof Error ? error.message : String(error), exitCodes.usage);
    }
  };
  const started = Date.now();
  const progress = (done: number, total: number, what: string) =>
    process.stderr.write(`policyc diff: period ${done} of ${total} (${what}), ${Date.now() - started} ms\n`);
  const result = await reviewChange(load(oldSpec), load(newSpec), options.progress ? { progress } : {});
  if (result.kind === "problems") {
    process.stderr.write(
      `${reportDiagnostics(result.diagnostics, result.sources)}\nNo review: a version has errors.\n`,
    );
    return exitCodes.problems;
  }
  process.stdout.write(result.markdown);
  return exitCodes.ok;
}
