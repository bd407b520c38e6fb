// DO NOT EDIT. Copied by policyc from compiler/runtime/group-readers.ts.
// The small typed checkers a generated module's group readers call (emit/evaluator/group-readers.ts),
// and the named slots they write into. A group reader reads each key of one group of facts by name and
// checks its value with these: a good value as the rules read it, or MALFORMED. It answers false for a
// key that is not a fact of its group. Either way the runtime's own reader (read-facts.ts) then reads
// the group again and names each problem, exactly as it always has; the checkers build no issue.

import type { Group } from "./input.js";
import { hasPlainPrototype } from "./untrusted.js";
import { isCalendarDate } from "./fields.js";
import type { Truth } from "./truth.js";
import type { FactWords } from "./fact-metadata.js";
import { wellFormedChoices } from "./well-formed.js";

/** What a checker gives for a value the runtime's reader would refuse. */
export const MALFORMED: unique symbol = Symbol("malformed");
export type Malformed = typeof MALFORMED;

/** Where a group reader writes each fact it reads, by the fact's name. */
export type FactSlots<Values> = { -readonly [Name in keyof Values]: Values[Name] | Malformed };

/**
 * A generated reader of one group of facts: true when every key of `group` is one of its facts (each
 * value written to `facts`, perhaps MALFORMED), false at the first key that is not.
 */
export type GroupReader<Values> = (group: Group, facts: FactSlots<Values>) => boolean;

/** A group reader of any policy, as the runtime holds it: what it writes is the generated module's business. */
export type AnyGroupReader = (group: Group, facts: never) => boolean;

/**
 * A subgroup's value, read with its group's reader: absent or null leaves its facts unknown (true);
 * anything but a plain object is for the runtime's reader to report (false).
 */
export function readSubgroup<Values>(value: unknown, reader: GroupReader<Values>, facts: FactSlots<Values>): boolean {
  if (value === undefined || value === null) return true;
  return typeof value === "object" && hasPlainPrototype(value) && reader(value as Group, facts);
}

/** A yes-or-no fact as a truth: 2 for true, 0 for false, 1 when unknown (absent or null). */
export function truthOf(value: unknown): Truth | Malformed {
  if (value === true) return 2;
  if (value === false) return 0;
  return value === undefined || value === null ? 1 : MALFORMED;
}

/** A number fact: finite and within its range; -0 reads as 0. */
export function numberIn(value: unknown, min: number, max: number): number | undefined | Malformed {
  if (typeof value === "number" && Number.isFinite(value) && value >= min && value <= max)
    return value === 0 ? 0 : value;
  return value === undefined || value === null ? undefined : MALFORMED;
}

/** A date fact, kept as its YYYY-MM-DD text. */
export function dateOf(value: unknown): string | undefined | Malformed {
  if (typeof value === "string" && isCalendarDate(value)) return value;
  return value === undefined || value === null ? undefined : MALFORMED;
}

/** A one-of fact: one of its `allowed` values. */
export function choiceOf<Value extends string>(
  value: unknown,
  allowed: ReadonlySet<Value>,
): Value | undefined | Malformed {
  if (typeof value === "string" && allowed.has(value as Value)) return value as Value;
  return value === undefined || value === null ? undefined : MALFORMED;
}

/** A set fact: a list (a copy of the caller's, without holes) of `allowed` values. */
export function choicesOf<Value extends string>(
  value: unknown,
  allowed: ReadonlySet<Value>,
): readonly Value[] | undefined | Malformed {
  if (value === undefined || value === null) return undefined;
  return wellFormedChoices(value, allowed) ?? MALFORMED;
}

/** The values a one-of or set fact allows, from its words (none for a fact of another type). */
export function optionValues<Value extends string>(words: FactWords): ReadonlySet<Value> {
  return new Set(
    words.type === "oneOf" || words.type === "setOf" ? words.options.map((option) => option.value as Value) : [],
  );
}

const VALUES: unique symbol = Symbol("values");

interface SlotView {
  readonly [VALUES]: unknown[];
}

/**
 * Makes writable views of arrays of values, one accessor per name (the value at that name's position):
 * a group reader writes `facts["member.age"]` and the value lands where the rules read it.
 */
export function slotsMaker(names: readonly string[]): (values: unknown[]) => object {
  // NOTE: no Object.prototype under the accessors: a name never reaches an inherited property.
  const prototype = Object.create(null) as object;
  names.forEach((name, position) => {
    Object.defineProperty(prototype, name, {
      get(this: SlotView): unknown {
        return this[VALUES][position];
      },
      set(this: SlotView, value: unknown): void {
        this[VALUES][position] = value;
      },
    });
  });
  return (values) => {
    const view = Object.create(prototype) as { [VALUES]: unknown[] };
    view[VALUES] = values;
    return view;
  };
}
