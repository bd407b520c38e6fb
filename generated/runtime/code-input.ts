// DO NOT EDIT. Copied by policyc from compiler/runtime/code-input.ts.
// Reading facts of codes from untrusted input: a string of the shape of a code of the fact's system
// (codes.ts), or for a set of codes a list of them. Anything else is a PolicyInputError naming the field.

import { isCodeOf, type CodeSystem } from "./codes.js";
import { readListItems, SKIPPED } from "./fields.js";
import type { Group } from "./input.js";
import { inputIssue, valueIssue } from "./issue-builders.js";
import type { InputIssue } from "./issues.js";
import { describeSome, mismatch, ownValue } from "./untrusted.js";

function shapeWords(system: CodeSystem): string {
  return `a code of ${system}, written as its code tables write it (capital letters)`;
}

export function codeValue(value: unknown, field: string, system: CodeSystem, issues: InputIssue[]): string | undefined {
  if (typeof value === "string" && isCodeOf(system, value)) return value;
  if (value !== undefined && value !== null)
    issues.push(
      valueIssue(
        typeof value === "string" ? "not_a_code" : "wrong_type",
        field,
        value,
        mismatch(`must be ${shapeWords(system)}`, value),
      ),
    );
  return undefined;
}

export function codeSetValue(
  value: unknown,
  field: string,
  system: CodeSystem,
  issues: InputIssue[],
): readonly string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const items = readListItems(value, field, issues);
  if (items === undefined) {
    issues.push(valueIssue("wrong_type", field, value, mismatch(`must be a list of codes of ${system}`, value)));
    return undefined;
  }
  const codes: string[] = [];
  const bad: unknown[] = [];
  let skipped = false;
  for (const item of items) {
    if (typeof item === "string" && isCodeOf(system, item)) codes.push(item);
    else if (item === SKIPPED) skipped = true;
    else bad.push(item);
  }
  if (bad.length > 0) {
    const problem = `may hold only ${shapeWords(system)}, not ${describeSome(bad)}`;
    issues.push(
      inputIssue(bad.every((item) => typeof item === "string") ? "not_a_code" : "wrong_type", field, problem),
    );
  }
  return skipped || bad.length > 0 ? undefined : codes;
}

/** A fact of one code: unknown when its group or value is absent or null. */
export function readCode(
  group: Group | undefined,
  key: string,
  field: string,
  system: CodeSystem,
  issues: InputIssue[],
): string | undefined {
  return group === undefined ? undefined : codeValue(ownValue(group, key), field, system, issues);
}

/** A fact of a set of codes: a list of codes, each of the system's shape. */
export function readCodeSet(
  group: Group | undefined,
  key: string,
  field: string,
  system: CodeSystem,
  issues: InputIssue[],
): readonly string[] | undefined {
  return group === undefined ? undefined : codeSetValue(ownValue(group, key), field, system, issues);
}
