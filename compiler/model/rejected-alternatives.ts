// What a reading's rejected alternative would change: computed by the build (build/reading-impacts.ts)
// from the policy compiled both ways, shown by the docs' register of readings (emit/docs/readings.ts).

/** How many decisions a rejected alternative would change, or why that was not counted. */
export interface ReadingImpact {
  readonly changed: bigint;
  readonly cases: bigint;
  /** The lists of records the count is not exact for (each condition over them counted as one question). */
  readonly notExactFor: readonly string[];
}

/** A reading's rejected alternative as the register shows it: its words, what it replaces, its impact. */
export interface RejectedAlternative {
  readonly words: string;
  /** Each replaced clause: `I.C.4 category`. */
  readonly replaces: readonly string[];
  readonly impact: ReadingImpact;
}

/** Keys a reading by what it is on (a statement's id, a definition's name, a revision) and its words. */
export function readingKey(owner: string, reading: string): string {
  return `${owner}\u0000${reading}`;
}
