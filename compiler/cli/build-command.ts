// `policyc build [--check]`: compile every policy under policy/ into generated/.

import { hasErrors } from "../diagnostics/diagnostic.js";
import { planBuild, staleFiles, writeBuild } from "../build/build.js";
import { reportDiagnostics } from "./report.js";
import { exitCodes } from "./exit-codes.js";

export async function buildCommand(root: string, options: { check: boolean }): Promise<number> {
  const plan = await planBuild(root);
  if (plan.diagnostics.length > 0) process.stderr.write(`${reportDiagnostics(plan.diagnostics, plan.sources)}\n`);
  if (hasErrors(plan.diagnostics)) {
    process.stderr.write("Nothing was written: generated/ is unchanged.\n");
    return exitCodes.problems;
  }
  if (options.check) {
    const stale = staleFiles(root, plan);
    if (stale.length === 0) {
      process.stdout.write(`generated/ is up to date with policy/ (${plan.models.size} policies).\n`);
      return exitCodes.ok;
    }
    process.stderr.write(`generated/ is out of date with policy/; run \`npm run build\`. Stale files:\n${stale.map((p) => `  ${p}`).join("\n")}\n`);
    return exitCodes.problems;
  }
  const { written, removed } = writeBuild(root, plan);
  const unchanged = plan.files.length - written.length;
  process.stdout.write(
    `Built ${plan.models.size} ${plan.models.size === 1 ? "policy" : "policies"}: ${written.length} written, ${removed.length} removed, ${unchanged} unchanged.\n`,
  );
  return exitCodes.ok;
}
