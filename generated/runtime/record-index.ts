// DO NOT EDIT. Copied by policyc from compiler/runtime/record-index.ts.
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

/** A list's records by the value of one field, and those whose field is unknown, in the list's order. */
interface FieldIndex<R> {
  readonly byValue: Map<unknown, R[]>;
  readonly unknown: readonly R[];
}

const indexes = new WeakMap<object, Map<string, FieldIndex<unknown>>>();

function indexOf<R extends object>(list: readonly R[], field: string): FieldIndex<R> {
  let byField = indexes.get(list);
  if (byField === undefined) indexes.set(list, (byField = new Map<string, FieldIndex<unknown>>()));
  const found = byField.get(field) as FieldIndex<R> | undefined;
  if (found !== undefined) return found;
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
  const index: FieldIndex<R> = { byValue, unknown };
  byField.set(field, index);
  return index;
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
