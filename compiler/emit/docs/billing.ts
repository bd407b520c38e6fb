// The coding table's billing rules in plain words: for each rule, what a claim must do, the policy
// text it carries out, the message a billing specialist reads, and when it is in force. Written from
// the same model the claim checker is generated from.

import type { BillingRuleModel, NumericModel } from "../../model/policy-model.js";
import { statementHeading, statementKey } from "./anchors.js";
import type { DocsContext } from "./context.js";
import { code, series, strong, text, words, type Block, type Inline } from "./markdown.js";
import { detail, logicDetail, quote, readingItems } from "./outline.js";
import { ConditionWords, subject } from "./words.js";
import { claimRuleLogic } from "./claim-rules.js";
import { isClaimRule } from "../../model/claim-rules.js";

class BillingWords {
  private readonly conditions: ConditionWords;

  constructor(private readonly context: DocsContext) {
    // Claim facts read as their descriptions, as coverage facts do; billing rules use no definitions.
    this.conditions = new ConditionWords({
      facts: context.model.claimFacts,
      definitions: [],
      valueSets: context.model.valueSets,
    });
  }

  private numeric(expression: NumericModel): Inline {
    switch (expression.kind) {
      case "number":
        return text(String(expression.value));
      case "fact": {
        const fact = this.context.model.claimFacts.find((candidate) => candidate.name === expression.fact);
        return text(fact ? subject(fact.description) : expression.fact);
      }
      case "binary": {
        const operator = { "+": "plus", "-": "minus", "*": "times", "/": "divided by" }[expression.operator];
        return words`(${this.numeric(expression.left)} ${text(operator)} ${this.numeric(expression.right)})`;
      }
    }
  }

  logic(rule: BillingRuleModel) {
    const billed = code(rule.code);
    if (isClaimRule(rule))
      return claimRuleLogic(this.context, this.conditions, rule, (expression) => this.numeric(expression));
    switch (rule.kind) {
      case "billedOnlyWhen":
        return logicDetail("Rule:", words`${billed} may be billed only when`, this.conditions.phrase(rule.condition));
      case "notBilledWhen":
        return logicDetail("Rule:", words`${billed} may not be billed when`, this.conditions.phrase(rule.condition));
      case "requiresModifier":
        return detail("Rule:", words`every line of ${billed} carries modifier ${code(rule.modifier)}.`);
      case "billedWithEach": {
        const codes = series(rule.group.codes.map(code), "or");
        return detail(
          "Rule:",
          words`on each date of service that a claim bills ${codes}, it also bills ${billed}, for at least as many units as the largest of those lines that date; a line without a date of its own is on the claim's service date.`,
        );
      }
      case "unitsAtLeastGroup": {
        const codes = series(rule.group.codes.map(code), "or");
        return detail(
          "Rule:",
          words`on each date of service that a claim bills ${codes}, it also bills ${billed}, for at least as many units as all those lines of that date together; a line without a date of its own is on the claim's service date.`,
        );
      }
      case "unitsAtMost": {
        const rounding = { up: words`, rounded up`, down: words`, rounded down`, none: words`` }[rule.rounding];
        return detail(
          "Rule:",
          words`the units of ${billed} on a claim, together, are at most ${this.numeric(rule.limit)}${rounding}.`,
        );
      }
    }
  }
}

function carriesOut(context: DocsContext, rule: BillingRuleModel): Inline {
  switch (rule.source.kind) {
    case "note":
      return words`note ${context.link(rule.source.id)}:`;
    case "billing":
      return words`the billing information of ${code(rule.source.id)}:`;
    case "code":
      return words`the description of ${code(rule.source.id)}:`;
  }
}

/** A heading per billing rule, under the coding table. */
export function billingRuleBlocks(context: DocsContext): Block[] {
  const rules = context.model.billingRules;
  if (rules.length === 0) return [];
  const billing = new BillingWords(context);
  return [
    { kind: "heading", level: 3, text: words`Billing rules` },
    {
      kind: "paragraph",
      text: words`Each claim is checked against these rules (${code("checkClaim")}), with the rules in force on its service date. A rule that reads a claim fact nobody gave is reported as pending, never as broken.`,
    },
    ...rules.flatMap((rule): Block[] => [
      { kind: "heading", level: 4, text: text(statementHeading("rule", rule.id)), key: statementKey("rule", rule.id) },
      {
        kind: "list",
        items: [
          billing.logic(rule),
          detail("Carries out", carriesOut(context, rule), [quote(rule.source.text)]),
          detail("Message when broken:", words`"${text(rule.message)}"`),
          detail("In force:", words`${context.inForce(rule.inForce)}.`),
          ...readingItems(rule.readings),
        ],
      },
    ]),
    // A coding table whose rules read only the lines (codes, modifiers, units, dates) lists no claim facts.
    ...(context.model.claimFacts.length === 0
      ? []
      : [
          {
            kind: "paragraph" as const,
            text: words`${strong(words`Claim facts`)}: ${series(
              context.model.claimFacts.map(
                (fact) => words`${code(fact.name.replace(/^claim\./, ""))} (${text(subject(fact.description))})`,
              ),
              "and",
            )}.`,
          },
        ]),
  ];
}
