// The kinds of claim rule that coding rules as written need: which rules they are, and the message a
// billing specialist reads when one written without `says` is broken (lower.ts words the others).

import type * as M from "./policy-model.js";

/** A rule of the kinds ClaimRuleLogic lists (the emitters word and compile them apart). */
export type ClaimRule = M.BillingRuleModel & M.ClaimRuleLogic;

export function isClaimRule(rule: M.BillingRuleModel): rule is ClaimRule {
  switch (rule.kind) {
    case "billedOnlyWhen":
    case "notBilledWhen":
    case "requiresModifier":
    case "billedWithEach":
    case "unitsAtLeastGroup":
    case "unitsAtMost":
      return false;
    default:
      return true;
  }
}

/** Whether a guard tests the coverage decision somewhere. */
function readsDecision(guard: M.BillingGuardModel): boolean {
  switch (guard.kind) {
    case "decision":
      return true;
    case "and":
    case "or":
      return guard.operands.some(readsDecision);
    case "not":
      return readsDecision(guard.operand);
    default:
      return false;
  }
}

/**
 * Whether a claim check can ever be pending on the rule: only a rule that reads a claim fact or the
 * coverage decision can be (the lines alone always settle the others).
 */
export function mayBePending(rule: M.BillingRuleModel): boolean {
  if (rule.facts.length > 0) return true;
  switch (rule.kind) {
    case "billedOnlyWhenDecided":
    case "notBilledWhenDecided":
    case "requiresOneOfModifiers":
    case "mustNotHaveModifier":
      return readsDecision(rule.when);
    default:
      return false;
  }
}

/** `covered`, `not covered`, `pending`. */
export function outcomeWords(outcome: "covered" | "not_covered" | "pending"): string {
  return outcome === "not_covered" ? "not covered" : outcome;
}

/** What a decision test asks, in words: "the service is covered", "the service qualified under I". */
export function decisionWords(test: M.DecisionTestModel): string {
  return test.kind === "coverage"
    ? `the coverage decision is ${outcomeWords(test.outcome)}`
    : `the service qualified under ${test.statement}`;
}

/** A condition over claim facts in plain words, said for it holding or (`negated`) for it not holding. */
export type ClaimConditionWords = (condition: M.Condition, negated: boolean) => string;

/** A guard in words: "the coverage decision is covered and the equipment is rented". */
function guardText(guard: M.BillingGuardModel, conditions: ClaimConditionWords, negated: boolean): string {
  switch (guard.kind) {
    case "always":
      return negated ? "never" : "always";
    case "decision":
      if (!negated) return decisionWords(guard.test);
      return guard.test.kind === "coverage"
        ? `the coverage decision is other than ${outcomeWords(guard.test.outcome)}`
        : `the service did not qualify under ${guard.test.statement}`;
    case "claim":
      return conditions(guard.condition, negated);
    case "not":
      return guardText(guard.operand, conditions, !negated);
    case "and":
    case "or": {
      // De Morgan, so that no "not" stands before a join: not (A and B) is "not A or not B".
      const joiner = (guard.kind === "and") !== negated ? " and " : " or ";
      const parts = guard.operands.map((operand) => {
        const words = guardText(operand, conditions, negated);
        return operand.kind === "and" || operand.kind === "or" ? `(${words})` : words;
      });
      return parts.join(joiner);
    }
  }
}

/** What a guard asks, in words, for a rule's message. */
export function guardWords(guard: M.BillingGuardModel, conditions: ClaimConditionWords): string {
  return guardText(guard, conditions, false);
}

/** A unit limit in words: `(claim.minutes - 120) / 15`, `1`. */
export function numericWords(expression: M.NumericModel): string {
  switch (expression.kind) {
    case "number":
      return String(expression.value);
    case "fact":
      return expression.fact;
    case "binary":
      return `(${numericWords(expression.left)} ${expression.operator} ${numericWords(expression.right)})`;
  }
}

/** A modifier rule's `when`, for its message: nothing when it always applies. */
function guardSuffix(guard: M.BillingGuardModel, conditions: ClaimConditionWords): string {
  return guard.kind === "always" ? "" : ` when ${guardWords(guard, conditions)}`;
}

function modifierList(modifiers: readonly string[]): string {
  if (modifiers.length === 1) return `modifier ${modifiers[0]}`;
  return `one of modifiers ${modifiers.slice(0, -1).join(", ")} or ${modifiers[modifiers.length - 1]}`;
}

/** A group's description ("the oxygen contents codes (E0441, E0443)") as the start of a sentence. */
function sentenceStart(description: string): string {
  return `${description.slice(0, 1).toUpperCase()}${description.slice(1)}`;
}

export function defaultClaimRuleMessage(
  logic: M.ClaimRuleLogic,
  label: string,
  conditions: ClaimConditionWords,
): string {
  switch (logic.kind) {
    case "billedOnlyWhenDecided":
      return `${label} may be billed only when ${guardWords(logic.when, conditions)}.`;
    case "notBilledWhenDecided":
      return `${label} may not be billed when ${guardWords(logic.when, conditions)}.`;
    case "requiresOneOfModifiers":
      return `${label} must be billed with ${modifierList(logic.modifiers)}${guardSuffix(logic.when, conditions)}.`;
    case "mustNotHaveModifier":
      return `${label} must not be billed with ${modifierList(logic.modifiers).replace(/^one of /, "any of ")}${guardSuffix(logic.when, conditions)}.`;
    case "notBilledWith":
      return logic.partner.kind === "code"
        ? `${label} must not be billed with ${logic.partner.code} on the same date of service.`
        : `${label} must not be billed with ${logic.partner.group.description} on the same date of service.`;
    case "groupUnitsAtMost":
      return `${sentenceStart(logic.group.description)} are billed, together, for more units than the policy allows.`;
    case "codeInForce":
      return `${label} is not valid on this date of service.`;
    case "unitsPerPeriod":
      return logic.group === undefined
        ? `${label} is billed for more units in one ${logic.period} than the policy allows.`
        : `${sentenceStart(logic.group.description)} are billed, together, for more units in one ${logic.period} than the policy allows.`;
  }
}
