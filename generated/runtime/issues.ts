// DO NOT EDIT. Copied by policyc from compiler/runtime/issues.ts.
// What an input issue says to a program: a stable code from a small closed list, and the field as an
// RFC 6901 JSON pointer into the argument it is about. The readers build them with issue-builders.ts.

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
