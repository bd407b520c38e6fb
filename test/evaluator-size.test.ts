// The size of a generated evaluator is linear in the size of its conditions: explaining a nested
// condition computes the truth of each compound part once, into a local, instead of spelling the
// whole part out again at each level (which made an and/or chain 200 deep emit 18 MB).

import { describe, expect, it } from "vitest";
import { createEmitProject, emitEvaluator } from "../compiler/emit/evaluator/emit-evaluator.js";
import { formatTypeScript } from "../compiler/emit/format.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { maxNestingDepth } from "../compiler/syntax/nesting.js";
import { alternatingChain, deepPolicyBase, deepPolicyPath } from "./support/deep-policy.js";

/** `not (a.flag or not (a.flag or ...))`: `not` between the compound levels. */
function negatedChain(depth: number): string {
  return `${"not (a.age > 3 or ".repeat(depth / 2)}a.flag${")".repeat(depth / 2)}`;
}

function emittedEvaluator(condition: string): string {
  const { model, diagnostics } = checkPolicySource(
    `${deepPolicyBase}criterion S.1 "x" met when ${condition}\n`,
    deepPolicyPath,
  );
  if (!model) throw new Error(`the policy does not check: ${diagnostics.map((d) => d.message).join(" ")}`);
  return emitEvaluator(model, createEmitProject(), "generated/deep/evaluator.ts");
}

/** How much the evaluator grows from `depth` to twice that depth, the rest of the policy aside. */
function growthWhenDoubled(chain: (depth: number) => string, depth: number): number {
  const rest = emittedEvaluator("a.flag").length;
  return (emittedEvaluator(chain(2 * depth)).length - rest) / (emittedEvaluator(chain(depth)).length - rest);
}

describe("the evaluator's size", () => {
  it("doubles at most when an alternating and/or chain doubles in depth", () => {
    expect(growthWhenDoubled(alternatingChain, maxNestingDepth / 2)).toBeLessThan(2.2);
  });

  it("doubles at most when a chain with `not` between its levels doubles in depth", () => {
    expect(growthWhenDoubled(negatedChain, maxNestingDepth / 2)).toBeLessThan(2.2);
  });

  it("stays under 150 kB, formatted, for a chain as deep as the limit allows", async () => {
    const formatted = await formatTypeScript(emittedEvaluator(alternatingChain(maxNestingDepth)));
    expect(formatted.length).toBeLessThan(150_000);
  });
});
