// The truth of a model's conditions over one case's facts, for `policyc test --coverage`: which
// statements a case exercises and how each leaf condition came out. Input: a PolicyModel and a
// resolved case; output: three-valued truths. The generated evaluator decides; this only looks.
// NOTE: computed from the model, not read out of the evaluator, so that the evaluator's public API
// stays as it is (a decision does not carry the truth of every leaf).

import { inForceOn, versionOn } from "../model/versions.js";
import type { ComparisonOperator, Condition, PolicyModel, RuleModel, Term } from "../model/policy-model.js";
import { windowBounds } from "../model/date-terms.js";
import { isMember } from "../model/value-sets.js";
import { referredCondition } from "../model/referred-statements.js";
import { shiftDate } from "../runtime/calendar.js";
import type { RecordFacts, ResolvedCase } from "./check-cases.js";
import { countRecords, everyRecord, latestRecord, noRecord, someRecord, type RecordTest } from "../runtime/records.js";

/** 0 false, 1 unknown, 2 true, as in the runtime. */
export type Truth = 0 | 1 | 2;

type Value = boolean | number | string | readonly string[] | readonly RecordFacts[];

/** What one case gives a condition to read. */
export interface CaseScope {
  readonly model: PolicyModel;
  readonly serviceDate: string;
  /** The index of the revision in force on the service date; undefined before the policy took effect. */
  readonly revision: number | undefined;
  valueOf(fact: string): Value | undefined;
  /** The record each enclosing quantifier names, by its name. */
  readonly records?: ReadonlyMap<string, RecordFacts>;
}

