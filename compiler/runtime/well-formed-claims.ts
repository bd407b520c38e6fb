// The fast path of a generated claim reader (emit/evaluator/claim-reader.ts), for a claim that is well
// formed, which almost every claim is. The generated reader walks the claim's keys by name and checks
// each fact with the typed checkers of group-readers.ts; these finish the read: the service date, the
// lines, the options and the revision in force, with no issue built. Any doubt answers undefined, and
// the generated code then reads the claim again with the generic readers of claims.ts, which name each
// problem: so, as in well-formed.ts, this path may be stricter than those readers, never looser.

import type { NormalizedLine } from "./claims.js";
import { readClaimDecision, type ClaimDecision } from "./claim-rules.js";
import { calendarDay, revisionOnDay } from "./fields.js";
import type { Group } from "./input.js";
import type { InputIssue } from "./issues.js";
import { MALFORMED, type Malformed } from "./group-readers.js";
import { hasPlainPrototype } from "./untrusted.js";
import { NOT_LISTED, objectPrototypeIsClean, unlistedKey, wellFormedLines } from "./well-formed.js";

/** A claim as its rules read it: what the generated fast path and the generic readers both give. */
export interface ClaimRead<Facts> {
  /** The claim's service date, YYYY-MM-DD. */
  readonly serviceDate: string;
  readonly lines: readonly NormalizedLine[];
  /** The date whose rules apply: `options.asOf`, or the service date. */
  readonly asOf: string;
  /** The index of the revision in force on `asOf`. */
  readonly revision: number;
  /** `options.decision`, when one was given. */
  readonly decision: ClaimDecision | undefined;
  /** The claim's facts, by the claim's field names: a yes-or-no fact as a truth. */
  readonly facts: Facts;
}

/**
 * True when `value` is a plain object whose keys a for-in lists exactly: its own enumerable ones, with
 * no inherited key (Object.prototype holds no enumerable one). Throws for a Proxy whose trap does.
 */
export function isListedGroup(value: unknown): value is Group {
  return typeof value === "object" && value !== null && hasPlainPrototype(value) && objectPrototypeIsClean();
}

/**
 * A fact the claim's keys did not list: `unknown` when the claim does not hold it, MALFORMED when it
 * holds it without listing it (not enumerable), which the generic reader reads and this path leaves to it.
 */
export function unlisted<Value>(claim: object, key: string, unknown: Value): Value | Malformed {
  return unlistedKey(claim, key) === NOT_LISTED ? MALFORMED : unknown;
}

/**
 * The claim read, when its service date, lines and options are well formed and a revision is in force
 * on the date that applies; undefined otherwise (the generic readers then name each problem).
 * `serviceDate` and `lines` are the values the claim lists (undefined when it does not); `facts` the
 * facts already checked.
 */
export function wellFormedClaim<Facts>(
  serviceDate: unknown,
  linesGiven: unknown,
  options: unknown,
  effectiveDates: readonly string[],
  facts: Facts,
): ClaimRead<Facts> | undefined {
  if (typeof serviceDate !== "string") return undefined;
  const serviceDay = calendarDay(serviceDate);
  if (serviceDay < 0) return undefined;
  const lines = wellFormedLines(linesGiven);
  if (lines === undefined) return undefined;
  // The claim was a listed group, so Object.prototype is clean: the options' for-in lists only their own keys.
  if (typeof options !== "object" || options === null || !hasPlainPrototype(options)) return undefined;
  let asOfGiven: unknown = NOT_LISTED;
  let decisionGiven: unknown = NOT_LISTED;
  for (const key in options) {
    if (key === "asOf") asOfGiven = (options as Group)[key];
    else if (key === "decision") decisionGiven = (options as Group)[key];
    else return undefined;
  }
  if (asOfGiven === NOT_LISTED) asOfGiven = unlistedKey(options, "asOf");
  if (decisionGiven === NOT_LISTED) decisionGiven = unlistedKey(options, "decision");
  if (asOfGiven === NOT_LISTED || decisionGiven === NOT_LISTED) return undefined;
  let asOf = serviceDate;
  let day = serviceDay;
  if (asOfGiven !== undefined && asOfGiven !== null) {
    if (typeof asOfGiven !== "string") return undefined;
    asOf = asOfGiven;
    day = calendarDay(asOf);
    if (day < 0) return undefined;
  }
  const revision = revisionOnDay(asOf, day, effectiveDates);
  if (revision < 0) return undefined;
  let decision: ClaimDecision | undefined;
  if (decisionGiven !== undefined && decisionGiven !== null) {
    // Rarely given, and small: read by the generic reader into an issue list of its own.
    const issues: InputIssue[] = [];
    decision = readClaimDecision(decisionGiven, issues);
    if (issues.length > 0) return undefined;
  }
  return { serviceDate, lines, asOf, revision, decision, facts };
}
