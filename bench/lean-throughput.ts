// The generated WNC.CP.224 against its lean baselines (issue 12): decisions per second of the generated
// evaluator without and with the trace and of lean-wnc-cp-224.ts, and claim checks per second of the
// generated checkClaim and of lean-wnc-cp-224-claims.ts, over the same inputs, built before timing.
// As in throughput.ts, runs are interleaved and each figure is the median of the repetitions; each
// ratio, the median of the passes' own ratios (measure.ts, pairedRatio).

import { checkClaim, evaluate, type Claim, type Facts } from "../generated/wnc-cp-224/evaluator.js";
import type { ClaimCheckOptions } from "../generated/runtime/index.js";
import { decideLean } from "./lean-wnc-cp-224.js";
import { checkLeanClaim } from "./lean-wnc-cp-224-claims.js";
import { cpuMs, median, pairedRatio } from "./measure.js";
import type { FactSet } from "./wnc-fact-sets.js";
import type { ClaimSet } from "./wnc-claims.js";

export interface LeanThroughput {
  /** Median decisions per second. */
  readonly generated: number;
  readonly generatedTrace: number;
  readonly lean: number;
  /** How many times slower than lean the generated evaluator is, without and with the trace: medians of each pass's own ratio. */
  readonly slower: number;
  readonly slowerTrace: number;
}

export interface LeanClaimThroughput {
  /** Median claim checks per second. */
  readonly generated: number;
  readonly lean: number;
  /** How many times slower than lean the generated checkClaim is: the median of each pass's own ratio. */
  readonly slower: number;
}

// NOTE: one loop per contender, not one loop taking a function: a shared call site would turn
// polymorphic and stop V8 inlining, slowing whichever contender it met second.

function runGenerated(facts: readonly Facts[], options: readonly { asOf: string }[]): number {
  let sink = 0;
  for (let i = 0; i < facts.length; i++)
    sink += evaluate(facts[i] as Facts, options[i] as { asOf: string }).reasons.length;
  return sink;
}

function runGeneratedTrace(facts: readonly Facts[], options: readonly { asOf: string; trace: true }[]): number {
  let sink = 0;
  for (let i = 0; i < facts.length; i++)
    sink += evaluate(facts[i] as Facts, options[i] as { asOf: string; trace: true }).reasons.length;
  return sink;
}

function runLean(facts: readonly Facts[], options: readonly { asOf: string }[]): number {
  let sink = 0;
  for (let i = 0; i < facts.length; i++)
    sink += decideLean(facts[i] as Facts, options[i] as { asOf: string }).reasons.length;
  return sink;
}

function runGeneratedClaims(claims: readonly Claim[], options: readonly ClaimCheckOptions[]): number {
  let sink = 0;
  for (let i = 0; i < claims.length; i++) {
    const check = checkClaim(claims[i] as Claim, options[i]);
    sink += check.violations.length + check.pending.length;
  }
  return sink;
}

function runLeanClaims(claims: readonly Claim[], options: readonly ClaimCheckOptions[]): number {
  let sink = 0;
  for (let i = 0; i < claims.length; i++) {
    const check = checkLeanClaim(claims[i] as Claim, options[i]);
    sink += check.violations.length + check.pending.length;
  }
  return sink;
}

/** Runs each of `runs` in turn, rotating who goes first; each one's items per CPU second, pass by pass. */
function interleave(count: number, runs: readonly (() => number)[], warmups: number, repetitions: number): number[][] {
  const samples = runs.map((): number[] => []);
  let sink = 0;
  for (let pass = 0; pass < warmups + repetitions; pass++) {
    for (let k = 0; k < runs.length; k++) {
      const which = (pass + k) % runs.length;
      const start = cpuMs();
      sink += (runs[which] as () => number)();
      const seconds = (cpuMs() - start) / 1000;
      if (pass >= warmups) samples[which]?.push(count / seconds);
    }
  }
  if (sink < 0) console.log(sink); // keeps the results observable, so no run can be optimised away
  return samples;
}

export function measureLeanThroughput(sets: readonly FactSet[], warmups: number, repetitions: number): LeanThroughput {
  const facts = sets.map((set) => set.facts);
  const plain = sets.map((set) => ({ asOf: set.asOf }));
  const traced = sets.map((set) => ({ asOf: set.asOf, trace: true as const }));
  const [generated = [], generatedTrace = [], lean = []] = interleave(
    sets.length,
    [() => runGenerated(facts, plain), () => runGeneratedTrace(facts, traced), () => runLean(facts, plain)],
    warmups,
    repetitions,
  );
  return {
    generated: median(generated),
    generatedTrace: median(generatedTrace),
    lean: median(lean),
    slower: pairedRatio(lean, generated),
    slowerTrace: pairedRatio(lean, generatedTrace),
  };
}

export function measureLeanClaimThroughput(
  sets: readonly ClaimSet[],
  warmups: number,
  repetitions: number,
): LeanClaimThroughput {
  const claims = sets.map((set) => set.claim);
  const options = sets.map((set) => set.options);
  const [generated = [], lean = []] = interleave(
    sets.length,
    [() => runGeneratedClaims(claims, options), () => runLeanClaims(claims, options)],
    warmups,
    repetitions,
  );
  return { generated: median(generated), lean: median(lean), slower: pairedRatio(lean, generated) };
}
