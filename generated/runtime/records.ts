// DO NOT EDIT. Copied by policyc from compiler/runtime/records.ts.
// Lists of records: reading a list fact's records from untrusted input, and the three-valued meaning
// of the quantifiers over them (some, no, every, count, latest and earliest), which the compiled logic
// calls and the explanation of a pending decision calls too, so both compute one truth.
//
// The meaning, in docs/language.md ("Records and lists"): a list nobody recorded is unknown, so every
// quantifier over it is unknown; an empty list is known. A record whose fields leave its condition
// unknown leaves `some` unknown unless another record is true, and `every` unknown unless another is false.

import { choiceSetValue, choiceValue, dateValue, numberValue, booleanValue } from "./input.js";
import { inputIssue, valueIssue } from "./issue-builders.js";
import type { InputIssue } from "./issues.js";
import { plainObject, readListItems, SKIPPED, unknownKeyIssue } from "./fields.js";
import type { FactType } from "./policy-table.js";
import { listedValue, mismatch, NOT_READ } from "./untrusted.js";
import { both, not, type Truth } from "./truth.js";

/** The most records one list fact may hold in an input: bounds the time one decision takes. */
export const MAX_RECORDS = 10_000;

/** A record as the compiled logic reads it: a yes-or-no field as a truth, any other field undefined when unknown. */
export type RecordValues = { readonly [field: string]: unknown };

/** A field of a list's records, prepared once for reading. */
export interface FieldPlan {
  readonly name: string;
  readonly kind: Exclude<FactType, { kind: "list" }>["kind"];
  readonly min: number;
  readonly max: number;
  readonly values: ReadonlySet<string> | undefined;
}

export function fieldPlans(type: FactType): readonly FieldPlan[] {
  if (type.kind !== "list") return [];
  return type.fields.map(({ name, type: fieldType }) => ({
    name,
    kind: fieldType.kind,
    min: fieldType.kind === "number" ? (fieldType.min ?? -Infinity) : -Infinity,
    max: fieldType.kind === "number" ? (fieldType.max ?? Infinity) : Infinity,
    values: fieldType.kind === "oneOf" || fieldType.kind === "setOf" ? new Set(fieldType.values) : undefined,
  }));
}

const NO_VALUES: ReadonlySet<string> = new Set();

function fieldValue(plan: FieldPlan, value: unknown, field: string, issues: InputIssue[]): unknown {
  switch (plan.kind) {
    case "boolean":
      return booleanValue(value, field, issues);
    case "number":
      return numberValue(value, field, plan.min, plan.max, issues);
    case "date":
      return dateValue(value, field, issues);
    case "oneOf":
      return choiceValue(value, field, plan.values ?? NO_VALUES, issues);
    case "setOf":
      return choiceSetValue(value, field, plan.values ?? NO_VALUES, issues);
  }
}

const NOT_A_FIELD = "is not a field of these records";

/** One record: a plain object holding only the list's fields, each of its field's type. */
function readRecord(item: unknown, path: string, fields: readonly FieldPlan[], issues: InputIssue[]): RecordValues {
  const record: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const group = plainObject(item, path, issues, "must be a record (a plain object)");
  if (group !== undefined) {
    const allowed = new Set(fields.map((field) => field.name));
    try {
      for (const key of Object.keys(group))
        if (!allowed.has(key)) issues.push(unknownKeyIssue(path, key, allowed, NOT_A_FIELD, path));
    } catch {
      issues.push(inputIssue("unreadable", path, NOT_READ));
    }
  }
  for (const field of fields) {
    const raw = group === undefined ? undefined : listedValue(group, field.name);
    record[field.name] = fieldValue(field, raw, `${path}.${field.name}`, issues);
  }
  return Object.freeze(record);
}

/** A list fact's records, frozen; undefined when unknown (absent or null) or reported. */
export function recordListValue(
  value: unknown,
  field: string,
  fields: readonly FieldPlan[],
  issues: InputIssue[],
): readonly RecordValues[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value) && value.length > MAX_RECORDS) {
    issues.push(
      inputIssue(
        "too_many_records",
        field,
        `holds ${value.length} records, more than the ${MAX_RECORDS} a list may hold`,
      ),
    );
    return undefined;
  }
  const items = readListItems(value, field, issues);
  if (items === undefined) {
    issues.push(valueIssue("wrong_type", field, value, mismatch("must be a list of records", value)));
    return undefined;
  }
  const before = issues.length;
  const records: RecordValues[] = [];
  items.forEach((item, index) => {
    if (item !== SKIPPED) records.push(readRecord(item, `${field}[${index}]`, fields, issues));
  });
  return issues.length === before ? Object.freeze(records) : undefined;
}

