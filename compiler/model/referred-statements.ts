// What a reference to another statement (`criterion I.3`, `section I`) means on a service date, as a
// condition of the model without the reference: for the stages that give conditions their meaning
// from the model (the cases' coverage, the review diff's diagrams, the tests' reference evaluator),
// so that each reads the meaning the runtime computes (decide.ts) from one place.

import type { Condition, PolicyModel, RuleModel } from "./policy-model.js";

const never: Condition = { kind: "constant", value: false };
const always: Condition = { kind: "constant", value: true };

/** The condition of a rule's version in force on the date, or undefined when none is. */
export type VersionOnDate = (rule: RuleModel) => Condition | undefined;

/**
 * Whether a rule applies on the date, as a condition: it is in force (a part, and each criterion it is
 * a part of, too) and its sections apply. False when not in force.
 */
function applies(model: PolicyModel, rule: RuleModel, versionOn: VersionOnDate): Condition {
  for (let owner: RuleModel | undefined = rule; owner !== undefined;) {
    if (versionOn(owner) === undefined) return never;
    const parent: string | undefined = owner.partOf;
    owner = parent === undefined ? undefined : model.rules.find((candidate) => candidate.id === parent);
  }
  return { kind: "and", operands: rule.applicability.map((entry) => entry.condition) };
}

/**
 * `criterion X`: X applies and is met on the date (not in force: not met). `section S`: S applies
 * (with its enclosing sections) and each criterion under it is met or does not apply.
 */
export function referredCondition(
  model: PolicyModel,
  reference: Extract<Condition, { kind: "statement" }>,
  versionOn: VersionOnDate,
): Condition {
  const ruleOf = (id: string): RuleModel => {
    const rule = model.rules.find((candidate) => candidate.id === id);
    if (rule === undefined) throw new Error(`policyc: no criterion ${id}`);
    return rule;
  };
  if (reference.target === "criterion") {
    const rule = ruleOf(reference.id);
    const condition = versionOn(rule);
    return condition === undefined ? never : { kind: "and", operands: [applies(model, rule, versionOn), condition] };
  }
  const entry = model.statementReferences.find((candidate) => candidate.id === reference.id);
  if (entry === undefined) throw new Error(`policyc: no section ${reference.id} referred to`);
  const sections = entry.sections.map((id) => {
    const section = model.outline.find((candidate) => candidate.id === id);
    return section?.kind === "section" && section.appliesWhen !== undefined ? section.appliesWhen : always;
  });
  const criteria = entry.criteria.map((id): Condition => {
    const rule = ruleOf(id);
    const condition = versionOn(rule);
    if (condition === undefined) return always;
    return { kind: "or", operands: [{ kind: "not", operand: applies(model, rule, versionOn) }, condition] };
  });
  return { kind: "and", operands: [...sections, ...criteria] };
}
