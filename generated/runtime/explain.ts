// DO NOT EDIT. Copied by policyc from compiler/runtime/explain.ts.
// Which unknown facts a condition needs, found from the condition as data (the generated code keeps
// each statement's logic both compiled, for the decision, and as data, for this). One pass, bottom
// up: each part's truth is computed as the compiled logic computes it, and the unknown facts found
// under a part are kept only when that part is itself unknown. Runs only when a decision is pending.

import { anyMemberOf, memberOf } from "./codes.js";
import type { Condition, DefinitionEntry, Term } from "./policy-table.js";
import { shiftDate } from "./calendar.js";
import { not, type Truth } from "./truth.js";
import {
  countRecords,
  everyRecord,
  latestRecord,
  noRecord,
  someRecord,
  type RecordTest,
  type RecordValues,
} from "./records.js";
import { joined, withinDates } from "./record-index.js";

/** The record each enclosing quantifier names, by its name. */
export type Bindings = ReadonlyMap<string, RecordValues>;
const NO_BINDINGS: Bindings = new Map();

function fieldValue(bindings: Bindings, variable: string, field: string): unknown {
  return bindings.get(variable)?.[field];
}

/** Where a policy keeps each value a condition names, and the statements a condition may descend into. */
export interface ExplainIndex {
  /** Each fact's position in the fact values; the marks are these positions. */
  readonly factPosition: ReadonlyMap<string, number>;
  readonly definitionPosition: ReadonlyMap<string, number>;
  readonly partPosition: ReadonlyMap<string, number>;
  /** Each statement referred to as met: its position in the values read as `met`. */
  readonly metPosition: ReadonlyMap<string, number>;
  readonly definitionsByName: ReadonlyMap<string, DefinitionEntry<never>>;
}

/**
 * The values one evaluation computed, by position (read through the policy's index: a lookup by a
 * name that varies, on the named views the compiled logic reads, would be a slow generic lookup).
 */
export interface ExplainScope {
  readonly index: ExplainIndex;
  readonly factValues: readonly unknown[];
  readonly definitionValues: readonly Truth[];
  readonly partValues: readonly Truth[];
  /** The condition of each part, by id, as it stands on the service date (a part's logic may have versions). */
  readonly partsById: ReadonlyMap<string, Condition>;
  /** Whether each statement referred to is met, by its position in `index.metPosition`. */
  readonly metValues: readonly Truth[];
  /** Marks the unknown facts under a statement referred to as met, when it is unknown. */
  readonly explainMet: (position: number, marks: number[]) => void;
  readonly asOf: string;
}

function positionOf(positions: ReadonlyMap<string, number>, name: string): number {
  const position = positions.get(name);
  if (position === undefined)
    throw new Error(`policyc runtime: a condition names ${name}, which the policy does not declare`);
  return position;
}

type Operator = Extract<Condition, { kind: "compare" }>["operator"];

function termValue(term: Term, scope: ExplainScope, bindings: Bindings): unknown {
  switch (term.kind) {
    case "fact":
      return scope.factValues[positionOf(scope.index.factPosition, term.fact)];
    case "number":
    case "date":
    case "text":
      return term.value;
    case "serviceDate":
      return scope.asOf;
    case "shifted": {
      const date = termValue(term.date, scope, bindings) as string | undefined;
      return date === undefined ? undefined : shiftDate(date, term.amount, term.unit);
    }
    case "field":
      return fieldValue(bindings, term.variable, term.field);
  }
}

/** Both sides are numbers, or both are texts (dates written YYYY-MM-DD compare as texts). */
function compare(operator: Operator, left: number | string, right: number | string): boolean {
  switch (operator) {
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
    case "=":
      return left === right;
    case "!=":
      return left !== right;
  }
}

/** Marks a term's fact (or the fact a shifted date moves) when its value is unknown; true when it is. */
function unknownTerm(term: Term, value: unknown, scope: ExplainScope, marks: number[]): boolean {
  if (value !== undefined) return false;
  if (term.kind === "fact") marks.push(positionOf(scope.index.factPosition, term.fact));
  else if (term.kind === "shifted") unknownTerm(term.date, undefined, scope, marks);
  return true;
}

