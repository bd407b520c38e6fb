// The review diff on a large policy: a synthetic policy of 80 facts (synthetic-policy.ts) and a
// revision of it that changes a few statements (a criterion widened, one narrowed, a threshold
// moved, one reworded), timed through `reviewChange` as `policyc diff` runs it. The delta must be
// exact and not empty, or the figure would time nothing.

import { performance } from "node:perf_hooks";
import { reviewChange } from "../compiler/diff/review.js";
import { BenchFailure } from "./failure.js";
import { formatCount, formatMs, type Target } from "./report.js";
import { syntheticPolicy } from "./synthetic-policy.js";

export const DIFF_FACTS = 80;

export interface DiffTiming {
  readonly ms: number;
  readonly facts: number;
  readonly cases: bigint;
  readonly changed: bigint;
  readonly nodes: number;
}

/** The revision: four statements of `text` changed, always the same ones. */
export function reviseSynthetic(text: string): string {
  const booleans = [...text.matchAll(/^fact (\S+): yes or no$/gm)].map((match) => match[1] ?? "");
  const [widen = "", narrow = ""] = booleans.filter((name) => !name.startsWith("enrollment.")).slice(-2);
  let seen = 0;
  let moved = false;
  const lines = text.split("\n").map((line) => {
    const met = /^ {2}met when (.*)$/.exec(line);
    if (met === null) return line;
    seen++;
    if (seen === 2) return `  met when (${met[1]}) or ${widen}`;
    if (seen === 5) return `  met when (${met[1]}) and not ${narrow}`;
    const threshold = / (>=|<=|>|<) (\d+)/.exec(line);
    if (moved || threshold === null) return line;
    moved = true;
    return line.replace(threshold[0], ` ${threshold[1]} ${Number(threshold[2]) + 3}`);
  });
  let revised = lines.join("\n");
  revised = revised.replace(
    /^(criterion I\.A\.1 ")(\w+)/m,
    (_, head: string, word: string) => `${head}Revised ${word}`,
  );
  if (revised === text) throw new BenchFailure("the synthetic revision changed nothing");
  return revised;
}

/** Times `policyc diff` of the 80-fact synthetic policy and its revision. */
export async function timeDiff(): Promise<DiffTiming> {
  const policy = syntheticPolicy(1, { facts: DIFF_FACTS });
  const before = { label: "before", path: policy.path, text: policy.text };
  const after = { label: "after", path: policy.path, text: reviseSynthetic(policy.text) };
  const started = performance.now();
  const result = await reviewChange(before, after);
  const ms = performance.now() - started;
  if (result.kind !== "review")
    throw new BenchFailure(`the synthetic diff has errors: ${result.diagnostics.map((d) => d.message).join("; ")}`);
  if (result.delta.changed === 0n) throw new BenchFailure("the synthetic revision changes no decision");
  const facts = new Set([...policy.text.matchAll(/^fact (\S+):/gm)].map((match) => match[1])).size;
  if (facts !== DIFF_FACTS) throw new BenchFailure(`the synthetic policy has ${facts} facts, not ${DIFF_FACTS}`);
  return { ms, facts, cases: result.delta.cases, changed: result.delta.changed, nodes: result.delta.nodes };
}

/** `diff` of the 80-fact policy takes under this long. */
const TARGET_MS = 10_000;

/** The rows of the figures table: what was timed, and how large the delta was. */
export function diffRows(timing: DiffTiming): string[][] {
  return [
    [""],
    [`Review diff (synthetic policy of ${timing.facts} facts and a revision of 4 statements)`, "time", "diagram nodes"],
    [
      `  policyc diff: ${timing.changed.toLocaleString("en-US")} of ${timing.cases.toLocaleString("en-US")} cases change`,
      formatMs(timing.ms),
      formatCount(timing.nodes),
    ],
  ];
}

export function diffTarget(timing: DiffTiming): Target {
  return {
    name: `diff of the ${timing.facts}-fact synthetic policy under ${TARGET_MS / 1000} s`,
    met: timing.ms < TARGET_MS,
    figure: formatMs(timing.ms),
  };
}
