// What a policy's cases exercise, for `policyc test --coverage`. Input: a PolicyModel and its resolved
// cases; output: per statement, the cases in which it denied (or, for an exception, applied) and those
// in which it was evaluated and did not; per condition of a statement with more than one, a pair of
// cases that shows it mattering on its own (unique-cause MC/DC), or none.
//
// NOTE: unique-cause MC/DC, not masking MC/DC: a pair counts only when every other condition of the
// statement has the same truth in both cases, and only this one and the statement's truth change.
// An author can check such a pair by reading two cases; masking MC/DC accepts more pairs, but only
// with an argument about the tree's structure that the report would have to explain. The cost: two
// conditions on the same fact (age >= 18 and age < 65) can never change alone, and are reported as
// never shown to matter. A condition whose fact is unknown in a case is not counted in that case.

import { ruleVersions, versionOn } from "../model/versions.js";
import type { Condition, PolicyModel, Term } from "../model/policy-model.js";
import type { ResolvedCase } from "./check-cases.js";
import { caseScope, exceptionInForce, ruleApplies, truthOf, type CaseScope, type Truth } from "./condition-truth.js";

export type StatementKind = "criterion" | "part" | "exclusion" | "note" | "exception";

/** A case, by where it is written. */
export interface CaseRef {
  readonly file: string;
  readonly line: number;
  readonly title: string;
}

export interface ConditionCoverage {
  /** The condition as written in the policy language: `member.age >= 18`. */
  readonly text: string;
  /** Two cases in which only this condition and the statement's truth change; undefined if none. */
  readonly shownBy?: readonly [CaseRef, CaseRef];
}

export interface StatementCoverage {
  readonly id: string;
  readonly kind: StatementKind;
  /** Cases in which it denied: a criterion or part not met, an exclusion or note holding, an exception applying. */
  readonly deciding: readonly CaseRef[];
  /** Cases in which it was evaluated and did not: met, not holding, not applying. */
  readonly notDeciding: readonly CaseRef[];
  /** Its leaf conditions, when there are more than one. */
  readonly conditions: readonly ConditionCoverage[];
}

interface Target {
  readonly id: string;
  readonly kind: StatementKind;
  readonly condition: Condition;
  /** The truth of the condition that denies (or, for an exception, sets aside). */
  readonly decidingTruth: Truth;
  /** Is the statement evaluated for this case: in force and applying? */
  evaluated(scope: CaseScope): boolean;
}

/**
 * What the cases are measured against: each statement, and for a rule with earlier versions each
 * version on its own (`I.A.2 (before 2026-05)`), judged only by the cases dated in it.
 */
function targets(model: PolicyModel): Target[] {
  const rules = model.rules.flatMap((rule): Target[] => {
    const versions = ruleVersions(rule);
    return versions.map((version, index): Target => {
      const ended = version.inForce.until === undefined ? undefined : model.revisions[version.inForce.until];
      const current = index === versions.length - 1;
      return {
        id: current || ended === undefined ? rule.id : `${rule.id} (before ${ended.approved})`,
        kind: rule.role === "part" ? "part" : rule.kind,
        condition: version.condition,
        decidingTruth: rule.role === "requirement" || rule.role === "part" ? 0 : 2,
        evaluated: (scope) =>
          ruleApplies(rule, scope) === 2 &&
          versionOn(rule, model.revisions, scope.serviceDate)?.inForce.from === version.inForce.from,
      };
    });
  });
  const exceptions = model.exceptions.map((exception): Target => ({
    id: exception.id,
    kind: "exception",
    condition: exception.condition,
    decidingTruth: 2,
    evaluated: (scope) => exceptionInForce(exception.inForce, scope),
  }));
  return [...rules, ...exceptions];
}

/** The leaves of a condition, left to right: what MC/DC shows to matter one at a time. */
function leaves(condition: Condition): Condition[] {
  switch (condition.kind) {
    case "not":
      return leaves(condition.operand);
    case "and":
    case "or":
    case "atLeast":
      return condition.operands.flatMap(leaves);
    case "constant":
      return [];
    default:
      return [condition];
  }
}

function list(values: readonly string[]): string {
  return `(${values.join(", ")})`;
}

/** A term as the policy language writes it: `member.age`, `21`, `service date - 30 days`. */
function termText(term: Term): string {
  switch (term.kind) {
    case "fact":
      return term.fact;
    case "serviceDate":
      return "service date";
    case "shifted":
      return `${termText(term.date)} ${term.by.amount < 0 ? "-" : "+"} ${Math.abs(term.by.amount)} ${term.by.unit}`;
    case "field":
      return `${term.variable}.${term.field}`;
    case "parameter":
      return term.name;
    default:
      return String(term.value);
  }
}

