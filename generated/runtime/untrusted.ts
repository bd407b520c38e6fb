// DO NOT EDIT. Copied by policyc from compiler/runtime/untrusted.ts.
// Looking at what a caller handed in without tripping over it. The input of a generated evaluator
// may be anything a program can build, not only parsed JSON: a getter that throws, a Proxy whose traps
// throw, a cyclic object, a BigInt, a Map. So only own properties are read (Object.hasOwn first: an
// inherited property is not the caller's), every read that can run the caller's code is guarded so
// that a throw becomes an issue naming the field, a list is read item by item (a hole is seen), and
// values are described for messages without running their code (no JSON.stringify, no toString).
//
// NOTE: an own getter of a plain object does run, once, inside the guard. Reading through property
// descriptors instead would never run it, but cost a quarter of evaluate's throughput in `npm run
// bench`, for getters that only a deliberate caller writes.
//
// Internal to the runtime: index.ts does not export it.

/** What `ownValue` gives for a property whose reading threw (a getter, or a Proxy's trap). */
export const UNREADABLE: unique symbol = Symbol("unreadable");

/** Longest piece of a caller's value quoted in a message, so that no message grows with the input. */
const MAX_QUOTED = 40;
/** Longest key of a caller's repeated in a field name: longer than any fact name, short enough to read. */
const MAX_KEY = 100;

/** The problem of a property or list that could not be read. */
export const NOT_READ = "could not be read: reading it threw an error";

/** `<expected>, not <value>` for a value of the wrong kind; for a property that could not be read, that. */
export function mismatch(expected: string, value: unknown): string {
  return value === UNREADABLE ? NOT_READ : `${expected}, not ${describe(value)}`;
}

/**
 * The value of `group`'s own property `key`: undefined when there is none (an inherited property,
 * Object.prototype.constructor say, is not the caller's); UNREADABLE when reading it throws.
 */
export function ownValue(group: object, key: string): unknown {
  try {
    return Object.hasOwn(group, key) ? (group as Readonly<Record<string, unknown>>)[key] : undefined;
  } catch {
    return UNREADABLE;
  }
}

/**
 * The value of `group`'s property `key`, a key its own enumerable keys list (so no inherited property
 * is read); UNREADABLE when reading it throws.
 */
export function listedValue(group: object, key: string): unknown {
  try {
    return (group as Readonly<Record<string, unknown>>)[key];
  } catch {
    return UNREADABLE;
  }
}

/** True for an object whose prototype is Object.prototype or null: the only objects read as groups. Throws for a Proxy whose trap does. */
export function hasPlainPrototype(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export function shortened(text: string, limit = MAX_QUOTED): string {
  return text.length > limit ? `${text.slice(0, limit)}...` : text;
}

/** A caller's key as it appears in a field name: an empty key shows as "", so that no field name is blank. */
export function keyName(key: string): string {
  return key === "" ? '""' : shortened(key, MAX_KEY);
}

const boxedKinds = new Map<unknown, string>([
  [Boolean.prototype, "a boxed boolean"],
  [Number.prototype, "a boxed number"],
  [String.prototype, "a boxed string"],
  [BigInt.prototype, "a boxed BigInt"],
  [Symbol.prototype, "a boxed symbol"],
]);

/** An own data property's value, from its descriptor: a getter is not run. (Slow: for messages only.) */
function dataValue(object: object, key: string): unknown {
  return Object.getOwnPropertyDescriptor(object, key)?.value;
}

/** The name of the class whose prototype this is. */
function className(prototype: object): string | undefined {
  const constructor = dataValue(prototype, "constructor");
  if (typeof constructor !== "function") return undefined;
  const name = dataValue(constructor, "name");
  return typeof name === "string" && name !== "" ? name : undefined;
}

function describeObject(value: object): string {
  try {
    if (Array.isArray(value)) return "a list";
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype === Object.prototype || prototype === null) return "an object";
    const boxed = boxedKinds.get(prototype);
    if (boxed !== undefined) return boxed;
    const name = typeof prototype === "object" && prototype !== null ? className(prototype) : undefined;
    if (name === "Object") return "an object of another realm (its Object.prototype is not this one)";
    return name === undefined ? "an object that is not a plain object" : `an instance of ${shortened(name)}`;
  } catch {
    return "an object that cannot be looked at";
  }
}

/** A value as a message shows it: short, and found without running any of the caller's code. */
export function describe(value: unknown): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(shortened(value));
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "bigint":
      return `the BigInt ${shortened(String(value))}n`;
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    case "object":
      return value === null ? "null" : describeObject(value);
    default:
      return String(value);
  }
}

/** Up to five values described, then how many more: a list of a million bad items makes a short message. */
export function describeSome(values: readonly unknown[]): string {
  const shown = values.slice(0, 5).map(describe).join(", ");
  return values.length > 5 ? `${shown} and ${values.length - 5} more` : shown;
}

/** True when `value` is a Date object (which a date field never is: dates are written YYYY-MM-DD). */
export function isDateObject(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  try {
    return Object.getPrototypeOf(value) === Date.prototype;
  } catch {
    return false;
  }
}

/** What `listItem` gives for a hole in a list. */
export const HOLE: unique symbol = Symbol("hole");

/** The length of `value` when it is a list; -1 when it is not one; UNREADABLE when looking throws (a Proxy's trap). */
export function listLength(value: unknown): number | typeof UNREADABLE {
  try {
    // A real list's length is a data property; only a Proxy's trap can throw here.
    return Array.isArray(value) ? (value as readonly unknown[]).length : -1;
  } catch {
    return UNREADABLE;
  }
}

/** The item at `index` of a list: HOLE when there is none, UNREADABLE when reading it throws. */
export function listItem(list: object, index: number): unknown {
  try {
    return Object.hasOwn(list, index) ? (list as readonly unknown[])[index] : HOLE;
  } catch {
    return UNREADABLE;
  }
}
