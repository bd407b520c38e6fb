// A policy's release ledger as the build reads it (PC106 when it cannot be used: the check stops
// there, so nothing is written), and the files of its releases that a build writes: its changelog,
// always, and its ledger when it has one (rewritten as read, so a build keeps it), or, for
// `policyc release`, the ledger with the pending release recorded.

import { catalogue } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { PolicyModel } from "../model/policy-model.js";
import { changelog } from "../package/changelog.js";
import { ledgerPath, ledgerText, readLedger } from "../package/release-ledger.js";
import { pendingRelease, withRelease, type ReleaseLedger } from "../package/releases.js";
import type { GeneratedFile } from "../pipeline.js";
import { policySlug } from "./project-files.js";

const fileStart = { offset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };

/** The ledger of `model` in the project at `root` (undefined when it has none), or the diagnostic saying why it cannot be used. */
export function ledgerOf(
  root: string,
  model: PolicyModel,
): { readonly ledger?: ReleaseLedger; readonly diagnostic?: Diagnostic } {
  const slug = policySlug(model.sourcePath);
  const read = readLedger(root, slug);
  if (read.kind === "none") return {};
  if (read.kind === "read") return { ledger: read.ledger };
  return {
    diagnostic: diagnostic(
      catalogue.releaseLedgerInvalid,
      ledgerPath(slug),
      fileStart,
      { path: ledgerPath(slug), why: read.why },
      { hint: "Restore it from version control; delete it only to start the policy's versions again at 1.0.0." },
    ),
  };
}

export function releaseFiles(model: PolicyModel, read: ReleaseLedger | undefined, release: boolean): GeneratedFile[] {
  const slug = policySlug(model.sourcePath);
  const ledger = release ? withRelease(model, read) : read;
  const files: GeneratedFile[] = [
    { path: `generated/${slug}/CHANGELOG.md`, contents: changelog(model, ledger, pendingRelease(model, ledger)) },
  ];
  if (ledger) files.push({ path: ledgerPath(slug), contents: ledgerText(ledger) });
  return files;
}
