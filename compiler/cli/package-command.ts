// `policyc package`: an npm package for each built policy, in dist/packages/<name>/ (run by
// `npm run build` once the generated evaluators are compiled). `npm pack` in that folder makes the
// tarball to publish.

import { checkProject } from "../build/build.js";
import { policySlug } from "../build/project-files.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { readPackageScope } from "../package/package-scope.js";
import { writePolicyPackage } from "../package/policy-package.js";
import { ledgerPath, readLedger } from "../package/release-ledger.js";
import { currentVersion } from "../package/releases.js";
import { CliError, exitCodes } from "./exit-codes.js";
import { reportDiagnostics } from "./report.js";
import { existsSync } from "node:fs";
import { join } from "node:path";

export function packageCommand(root: string): number {
  const scope = readPackageScope(root);
  if (scope.kind === "invalid")
    throw new CliError(
      `package.json: "policyc.packageScope" must be an npm scope such as "@your-plan", not ${scope.given}.`,
      exitCodes.usage,
    );
  // Only the models are needed: the build before it compiled the readings' alternatives.
  const project = checkProject(root, { compileAlternatives: false });
  if (hasErrors(project.diagnostics)) {
    process.stderr.write(`${reportDiagnostics(project.diagnostics, project.sources)}\n`);
    return exitCodes.problems;
  }
  const models = [...project.models.values()];
  for (const model of models) {
    const slug = policySlug(model.sourcePath);
    if (!existsSync(join(root, "dist", "generated", slug, "evaluator.js")))
      throw new CliError(
        `The evaluator of ${model.reference} is not compiled yet: run \`npm run build\`.`,
        exitCodes.notBuilt,
      );
    const latest = model.revisions.at(-1);
    const ledger = readLedger(root, slug);
    if (ledger.kind === "invalid")
      throw new CliError(`${ledgerPath(slug)} cannot be used: ${ledger.why}.`, exitCodes.problems);
    const out = writePolicyPackage(
      root,
      {
        slug,
        reference: model.reference,
        title: model.title,
        revision: latest?.approved ?? "",
        version: currentVersion(model, ledger.kind === "read" ? ledger.ledger : undefined),
      },
      scope.scope,
    );
    process.stdout.write(`${model.reference}: ${scope.scope}/${slug} in ${out.slice(root.length + 1)}\n`);
  }
  return exitCodes.ok;
}
