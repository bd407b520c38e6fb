// The reference check of a claim against a policy model's coding table: each billing rule in force on
// the date read straight from model.billingRules, model.codes and the claim's facts, giving the
// ClaimCheck contract (compiler/runtime/claims.ts) without the generated checker or its runtime.

import type { BillingRuleModel, NumericModel, PolicyModel } from "../../../compiler/model/policy-model.js";
import type { ClaimCheck, ClaimFinding } from "../../../compiler/runtime/claims.js";
import { FALSE, TRUE, UNKNOWN, truthOf, type ConditionScope, type FactValue } from "./conditions.js";
import { identityOf, inForce, revisionOn, type Refusal } from "./revisions.js";
import { isClaimRule } from "../../../compiler/model/claim-rules.js";
import { checkReferenceClaimRule, type ReferenceDecision } from "./claim-rules.js";

export interface ReferenceClaimLine {
  readonly code: string;
  readonly modifiers?: readonly string[] | null;
  readonly units: number;
  /** The line's own date of service, YYYY-MM-DD. */
  readonly date?: string | null;
}

/** A well-formed claim: its date, its lines, and its facts by field (`therapies` for `claim.therapies`). */
export interface ReferenceClaim {
  readonly serviceDate: string;
  readonly lines: readonly ReferenceClaimLine[];
  readonly [field: string]: unknown;
}

/** A claim fact is named `claim.x` in the model and given as field `x` of the claim. */
function fieldOf(fact: string): string {
  return fact.startsWith("claim.") ? fact.slice("claim.".length) : fact;
}

function claimScope(model: PolicyModel, claim: ReferenceClaim, serviceDate: string): ConditionScope {
  const noneInClaims =
    (what: string) =>
    (name: string): never => {
      throw new Error(`reference: a billing rule of ${model.reference} reads ${what} ${name}`);
    };
  return {
    serviceDate,
    valueOf: (fact) => {
      const value = claim[fieldOf(fact)];
      return value === null || value === undefined ? undefined : (value as FactValue);
    },
    definition: noneInClaims("the definition"),
    part: noneInClaims("the criterion"),
    valueSet: (name) => {
      const found = model.valueSets.find((candidate) => candidate.name === name);
      if (found === undefined) throw new Error(`reference: ${model.reference} has no value set ${name}`);
      return found.entries;
    },
    statement: (_target, id) => noneInClaims("the statement")(id),
    statementConditions: (_target, id) => noneInClaims("the statement")(id),
  };
}

/** The value of a unit limit, or undefined when a fact it reads is unknown. */
function numericValue(expression: NumericModel, scope: ConditionScope): number | undefined {
  switch (expression.kind) {
    case "number":
      return expression.value;
    case "fact": {
      const value = scope.valueOf(expression.fact);
      return typeof value === "number" ? value : undefined;
    }
    case "binary": {
      const left = numericValue(expression.left, scope);
      const right = numericValue(expression.right, scope);
      if (left === undefined || right === undefined) return undefined;
      if (expression.operator === "+") return left + right;
      if (expression.operator === "-") return left - right;
      if (expression.operator === "*") return left * right;
      return left / right;
    }
  }
}

/** A unit limit's value for the claim before rounding, or undefined while a fact it reads is unknown. */
export function unitLimit(model: PolicyModel, rule: UnitLimitRule, claim: ReferenceClaim): number | undefined {
  return numericValue(rule.limit, claimScope(model, claim, claim.serviceDate));
}

type UnitLimitRule = Extract<BillingRuleModel, { kind: "unitsAtMost" }>;

function rounded(value: number, rounding: UnitLimitRule["rounding"]): number {
  return rounding === "up" ? Math.ceil(value) : rounding === "down" ? Math.floor(value) : value;
}

function sortedUnique(indexes: readonly number[]): number[] {
  return [...new Set(indexes)].sort((a, b) => a - b);
}

