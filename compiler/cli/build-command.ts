// `policyc build [--check]`: compile every policy under policy/ into generated/. `policyc release`:
// the same build, recording in each policy's release ledger the version its change since the last
// release calls for (package/releases.ts).

import { hasErrors } from "../diagnostics/diagnostic.js";
import { planBuild, staleFiles, writeBuild } from "../build/build.js";
import { GeneratedFolderError } from "../build/write-generated.js";
import { BuildLockError } from "../build/build-lock.js";
import { reportDiagnostics } from "./report.js";
import { readLedger } from "../package/release-ledger.js";
import { policySlug } from "../build/project-files.js";
import { CliError, exitCodes } from "./exit-codes.js";

/** Said when a project has no policy: building would only empty generated/. */
export const noPolicyFound = "No policy found: policyc compiles the .policy files under policy/, and there is none.";

export async function buildCommand(root: string, options: { check: boolean; release?: boolean }): Promise<number> {
  const plan = await planBuild(root, { release: options.release === true });
  if (plan.diagnostics.length > 0) process.stderr.write(`${reportDiagnostics(plan.diagnostics, plan.sources)}\n`);
  if (hasErrors(plan.diagnostics)) {
    process.stderr.write("Nothing was written: generated/ is unchanged.\n");
    return exitCodes.problems;
  }
  if (plan.policyFiles === 0) throw new CliError(`${noPolicyFound} Nothing was written.`, exitCodes.problems);
  if (options.check) {
    const stale = staleFiles(root, plan);
    if (stale.length === 0) {
      process.stdout.write(`generated/ is up to date with policy/ (${plan.models.size} policies).\n`);
      return exitCodes.ok;
    }
    process.stderr.write(
      `generated/ is out of date with policy/; run \`npm run build\`. Stale files:\n${stale.map((p) => `  ${p}`).join("\n")}\n`,
    );
    return exitCodes.problems;
  }
  let result;
  try {
    result = writeBuild(root, plan);
  } catch (error) {
    if (error instanceof GeneratedFolderError || error instanceof BuildLockError)
      throw new CliError(`${error.message} Nothing was written.`, exitCodes.problems);
    throw error;
  }
  if (options.release)
    for (const model of plan.models.values()) {
      const read = readLedger(root, policySlug(model.sourcePath));
      const last = read.kind === "read" ? read.ledger.releases.at(-1) : undefined;
      if (last) process.stdout.write(`${model.reference}: version ${last.version} (${last.change}).\n`);
    }
  const unchanged = plan.files.length - result.written.length;
  process.stdout.write(
    `Built ${plan.models.size} ${plan.models.size === 1 ? "policy" : "policies"}: ${result.written.length} written, ${result.removed.length} removed, ${unchanged} unchanged.\n`,
  );
  return exitCodes.ok;
}
