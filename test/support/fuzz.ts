// Shared by the fuzz suite (test/fuzz/): how many runs a property gets, and the tally each suite
// prints so that a run reports what it tried. `npm test` runs a bounded number; FUZZ_SCALE=20 npm test
// (or any whole number) runs that many times more, for a longer hunt.

import { afterAll } from "vitest";

/** The multiplier from FUZZ_SCALE: 1 unless it is set to a whole number of at least 1. */
export function fuzzScale(): number {
  const raw = process.env["FUZZ_SCALE"];
  if (raw === undefined || raw === "") return 1;
  const scale = Number(raw);
  if (!Number.isInteger(scale) || scale < 1)
    throw new Error(`FUZZ_SCALE must be a whole number of at least 1, not ${JSON.stringify(raw)}`);
  return scale;
}

/** The number of runs for a property whose bounded budget is `base` runs. */
export function fuzzRuns(base: number): number {
  return base * fuzzScale();
}

/** What one input came to. A crash is any other exception: the suite fails on the first one. */
export type FuzzOutcome = "diagnostics" | "typedError" | "success";

/** Counts the outcomes of a fuzz suite and prints them once it has run. */
export class FuzzTally {
  private readonly counts: Record<FuzzOutcome | "crash", number> = {
    diagnostics: 0,
    typedError: 0,
    success: 0,
    crash: 0,
  };

  constructor(private readonly name: string) {
    afterAll(() => {
      console.log(this.summary());
    });
  }

  record(outcome: FuzzOutcome): void {
    this.counts[outcome]++;
  }

  /** Counts a crash and rethrows it, so that fast-check shrinks and reports the input. */
  crash(error: unknown): never {
    this.counts.crash++;
    throw error;
  }

  get inputs(): number {
    return this.counts.diagnostics + this.counts.typedError + this.counts.success + this.counts.crash;
  }

  count(outcome: FuzzOutcome | "crash"): number {
    return this.counts[outcome];
  }

  summary(): string {
    const { diagnostics, typedError, success, crash } = this.counts;
    return `fuzz ${this.name}: ${this.inputs} inputs: ${diagnostics} with diagnostics, ${typedError} typed errors, ${success} successes, ${crash} crashes`;
  }
}
