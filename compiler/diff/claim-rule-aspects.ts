// What a review compares of the claim rules that coding rules as written need, each aspect in words
// (changes.ts compares the other kinds): the modifiers and when they are required or refused, the
// codes a code must not be billed with, a group's unit limit, the decision a rule reads, a code's
// own lifetime.

import { decisionWords, guardWords as guardText, numericWords, type ClaimRule } from "../model/claim-rules.js";
import type { BillingGuardModel, Condition } from "../model/policy-model.js";

/** A condition over claim facts, named but not worded: a review compares it as data. */
function someCondition(_condition: Condition, negated: boolean): string {
  return negated ? "its condition over the claim's facts does not hold" : "its condition over the claim's facts holds";
}

function guardWords(guard: BillingGuardModel): Readonly<Record<string, unknown>> {
  switch (guard.kind) {
    case "always":
      return { when: "always" };
    case "decision":
      return { when: `when ${decisionWords(guard.test)}` };
    case "claim":
      // NOTE: the condition is compared as data, and named as `condition` among what differs.
      return { when: "while its condition over the claim's facts holds", condition: guard.condition };
    default:
      // A join of decision tests and conditions: its words, and the whole join compared as data.
      return { when: `when ${guardText(guard, someCondition)}`, guard };
  }
}

/** What a rule that reads the decision tests: one test in words, or a join of tests and conditions. */
function decisionAspects(guard: BillingGuardModel): Readonly<Record<string, unknown>> {
  return guard.kind === "decision"
    ? { decision: decisionWords(guard.test) }
    : { decision: guardText(guard, someCondition), guard };
}

/** The aspects of a claim rule a review compares; `valid` is a code's lifetime, already in words. */
export function claimRuleAspects(rule: ClaimRule, valid: (rule: ClaimRule & { kind: "codeInForce" }) => string) {
  switch (rule.kind) {
    case "billedOnlyWhenDecided":
    case "notBilledWhenDecided":
      return decisionAspects(rule.when);
    case "requiresOneOfModifiers":
    case "mustNotHaveModifier":
      return { modifiers: rule.modifiers, ...guardWords(rule.when) };
    case "notBilledWith":
      return {
        "not billed with":
          rule.partner.kind === "code"
            ? rule.partner.code
            : `any code of ${rule.partner.group.name} (${rule.partner.group.codes.join(", ")})`,
      };
    case "groupUnitsAtMost":
      return {
        group: rule.group.codes,
        limit: numericWords(rule.limit),
        ...(rule.rounding !== "none" && { rounding: rule.rounding }),
      };
    case "codeInForce":
      return { valid: valid(rule) };
    case "unitsPerPeriod":
      return {
        ...(rule.group === undefined ? {} : { group: rule.group.codes }),
        limit: numericWords(rule.limit),
        per: rule.period,
        ...(rule.rounding !== "none" && { rounding: rule.rounding }),
      };
  }
}
