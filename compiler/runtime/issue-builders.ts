// Building input issues: every reader makes its issues here, so that none lacks a code or a pointer.
// Internal to the runtime (index.ts exports the types of issues.ts, not these).

import type { InputIssue, InputIssueCode } from "./issues.js";
import { UNREADABLE } from "./untrusted.js";

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
