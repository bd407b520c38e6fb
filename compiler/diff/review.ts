// `diff <old> <new>` from start to end: two versions of a policy in, the Markdown review summary out.
// Each version goes through the compiler's own stages (check, lower, emit the evaluator); the delta
// runs the two evaluators (evaluators.ts, delta.ts); the summary is printed by render-summary.ts.

import { checkPolicySource } from "../pipeline.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { PolicyModel } from "../model/policy-model.js";
import { policyChanges } from "./changes.js";
import { decisionDelta, minimalExample, type ChangedRegion, type DecisionDelta } from "./delta.js";
import { importEvaluators } from "./evaluators.js";
import type { PolicyVersion } from "./load-version.js";
import { renderSummary } from "./render-summary.js";

export type ReviewResult =
  | {
      readonly kind: "problems";
      readonly diagnostics: readonly Diagnostic[];
      readonly sources: ReadonlyMap<string, string>;
    }
  | {
      readonly kind: "review";
      readonly markdown: string;
      readonly delta: DecisionDelta;
      readonly examples: readonly ChangedRegion[];
    };

/** At most this many examples per way of changing, and in all. */
const examplesPerGroup = 2;
const examplesInAll = 8;

function pickExamples(
  regions: readonly ChangedRegion[],
  minimise: (region: ChangedRegion) => ChangedRegion,
): ChangedRegion[] {
  const seen = new Set<string>();
  const byGroup = new Map<string, ChangedRegion[]>();
  for (const region of regions) {
    const example = minimise(region);
    const key = JSON.stringify([example.before, example.after, example.facts.map((f) => [f.name, f.value.label])]);
    if (seen.has(key)) continue;
    seen.add(key);
    const group = JSON.stringify([example.before, example.after]);
    byGroup.set(group, [...(byGroup.get(group) ?? []), example]);
  }
  const picked: ChangedRegion[] = [];
  const label = (region: ChangedRegion, name: string) => region.facts.find((fact) => fact.name === name)?.value.label;
  for (const examples of byGroup.values()) {
    const sorted = [...examples].sort(
      (a, b) => a.facts.length - b.facts.length || a.period.from.localeCompare(b.period.from),
    );
    // The first is the smallest; each next one differs most from those already picked.
    const chosen: ChangedRegion[] = sorted.slice(0, 1);
    while (chosen.length < Math.min(examplesPerGroup, sorted.length)) {
      const distance = (region: ChangedRegion) =>
        Math.min(
          ...chosen.map((other) => region.facts.filter((fact) => label(other, fact.name) !== fact.value.label).length),
        );
      const next = sorted
        .filter((region) => !chosen.includes(region))
        .reduce((best, region) => (distance(region) > distance(best) ? region : best));
      chosen.push(next);
    }
    picked.push(...chosen);
  }
  return picked.slice(0, examplesInAll);
}

export async function reviewChange(before: PolicyVersion, after: PolicyVersion): Promise<ReviewResult> {
  const checked = [before, after].map((version) => checkPolicySource(version.text, version.path));
  const models = checked.map((result) => result.model).filter((model): model is PolicyModel => model !== undefined);
  const [old, next] = models;
  if (!old || !next) {
    return {
      kind: "problems",
      diagnostics: checked.flatMap((result) => result.diagnostics.filter((d) => d.severity === "error")),
      sources: new Map([before, after].map((version) => [version.path, version.text])),
    };
  }
  const { evaluators, dispose } = await importEvaluators([old, next]);
  try {
    const [first, second] = evaluators;
    if (!first || !second) throw new Error("policyc: the evaluators could not be loaded");
    const pair = [first, second] as const;
    const delta = decisionDelta(old, next, pair);
    const examples = pickExamples(delta.regions, (region) => minimalExample(region, pair, old, next));
    const markdown = await renderSummary(
      { label: before.label, model: old },
      { label: after.label, model: next },
      policyChanges(old, next),
      delta,
      examples,
    );
    return { kind: "review", markdown, delta, examples };
  } finally {
    dispose();
  }
}
