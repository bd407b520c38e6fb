// Decisions per second of WNC.CP.224: the generated evaluator without and with the trace, and the
// hand-written one, over the same fact sets. Runs are interleaved so that a noisy moment of a shared
// machine hurts all three alike; each figure is the median of the repetitions.

import { evaluate, type Facts } from "../generated/wnc-cp-224/evaluator.js";
import { decideHomeInfusion } from "./hand-written-wnc-cp-224.js";
import { cpuMs, median, settledHeap } from "./measure.js";
import type { FactSet } from "./wnc-fact-sets.js";

export type Contender = "generated" | "generatedTrace" | "handWritten";
export const contenders: readonly Contender[] = ["generated", "generatedTrace", "handWritten"];

/** The inputs as each evaluator takes them, built before timing so that no run pays for them. */
interface Inputs {
  readonly facts: readonly Facts[];
  readonly plain: readonly { readonly asOf: string }[];
  readonly traced: readonly { readonly asOf: string; readonly trace: true }[];
}

function inputsOf(sets: readonly FactSet[]): Inputs {
  return {
    facts: sets.map((set) => set.facts),
    plain: sets.map((set) => ({ asOf: set.asOf })),
    traced: sets.map((set) => ({ asOf: set.asOf, trace: true as const })),
  };
}

// NOTE: one loop per contender, not one loop taking a function: a shared call site would turn
// polymorphic and stop V8 inlining, slowing whichever contender it met second.

function runGenerated(inputs: Inputs): number {
  let sink = 0;
  for (let i = 0; i < inputs.facts.length; i++)
    sink += evaluate(inputs.facts[i] as Facts, inputs.plain[i] as { asOf: string }).reasons.length;
  return sink;
}

function runGeneratedTrace(inputs: Inputs): number {
  let sink = 0;
  for (let i = 0; i < inputs.facts.length; i++)
    sink += evaluate(inputs.facts[i] as Facts, inputs.traced[i] as { asOf: string; trace: true }).reasons.length;
  return sink;
}

function runHandWritten(inputs: Inputs): number {
  let sink = 0;
  for (let i = 0; i < inputs.facts.length; i++)
    sink += decideHomeInfusion(inputs.facts[i] as Facts, inputs.plain[i] as { asOf: string }).reasons.length;
  return sink;
}

const runners: Readonly<Record<Contender, (inputs: Inputs) => number>> = {
  generated: runGenerated,
  generatedTrace: runGeneratedTrace,
  handWritten: runHandWritten,
};

export interface Throughput {
  /** Median decisions per second of each contender. */
  readonly perSecond: Readonly<Record<Contender, number>>;
  /** Every repetition's decisions per second, to show the spread. */
  readonly samples: Readonly<Record<Contender, readonly number[]>>;
}

/** Decisions per second over all `sets`, `warmups` untimed passes then `repetitions` timed ones each. */
export function measureThroughput(sets: readonly FactSet[], warmups: number, repetitions: number): Throughput {
  const inputs = inputsOf(sets);
  const samples: Record<Contender, number[]> = { generated: [], generatedTrace: [], handWritten: [] };
  let sink = 0;
  for (let pass = 0; pass < warmups + repetitions; pass++) {
    // Rotate who goes first, so that none always runs right after a collection the others caused.
    for (let k = 0; k < contenders.length; k++) {
      const contender = contenders[(pass + k) % contenders.length] as Contender;
      const start = cpuMs();
      sink += runners[contender](inputs);
      const seconds = (cpuMs() - start) / 1000;
      if (pass >= warmups) samples[contender].push(sets.length / seconds);
    }
  }
  if (sink < 0) console.log(sink); // keeps the results observable, so no run can be optimised away
  return {
    perSecond: {
      generated: median(samples.generated),
      generatedTrace: median(samples.generatedTrace),
      handWritten: median(samples.handWritten),
    },
    samples,
  };
}

/** Heap retained per decision kept, in bytes: the size of what each evaluator returns. */
export function retainedBytesPerDecision(sets: readonly FactSet[]): Readonly<Record<Contender, number>> {
  const inputs = inputsOf(sets);
  const measure = (decideAll: () => unknown[]): number => {
    const before = settledHeap();
    const kept = decideAll();
    const after = settledHeap();
    if (kept.length !== sets.length) throw new Error("lost decisions");
    return (after - before) / sets.length;
  };
  return {
    generated: measure(() => inputs.facts.map((facts, i) => evaluate(facts, inputs.plain[i] as { asOf: string }))),
    generatedTrace: measure(() =>
      inputs.facts.map((facts, i) => evaluate(facts, inputs.traced[i] as { asOf: string; trace: true })),
    ),
    handWritten: measure(() =>
      inputs.facts.map((facts, i) => decideHomeInfusion(facts, inputs.plain[i] as { asOf: string })),
    ),
  };
}
