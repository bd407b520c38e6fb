// Builders of conditions as data, as generated modules write them: `allOf([yes("a.flag"),
// compare(value("a.age"), ">=", 18)])`. Calls rather than object literals so that TypeScript checks
// each level on its own (a literal nested 64 levels deep exhausts its type comparison), and so that a
// reviewer reads the policy's logic in words close to the policy's own.

import type { DurationUnit } from "./calendar.js";
import type { AppliedArgument, Condition, RecordJoin, RecordQuantifier, Term } from "./policy-table.js";
import type { ValueSet } from "./codes.js";

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
/** A fact of codes is in a value set: its one code (`one`), or any of its codes (`any`). */
export const inSet = (fact: string, mode: "one" | "any", valueSet: ValueSet): Condition => ({
  kind: "inValueSet",
  fact,
  mode,
  valueSet,
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
/** A yes-or-no field of the record named `variable` is yes. */
export const fieldYes = (variable: string, field: string): Condition => ({
  kind: "field",
  variable,
  field,
  test: { kind: "yes" },
});
/** A set field of the record named `variable` holds all (or any) of `values`. */
export const fieldContains = (
  variable: string,
  field: string,
  mode: "all" | "any",
  values: readonly string[],
): Condition => ({ kind: "field", variable, field, test: { kind: "contains", mode, values } });
/** A condition over the records of `list`, each named `variable`: `records("oxygen.studies", "study", some(...))`. */
export const records = (
  list: string,
  variable: string,
  quantifier: RecordQuantifier,
  join?: RecordJoin,
): Condition => ({
  kind: "records",
  list,
  variable,
  quantifier,
  ...(join !== undefined && { join }),
});
/** A nested quantifier's filter equates the records' `field` with `key`, a value of an enclosing record. */
export const joinedOn = (field: string, key: Term): RecordJoin => ({ field, key });
/** A nested quantifier's filter requires the records' date `field` to lie from `from` to `to`, read from an enclosing record. */
export const joinedWithin = (field: string, from: Term, to: Term): RecordJoin => ({ field, from, to });
export const some = (filter: Condition): RecordQuantifier => ({ kind: "some", filter });
export const none = (filter: Condition): RecordQuantifier => ({ kind: "none", filter });
export const every = (filter: Condition, test: Condition): RecordQuantifier => ({ kind: "every", filter, test });
export const countOf = (filter: Condition, operator: Operator, than: Term): RecordQuantifier => ({
  kind: "count",
  filter,
  operator,
  than,
});
export const latest = (by: string, filter: Condition, test: Condition): RecordQuantifier => ({
  kind: "latest",
  by,
  filter,
  test,
});
export const earliest = (by: string, filter: Condition, test: Condition): RecordQuantifier => ({
  kind: "earliest",
  by,
  filter,
  test,
});
/** A call of a definition with parameters, with its body: `applied("low_pressure", [recordArgument(...)], ...)`. */
export const applied = (
  definition: string,
  label: string,
  args: readonly AppliedArgument[],
  condition: Condition,
): Condition => ({
  kind: "applied",
  definition,
  label,
  arguments: args,
  condition,
});
/** The record named `variable` (of `list`, shown by `identifiedBy` when declared), given to the parameter `parameter`. */
export const recordArgument = (
  parameter: string,
  variable: string,
  list: string,
  identifiedBy?: readonly string[],
): AppliedArgument => ({
  parameter,
  variable,
  list,
  ...(identifiedBy !== undefined && { identifiedBy }),
});
/** A value given to the parameter `parameter`. */
export const valueArgument = (parameter: string, value: Term): AppliedArgument => ({ parameter, value });
/** Another criterion is met (`criterion I.3`). */
export const criterionMet = (id: string): Condition => ({ kind: "statement", target: "criterion", id });
/** A section is met (`section I`). */
export const sectionMet = (id: string): Condition => ({ kind: "statement", target: "section", id });

/** A field of the record named `variable`: `field("study", "pressure")`. */
export const field = (variable: string, name: string): Term => ({ kind: "field", variable, field: name });
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
