// The facts a pending decision asks together as one question, found from the policy's structure
// (never from its names), and written into the evaluator's declaration as `questionGroups`:
// - the reasons of a criterion met by any (or at least N) of them, each a part tested by one
//   yes-or-no fact (or its negation): one "which of these apply?" (I.C.4's three reasons);
// - a date read only when a yes-or-no fact says it exists (enable-when.ts finds that guard, as for
//   the FHIR Questionnaire's enableWhen): asked with that fact, and only on that answer.
// A fact is in one question at most: the first found, reasons before dates, in the policy's order.

import type { Condition, PolicyModel, RuleModel } from "../../model/policy-model.js";
import type { QuestionGroupEntry, ReasonEntry } from "../../runtime/policy-table.js";
import { stringLiteral } from "../code-text.js";
import { enablingGuards } from "../fhir/enable-when.js";
import { data, expandedList, expandedObject, type CodeField } from "./literal.js";

/** The reason an operand is, when it is a part tested by one yes-or-no fact (`F` or `not F`). */
function reasonOf(operand: Condition, parts: ReadonlyMap<string, RuleModel>): ReasonEntry | undefined {
  const part = operand.kind === "part" ? parts.get(operand.id) : undefined;
  if (part === undefined) return undefined;
  const test = part.condition;
  if (test.kind === "fact") return { id: part.id, text: part.text, fact: test.fact, answer: true };
  if (test.kind === "not" && test.operand.kind === "fact")
    return { id: part.id, text: part.text, fact: test.operand.fact, answer: false };
  return undefined;
}

/** The question groups of a policy, in the policy's order (reasons by criterion, then dated by their yes-or-no fact). */
export function questionGroupsOf(model: PolicyModel): QuestionGroupEntry[] {
  const order = new Map(model.facts.map((fact, position) => [fact.name, position]));
  const byTableOrder = (a: string, b: string): number => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  const grouped = new Set<string>();
  const groups: QuestionGroupEntry[] = [];

  const parts = new Map(model.rules.flatMap((rule) => (rule.partOf === undefined ? [] : [[rule.id, rule] as const])));
  for (const rule of model.rules) {
    const { condition } = rule;
    if (rule.kind !== "criterion" || (condition.kind !== "or" && condition.kind !== "atLeast")) continue;
    const found = condition.operands.map((operand) => reasonOf(operand, parts));
    const reasons = found.filter((reason) => reason !== undefined);
    const facts = new Set(reasons.map((reason) => reason.fact));
    if (reasons.length < 2 || reasons.length !== found.length || facts.size !== reasons.length) continue;
    if (reasons.some((reason) => grouped.has(reason.fact))) continue;
    reasons.forEach((reason) => grouped.add(reason.fact));
    groups.push({ kind: "reasons", id: rule.id, text: rule.text, reasons });
  }

  // The guards of the revision in force last: a question's shape follows the policy as it now reads.
  const guards = enablingGuards(model, model.revisions.length - 1);
  const dated = new Map<string, { when: boolean; dates: string[] }>();
  for (const fact of model.facts) {
    const only = guards.get(fact.name);
    if (fact.type.kind !== "date" || only?.length !== 1 || grouped.has(fact.name)) continue;
    const guard = only[0]!;
    if (guard.kind !== "boolean" || grouped.has(guard.fact) || dated.has(fact.name)) continue;
    const group = dated.get(guard.fact) ?? { when: guard.value, dates: [] };
    if (group.when !== guard.value) continue;
    group.dates.push(fact.name);
    dated.set(guard.fact, group);
  }
  for (const [fact, { when, dates }] of [...dated].sort(([a], [b]) => byTableOrder(a, b)))
    groups.push({ kind: "dated", id: fact, when, dates });
  return groups;
}

function reasonLiteral(reason: ReasonEntry): string {
  return expandedObject([
    { name: "id", code: stringLiteral(reason.id) },
    { name: "text", code: stringLiteral(reason.text) },
    { name: "fact", code: stringLiteral(reason.fact) },
    { name: "answer", code: String(reason.answer) },
  ]);
}

/** The declaration's `questionGroups` field, only when the policy has some. */
export function questionGroupFields(model: PolicyModel): CodeField[] {
  const groups = questionGroupsOf(model);
  if (groups.length === 0) return [];
  const entries = groups.map((group) =>
    expandedObject([
      { name: "kind", code: stringLiteral(group.kind) },
      { name: "id", code: stringLiteral(group.id) },
      ...(group.kind === "reasons"
        ? [
            { name: "text", code: stringLiteral(group.text) },
            { name: "reasons", code: expandedList(group.reasons.map(reasonLiteral)) },
          ]
        : [
            { name: "when", code: String(group.when) },
            { name: "dates", code: data(group.dates) },
          ]),
    ]),
  );
  return [{ name: "questionGroups", code: expandedList(entries) }];
}
