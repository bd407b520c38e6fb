// What an input issue says to a program: a stable code from a small closed list, and the field as an
// RFC 6901 JSON pointer into the argument it is about. The readers build every issue here.

import { UNREADABLE } from "./untrusted.js";

/** Every issue code: what is wrong with a field, for a program to act on (docs/contract.md says each). */
export const INPUT_ISSUE_CODES = [
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
] as const;

export type InputIssueCode = (typeof INPUT_ISSUE_CODES)[number];

export interface InputIssue {
  readonly code: InputIssueCode;
  /** The dotted path of the field: `member.age`, `home.features[2]`, `asOf`, or `(facts)` for the whole. */
  readonly field: string;
  /** The field as a JSON pointer (RFC 6901) into the argument it is about (facts, claim or options): `/member/age`, `""` for the whole. */
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
  return `/${field
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .map(pointerToken)
    .join("/")}`;
}

/** The pointer of the key `key` of the group whose field is `groupField`. */
export function pointerBelow(groupField: string, key: string): string {
  return `${pointerOf(groupField)}/${pointerToken(key)}`;
}

export function inputIssue(
  code: InputIssueCode,
  field: string,
  problem: string,
  pointer = pointerOf(field),
): InputIssue {
  return { code, field, pointer, problem };
}

/** An issue about a value read from the caller: `unreadable` when reading it threw, `code` otherwise. */
export function valueIssue(code: InputIssueCode, field: string, value: unknown, problem: string): InputIssue {
  return inputIssue(value === UNREADABLE ? "unreadable" : code, field, problem);
}
