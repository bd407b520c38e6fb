// `policyc check`: every diagnostic of every policy and case file, without writing anything.

import { hasErrors } from "../diagnostics/diagnostic.js";
import { checkProject } from "../build/build.js";
import { reportDiagnostics } from "./report.js";
import { CliError, exitCodes } from "./exit-codes.js";
import { noPolicyFound } from "./build-command.js";

export function checkCommand(root: string): number {
  const plan = checkProject(root);
  process.stderr.write(`${reportDiagnostics(plan.diagnostics, plan.sources)}\n`);
  if (hasErrors(plan.diagnostics)) return exitCodes.problems;
  if (plan.policyFiles === 0) throw new CliError(noPolicyFound, exitCodes.problems);
  return exitCodes.ok;
}
