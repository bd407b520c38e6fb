// What an input issue says to a program: a stable code from a small closed list, and the field as an
// RFC 6901 JSON pointer into the argument it is about (the facts, the claim or the options). The
// readers build every issue here, so that no issue lacks either. Internal to the runtime but for the types.

import { UNREADABLE } from "./untrusted.js";

/**
 * What is wrong with a field, for a program to act on (the `problem` says it for a person):
 * - `not_an_object`: a group, record, line, claim or the facts themselves is not a plain object;
 * - `unknown_field`: a key that is no fact, field or option of this policy;
 * - `wrong_type`: a value of the wrong kind (a text for a number, a list for a yes-or-no);
 * - `not_an_option`: a text that is none of a one-of or set fact's values;
 * - `out_of_range`: a number outside its declared range, or not finite;
 * - `not_a_date`: not a real date written YYYY-MM-DD;
 * - `not_a_code`: not a code of the fact's system (or a claim line's code or modifier);
 * - `too_many_records`: a list fact holds more records than a list may;
 * - `missing`: a field that must be given was not (the service date);
 * - `before_policy`: a service date before the policy took effect;
 * - `list_hole`: a hole in a list;
 * - `unreadable`: reading the field threw an error (a getter, a Proxy).
 */
export type InputIssueCode =
  | "not_an_object"
  | "unknown_field"
  | "wrong_type"
  | "not_an_option"
  | "out_of_range"
  | "not_a_date"
  | "not_a_code"
  | "too_many_records"
  | "missing"
  | "before_policy"
  | "list_hole"
  | "unreadable";

/** Every issue code, in the order documented above (for schemas and docs). */
export const INPUT_ISSUE_CODES: readonly InputIssueCode[] = Object.freeze([
  "not_an_object",
  "unknown_field",
  "wrong_type",
  "not_an_option",
  "out_of_range",
  "not_a_date",
  "not_a_code",
  "too_many_records",
  "missing",
  "before_policy",
  "list_hole",
  "unreadable",
]);

export interface InputIssue {
  readonly code: InputIssueCode;
  /** The dotted path of the field: `member.age`, `home.features[2]`, `asOf`, or `(facts)` for the whole. */
  readonly field: string;
  /**
   * The field as a JSON pointer (RFC 6901) into the argument it is about: `/member/age`,
   * `/oxygen/studies/2/saturation`, `""` for the whole. For the options (`asOf`, `trace`, `decision`)
   * it points into the options object.
   */
  readonly pointer: string;
  readonly problem: string;
}

/** One key as a pointer's reference token: `~` and `/` escaped (RFC 6901, section 3). */
export function pointerToken(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}

/**
 * The pointer of a field named the readers' way: `member.age` -> `/member/age`, `lines[0].code` ->
 * `/lines/0/code`, a root (`(facts)`, `(claim)`, `(options)`) -> `""`. Every part of such a name is a
 * fact, field or option name or an index, none holding `.`, `[` or `/`; a caller's unknown key,
 * which may hold anything, gets its pointer from `pointerBelow` instead.
 */
export function pointerOf(field: string): string {
  if (field.startsWith("(")) return "";
  return `/${field.replace(/\[(\d+)\]/g, ".$1").split(".").map(pointerToken).join("/")}`;
}

/** The pointer of the key `key` of the group whose field is `groupField`. */
export function pointerBelow(groupField: string, key: string): string {
  return `${pointerOf(groupField)}/${pointerToken(key)}`;
}

export function inputIssue(code: InputIssueCode, field: string, problem: string, pointer = pointerOf(field)): InputIssue {
  return { code, field, pointer, problem };
}

/** An issue about a value read from the caller: `unreadable` when reading it threw, `code` otherwise. */
export function valueIssue(code: InputIssueCode, field: string, value: unknown, problem: string): InputIssue {
  return inputIssue(value === UNREADABLE ? "unreadable" : code, field, problem);
}
