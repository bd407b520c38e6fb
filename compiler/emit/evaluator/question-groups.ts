// The facts a pending decision asks together as one question, found from the policy's structure
// (never from its names), and written into the evaluator's declaration as `questionGroups`:
// - the reasons of a criterion met by any (or at least N) of them, each a yes-or-no fact (or its
//   negation), directly or through a part: one "which of these apply?" (I.C.4's three reasons);
// - a date read only when a yes-or-no fact says it exists (enable-when.ts finds that guard, as for
//   the FHIR Questionnaire's enableWhen): asked with that fact, and only on that answer.
// A fact is in one question at most: the first found, reasons before dates, in the policy's order.

import type { Condition, PolicyModel } from "../../model/policy-model.js";
import type { QuestionGroupEntry } from "../../runtime/policy-table.js";
import { stringLiteral } from "../code-text.js";
import { enablingGuards } from "../fhir/enable-when.js";
import { data, expandedList, expandedObject, type CodeField } from "./literal.js";

/** The yes-or-no fact an operand tests (`F`, `not F`, or a part that is one of those), if it is one. */
function reasonFact(operand: Condition, parts: ReadonlyMap<string, Condition>, depth = 0): string | undefined {
  if (operand.kind === "fact") return operand.fact;
  if (operand.kind === "not" && operand.operand.kind === "fact") return operand.operand.fact;
  const part = operand.kind === "part" && depth === 0 ? parts.get(operand.id) : undefined;
  return part === undefined ? undefined : reasonFact(part, parts, depth + 1);
}

/** The question groups of a policy, in the policy's order (reasons by criterion, then dated by their yes-or-no fact). */
export function questionGroupsOf(model: PolicyModel): QuestionGroupEntry[] {
  const order = new Map(model.facts.map((fact, position) => [fact.name, position]));
  const byTableOrder = (a: string, b: string): number => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  const grouped = new Set<string>();
  const groups: QuestionGroupEntry[] = [];

  const parts = new Map(model.rules.flatMap((rule) => (rule.partOf === undefined ? [] : [[rule.id, rule.condition]])));
  for (const rule of model.rules) {
    const { condition } = rule;
    if (rule.kind !== "criterion" || (condition.kind !== "or" && condition.kind !== "atLeast")) continue;
    const facts = condition.operands.map((operand) => reasonFact(operand, parts));
    const distinct = new Set(facts);
    if (facts.length < 2 || facts.includes(undefined) || distinct.size !== facts.length) continue;
    const reasons = facts as string[];
    if (reasons.some((fact) => grouped.has(fact))) continue;
    reasons.forEach((fact) => grouped.add(fact));
    groups.push({ kind: "reasons", id: rule.id, text: rule.text, facts: [...reasons].sort(byTableOrder) });
  }

  // The guards of the revision in force last: a question's shape follows the policy as it now reads.
  const guards = enablingGuards(model, model.revisions.length - 1);
  const questions = new Map(model.facts.map((fact) => [fact.name, fact.question]));
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
    groups.push({ kind: "dated", id: fact, text: questions.get(fact) ?? fact, when, dates });
  return groups;
}

/** The declaration's `questionGroups` field, only when the policy has some. */
export function questionGroupFields(model: PolicyModel): CodeField[] {
  const groups = questionGroupsOf(model);
  if (groups.length === 0) return [];
  const entries = groups.map((group) =>
    expandedObject([
      { name: "kind", code: stringLiteral(group.kind) },
      { name: "id", code: stringLiteral(group.id) },
      { name: "text", code: stringLiteral(group.text) },
      ...(group.kind === "reasons"
        ? [{ name: "facts", code: data(group.facts) }]
        : [
            { name: "when", code: String(group.when) },
            { name: "dates", code: data(group.dates) },
          ]),
    ]),
  );
  return [{ name: "questionGroups", code: expandedList(entries) }];
}