// ----- the quantifiers ----------------------------------------------------------------------------

/** A condition of one record, compiled: its truth for that record. */
export type RecordTest<R = RecordValues> = (record: R) => Truth;

/** Some record passes `filter`: true if one surely does, false if every one surely fails, else unknown. */
export function someRecord<R>(list: readonly R[] | undefined, filter: RecordTest<R>): Truth {
  if (list === undefined) return 1;
  let truth: Truth = 0;
  for (const record of list) {
    const passes = filter(record);
    if (passes === 2) return 2;
    if (passes === 1) truth = 1;
  }
  return truth;
}

/** No record passes `filter`. */
export function noRecord<R>(list: readonly R[] | undefined, filter: RecordTest<R>): Truth {
  return not(someRecord(list, filter));
}

/** Every record that passes `filter` passes `test` (true for an empty list); a record `filter` fails is not asked. */
export function everyRecord<R>(list: readonly R[] | undefined, filter: RecordTest<R>, test: RecordTest<R>): Truth {
  if (list === undefined) return 1;
  let truth: Truth = 2;
  for (const record of list) {
    const counts = filter(record);
    if (counts === 0) continue;
    const passes = test(record);
    if (passes === 2) continue;
    if (passes === 0 && counts === 2) return 0;
    truth = 1;
  }
  return truth;
}

export type CountOperator = "<" | "<=" | ">" | ">=" | "=" | "!=";

function holds(count: number, operator: CountOperator, than: number): boolean {
  switch (operator) {
    case "<":
      return count < than;
    case "<=":
      return count <= than;
    case ">":
      return count > than;
    case ">=":
      return count >= than;
    case "=":
      return count === than;
    case "!=":
      return count !== than;
  }
}

/**
 * The number of records that pass `filter`, compared with `than`: decided when every count from the
 * records that surely pass to those that may pass decides it alike; unknown otherwise.
 */
export function countRecords<R>(
  list: readonly R[] | undefined,
  filter: RecordTest<R>,
  operator: CountOperator,
  than: number | undefined,
): Truth {
  if (list === undefined || than === undefined) return 1;
  let surely = 0;
  let possibly = 0;
  for (const record of list) {
    const passes = filter(record);
    if (passes === 2) surely++;
    if (passes !== 0) possibly++;
  }
  const atFewest = holds(surely, operator, than);
  if (atFewest !== holds(possibly, operator, than)) return 1;
  // `=` and `!=` change only at `than` itself: a count strictly between the two could reach it.
  if ((operator === "=" || operator === "!=") && Number.isInteger(than) && surely < than && than < possibly) return 1;
  return atFewest ? 2 : 0;
}

/**
 * Of the records that pass `filter`, those with the latest (`direction` 1) or earliest (-1) date read
 * by `date`, all pass `test` (several on that date: each of them). False when no record passes the
 * filter; unknown while a record that may pass has an unknown date, or may pass with a date that
 * could make it the latest (or earliest).
 */
export function latestRecord<R>(
  list: readonly R[] | undefined,
  date: (record: R) => unknown,
  filter: RecordTest<R>,
  test: RecordTest<R>,
  direction: 1 | -1,
): Truth {
  if (list === undefined) return 1;
  let best: string | undefined;
  for (const record of list) {
    const day = date(record);
    if (
      typeof day === "string" &&
      filter(record) === 2 &&
      (best === undefined || compareDays(day, best) * direction > 0)
    )
      best = day;
  }
  let truth: Truth = 2;
  let found = false;
  for (const record of list) {
    const counts = filter(record);
    if (counts === 0) continue;
    const day = date(record);
    if (typeof day !== "string") return 1;
    if (best !== undefined && compareDays(day, best) * direction < 0) continue;
    if (counts === 1) return 1;
    found = true;
    truth = both(truth, test(record));
  }
  return found ? truth : 0;
}

function compareDays(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
