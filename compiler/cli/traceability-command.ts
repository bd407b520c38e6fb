// `policyc traceability`: checks every policy under policy/ that names its published text against that text,
// and each revision's own published text against the policy as it stood then; prints the mismatches
// and the sentences not accounted for, and exits 1 when there are any.

import { checkProject } from "../build/build.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { traceIsClean, tracePolicy } from "../trace/trace.js";
import { policyInRevision } from "../model/policy-in-revision.js";
import { renderTraceReport } from "../trace/render-report.js";
import { reportDiagnostics } from "./report.js";
import { exitCodes } from "./exit-codes.js";

export function traceabilityCommand(root: string): number {
  const project = checkProject(root);
  if (hasErrors(project.diagnostics)) {
    process.stderr.write(`${reportDiagnostics(project.diagnostics, project.sources)}\n`);
    return exitCodes.problems;
  }
  let clean = true;
  for (const model of project.models.values()) {
    // The header's text (the latest revision's) against the policy as it stands now (what a revision
    // removed is not in it); each revision's own text against the policy as it stood in that revision.
    const texts = [
      ...(project.published.has(model.reference)
        ? [
            {
              published: project.published.get(model.reference),
              as: policyInRevision(model, model.revisions.length - 1),
            },
          ]
        : []),
      ...model.revisions.flatMap((revision, index) => {
        const published = project.revisionTexts.get(model.reference)?.get(revision.approved);
        return published ? [{ published, as: policyInRevision(model, index) }] : [];
      }),
    ];
    for (const { published, as } of texts) {
      if (!published) continue;
      if (published.kind !== "read") {
        process.stderr.write(`${model.sourcePath}: the published text ${published.path} is missing.\n`);
        clean = false;
        continue;
      }
      const report = tracePolicy(as, published.text);
      const policySource = project.sources.get(model.sourcePath) ?? "";
      const text = renderTraceReport(report, {
        policyPath: model.sourcePath,
        policySource,
        publishedPath: published.path,
      });
      const ok = traceIsClean(report);
      (ok ? process.stdout : process.stderr).write(`${text}\n`);
      clean &&= ok;
    }
  }
  return clean ? exitCodes.ok : exitCodes.problems;
}