function containsTruth(values: readonly string[], wanted: readonly string[], mode: "all" | "any"): Truth {
  for (const value of wanted) {
    const found = values.includes(value);
    if (mode === "all" && !found) return 0;
    if (mode === "any" && found) return 2;
  }
  return mode === "all" ? 2 : 0;
}

/** The truth of a compound part, keeping the marks of only those operands that are unknown. */
function compoundTruth(
  condition: Extract<Condition, { kind: "and" | "or" | "atLeast" }>,
  scope: ExplainScope,
  marks: number[],
  bindings: Bindings,
): Truth {
  let trues = 0;
  let unknowns = 0;
  for (const operand of condition.operands) {
    const before = marks.length;
    const truth = visit(operand, scope, marks, bindings);
    if (truth === 2) trues++;
    else if (truth === 1) unknowns++;
    if (truth !== 1) marks.length = before;
  }
  const needed =
    condition.kind === "atLeast" ? condition.count : condition.kind === "and" ? condition.operands.length : 1;
  if (trues >= needed) return 2;
  return trues + unknowns >= needed ? 1 : 0;
}

/** The truth of a quantifier, with the same helpers the compiled logic calls. */
function recordsTruth(
  condition: Extract<Condition, { kind: "records" }>,
  scope: ExplainScope,
  bindings: Bindings,
): Truth {
  const all = scope.factValues[positionOf(scope.index.factPosition, condition.list)] as
    readonly RecordValues[] | undefined;
  const join = condition.join;
  const list =
    join === undefined
      ? all
      : "key" in join
        ? joined(all, join.field, termValue(join.key, scope, bindings))
        : withinDates(all, join.field, termValue(join.from, scope, bindings), termValue(join.to, scope, bindings));
  const compiled =
    (inner: Condition): RecordTest =>
    (record) =>
      visit(inner, scope, [], new Map(bindings).set(condition.variable, record));
  const quantifier = condition.quantifier;
  switch (quantifier.kind) {
    case "some":
      return someRecord(list, compiled(quantifier.filter));
    case "none":
      return noRecord(list, compiled(quantifier.filter));
    case "every":
      return everyRecord(list, compiled(quantifier.filter), compiled(quantifier.test));
    case "count": {
      const than = termValue(quantifier.than, scope, bindings) as number | undefined;
      return countRecords(list, compiled(quantifier.filter), quantifier.operator, than);
    }
    case "latest":
    case "earliest":
      return latestRecord(
        list,
        (record) => record[quantifier.by],
        compiled(quantifier.filter),
        compiled(quantifier.test),
        quantifier.kind === "latest" ? 1 : -1,
      );
  }
}

/**
 * The facts an unknown quantifier waits on: its list, the fact it counts against, and the unknown
 * facts of its conditions over any record (a fact compared with a field, a definition's facts).
 */
function markRecordFacts(
  condition: Extract<Condition, { kind: "records" }>,
  scope: ExplainScope,
  marks: number[],
  bindings: Bindings,
): void {
  const position = positionOf(scope.index.factPosition, condition.list);
  marks.push(position);
  const quantifier = condition.quantifier;
  if (quantifier.kind === "count")
    unknownTerm(quantifier.than, termValue(quantifier.than, scope, bindings), scope, marks);
  const list = scope.factValues[position] as readonly RecordValues[] | undefined;
  const inner =
    quantifier.kind === "every" || quantifier.kind === "latest" || quantifier.kind === "earliest"
      ? [quantifier.filter, quantifier.test]
      : [quantifier.filter];
  for (const record of list ?? []) {
    const named = new Map(bindings).set(condition.variable, record);
    for (const part of inner) visit(part, scope, marks, named);
  }
}

