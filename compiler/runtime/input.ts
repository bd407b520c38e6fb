// Reading and validating the facts and options handed to a generated evaluator. Each reader checks
// one field, records a problem instead of throwing, and returns undefined for "unknown" (absent or
// null), so every bad field is reported at once and none ever reaches a decision.
//
// What counts as a field: a group is a plain object (prototype Object.prototype or null), never a
// Map, a Date, a list, a class instance or a boxed value; its facts are its own enumerable properties
// (what JSON.stringify would send), so an inherited one (Object.prototype.constructor, say) or a
// hidden one is never read; symbol keys are ignored, since no fact is named by a symbol. A field whose reading throws (a getter, a Proxy's trap) is reported, and
// a list with a hole is reported at the hole (see untrusted.ts).

import {
  NO_REVISION,
  SKIPPED,
  dateProblem,
  isCalendarDate,
  readListItems,
  readOptions,
  readPlainObject,
  requiredValue,
  revisionOn,
  suggestion,
} from "./fields.js";
import { describeSome, mismatch, ownValue } from "./untrusted.js";
import { inputIssue, valueIssue } from "./issue-builders.js";
import type { InputIssue } from "./issues.js";
import { wellFormedChoices } from "./well-formed.js";
import { wellFormedEvaluateOptions } from "./well-formed-options.js";

export { isCalendarDate };
export type { InputIssue, InputIssueCode } from "./issues.js";
export { INPUT_ISSUE_CODES } from "./issues.js";

/** Thrown for malformed facts, options or claims: never a decision on bad input. */
export class PolicyInputError extends Error {
  override readonly name = "PolicyInputError";

  constructor(
    readonly policy: string,
    readonly issues: readonly InputIssue[],
  ) {
    super(`Invalid input for ${policy}: ${issues.map((issue) => `${issue.field} ${issue.problem}`).join("; ")}.`);
  }
}

export type Group = Readonly<Record<string, unknown>>;

export const NOT_A_FACT = "is not a fact of this policy";

// NOTE: each reader tests its fast cases first. A property that could not be read is UNREADABLE, a
// symbol, so it fails every test of a good value and lands where the problem is reported, which
// `mismatch` words for it.

/** The object handed in (the facts, or a claim): `what` names it in an issue. */
export function readRoot(
  input: unknown,
  allowed: ReadonlySet<string>,
  issues: InputIssue[],
  what = "(facts)",
): Group | undefined {
  return readPlainObject(input, what, "", allowed, NOT_A_FACT, issues);
}

// Each fact type has a validator of a value already taken from its group (`xValue`), which the
// fact-table reader calls (read-facts.ts), and a reader of one key of a group (`readX`), which the
// generated claim checkers call for their claim facts.

/** A yes-or-no fact, as a truth: 2 for true, 0 for false, 1 when unknown. */
export function booleanValue(value: unknown, field: string, issues: InputIssue[]): 0 | 1 | 2 {
  if (value === true) return 2;
  if (value === false) return 0;
  if (value !== undefined && value !== null)
    issues.push(valueIssue("wrong_type", field, value, mismatch("must be true or false", value)));
  return 1;
}

/** A number fact: finite and within its declared range; -0 reads as 0. */
export function numberValue(
  value: unknown,
  field: string,
  min: number,
  max: number,
  issues: InputIssue[],
): number | undefined {
  if (typeof value === "number" && Number.isFinite(value) && value >= min && value <= max)
    return value === 0 ? 0 : value;
  if (value !== undefined && value !== null) {
    const range = min === -Infinity && max === Infinity ? "a finite number" : `a number from ${min} to ${max}`;
    issues.push(
      valueIssue(
        typeof value === "number" ? "out_of_range" : "wrong_type",
        field,
        value,
        mismatch(`must be ${range}`, value),
      ),
    );
  }
  return undefined;
}

/** A date fact, kept as its YYYY-MM-DD text: such texts compare in calendar order. */
export function dateValue(value: unknown, field: string, issues: InputIssue[]): string | undefined {
  if (typeof value === "string" && isCalendarDate(value)) return value;
  if (value !== undefined && value !== null) issues.push(valueIssue("not_a_date", field, value, dateProblem(value)));
  return undefined;
}

