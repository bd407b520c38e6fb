// The arguments of the messages about value sets and code facts (PC113-PC119), and how each says
// it in words. Kept apart from message-arguments.ts: these belong to value sets alone.

import type { RowProblemKind } from "../check/value-set-file.js";
import type { Refusal } from "../files/read-file.js";
import { describeUnreadable, quoted } from "./message-arguments.js";

/** Why a value set's file was not read (PC113). */
export type ValueSetFileProblem = { readonly kind: "missing" | "outside" | "name" } | Refusal;

export function describeValueSetFileProblem(problem: ValueSetFileProblem): string {
  switch (problem.kind) {
    case "missing":
      return "does not exist";
    case "outside":
      return "leads out of the policy's folder through a linked folder";
    case "name":
      return "is not a plain name of a file in the policy's folder";
    default:
      return describeUnreadable(problem);
  }
}

/** What is wrong with a row of a value set's file (PC114). */
export type MalformedRow =
  RowProblemKind | { readonly kind: "codeShape"; readonly code: string; readonly system: string };

export function describeMalformedRow(row: MalformedRow): string {
  switch (row.kind) {
    case "header":
      return "the first line is not `code,label`";
    case "emptyLine":
      return "the line is empty";
    case "fields":
      return `the row has ${row.count} field${row.count === 1 ? "" : "s"}, not 2 (a code or a range, then its label)`;
    case "unclosedQuote":
      return "a quoted field does not close on its line, or text follows its closing quote";
    case "emptyCode":
      return "the code is empty";
    case "emptyLabel":
      return "the label is empty";
    case "rangeEnd":
      return "a range needs a code on each side of `..` (or `-`)";
    case "codeShape":
      return `${quoted(row.code)} is not a code of ${row.system}`;
  }
}

/** Why a membership test cannot be answered (PC119). */
export type MembershipProblem =
  /** The subject is not a fact of codes. */
  | { readonly kind: "notCodes"; readonly subject: string; readonly is: string }
  /** A fact of codes compared, or given a value, instead of tested by membership. */
  | { readonly kind: "onlyMembership"; readonly subject: string }
  /** `is in` on a set of codes, or `has any in` on one code. */
  | { readonly kind: "form"; readonly subject: string; readonly holds: "one code" | "a set of codes" }
  /** The fact's code system is not the value set's. */
  | {
      readonly kind: "system";
      readonly subject: string;
      readonly factSystem: string;
      readonly valueSet: string;
      readonly setSystem: string;
    };

export function describeMembershipProblem(problem: MembershipProblem): string {
  switch (problem.kind) {
    case "notCodes":
      return `${quoted(problem.subject)} is ${problem.is}, and only a fact of codes can be in a value set`;
    case "onlyMembership":
      return `${quoted(problem.subject)} holds codes, which are tested only by membership in a value set (\`is in\`, \`has any in\`)`;
    case "form":
      return problem.holds === "one code"
        ? `${quoted(problem.subject)} holds one code: test it with \`is in\`, not \`has any in\``
        : `${quoted(problem.subject)} holds a set of codes: test it with \`has any in\`, not \`is in\``;
    case "system":
      return `${quoted(problem.subject)} holds codes of ${problem.factSystem}, but the value set ${problem.valueSet} lists codes of ${problem.setSystem}`;
  }
}