function visit(condition: Condition, scope: ExplainScope, marks: number[], bindings: Bindings = NO_BINDINGS): Truth {
  switch (condition.kind) {
    case "constant":
      return condition.value ? 2 : 0;
    case "fact": {
      const position = positionOf(scope.index.factPosition, condition.fact);
      const value = scope.factValues[position];
      if (value === 1) marks.push(position);
      return value as Truth;
    }
    case "oneOf": {
      const position = positionOf(scope.index.factPosition, condition.fact);
      const value = scope.factValues[position];
      if (value === undefined) {
        marks.push(position);
        return 1;
      }
      return condition.values.includes(value as string) ? 2 : 0;
    }
    case "compare": {
      const left = termValue(condition.left, scope, bindings);
      const right = termValue(condition.right, scope, bindings);
      const leftUnknown = unknownTerm(condition.left, left, scope, marks);
      if (unknownTerm(condition.right, right, scope, marks) || leftUnknown) return 1;
      return compare(condition.operator, left as number | string, right as number | string) ? 2 : 0;
    }
    case "between": {
      const terms = [condition.date, condition.from, condition.to];
      const values = terms.map((term) => termValue(term, scope, bindings));
      let unknown = false;
      terms.forEach((term, index) => {
        if (unknownTerm(term, values[index], scope, marks)) unknown = true;
      });
      if (unknown) return 1;
      const [date, from, to] = values as string[];
      return date !== undefined && from !== undefined && to !== undefined && from <= date && date <= to ? 2 : 0;
    }
    case "contains": {
      const position = positionOf(scope.index.factPosition, condition.fact);
      const value = scope.factValues[position];
      if (value === undefined) {
        marks.push(position);
        return 1;
      }
      return containsTruth(value as readonly string[], condition.values, condition.mode);
    }
    case "inValueSet": {
      const position = positionOf(scope.index.factPosition, condition.fact);
      const value = scope.factValues[position];
      if (value === undefined) {
        marks.push(position);
        return 1;
      }
      return (
        condition.mode === "one"
          ? memberOf(condition.valueSet, value as string)
          : anyMemberOf(condition.valueSet, value as readonly string[])
      )
        ? 2
        : 0;
    }
    case "not": {
      return not(visit(condition.operand, scope, marks, bindings));
    }
    case "and":
    case "or":
    case "atLeast": {
      const start = marks.length;
      const truth = compoundTruth(condition, scope, marks, bindings);
      if (truth !== 1) marks.length = start;
      return truth;
    }
    case "definition": {
      const truth = scope.definitionValues[positionOf(scope.index.definitionPosition, condition.name)]!;
      const definition = scope.index.definitionsByName.get(condition.name);
      if (truth === 1 && definition !== undefined) visit(definition.when, scope, marks);
      return truth;
    }
    case "part": {
      const truth = scope.partValues[positionOf(scope.index.partPosition, condition.id)]!;
      const part = scope.partsById.get(condition.id);
      if (truth === 1 && part !== undefined) visit(part, scope, marks);
      return truth;
    }
    case "field": {
      const value = fieldValue(bindings, condition.variable, condition.field);
      if (condition.test.kind === "yes") return value as Truth;
      if (value === undefined) return 1;
      return containsTruth(value as readonly string[], condition.test.values, condition.test.mode);
    }
    case "records": {
      // NOTE: a pending quantifier asks for its list (the list's question), not for single fields.
      const truth = recordsTruth(condition, scope, bindings);
      if (truth === 1) markRecordFacts(condition, scope, marks, bindings);
      return truth;
    }
    case "applied":
      return visit(condition.condition, scope, marks, bindings);
    case "statement": {
      const position = positionOf(scope.index.metPosition, condition.id);
      const truth = scope.metValues[position]!;
      if (truth === 1) scope.explainMet(position, marks);
      return truth;
    }
  }
}

/** The truth of a condition as the compiled logic computed it (for walking the qualifying path). */
export function truthOf(condition: Condition, scope: ExplainScope): Truth {
  return visit(condition, scope, []);
}

/** The truth of a condition over named records (`bindings`: each record by the name a quantifier gives it). */
export function truthWith(condition: Condition, scope: ExplainScope, bindings: Bindings): Truth {
  return visit(condition, scope, [], bindings);
}

/** The value of a term over named records, undefined when unknown. */
export function valueWith(term: Term, scope: ExplainScope, bindings: Bindings): unknown {
  return termValue(term, scope, bindings);
}

/** Adds to `marks` the position of every unknown fact that can change `condition` (called when it is unknown). */
export function markUnknownFacts(condition: Condition, scope: ExplainScope, marks: number[]): void {
  visit(condition, scope, marks);
}

/** The truth of `condition` as the compiled logic computed it, marking its unknown facts in `marks` (one walk for both). */
export function truthMarking(condition: Condition, scope: ExplainScope, marks: number[]): Truth {
  return visit(condition, scope, marks);
}
