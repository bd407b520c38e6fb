// The claim rules that coding rules as written need, in plain words for the docs (billing.ts words
// the others): modifier rules under a guard, code pairs, unit limits across a group, rules that read
// the coverage decision, and a code's own lifetime.

import type { BillingGuardModel, ClaimRuleLogic, DecisionTestModel, NumericModel } from "../../model/policy-model.js";
import type { DocsContext } from "./context.js";
import { code, series, text, words, type Inline } from "./markdown.js";
import { detail, logicDetail } from "./outline.js";
import type { ConditionWords, Phrase } from "./words.js";

/** What a test of the coverage decision says: "the coverage decision for the service is covered". */
export function decisionPhrase(context: DocsContext, test: DecisionTestModel): Inline {
  if (test.kind === "qualifiedUnder")
    return words`the coverage decision for the same service qualified it under ${context.link(test.statement)}`;
  const outcome = test.outcome === "not_covered" ? "not covered" : test.outcome;
  return words`the coverage decision for the same service is ${text(outcome)}`;
}

/** A test of the decision, denied: "the coverage decision for the same service is other than covered". */
function deniedDecisionPhrase(context: DocsContext, test: DecisionTestModel): Inline {
  if (test.kind === "qualifiedUnder")
    return words`the coverage decision for the same service did not qualify it under ${context.link(test.statement)}`;
  const outcome = test.outcome === "not_covered" ? "not covered" : test.outcome;
  return words`the coverage decision for the same service is other than ${text(outcome)}`;
}

/**
 * A guard in words: decision tests and conditions over claim facts, joined as conditions are (two
 * plain parts in one sentence, more as a list), with "not" carried down to the parts.
 */
export function guardPhrase(
  context: DocsContext,
  conditions: ConditionWords,
  guard: BillingGuardModel,
  negated = false,
): Phrase {
  switch (guard.kind) {
    case "always":
      return { kind: "inline", text: negated ? words`never` : words`always` };
    case "decision":
      return {
        kind: "inline",
        text: negated ? deniedDecisionPhrase(context, guard.test) : decisionPhrase(context, guard.test),
      };
    case "claim":
      return conditions.phrase(guard.condition, negated);
    case "not":
      return guardPhrase(context, conditions, guard.operand, !negated);
    case "and":
    case "or": {
      const items = guard.operands.map((operand) => guardPhrase(context, conditions, operand));
      const joined = items.flatMap((item) => (item.kind === "inline" ? [item.text] : []));
      // NOTE: as in words.ts, only two plain parts make one sentence: "A or not B and C" reads two ways.
      const plain = guard.operands.every(
        (operand) =>
          operand.kind === "decision" ||
          (operand.kind === "claim" && !["and", "or", "atLeast", "not"].includes(operand.condition.kind)),
      );
      if (!negated && plain && items.length === 2 && joined.length === 2)
        return { kind: "inline", text: series(joined, guard.kind) };
      const all = guard.kind === "and";
      const lead = negated
        ? all
          ? words`not all of the following hold:`
          : words`none of the following holds:`
        : all
          ? words`all of the following hold:`
          : words`at least one of the following holds:`;
      return { kind: "list", lead, items };
    }
  }
}

function modifiers(list: readonly string[]): Inline {
  const named = series(list.map(code), "or");
  return list.length === 1 ? words`modifier ${named}` : words`one of modifiers ${named}`;
}

export function claimRuleLogic(
  context: DocsContext,
  conditions: ConditionWords,
  rule: ClaimRuleLogic & { readonly code: string },
  numeric: (expression: NumericModel) => Inline,
) {
  const billed = code(rule.code);
  const guarded = (intro: Inline, guard: BillingGuardModel) => {
    switch (guard.kind) {
      case "always":
        return detail("Rule:", words`${intro}.`);
      case "decision":
        return detail("Rule:", words`when ${decisionPhrase(context, guard.test)}, ${intro}.`);
      default:
        return logicDetail("Rule:", words`${intro} when`, guardPhrase(context, conditions, guard));
    }
  };
  switch (rule.kind) {
    case "billedOnlyWhenDecided":
      return logicDetail(
        "Rule:",
        words`${billed} may be billed only when`,
        guardPhrase(context, conditions, rule.when),
      );
    case "notBilledWhenDecided":
      return logicDetail("Rule:", words`${billed} may not be billed when`, guardPhrase(context, conditions, rule.when));
    case "requiresOneOfModifiers":
      return guarded(words`every line of ${billed} carries ${modifiers(rule.modifiers)}`, rule.when);
    case "mustNotHaveModifier": {
      const refused = series(rule.modifiers.map(code), "or");
      return guarded(words`no line of ${billed} carries modifier ${refused}`, rule.when);
    }
    case "notBilledWith": {
      const partner =
        rule.partner.kind === "code"
          ? code(rule.partner.code)
          : words`any code of ${code(rule.partner.group.name)}, ${series(rule.partner.group.codes.map(code), "or")}`;
      return detail("Rule:", words`${billed} is not billed on the same date of service as ${partner}.`);
    }
    case "groupUnitsAtMost": {
      const codes = series(rule.group.codes.map(code), "and");
      const rounding = { up: words`, rounded up`, down: words`, rounded down`, none: words`` }[rule.rounding];
      return detail(
        "Rule:",
        words`the units of ${codes} on a claim, together, are at most ${numeric(rule.limit)}${rounding}.`,
      );
    }
    case "unitsPerPeriod": {
      const codes = rule.group === undefined ? billed : series(rule.group.codes.map(code), "and");
      const rounding = { up: words`, rounded up`, down: words`, rounded down`, none: words`` }[rule.rounding];
      const period = rule.period === "day" ? words`calendar day` : words`calendar month`;
      return detail(
        "Rule:",
        words`the units of ${codes} on the lines dated in one ${period}, together, are at most ${numeric(rule.limit)}${rounding}; a line without a date of its own is on the claim's service date.`,
      );
    }
    case "codeInForce":
      return detail(
        "Rule:",
        words`${billed} is billed only on dates of service when it is valid: ${context.inForce(rule.valid)}.`,
      );
  }
}
