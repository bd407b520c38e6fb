// The traceability of one policy as the docs show it: its published texts (read by published.ts)
// checked against the model. The header's text is the latest revision's, checked as it always was
// (every statement's current words); a revision's own text is checked against the policy as it
// stood in that revision (model/policy-in-revision.ts); and the words no held text covers are listed.

import type { PolicyModel } from "../model/policy-model.js";
import { ruleVersions } from "../model/versions.js";
import { policyInRevision } from "../model/policy-in-revision.js";
import type { PublishedText } from "./published.js";
import { tracePolicy, type TraceReport } from "./trace.js";

/** What is known of a published text: none named, named but missing, or checked. */
export type TextTrace =
  | { readonly kind: "none" }
  | { readonly kind: "missing"; readonly path: string }
  | { readonly kind: "checked"; readonly path: string; readonly report: TraceReport };

/** A revision's own published text, checked against the policy as it stood in that revision. */
export type RevisionTextTrace = { readonly revision: string } & Exclude<TextTrace, { readonly kind: "none" }>;

/** Words of a version of a rule that no published text held here is checked for. */
export interface UncheckedWords {
  /** `criterion I.A.2`. */
  readonly owner: string;
  readonly text: string;
  /** The revisions it was in force in, none of which has its text held. */
  readonly revisions: readonly string[];
}

export interface RevisionTraces {
  readonly texts: readonly RevisionTextTrace[];
  readonly unchecked: readonly UncheckedWords[];
}

/** The header's published text, as before; and the texts of single revisions. */
export type TraceSummary = TextTrace & { readonly revisions: RevisionTraces };

/** NOTE: a refused published text is an error that stops the build before the docs are written. */
export function traceSummary(
  model: PolicyModel,
  published: PublishedText | undefined,
  revisionTexts: ReadonlyMap<string, PublishedText> = new Map(),
): TraceSummary {
  const revisions = revisionTraces(model, published?.kind === "read", revisionTexts);
  if (published === undefined) return { kind: "none", revisions };
  if (published.kind !== "read") return { kind: "missing", path: published.path, revisions };
  // The latest revision's text holds the policy as it stands now: a statement removed is not in it.
  const now = policyInRevision(model, model.revisions.length - 1);
  return { kind: "checked", path: published.path, report: tracePolicy(now, published.text), revisions };
}

function revisionTraces(
  model: PolicyModel,
  latestHeld: boolean,
  revisionTexts: ReadonlyMap<string, PublishedText>,
): RevisionTraces {
  const texts = model.revisions.flatMap((revision, index): RevisionTextTrace[] => {
    const published = revisionTexts.get(revision.approved);
    if (published === undefined) return [];
    if (published.kind !== "read") return [{ revision: revision.approved, kind: "missing", path: published.path }];
    const report = tracePolicy(policyInRevision(model, index), published.text);
    return [{ revision: revision.approved, kind: "checked", path: published.path, report }];
  });
  const held = new Set(texts.flatMap((text) => (text.kind === "checked" ? [text.revision] : [])));
  // Only a policy with versions or with texts of single revisions has words some text does not cover
  // that the header's text would have covered before; the others are reported as they always were.
  const unchecked = model.rules.flatMap((rule) => {
    const versions = ruleVersions(rule);
    if (versions.length === 1 && texts.length === 0) return [];
    return versions.flatMap((version, index): UncheckedWords[] => {
      if (index === versions.length - 1 && latestHeld) return [];
      const until = version.inForce.until ?? model.revisions.length;
      const inForce = model.revisions.slice(version.inForce.from, until).map((revision) => revision.approved);
      if (inForce.some((name) => held.has(name))) return [];
      return [{ owner: `${rule.kind} ${rule.id}`, text: version.text, revisions: inForce }];
    });
  });
  return { texts, unchecked };
}
