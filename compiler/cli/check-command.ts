// `policyc check`: every diagnostic of every policy and case file, without writing anything.

import { hasErrors } from "../diagnostics/diagnostic.js";
import { checkProject } from "../build/build.js";
import { reportDiagnostics } from "./report.js";
import { exitCodes } from "./exit-codes.js";

export function checkCommand(root: string): number {
  const plan = checkProject(root);
  process.stderr.write(`${reportDiagnostics(plan.diagnostics, plan.sources)}\n`);
  return hasErrors(plan.diagnostics) ? exitCodes.problems : exitCodes.ok;
}
