// The join of a nested quantifier: `some test in oxygen.studies where test.method is oximetry and
// test.performed = abg.performed` inside a quantifier over `abg`. Its filter holds, as one of the
// conditions it joins with `and`, an equality of a field of its own records with a value read from
// an enclosing record. A record whose field is known and differs from that value fails the filter, so
// the runtime visits only the records whose field equals it (or is unknown), found in an index of the
// list built once per evaluation (runtime/record-index.ts): the nested quantifier costs about n, not n².
// A date window between two records (`test.performed is within 30 days before abg.performed`) is
// joined the same way, through the list sorted by the date (`recordWindow`).

import { windowBounds } from "./date-terms.js";
import type { Condition, Term } from "./policy-model.js";

/** The field of the quantifier's records its filter equates with `key`, a value read from an enclosing record. */
export interface RecordJoin {
  readonly field: string;
  readonly key: Term;
}

/** The conditions an `and` joins, looking through nested `and`s and definitions called with records. */
function conjuncts(condition: Condition): Condition[] {
  if (condition.kind === "and") return condition.operands.flatMap(conjuncts);
  if (condition.kind === "applied") return conjuncts(condition.condition);
  return [condition];
}

/** The variables of the records a term reads (a field, or the date a shifted date moves). */
function recordsRead(term: Term): string[] {
  if (term.kind === "field") return [term.variable];
  if (term.kind === "shifted") return recordsRead(term.date);
  return [];
}

/**
 * The join of a quantifier over records named `variable` with filter `filter`, when the filter
 * equates one of their fields with a value of an enclosing record (never of its own records); the
 * first such equality written. Undefined for a quantifier that is not nested so: it reads its list
 * straight through.
 */
export function recordJoin(variable: string, filter: Condition): RecordJoin | undefined {
  for (const condition of conjuncts(filter)) {
    if (condition.kind !== "compare" || condition.operator !== "=") continue;
    const sides: readonly [Term, Term][] = [
      [condition.left, condition.right],
      [condition.right, condition.left],
    ];
    for (const [own, other] of sides) {
      if (own.kind !== "field" || own.variable !== variable) continue;
      const outer = recordsRead(other);
      if (outer.length > 0 && !outer.includes(variable)) return { field: own.field, key: other };
    }
  }
  return undefined;
}

/** The dates of the quantifier's records its filter requires to lie from `from` to `to`, read from an enclosing record. */
export interface RecordWindow {
  readonly field: string;
  readonly from: Term;
  readonly to: Term;
}

/**
 * The window of a nested quantifier whose filter requires, as one of the conditions it joins with
 * `and`, a date field of its own records to lie in a window of days anchored on a date of an enclosing
 * record (`inner.performed is within 30 days before outer.performed`): the first such window written.
 * Undefined otherwise. A record whose date is known and outside the window fails the filter, so the
 * runtime visits only those inside it (or of unknown date), from the list sorted by the field.
 */
export function recordWindow(variable: string, filter: Condition): RecordWindow | undefined {
  for (const condition of conjuncts(filter)) {
    if (condition.kind !== "dateWindow") continue;
    const date = condition.date;
    if (date.kind !== "field" || date.variable !== variable) continue;
    const outer = recordsRead(condition.anchor);
    if (outer.length === 0 || outer.includes(variable)) continue;
    const { from, to } = windowBounds(condition.anchor, condition.window);
    return { field: date.field, from, to };
  }
  return undefined;
}