function valueAt(facts: unknown, name: string): Value | undefined {
  let value: unknown = facts;
  for (const key of name.split(".")) {
    // Own properties only, as the evaluator reads facts.
    if (typeof value !== "object" || value === null || Array.isArray(value) || !Object.hasOwn(value, key))
      return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value === null || value === undefined ? undefined : (value as Value);
}

/** The scope of facts nested as the evaluator takes them (`{ member: { age: 45 } }`), on a service date. */
export function factsScope(model: PolicyModel, facts: unknown, serviceDate: string): CaseScope {
  let revision: number | undefined;
  model.revisions.forEach((candidate, index) => {
    if (candidate.effective <= serviceDate) revision = index;
  });
  return { model, serviceDate, revision, valueOf: (fact) => valueAt(facts, fact) };
}

export function caseScope(model: PolicyModel, resolved: ResolvedCase): CaseScope {
  return factsScope(model, resolved.facts, resolved.asOf);
}

const truth = (value: boolean): Truth => (value ? 2 : 0);

function termValue(term: Term, scope: CaseScope): Value | undefined {
  switch (term.kind) {
    case "fact":
      return scope.valueOf(term.fact);
    case "serviceDate":
      return scope.serviceDate;
    case "shifted": {
      const date = termValue(term.date, scope);
      return typeof date === "string" ? shiftDate(date, term.by.amount, term.by.unit) : undefined;
    }
    case "field":
      return scope.records?.get(term.variable)?.[term.field];
    case "parameter":
      // Only a definition's own condition holds one, and a call's condition is what is evaluated.
      return undefined;
    default:
      return term.value;
  }
}

/** A quantifier's truth over a case's records, with the runtime's own meaning of each quantifier. */
function recordsTruth(condition: Extract<Condition, { kind: "records" }>, scope: CaseScope): Truth {
  const list = scope.valueOf(condition.list) as readonly RecordFacts[] | undefined;
  const test =
    (inner: Condition): RecordTest<RecordFacts> =>
    (record) =>
      truthOf(inner, { ...scope, records: new Map(scope.records).set(condition.variable, record) });
  const quantifier = condition.quantifier;
  switch (quantifier.kind) {
    case "some":
      return someRecord(list, test(quantifier.filter));
    case "none":
      return noRecord(list, test(quantifier.filter));
    case "every":
      return everyRecord(list, test(quantifier.filter), test(quantifier.test));
    case "count": {
      const than = termValue(quantifier.than, scope);
      return countRecords(
        list,
        test(quantifier.filter),
        quantifier.operator,
        typeof than === "number" ? than : undefined,
      );
    }
    case "latest":
    case "earliest":
      return latestRecord(
        list,
        (record) => record[quantifier.by],
        test(quantifier.filter),
        test(quantifier.test),
        quantifier.kind === "latest" ? 1 : -1,
      );
  }
}

function compare(operator: ComparisonOperator, left: Value, right: Value): boolean {
  switch (operator) {
    case "=":
      return left === right;
    case "!=":
      return left !== right;
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
  }
}

/** The truth of `condition` in three-valued logic: a leaf that reads an unknown fact is unknown. */
export function truthOf(condition: Condition, scope: CaseScope): Truth {
  switch (condition.kind) {
    case "constant":
      return truth(condition.value);
    case "fact": {
      const value = scope.valueOf(condition.fact);
      return value === undefined ? 1 : truth(value === true);
    }
    case "oneOf": {
      const value = scope.valueOf(condition.fact);
      return value === undefined ? 1 : truth(typeof value === "string" && condition.values.includes(value));
    }
    case "compare": {
      const left = termValue(condition.left, scope);
      const right = termValue(condition.right, scope);
      return left === undefined || right === undefined ? 1 : truth(compare(condition.operator, left, right));
    }
    case "dateWindow": {
      const { from, to } = windowBounds(condition.anchor, condition.window);
      const [date, first, last] = [condition.date, from, to].map((term) => termValue(term, scope));
      if (date === undefined || first === undefined || last === undefined) return 1;
      return truth(first <= date && date <= last);
    }
    case "contains": {
      const value = scope.valueOf(condition.fact);
      if (value === undefined) return 1;
      const held: readonly string[] = Array.isArray(value) ? (value as readonly string[]) : [];
      const wanted = (name: string) => held.includes(name);
      return truth(condition.mode === "all" ? condition.values.every(wanted) : condition.values.some(wanted));
    }
    case "inValueSet": {
      const value = scope.valueOf(condition.fact);
      return value === undefined ? 1 : truth(isMember(scope.model, condition, value));
    }
    case "not":
      return (2 - truthOf(condition.operand, scope)) as Truth;
    case "and":
      return Math.min(2, ...condition.operands.map((operand) => truthOf(operand, scope))) as Truth;
    case "or":
      return Math.max(0, ...condition.operands.map((operand) => truthOf(operand, scope))) as Truth;
    case "atLeast": {
      const truths = condition.operands.map((operand) => truthOf(operand, scope));
      const surely = truths.filter((t) => t === 2).length;
      const possibly = surely + truths.filter((t) => t === 1).length;
      return surely >= condition.count ? 2 : possibly >= condition.count ? 1 : 0;
    }
    case "definition": {
      const definition = scope.model.definitions.find((candidate) => candidate.name === condition.name);
      if (definition === undefined) throw new Error(`policyc: no definition ${condition.name}`);
      return truthOf(definition.condition, scope);
    }
    case "part": {
      const part = scope.model.rules.find((candidate) => candidate.id === condition.id);
      if (part === undefined) throw new Error(`policyc: no part ${condition.id}`);
      // The part as it stands on the service date; one not in force then is never met.
      const version = versionOn(part, scope.model.revisions, scope.serviceDate);
      return version === undefined ? 0 : truthOf(version.condition, scope);
    }
    case "field": {
      const value = scope.records?.get(condition.variable)?.[condition.field];
      if (value === undefined) return 1;
      if (condition.test.kind === "yes") return truth(value === true);
      const held: readonly unknown[] = Array.isArray(value) ? value : [];
      const wanted = (name: string) => held.includes(name);
      return truth(
        condition.test.mode === "all" ? condition.test.values.every(wanted) : condition.test.values.some(wanted),
      );
    }
    case "records":
      return recordsTruth(condition, scope);
    case "applied":
      return truthOf(condition.condition, scope);
    case "statement":
      return truthOf(
        referredCondition(
          scope.model,
          condition,
          (rule) => versionOn(rule, scope.model.revisions, scope.serviceDate)?.condition,
        ),
        scope,
      );
  }
}

/** A part is read only through its criterion: it applies exactly when that criterion does. */
function owningRule(model: PolicyModel, rule: RuleModel): RuleModel {
  let owner = rule;
  while (owner.partOf !== undefined) {
    const next = model.rules.find((candidate) => candidate.id === owner.partOf);
    if (next === undefined) break;
    owner = next;
  }
  return owner;
}

/** Does the rule apply to the case: in force on its date, and every enclosing `applies when` holding? */
export function ruleApplies(rule: RuleModel, scope: CaseScope): Truth {
  const owner = owningRule(scope.model, rule);
  const { revisions } = scope.model;
  if (versionOn(owner, revisions, scope.serviceDate) === undefined) return 0;
  if (versionOn(rule, revisions, scope.serviceDate) === undefined) return 0;
  return Math.min(2, ...owner.applicability.map(({ condition }) => truthOf(condition, scope))) as Truth;
}

export function exceptionInForce(range: { readonly from: number; readonly until?: number }, scope: CaseScope): boolean {
  return inForceOn(range, scope.model.revisions, scope.serviceDate);
}
