// DO NOT EDIT. Copied by policyc from compiler/runtime/condition-data.ts.
// Builders of conditions as data, as generated modules write them: `allOf([yes("a.flag"),
// compare(value("a.age"), ">=", 18)])`. Calls rather than object literals so that TypeScript checks
// each level on its own (a literal nested 64 levels deep exhausts its type comparison), and so that a
// reviewer reads the policy's logic in words close to the policy's own.

import type { DurationUnit } from "./calendar.js";
import type { Condition, Term } from "./policy-table.js";

type Operator = Extract<Condition, { kind: "compare" }>["operator"];

export const always = (value: boolean): Condition => ({ kind: "constant", value });
/** A yes-or-no fact is yes. */
export const yes = (fact: string): Condition => ({ kind: "fact", fact });
/** A one-of fact is one of `values`. */
export const oneOf = (fact: string, values: readonly string[]): Condition => ({ kind: "oneOf", fact, values });
export const compare = (left: Term, operator: Operator, right: Term): Condition => ({
  kind: "compare",
  operator,
  left,
  right,
});
/** `date` lies from `from` to `to`, both included: a window of days (`within 30 days before ...`). */
export const between = (date: Term, from: Term, to: Term): Condition => ({ kind: "between", date, from, to });
/** A set fact holds all (or any) of `values`. */
export const contains = (fact: string, mode: "all" | "any", values: readonly string[]): Condition => ({
  kind: "contains",
  fact,
  mode,
  values,
});
export const negation = (operand: Condition): Condition => ({ kind: "not", operand });
export const allOf = (operands: readonly Condition[]): Condition => ({ kind: "and", operands });
export const anyOf = (operands: readonly Condition[]): Condition => ({ kind: "or", operands });
export const atLeastOf = (count: number, operands: readonly Condition[]): Condition => ({
  kind: "atLeast",
  count,
  operands,
});
export const definition = (name: string): Condition => ({ kind: "definition", name });
export const part = (id: string): Condition => ({ kind: "part", id });
/** Another criterion is met (`criterion I.3`). */
export const criterionMet = (id: string): Condition => ({ kind: "statement", target: "criterion", id });
/** A section is met (`section I`). */
export const sectionMet = (id: string): Condition => ({ kind: "statement", target: "section", id });

/** Terms of a comparison: a fact's value, the service date, or a literal. */
export const value = (fact: string): Term => ({ kind: "fact", fact });
export const serviceDate: Term = { kind: "serviceDate" };
export const number = (value: number): Term => ({ kind: "number", value });
export const date = (value: string): Term => ({ kind: "date", value });
export const text = (value: string): Term => ({ kind: "text", value });
/** `date` moved by `amount` (negative: back) of `unit`: `shifted(serviceDate, -30, "days")`. */
export const shifted = (date: Term, amount: number, unit: DurationUnit): Term => ({
  kind: "shifted",
  date,
  amount,
  unit,
});
