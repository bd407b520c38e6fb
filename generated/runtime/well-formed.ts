// DO NOT EDIT. Copied by policyc from compiler/runtime/well-formed.ts.
// Fast paths for input that is well formed, which almost all input is: each asks only "is this
// exactly right?", with no issue list, and answers undefined at the first doubt (a wrong value, a
// stray key, a hole, a Proxy whose trap throws, even an inherited key). The caller then reads the same
// value with its full reader, which names every problem exactly as it always has. So a fast path may
// be stricter than the full reader, never looser: whatever it accepts, the full reader accepts too,
// with the same result.
//
// NOTE: when a fast path gives up, the full reader reads the value again, so an own getter of a
// malformed input runs twice. Only a malformed input pays that, and it is refused either way unless a
// getter answers differently the second time.
//
// Internal to the runtime: index.ts does not export it.

import { MAX_UNITS_PER_LINE, type NormalizedLine } from "./claims.js";
import { hasPlainPrototype } from "./untrusted.js";

const NO_MODIFIERS: readonly string[] = Object.freeze([]);

function isUpperOrDigit(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A HCPCS level II code (a letter and four digits) or a CPT code (four digits, then a digit or letter): claims.ts's pattern, by hand. */
export function isBillingCode(value: string): boolean {
  if (value.length !== 5) return false;
  for (let index = 1; index < 4; index++) if (!isDigit(value.charCodeAt(index))) return false;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(4);
  if (first >= 65 && first <= 90) return isDigit(last);
  return isDigit(first) && isUpperOrDigit(last);
}

const PROBE = {};

/** A key the fast path's for-in has not met (yet). */
export const NOT_LISTED: unique symbol = Symbol("not listed");
export type NotListed = typeof NOT_LISTED;

/**
 * A key the for-in over `group` did not list: undefined (left out) when `group` does not hold it,
 * NOT_LISTED when it holds it without listing it (not enumerable), for the generic reader to read.
 */
export function unlistedKey(group: object, key: string): undefined | NotListed {
  return Object.hasOwn(group, key) ? NOT_LISTED : undefined;
}

/**
 * True when Object.prototype holds no enumerable key (someone may have added one: `Object.prototype.code
 * = ...`), so that a for-in over a plain object lists only its own keys. One for-in over an empty object.
 */
export function objectPrototypeIsClean(): boolean {
  for (const key in PROBE) return key === undefined;
  return true;
}

// NOTE: each list is walked by a loop of its own, not one loop taking a function that accepts an
// item: a call site shared by lines, modifiers and choices turns polymorphic and stops V8 inlining.

/** A list's item at `index` when it is the list's own: a hole reads as undefined, or as Array.prototype's item. */
function ownItem(list: readonly unknown[], index: number): unknown {
  const item = list[index];
  return item === undefined || !Object.hasOwn(list, index) ? undefined : item;
}

function isModifier(item: unknown): item is string {
  return (
    typeof item === "string" &&
    item.length === 2 &&
    isUpperOrDigit(item.charCodeAt(0)) &&
    isUpperOrDigit(item.charCodeAt(1))
  );
}

/** A line's modifiers: a list without holes of two-character modifiers (a copy); undefined otherwise. */
function wellFormedModifiers(value: unknown): readonly string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value as readonly unknown[];
  if (list.length === 0) return NO_MODIFIERS;
  const modifiers: string[] = [];
  for (let index = 0; index < list.length; index++) {
    const item = ownItem(list, index);
    if (!isModifier(item)) return undefined;
    modifiers.push(item);
  }
  return modifiers;
}

/** One claim line: a plain object with its own `code` and `units`, perhaps `modifiers`, each well formed. */
function claimLine(item: unknown): NormalizedLine | undefined {
  if (typeof item !== "object" || item === null || !hasPlainPrototype(item)) return undefined;
  // for-in lists own enumerable keys and inherited enumerable ones, of which a clean
  // Object.prototype has none (see wellFormedLines): a key seen here is the caller's own.
  let hasCode = false;
  let hasUnits = false;
  let hasModifiers = false;
  for (const key in item) {
    if (key === "code") hasCode = true;
    else if (key === "units") hasUnits = true;
    else if (key === "modifiers") hasModifiers = true;
    else return undefined;
  }
  if (!hasCode || !hasUnits) return undefined;
  const line = item as { readonly code: unknown; readonly units: unknown; readonly modifiers?: unknown };
  const code = line.code;
  const units = line.units;
  if (typeof code !== "string" || !isBillingCode(code)) return undefined;
  if (typeof units !== "number" || !Number.isInteger(units) || units < 0 || units > MAX_UNITS_PER_LINE)
    return undefined;
  const given = hasModifiers ? line.modifiers : undefined;
  const modifiers = given === undefined || given === null ? NO_MODIFIERS : wellFormedModifiers(given);
  if (modifiers === undefined) return undefined;
  // -0 units read as 0, as the full reader has it.
  return { code, modifiers, units: units + 0 };
}

/** A claim's lines when every one is well formed; undefined otherwise (readClaimLines then names each problem). */
export function wellFormedLines(value: unknown): NormalizedLine[] | undefined {
  if (!objectPrototypeIsClean()) return undefined;
  try {
    if (!Array.isArray(value)) return undefined;
    const list = value as readonly unknown[];
    const lines: NormalizedLine[] = [];
    for (let index = 0; index < list.length; index++) {
      const line = claimLine(ownItem(list, index));
      if (line === undefined) return undefined;
      lines.push(line);
    }
    return lines;
  } catch {
    // A Proxy's trap or a getter threw: the full reader reports it by name.
    return undefined;
  }
}

/** A set fact's list when every item is one of `allowed` (a copy); undefined otherwise (choiceSetValue then names each problem). */
export function wellFormedChoices<Value extends string>(
  value: unknown,
  allowed: ReadonlySet<Value>,
): Value[] | undefined {
  try {
    if (!Array.isArray(value)) return undefined;
    const list = value as readonly unknown[];
    const choices: Value[] = [];
    for (let index = 0; index < list.length; index++) {
      const item = ownItem(list, index);
      if (typeof item !== "string" || !allowed.has(item as Value)) return undefined;
      choices.push(item as Value);
    }
    return choices;
  } catch {
    return undefined;
  }
}