/** A leaf as the policy language writes it. */
export function conditionText(condition: Condition): string {
  switch (condition.kind) {
    case "fact":
      return condition.fact;
    case "oneOf":
      return condition.values.length === 1
        ? `${condition.fact} is ${condition.values[0]}`
        : `${condition.fact} is one of ${list(condition.values)}`;
    case "compare":
      return `${termText(condition.left)} ${condition.operator} ${termText(condition.right)}`;
    case "dateWindow": {
      const { window } = condition;
      const span =
        window.kind === "days"
          ? `between day ${window.first} and day ${window.last} ${window.side}`
          : `within ${window.length.amount} ${window.length.unit} ${window.side === "around" ? "of" : window.side}`;
      return `${termText(condition.date)} is ${span} ${termText(condition.anchor)}`;
    }
    case "contains":
      return `${condition.fact} contains ${condition.mode} of ${list(condition.values)}`;
    case "definition":
      return condition.name;
    case "part":
      return condition.id;
    case "statement":
      return `${condition.target} ${condition.id}`;
    case "constant":
      return condition.value ? "yes" : "no";
    case "applied":
      return `${condition.definition}(${condition.arguments.map((argument) => (argument.kind === "record" ? argument.variable : termText(argument.term))).join(", ")})`;
    case "records":
      // A quantifier is one leaf: its inner conditions read a record, not the case.
      return `${condition.quantifier.kind} ${condition.variable} in ${condition.list}`;
    default:
      return condition.kind;
  }
}

/** The leaves' texts; a text the statement holds twice says which time it is (`(2nd)`). */
function leafTexts(conditionLeaves: readonly Condition[]): string[] {
  const texts = conditionLeaves.map(conditionText);
  const ordinal = (n: number) => `${n}${n === 2 ? "nd" : n === 3 ? "rd" : "th"}`;
  return texts.map((text, index) => {
    const earlier = texts.slice(0, index).filter((other) => other === text).length;
    return earlier === 0 ? text : `${text} (${ordinal(earlier + 1)})`;
  });
}

function refOf(resolved: ResolvedCase): CaseRef {
  return { file: resolved.file, line: resolved.line, title: resolved.title };
}

/** The first pair of cases (in file order) in which only leaf `index` and the outcome change. */
function pairFor(
  index: number,
  rows: readonly { readonly ref: CaseRef; readonly truths: readonly Truth[]; readonly outcome: Truth }[],
): readonly [CaseRef, CaseRef] | undefined {
  const seen = new Map<string, { readonly ref: CaseRef; readonly leaf: Truth; readonly outcome: Truth }[]>();
  for (const row of rows) {
    const key = row.truths.map((truth, i) => (i === index ? "*" : String(truth))).join("");
    const leaf = row.truths[index] ?? 1;
    const earlier = seen.get(key) ?? [];
    const partner = earlier.find((other) => other.leaf !== leaf && other.outcome !== row.outcome);
    if (partner !== undefined) return [partner.ref, row.ref];
    seen.set(key, [...earlier, { ref: row.ref, leaf, outcome: row.outcome }]);
  }
  return undefined;
}

/** The coverage of every statement of `model` by `cases` (those of other policies are ignored). */
export function coverage(model: PolicyModel, cases: readonly ResolvedCase[]): StatementCoverage[] {
  const own = cases.filter((resolved) => resolved.policy === model.reference);
  const scopes = own.map((resolved) => ({ ref: refOf(resolved), scope: caseScope(model, resolved) }));
  return targets(model).map((target) => {
    const deciding: CaseRef[] = [];
    const notDeciding: CaseRef[] = [];
    const conditionLeaves = leaves(target.condition);
    const rows: { ref: CaseRef; truths: Truth[]; outcome: Truth }[] = [];
    for (const { ref, scope } of scopes) {
      if (!target.evaluated(scope)) continue;
      const outcome = truthOf(target.condition, scope);
      if (outcome === 1) continue;
      (outcome === target.decidingTruth ? deciding : notDeciding).push(ref);
      const truths = conditionLeaves.map((leaf) => truthOf(leaf, scope));
      if (!truths.includes(1)) rows.push({ ref, truths, outcome });
    }
    const texts = leafTexts(conditionLeaves);
    const conditions =
      conditionLeaves.length < 2
        ? []
        : texts.map((text, index): ConditionCoverage => {
            const shownBy = pairFor(index, rows);
            return shownBy === undefined ? { text } : { text, shownBy };
          });
    return { id: target.id, kind: target.kind, deciding, notDeciding, conditions };
  });
}
