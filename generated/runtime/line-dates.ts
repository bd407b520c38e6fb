// DO NOT EDIT. Copied by policyc from compiler/runtime/line-dates.ts.
// A claim line's own date of service (`lines[2].date`), for a claim that covers a period: read and
// validated like every other date of the input.

import { dateProblem, isCalendarDate } from "./fields.js";
import type { Group } from "./input.js";
import { valueIssue } from "./issue-builders.js";
import type { InputIssue } from "./issues.js";
import { ownValue } from "./untrusted.js";

/** The line's date: undefined when left out or null; a value that is no calendar date is reported under `<field>.date`. */
export function readLineDate(line: Group, field: string, issues: InputIssue[]): string | undefined {
  const value = ownValue(line, "date");
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string" && isCalendarDate(value)) return value;
  issues.push(valueIssue("not_a_date", `${field}.date`, value, dateProblem(value)));
  return undefined;
}