/** The check the policy model gives the claim, with the rules in force on `options.asOf` or else its service date. */
export function referenceClaimCheck(
  model: PolicyModel,
  claim: ReferenceClaim,
  options?: { readonly asOf?: string; readonly decision?: ReferenceDecision },
): ClaimCheck | Refusal {
  const asOf = options?.asOf ?? claim.serviceDate;
  const revision = revisionOn(model, asOf);
  // The date is refused under the field it came from: the options' asOf, or the claim's service date.
  if (revision === undefined) return { refused: [options?.asOf === undefined ? "serviceDate" : "asOf"] };
  const scope = claimScope(model, claim, asOf);
  const lines = claim.lines;
  const linesOf = (code: string) => lines.flatMap((line, index) => (line.code === code ? [index] : []));
  const unitsOf = (indexes: readonly number[]) => indexes.map((index) => lines[index]?.units ?? 0);
  const governed = new Set(model.codes.map((code) => code.code));

  const violations: ClaimFinding[] = [];
  const pending: ClaimFinding[] = [];
  const finding = (rule: BillingRuleModel, indexes: readonly number[]) => ({
    rule: rule.id,
    code: rule.code,
    source: rule.source,
    message: rule.message,
    lines: sortedUnique(indexes),
  });
  const violated = (rule: BillingRuleModel, indexes: readonly number[], detail?: string) =>
    violations.push(detail === undefined ? finding(rule, indexes) : { ...finding(rule, indexes), detail });
  // An pending rule names every claim fact it reads that is unknown, as the claim's fields are named.
  const unknownFacts = (rule: BillingRuleModel) =>
    rule.facts.filter((fact) => scope.valueOf(fact) === undefined).map(fieldOf);
  const couldNotCheck = (rule: BillingRuleModel, indexes: readonly number[], missing?: readonly string[]) =>
    pending.push({ ...finding(rule, indexes), missingFacts: missing ?? unknownFacts(rule) });

  for (const rule of model.billingRules) {
    if (!inForce(rule.inForce, revision)) continue;
    const ownLines = linesOf(rule.code);
    if (isClaimRule(rule)) {
      checkReferenceClaimRule(rule, {
        model,
        lines,
        scope,
        revision,
        asOf,
        serviceDate: claim.serviceDate,
        decision: options?.decision,
        linesOf,
        unitsOf,
        limitOf: (limited) => {
          const limit = numericValue(limited.limit, scope);
          return limit === undefined ? undefined : rounded(limit, limited.rounding);
        },
        violated: (indexes, detail) => violated(rule, indexes, detail),
        couldNotCheck: (indexes, missing) => couldNotCheck(rule, indexes, missing),
        unknownFacts: () => unknownFacts(rule),
      });
      continue;
    }
    switch (rule.kind) {
      case "billedOnlyWhen":
      case "notBilledWhen": {
        if (ownLines.length === 0) break;
        const holds = truthOf(rule.condition, scope);
        const broken = rule.kind === "billedOnlyWhen" ? holds === FALSE : holds === TRUE;
        if (broken) violated(rule, ownLines);
        else if (holds === UNKNOWN) couldNotCheck(rule, ownLines);
        break;
      }
      case "requiresModifier": {
        const modifier = rule.modifier;
        const without = ownLines.filter((index) => !(lines[index]?.modifiers ?? []).includes(modifier));
        if (without.length > 0) violated(rule, without, `modifier ${modifier} missing`);
        break;
      }
      case "billedWithEach":
      case "unitsAtLeastGroup": {
        // Per date of service: the code's units on a date against the group's lines on that date (the
        // largest line for "each", all of them added up for "at least"); an undated line is on the claim's date.
        const groupLines = rule.group.codes.flatMap(linesOf);
        if (groupLines.length === 0) break;
        const dateOf = (index: number) => lines[index]?.date ?? claim.serviceDate;
        const onDate = (indexes: readonly number[], date: string) => indexes.filter((index) => dateOf(index) === date);
        const sum = (indexes: readonly number[]) => unitsOf(indexes).reduce((total, units) => total + units, 0);
        const dates = [...new Set(groupLines.map(dateOf))].sort();
        const oneDate = new Set([...groupLines, ...ownLines].map(dateOf)).size === 1;
        const together = rule.kind === "unitsAtLeastGroup" ? " together" : "";
        const short = dates.flatMap((date) => {
          const group = onDate(groupLines, date);
          const needed = rule.kind === "billedWithEach" ? Math.max(...unitsOf(group)) : sum(group);
          const billed = sum(onDate(ownLines, date));
          if (billed >= needed) return [];
          const where = oneDate ? "" : ` on ${date}`;
          const detail = `${rule.code} billed for ${billed} units${where}; the codes it must travel with need ${needed}${together}`;
          return [{ lines: [...group, ...onDate(ownLines, date)], detail }];
        });
        if (short.length > 0)
          violated(
            rule,
            short.flatMap((found) => found.lines),
            short.map((found) => found.detail).join("; "),
          );
        break;
      }
      case "unitsAtMost": {
        if (ownLines.length === 0) break;
        const limit = numericValue(rule.limit, scope);
        if (limit === undefined) {
          couldNotCheck(rule, ownLines);
          break;
        }
        const allowed = Math.max(0, rounded(limit, rule.rounding));
        const billed = unitsOf(ownLines).reduce((sum, units) => sum + units, 0);
        if (billed > allowed) violated(rule, ownLines, `billed ${billed} units; at most ${allowed} allowed`);
        break;
      }
    }
  }

  return {
    verdict: violations.length > 0 ? "violations" : pending.length > 0 ? "pending" : "clean",
    violations,
    pending,
    linesNotGoverned: lines.flatMap((line, index) => (governed.has(line.code) ? [] : [index])),
    asOf,
    policy: identityOf(model, revision),
  };
}
