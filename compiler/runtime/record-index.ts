// The records of a list whose field equals a value, for a nested quantifier that joins on that field
// (model/record-joins.ts): `some test in oxygen.studies where ... and test.performed = abg.performed`
// visits, for each `abg`, only the tests of that day and those whose day is unknown. The index of a
// list by a field is built the first time it is asked for and kept while the list lives (a list is
// read afresh, and frozen, for each evaluation), so a nested quantifier costs about n rather than n².
//
// The meaning is unchanged: a record whose field is known and differs from the value fails the
// equality, so the filter the join is part of, so the quantifier passes it by (some, no, count,
// every, latest and earliest alike: a record the filter fails counts for none of them). A record whose
// field is unknown leaves the equality unknown and is always visited; an unknown value visits every
// record; an unknown list stays unknown. No quantifier's truth depends on the order of its records.
// A date window between two records (`withinDates`) visits the records dated inside it, found by
// binary search in the list sorted by the date, and those of unknown date.

/** A list's records by the value of one field, and those whose field is unknown, in the list's order. */
interface FieldIndex<R> {
  readonly byValue: Map<unknown, R[]>;
  readonly unknown: readonly R[];
}

/**
 * The index `build` makes of a list by one of its fields, made once per list and field: kept while the
 * list lives (a decision reads its lists afresh, so each decision builds its own).
 */
function perField<R extends object, I>(
  cache: WeakMap<object, Map<string, unknown>>,
  list: readonly R[],
  field: string,
  build: (list: readonly R[], field: string) => I,
): I {
  let byField = cache.get(list);
  if (byField === undefined) cache.set(list, (byField = new Map<string, unknown>()));
  let found = byField.get(field) as I | undefined;
  if (found === undefined) byField.set(field, (found = build(list, field)));
  return found;
}

const indexes = new WeakMap<object, Map<string, unknown>>();

function indexOf<R extends object>(list: readonly R[], field: string): FieldIndex<R> {
  return perField(indexes, list, field, fieldIndex<R>);
}

function fieldIndex<R extends object>(list: readonly R[], field: string): FieldIndex<R> {
  const byValue = new Map<unknown, R[]>();
  const unknown: R[] = [];
  for (const record of list) {
    const value = (record as Readonly<Record<string, unknown>>)[field];
    if (value === undefined) {
      unknown.push(record);
      continue;
    }
    const bucket = byValue.get(value);
    if (bucket === undefined) byValue.set(value, [record]);
    else bucket.push(record);
  }
  return { byValue, unknown };
}

const NO_RECORDS: readonly never[] = Object.freeze([]);

/**
 * The records of `list` a quantifier joined on `field` must visit for the value `key`: those whose
 * field is `key` or unknown; every record when `key` is unknown; undefined when the list is unknown.
 */
export function joined<R extends object>(
  list: readonly R[] | undefined,
  field: string,
  key: unknown,
): readonly R[] | undefined {
  if (list === undefined || key === undefined) return list;
  const index = indexOf(list, field);
  const known: readonly R[] = index.byValue.get(key) ?? NO_RECORDS;
  if (index.unknown.length === 0) return known;
  if (known.length === 0) return index.unknown;
  // NOTE: not kept: one list per value asked for, each holding every record of unknown field, would
  // take memory of the square of the list's length when most fields are unknown.
  return known.concat(index.unknown);
}

/** A list's records whose field is a known date, sorted by it, and those whose field is unknown. */
interface DateIndex<R> {
  readonly dates: readonly string[];
  readonly sorted: readonly R[];
  readonly unknown: readonly R[];
}

const dateIndexes = new WeakMap<object, Map<string, unknown>>();

function dateIndexOf<R extends object>(list: readonly R[], field: string): DateIndex<R> {
  return perField(dateIndexes, list, field, dateIndex<R>);
}

function dateIndex<R extends object>(list: readonly R[], field: string): DateIndex<R> {
  const known: { readonly date: string; readonly record: R }[] = [];
  const unknown: R[] = [];
  for (const record of list) {
    const value = (record as Readonly<Record<string, unknown>>)[field];
    if (typeof value === "string") known.push({ date: value, record });
    else unknown.push(record);
  }
  // NOTE: a stable sort, so records of one day keep the list's order.
  known.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { dates: known.map((entry) => entry.date), sorted: known.map((entry) => entry.record), unknown };
}

/** The first position in `dates` (sorted) whose date is at least `date`, or after it (`after`). */
function boundary(dates: readonly string[], date: string, after: boolean): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const here = dates[middle]!;
    if (here < date || (after && here === date)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The records of `list` a quantifier whose filter requires `field` to lie from `from` to `to` (both
 * included) must visit: those whose date lies there (by the list sorted by the field, found by binary
 * search) and those whose field is unknown; every record when a bound is unknown; undefined when the
 * list is unknown. As for `joined`, the meaning is unchanged: a record dated outside fails the filter.
 */
export function withinDates<R extends object>(
  list: readonly R[] | undefined,
  field: string,
  from: unknown,
  to: unknown,
): readonly R[] | undefined {
  if (list === undefined || typeof from !== "string" || typeof to !== "string") return list;
  const index = dateIndexOf(list, field);
  const inside = index.sorted.slice(boundary(index.dates, from, false), boundary(index.dates, to, true));
  return index.unknown.length === 0 ? inside : inside.concat(index.unknown);
}
