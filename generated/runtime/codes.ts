// DO NOT EDIT. Copied by policyc from compiler/runtime/codes.ts.
// Codes and value sets at run time: the shape of a code of each system, and whether a code is in a
// value set. The generated module holds each value set as data (its entries as written, sorted);
// membership is decided here, by the same rule the checker uses to find overlapping entries.

/** The code systems a fact or a value set may name. */
export const codeSystems = ["ICD-10-CM", "ICD-10-PCS", "HCPCS", "CPT"] as const;

export type CodeSystem = (typeof codeSystems)[number];

/**
 * The shape of a code of each system, as the code tables write it: capital letters and digits;
 * ICD-10-CM a letter, a digit, a digit or letter, then optionally a dot and 1 to 4 digits or letters
 * (`J44`, `J44.0`, `S72.001A`; the dot may be left out, as claims do: `J440`); ICD-10-PCS 7 digits or
 * letters (no I or O); HCPCS a letter and 4 digits (`E0431`) or a CPT code; CPT 4 digits and a digit
 * or F, T or U (`99213`, `0001F`).
 */
const codeShapes: { readonly [System in CodeSystem]: RegExp } = {
  "ICD-10-CM": /^[A-Z][0-9][0-9A-Z](?:\.?[0-9A-Z]{1,4})?$/,
  "ICD-10-PCS": /^[0-9A-HJ-NP-Z]{7}$/,
  HCPCS: /^(?:[A-Z][0-9]{4}|[0-9]{4}[0-9FTU])$/,
  CPT: /^[0-9]{4}[0-9FTU]$/,
};

export function isCodeSystem(text: string): text is CodeSystem {
  return (codeSystems as readonly string[]).includes(text);
}

/** The shape of a code of `system` as a regular expression's source (for a JSON Schema's `pattern`). */
export function codePattern(system: CodeSystem): string {
  return codeShapes[system].source;
}

/** Whether `text` is a code of `system`, written as its code tables write it. */
export function isCodeOf(system: CodeSystem, text: string): boolean {
  return codeShapes[system].test(text);
}

/**
 * The key codes are ordered and compared by: the code without its dot (`J44.0` and `J440` are one
 * code). Keys compare as text, character by character (digits before letters).
 */
export function codeKey(code: string): string {
  return code.replace(".", "");
}

/**
 * One entry of a value set as written: a code (`first` = `last`) or a range `first..last`. An entry
 * covers its codes and their children: every code whose key starts with the key of a code it covers
 * (`J44` covers `J44.0` and `J44.1`; the range `J44.0..J44.9` covers `J44.91`).
 */
export interface ValueSetEntry {
  readonly first: string;
  readonly last: string;
}

/** The keys an entry covers, from `low` (included) to `high` (excluded): `high` is the last key followed by `~`, after every digit and letter. */
export function entryBounds(entry: ValueSetEntry): { readonly low: string; readonly high: string } {
  return { low: codeKey(entry.first), high: `${codeKey(entry.last)}~` };
}

/** Whether `code` is covered by one of `entries`. */
export function inValueSet(entries: readonly ValueSetEntry[], code: string): boolean {
  const key = codeKey(code);
  return entries.some((entry) => {
    const { low, high } = entryBounds(entry);
    return key >= low && key < high;
  });
}

/** A value set as a generated module holds it: its entries sorted by code, with where they come from. */
export interface ValueSet {
  readonly name: string;
  readonly system: CodeSystem;
  readonly source: string;
  readonly version: string;
  readonly entries: readonly ValueSetEntry[];
}

/** A value set's declaration, frozen, as the generated module's table of value sets holds it. */
export function valueSet(declaration: ValueSet): ValueSet {
  return Object.freeze({ ...declaration, entries: Object.freeze(declaration.entries.map((e) => Object.freeze(e))) });
}

/** Whether `code` is in the value set (runtime/codes.ts: an entry covers its codes and their children). */
export function memberOf(set: ValueSet, code: string): boolean {
  return inValueSet(set.entries, code);
}

/** Whether any of `codes` is in the value set. */
export function anyMemberOf(set: ValueSet, codes: readonly string[]): boolean {
  return codes.some((code) => inValueSet(set.entries, code));
}