/** A one-of fact: one of its `allowed` values. */
export function choiceValue<Value extends string>(
  value: unknown,
  field: string,
  allowed: ReadonlySet<Value>,
  issues: InputIssue[],
): Value | undefined {
  if (typeof value === "string" && allowed.has(value as Value)) return value as Value;
  if (value !== undefined && value !== null) {
    const hint = typeof value === "string" ? suggestion(value, allowed) : "";
    const problem = `${mismatch(`must be one of ${[...allowed].join(", ")}`, value)}${hint}`;
    issues.push(valueIssue(typeof value === "string" ? "not_an_option" : "wrong_type", field, value, problem));
  }
  return undefined;
}

/** A set fact: a list of allowed values, read into a list of its own; a hole is reported as `field[index]`. */
export function choiceSetValue<Value extends string>(
  value: unknown,
  field: string,
  allowed: ReadonlySet<Value>,
  issues: InputIssue[],
): readonly Value[] | undefined {
  if (value === undefined || value === null) return undefined;
  const wellFormed = wellFormedChoices(value, allowed);
  if (wellFormed !== undefined) return wellFormed;
  const items = readListItems(value, field, issues);
  if (items === undefined) {
    issues.push(valueIssue("wrong_type", field, value, mismatch("must be a list of values", value)));
    return undefined;
  }
  const values: Value[] = [];
  const bad: unknown[] = [];
  let skipped = false;
  for (const item of items) {
    if (typeof item === "string" && allowed.has(item as Value)) values.push(item as Value);
    else if (item === SKIPPED) skipped = true;
    else bad.push(item);
  }
  if (bad.length > 0) {
    const problem = `may hold only ${[...allowed].join(", ")}, not ${describeSome(bad)}`;
    issues.push(
      inputIssue(bad.every((item) => typeof item === "string") ? "not_an_option" : "wrong_type", field, problem),
    );
  }
  return skipped || bad.length > 0 ? undefined : values;
}

export function readBoolean(group: Group | undefined, key: string, field: string, issues: InputIssue[]): 0 | 1 | 2 {
  return group === undefined ? 1 : booleanValue(ownValue(group, key), field, issues);
}

export function readNumber(
  group: Group | undefined,
  key: string,
  field: string,
  min: number,
  max: number,
  issues: InputIssue[],
): number | undefined {
  return group === undefined ? undefined : numberValue(ownValue(group, key), field, min, max, issues);
}

export function readDate(
  group: Group | undefined,
  key: string,
  field: string,
  issues: InputIssue[],
): string | undefined {
  return group === undefined ? undefined : dateValue(ownValue(group, key), field, issues);
}

export function readChoice<Value extends string>(
  group: Group | undefined,
  key: string,
  field: string,
  allowed: ReadonlySet<Value>,
  issues: InputIssue[],
): Value | undefined {
  return group === undefined ? undefined : choiceValue(ownValue(group, key), field, allowed, issues);
}

export function readChoiceSet<Value extends string>(
  group: Group | undefined,
  key: string,
  field: string,
  allowed: ReadonlySet<Value>,
  issues: InputIssue[],
): readonly Value[] | undefined {
  return group === undefined ? undefined : choiceSetValue(ownValue(group, key), field, allowed, issues);
}

const EVALUATE_OPTIONS = new Set(["asOf", "trace"]);
const NOT_AN_EVALUATE_OPTION = "is not an option of evaluate (asOf, trace)";

/**
 * Reads evaluate's options ({ asOf, trace? }) and finds the revision in force on `asOf`: its index in
 * a list of effective dates (oldest first), or -1 with an issue when the options are malformed or
 * `asOf` is not a date or comes before the first revision. `trace` is read here, once: the generated
 * code never reads the caller's options again, so a getter or Proxy cannot answer twice.
 */
export function revisionInForce(
  options: unknown,
  effectiveDates: readonly string[],
  issues: InputIssue[],
): { asOf: string; revision: number; trace: boolean } {
  const wellFormed = wellFormedEvaluateOptions(options, effectiveDates);
  if (wellFormed !== undefined) return wellFormed;
  const read = readOptions(options, EVALUATE_OPTIONS, NOT_AN_EVALUATE_OPTION, issues);
  if (read === undefined) return { asOf: NO_REVISION.asOf, revision: NO_REVISION.revision, trace: false };
  const trace = ownValue(read, "trace");
  if (trace !== undefined && trace !== null && typeof trace !== "boolean") {
    issues.push(valueIssue("wrong_type", "trace", trace, mismatch("must be true or false", trace)));
  }
  const asOf = requiredValue(read, "asOf", "asOf", "is missing: give the service date, YYYY-MM-DD", issues);
  const revision = asOf === undefined ? NO_REVISION : revisionOn(asOf, "asOf", effectiveDates, issues);
  return { asOf: revision.asOf, revision: revision.revision, trace: trace === true };
}
