// DO NOT EDIT. Copied by policyc from compiler/runtime/fields.ts.
// The steps the readers of input.ts and claims.ts share: a group of fields (a plain object holding
// only known keys), one field's value, the options object, a date and the revision in force on it.
// Each records what is wrong as an issue instead of throwing. Internal to the runtime.

import type { Group } from "./input.js";
import { inputIssue, pointerBelow, valueIssue } from "./issue-builders.js";
import type { InputIssue } from "./issues.js";
import {
  HOLE,
  NOT_READ,
  UNREADABLE,
  hasPlainPrototype,
  isDateObject,
  keyName,
  listItem,
  listLength,
  mismatch,
  ownValue,
} from "./untrusted.js";

/** No revision: the options or the date were malformed (and reported). */
export const NO_REVISION: { readonly asOf: string; readonly revision: number } = Object.freeze({
  asOf: "",
  revision: -1,
});

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current.push(
        Math.min(
          (previous[j] ?? 0) + 1,
          (current[j - 1] ?? 0) + 1,
          (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
        ),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** `; did you mean "x"?` for the allowed name nearest to `wanted`, when one is near enough. */
export function suggestion(wanted: string, allowed: Iterable<string>): string {
  const limit = Math.max(2, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    // The distance is at least the difference in length: skipping hopeless names keeps a huge key cheap.
    const floor = Math.abs(candidate.length - wanted.length);
    if (floor > limit || floor >= bestDistance) continue;
    const distance = editDistance(wanted, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= limit ? `; did you mean "${best}"?` : "";
}

function prefixed(prefix: string, key: string): string {
  return prefix === "" ? keyName(key) : `${prefix}.${keyName(key)}`;
}

/**
 * `value` when it is a plain object (prototype Object.prototype or null): a Map, a Date, a list, a
 * class instance, a boxed value or a property not read is not one. Undefined, with an issue under
 * `field`, otherwise.
 */
export function plainObject(
  value: unknown,
  field: string,
  issues: InputIssue[],
  expected = "must be a plain object",
): object | undefined {
  if (typeof value !== "object" || value === null) {
    issues.push(valueIssue("not_an_object", field, value, mismatch(expected, value)));
    return undefined;
  }
  try {
    if (hasPlainPrototype(value)) return value;
    issues.push(inputIssue("not_an_object", field, mismatch(expected, value)));
  } catch {
    issues.push(inputIssue("unreadable", field, NOT_READ));
  }
  return undefined;
}

/**
 * The issue of a key a group may not hold, with the nearest allowed key as a hint: named under
 * `prefix`, and pointed to below the group's own field `groupField` (the key as the caller wrote it).
 */
export function unknownKeyIssue(
  prefix: string,
  key: string,
  allowed: ReadonlySet<string>,
  unknownKey: string,
  groupField: string,
): InputIssue {
  const problem = `${unknownKey}${suggestion(key, allowed)}`;
  return inputIssue("unknown_field", prefixed(prefix, key), problem, pointerBelow(groupField, key));
}

/**
 * `value` as a group of fields when it is a plain object (see `plainObject`). Every own enumerable
 * key not in `allowed` is reported under `prefix` with `unknownKey` as its problem; symbol keys name
 * no field and are ignored. Undefined, with an issue under `field`, when `value` is not a plain object.
 */
export function readPlainObject(
  value: unknown,
  field: string,
  prefix: string,
  allowed: ReadonlySet<string>,
  unknownKey: string,
  issues: InputIssue[],
  expected = "must be a plain object",
): Group | undefined {
  const group = plainObject(value, field, issues, expected);
  if (group === undefined) return undefined;
  try {
    for (const key in group) {
      // An inherited key (from a polluted Object.prototype) is not the caller's.
      if (!allowed.has(key) && Object.hasOwn(group, key))
        issues.push(unknownKeyIssue(prefix, key, allowed, unknownKey, field));
    }
  } catch {
    issues.push(inputIssue("unreadable", field, NOT_READ));
    return undefined;
  }
  return group as Group;
}

/**
 * The value of a field `group` must have: undefined, with an issue, when it is absent or null
 * (`missing` says why it must be there) or cannot be read.
 */
export function requiredValue(
  group: Group,
  key: string,
  field: string,
  missing: string,
  issues: InputIssue[],
): unknown {
  const value = ownValue(group, key);
  if (value === undefined || value === null) issues.push(inputIssue("missing", field, missing));
  else if (value === UNREADABLE) issues.push(inputIssue("unreadable", field, NOT_READ));
  else return value;
  return undefined;
}

/** Holes reported in one list: reading stops at the next, so that a vast sparse list (`new Array(1e9)`) is read quickly. */
const MAX_HOLES = 5;

/** What `readListItems` puts in place of an item it reported: a hole, or one that could not be read. */
export const SKIPPED: unique symbol = Symbol("skipped");

/**
 * The items of a list, each at its index in the caller's list, or undefined (not reported: the
 * caller says what it wanted) when `value` is not a list. A hole or an item that cannot be read is
 * reported as `<field>[index]` and stands as SKIPPED; a list that cannot be read at all is reported
 * and has no items.
 */
export function readListItems(value: unknown, field: string, issues: InputIssue[]): readonly unknown[] | undefined {
  const length = listLength(value);
  if (length === UNREADABLE) {
    issues.push(inputIssue("unreadable", field, NOT_READ));
    return [];
  }
  if (length < 0) return undefined;
  const items: unknown[] = [];
  let holes = 0;
  for (let index = 0; index < length; index++) {
    const item = listItem(value as object, index);
    if (item === HOLE && ++holes > MAX_HOLES) {
      issues.push(
        inputIssue("list_hole", field, `has more than ${MAX_HOLES} holes; reading stopped at index ${index}`),
      );
      break;
    }
    if (item === HOLE || item === UNREADABLE) {
      issues.push(
        item === HOLE
          ? inputIssue("list_hole", `${field}[${index}]`, "is a hole in the list: every item must be given")
          : inputIssue("unreadable", `${field}[${index}]`, NOT_READ),
      );
      items.push(SKIPPED);
    } else {
      items.push(item);
    }
  }
  return items;
}

/** The options object, a plain object holding only the `allowed` options; undefined (reported) otherwise. */
export function readOptions(
  options: unknown,
  allowed: ReadonlySet<string>,
  unknownKey: string,
  issues: InputIssue[],
): Group | undefined {
  return readPlainObject(
    options,
    "(options)",
    "options",
    allowed,
    unknownKey,
    issues,
    'must be a plain object such as { asOf: "2025-06-01" }',
  );
}

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number written by `count` ASCII digits of `text` from `start`, or -1 when one is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let number = 0;
  for (let index = start; index < start + count; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

/**
 * A real calendar date written YYYY-MM-DD as the number YYYYMMDD (in the same order as the texts), or
 * -1 when it is not one: checked and read in one pass.
 */
export function calendarDay(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return -1;
  const last = month === 2 && isLeapYear(year) ? 29 : (daysInMonth[month - 1] ?? 0);
  return day <= last ? year * 10_000 + month * 100 + day : -1;
}

/** True for a real calendar date written YYYY-MM-DD. (Arithmetic, not `Date` or a pattern: this runs on every date fact.) */
export function isCalendarDate(value: string): boolean {
  return calendarDay(value) >= 0;
}

/** The problem with a value that should be a date but is not. */
export function dateProblem(value: unknown): string {
  // A Date is an instant, not a day: which day it falls on depends on a time zone the caller must choose.
  const hint = isDateObject(value) ? ': write the day as text, such as "2025-06-01"' : "";
  return `${mismatch("must be a date written YYYY-MM-DD", value)}${hint}`;
}

/**
 * The index of the revision in force on `date` in a list of effective dates (oldest first), or -1
 * with an issue under `field` when `date` is not a date or comes before the first revision.
 */
export function revisionOn(
  date: unknown,
  field: string,
  effectiveDates: readonly string[],
  issues: InputIssue[],
): { asOf: string; revision: number } {
  if (typeof date !== "string" || !isCalendarDate(date)) {
    issues.push(valueIssue("not_a_date", field, date, dateProblem(date)));
    return NO_REVISION;
  }
  return revisionOnCheckedDate(date, field, effectiveDates, issues);
}

/** A date written YYYY-MM-DD as the number YYYYMMDD, in the same order as the texts; -1 when it is not so written. */
function dateNumber(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return -1;
  const year = digitsAt(date, 0, 4);
  const month = digitsAt(date, 5, 2);
  const day = digitsAt(date, 8, 2);
  return year < 0 || month < 0 || day < 0 ? -1 : year * 10_000 + month * 100 + day;
}

/** The last list of effective dates asked about, as numbers (undefined when one is not a date): policies keep one list each. */
let lastDates: readonly string[] | undefined;
let lastNumbers: Int32Array | undefined;

function dateNumbers(dates: readonly string[]): Int32Array | undefined {
  if (dates !== lastDates) {
    const numbers = Int32Array.from(dates, dateNumber);
    lastNumbers = numbers.includes(-1) ? undefined : numbers;
    lastDates = dates;
  }
  return lastNumbers;
}

/** The index of the revision in force on `date`, a date already checked to be one: -1 before the first. */
export function revisionIndex(date: string, effectiveDates: readonly string[]): number {
  return revisionOnDay(date, dateNumber(date), effectiveDates);
}

/** `revisionIndex` of a date whose number (`calendarDay`) is known already. */
export function revisionOnDay(date: string, dayNumber: number, effectiveDates: readonly string[]): number {
  // The last revision in force on or before the date: sought from the end, the first found. Dates
  // compared as numbers where they all read as such (comparing texts was a cost on every call).
  const numbers = dateNumbers(effectiveDates);
  const day = numbers === undefined ? -1 : dayNumber;
  let revision = effectiveDates.length - 1;
  if (day >= 0) while (revision >= 0 && numbers![revision]! > day) revision--;
  else while (revision >= 0 && !((effectiveDates[revision] ?? "") <= date)) revision--;
  return revision;
}

/** `revisionOn` for a date already checked to be one. */
export function revisionOnCheckedDate(
  date: string,
  field: string,
  effectiveDates: readonly string[],
  issues: InputIssue[],
): { asOf: string; revision: number } {
  const revision = revisionIndex(date, effectiveDates);
  if (revision < 0)
    issues.push(
      inputIssue("before_policy", field, `is ${date}, before the policy took effect on ${effectiveDates[0] ?? "?"}`),
    );
  return { asOf: date, revision };
}
