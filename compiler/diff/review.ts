// `diff <old> <new>` from start to end: two versions of a policy in, the Markdown review summary out.
// Each version goes through the compiler's own stages (check, lower); the changes are compared
// statement by statement (changes.ts, attributed to revisions by attribution.ts), the decision delta
// is computed symbolically on the two models (symbolic-delta.ts), and render-summary.ts prints it.

import { checkPolicySource, type CheckResult } from "../pipeline.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { PolicyModel } from "../model/policy-model.js";
import { policyChanges } from "./changes.js";
import { attributeChanges } from "./attribution.js";
import type { ChangedRegion } from "./delta.js";
import type { PolicyVersion } from "./load-version.js";
import { renderSummary } from "./render-summary.js";
import { readingChanges } from "./reading-changes.js";
import { symbolicDelta, type Progress, type SymbolicDelta } from "./symbolic-delta.js";

export type ReviewResult =
  | {
      readonly kind: "problems";
      readonly diagnostics: readonly Diagnostic[];
      readonly sources: ReadonlyMap<string, string>;
    }
  | {
      readonly kind: "review";
      readonly markdown: string;
      readonly delta: SymbolicDelta;
      readonly examples: readonly ChangedRegion[];
    };

/** At most this many examples per way of changing, and in all. */
const examplesPerGroup = 2;
const examplesInAll = 8;

/** Up to `examplesPerGroup` examples of each way of changing, earliest period first, no two alike. */
function pickExamples(examples: readonly ChangedRegion[]): ChangedRegion[] {
  const seen = new Set<string>();
  const perGroup = new Map<string, number>();
  const picked: ChangedRegion[] = [];
  for (const example of examples) {
    const group = `${example.before.outcome} ${example.after.outcome}`;
    const key = JSON.stringify([example.before, example.after, example.facts.map((f) => [f.name, f.value.label])]);
    if (seen.has(key) || (perGroup.get(group) ?? 0) >= examplesPerGroup) continue;
    seen.add(key);
    perGroup.set(group, (perGroup.get(group) ?? 0) + 1);
    picked.push(example);
  }
  return picked.slice(0, examplesInAll);
}

export interface ReviewOptions {
  /** Told of each period's delta as it is done (never part of the review itself). */
  readonly progress?: Progress;
}

export async function reviewChange(
  before: PolicyVersion,
  after: PolicyVersion,
  options: ReviewOptions = {},
): Promise<ReviewResult> {
  const root = process.cwd();
  const checked = [before, after].map((version) =>
    checkPolicySource(version.text, version.path, root, version.readBeside),
  );
  const models = checked.map((result) => result.model).filter((model): model is PolicyModel => model !== undefined);
  const [old, next] = models;
  if (!old || !next) {
    return {
      kind: "problems",
      diagnostics: checked.flatMap((result) => result.diagnostics.filter((d) => d.severity === "error")),
      sources: new Map([before, after].map((version) => [version.path, version.text])),
    };
  }
  const delta = symbolicDelta(old, next, options.progress);
  const changes = policyChanges(old, next);
  const examples = pickExamples(delta.examples);
  const [checkedBefore, checkedAfter] = checked as [CheckResult, CheckResult];
  const readings = await readingChanges(
    { result: checkedBefore, root, ...(before.readBeside && { read: before.readBeside }) },
    { result: checkedAfter, root, ...(after.readBeside && { read: after.readBeside }) },
  );
  const markdown = await renderSummary(
    { label: before.label, model: old },
    { label: after.label, model: next },
    changes,
    attributeChanges(old, next, changes),
    delta,
    examples,
    readings,
  );
  return { kind: "review", markdown, delta, examples };
}
