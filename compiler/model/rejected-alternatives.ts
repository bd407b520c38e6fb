// What a reading's rejected alternative would change: computed by the build (build/reading-impacts.ts)
// from the policy compiled both ways, shown by the docs' register of readings (emit/docs/readings.ts).

/** How many claim checks a rejected alternative of a billing rule would change (diff/claim-delta.ts). */
export interface ClaimImpact {
  /** The billing rules the alternative changes. */
  readonly rules: readonly string[];
  /** The codes whose lines were varied, each from no line to `units`. */
  readonly codes: readonly { readonly code: string; readonly units: number }[];
  /** The claim facts varied over every value, and unknown. */
  readonly facts: readonly string[];
  /** The service dates checked. */
  readonly dates: readonly string[];
  readonly checks: number;
  readonly changed: number;
}

/** How many decisions a rejected alternative would change, or why that was not counted. */
export interface ReadingImpact {
  /** The decisions whose outcome changes. */
  readonly changed: bigint;
  readonly cases: bigint;
  /** The decisions whose outcome stands but whose services not covered change; not among `changed`. */
  readonly servicesChanged: bigint;
  /** The lists of records the count is not exact for (each condition over them counted as one question). */
  readonly notExactFor: readonly string[];
  /** For an alternative that changes billing rules: the claim checks it changes; `undefined` when none changes. */
  readonly claims?: ClaimImpact | "too many";
}

/** A reading's rejected alternative as the register shows it: its words, what it replaces, its impact. */
export interface RejectedAlternative {
  readonly kind: "alternative";
  readonly words: string;
  /** Each replaced clause: `I.C.4 category`. */
  readonly replaces: readonly string[];
  readonly impact: ReadingImpact;
}

/** A reading on a statement no decision and no claim check reads, as the checker verified (PC107). */
export interface DecidesNothing {
  readonly kind: "decidesNothing";
}

/** What the register shows of a reading's impact. */
export type ReadingFigure = RejectedAlternative | DecidesNothing;

/** Keys a reading by what it is on (a statement's id, a definition's name, a revision) and its words. */
export function readingKey(owner: string, reading: string): string {
  return `${owner}\u0000${reading}`;
}
