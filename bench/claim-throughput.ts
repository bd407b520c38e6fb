// Claim checks per second of WNC.CP.224's coding table: the generated checkClaim and the hand-written
// one, over the same claims. As in throughput.ts, runs are interleaved so that a noisy moment of a
// shared machine hurts both alike, and each figure is the median of the repetitions.

import { checkClaim, type Claim } from "../generated/wnc-cp-224/evaluator.js";
import type { ClaimCheckOptions } from "../generated/runtime/index.js";
import { checkWncClaim } from "./hand-written-wnc-cp-224-claims.js";
import { cpuMs, median, settledHeap } from "./measure.js";
import type { ClaimSet } from "./wnc-claims.js";

export type ClaimContender = "generated" | "handWritten";
const contenders: readonly ClaimContender[] = ["generated", "handWritten"];

/** The claims and their options as separate arrays, built before timing so that no run pays for them. */
interface Inputs {
  readonly claims: readonly Claim[];
  readonly options: readonly ClaimCheckOptions[];
}

function inputsOf(sets: readonly ClaimSet[]): Inputs {
  return { claims: sets.map((set) => set.claim), options: sets.map((set) => set.options) };
}

// NOTE: one loop per contender, not one loop taking a function: a shared call site would turn
// polymorphic and stop V8 inlining, slowing whichever contender it met second.

function runGenerated(inputs: Inputs): number {
  let sink = 0;
  for (let i = 0; i < inputs.claims.length; i++) {
    const check = checkClaim(inputs.claims[i] as Claim, inputs.options[i]);
    sink += check.violations.length + check.pending.length;
  }
  return sink;
}

function runHandWritten(inputs: Inputs): number {
  let sink = 0;
  for (let i = 0; i < inputs.claims.length; i++) {
    const check = checkWncClaim(inputs.claims[i] as Claim, inputs.options[i]);
    sink += check.violations.length + check.pending.length;
  }
  return sink;
}

const runners: Readonly<Record<ClaimContender, (inputs: Inputs) => number>> = {
  generated: runGenerated,
  handWritten: runHandWritten,
};

export interface ClaimThroughput {
  /** Median claim checks per second of each contender. */
  readonly perSecond: Readonly<Record<ClaimContender, number>>;
  /** Every repetition's claim checks per second, to show the spread. */
  readonly samples: Readonly<Record<ClaimContender, readonly number[]>>;
}

/** Claim checks per second over all `sets`, `warmups` untimed passes then `repetitions` timed ones each. */
export function measureClaimThroughput(
  sets: readonly ClaimSet[],
  warmups: number,
  repetitions: number,
): ClaimThroughput {
  const inputs = inputsOf(sets);
  const samples: Record<ClaimContender, number[]> = { generated: [], handWritten: [] };
  let sink = 0;
  for (let pass = 0; pass < warmups + repetitions; pass++) {
    // Alternate who goes first, so that neither always runs right after a collection the other caused.
    for (let k = 0; k < contenders.length; k++) {
      const contender = contenders[(pass + k) % contenders.length] as ClaimContender;
      const start = cpuMs();
      sink += runners[contender](inputs);
      const seconds = (cpuMs() - start) / 1000;
      if (pass >= warmups) samples[contender].push(sets.length / seconds);
    }
  }
  if (sink < 0) console.log(sink); // keeps the results observable, so no run can be optimised away
  return { perSecond: { generated: median(samples.generated), handWritten: median(samples.handWritten) }, samples };
}

/** Heap retained per claim check kept, in bytes: the size of what each checker returns. */
export function retainedBytesPerClaimCheck(sets: readonly ClaimSet[]): Readonly<Record<ClaimContender, number>> {
  const measure = (checkAll: () => unknown[]): number => {
    const before = settledHeap();
    const kept = checkAll();
    const after = settledHeap();
    if (kept.length !== sets.length) throw new Error("lost claim checks");
    return (after - before) / sets.length;
  };
  return {
    generated: measure(() => sets.map(({ claim, options }) => checkClaim(claim, options))),
    handWritten: measure(() => sets.map(({ claim, options }) => checkWncClaim(claim, options))),
  };
}
