// The reference meaning of the claim rules that coding rules as written need (claims.ts checks the
// other kinds): read from the model and the claim as the language guide states them, without the
// generated checker or its runtime.

import type { BillingGuardModel, DecisionTestModel, PolicyModel } from "../../../compiler/model/policy-model.js";
import type { ClaimRule } from "../../../compiler/model/claim-rules.js";
import { FALSE, TRUE, UNKNOWN, allOf, anyOf, not, truthOf, type ConditionScope, type Truth } from "./conditions.js";
import { inForce } from "./revisions.js";
import type { ReferenceClaimLine } from "./claims.js";

/** The coverage decision a claim check may be given. */
export interface ReferenceDecision {
  readonly outcome: "covered" | "not_covered" | "pending";
  readonly qualifiedUnder?: readonly string[];
}

/** What checking one rule needs, and where it reports. */
export interface ReferenceRuleSite {
  readonly model: PolicyModel;
  readonly lines: readonly ReferenceClaimLine[];
  readonly scope: ConditionScope;
  readonly revision: number;
  readonly asOf: string;
  /** The claim's date of service: a line without a date of its own is on it. */
  readonly serviceDate: string;
  readonly decision: ReferenceDecision | undefined;
  linesOf(code: string): number[];
  unitsOf(indexes: readonly number[]): number[];
  /** The value of a unit limit, rounded as the rule says, or undefined while a fact it reads is unknown. */
  limitOf(rule: ClaimRule & { kind: "groupUnitsAtMost" | "unitsPerPeriod" }): number | undefined;
  violated(indexes: readonly number[], detail?: string): void;
  /** Undetermined: `missing` names what would decide it, or else the rule's unknown claim facts. */
  couldNotCheck(indexes: readonly number[], missing?: readonly string[]): void;
  /** The claim facts the rule reads that are unknown, named as the claim's fields. */
  unknownFacts(): readonly string[];
}

function decisionTruth(test: DecisionTestModel, decision: ReferenceDecision | undefined): Truth {
  if (test.kind === "coverage") {
    if (decision === undefined) return UNKNOWN;
    return decision.outcome === test.outcome ? TRUE : FALSE;
  }
  if (decision?.qualifiedUnder === undefined) return UNKNOWN;
  return decision.qualifiedUnder.includes(test.statement) ? TRUE : FALSE;
}

function decisionMissing(decision: ReferenceDecision | undefined): string[] {
  return decision === undefined ? ["decision"] : ["decision.qualifiedUnder"];
}

/** A guard's truth: `and` the least, `or` the greatest, `not` the opposite (Kleene's logic). */
function guardTruth(guard: BillingGuardModel, site: ReferenceRuleSite): Truth {
  switch (guard.kind) {
    case "always":
      return TRUE;
    case "decision":
      return decisionTruth(guard.test, site.decision);
    case "claim":
      return truthOf(guard.condition, site.scope);
    case "not":
      return not(guardTruth(guard.operand, site));
    case "and":
      return allOf(guard.operands.map((operand) => guardTruth(operand, site)));
    case "or":
      return anyOf(guard.operands.map((operand) => guardTruth(operand, site)));
  }
}

function testsOf(guard: BillingGuardModel): DecisionTestModel[] {
  if (guard.kind === "decision") return [guard.test];
  if (guard.kind === "not") return testsOf(guard.operand);
  if (guard.kind === "and" || guard.kind === "or") return guard.operands.flatMap(testsOf);
  return [];
}

/**
 * What an undetermined guard needs: one decision test, the decision's part it reads; a join, the
 * rule's unknown claim facts and then the decision (or its path, when a test reads one) if not given.
 */
function guardMissing(guard: BillingGuardModel, site: ReferenceRuleSite): readonly string[] | undefined {
  if (guard.kind === "decision") return decisionMissing(site.decision);
  const tests = testsOf(guard);
  if (tests.length === 0) return undefined;
  const decision =
    site.decision === undefined
      ? ["decision"]
      : tests.some((test) => test.kind === "qualifiedUnder") && site.decision.qualifiedUnder === undefined
        ? ["decision.qualifiedUnder"]
        : [];
  return [...site.unknownFacts(), ...decision];
}

function hasModifier(line: ReferenceClaimLine | undefined, modifier: string): boolean {
  return (line?.modifiers ?? []).includes(modifier);
}

/** Offending lines are broken while the guard holds, pending while it is unknown. */
function guarded(site: ReferenceRuleSite, guard: BillingGuardModel, offending: readonly number[], detail: string) {
  if (offending.length === 0) return;
  if (guard.kind === "always") return site.violated(offending, detail);
  const applies = guardTruth(guard, site);
  if (applies === TRUE) site.violated(offending, detail);
  else if (applies === UNKNOWN) site.couldNotCheck(offending, guardMissing(guard, site));
}

/**
 * A unit limit per day or month, as the guide states it: the lines dated in one period, together,
 * within the limit, a line without a date of its own on the claim's service date; broken for the lines
 * of every period over it; else kept.
 */
function checkPerPeriod(rule: ClaimRule & { kind: "unitsPerPeriod" }, site: ReferenceRuleSite): void {
  const codes = rule.group === undefined ? [rule.code] : rule.group.codes;
  const counted = codes.flatMap((code) => site.linesOf(code));
  if (counted.length === 0) return;
  const limit = site.limitOf(rule);
  if (limit === undefined) return site.couldNotCheck(counted);
  const allowed = Math.max(0, limit);
  const periodOf = (index: number): string | undefined => {
    const date = site.lines[index]?.date ?? site.serviceDate;
    return rule.period === "day" ? date : date.slice(0, 7);
  };
  const totals = new Map<string, number>();
  for (const index of counted) {
    const period = periodOf(index);
    if (period !== undefined) totals.set(period, (totals.get(period) ?? 0) + (site.lines[index]?.units ?? 0));
  }
  const over = [...totals.keys()].filter((period) => (totals.get(period) ?? 0) > allowed).sort();
  if (over.length > 0) {
    const offending = counted.filter((index) => over.includes(periodOf(index) ?? ""));
    const billed = over.map((period) => `${totals.get(period)} units in ${period}`).join(", ");
    return site.violated(offending, `billed ${billed}; at most ${allowed} allowed per ${rule.period}`);
  }
}

export function checkReferenceClaimRule(rule: ClaimRule, site: ReferenceRuleSite): void {
  const own = site.linesOf(rule.code);
  switch (rule.kind) {
    case "billedOnlyWhenDecided":
    case "notBilledWhenDecided": {
      if (own.length === 0) return;
      const holds = guardTruth(rule.when, site);
      if (holds === (rule.kind === "billedOnlyWhenDecided" ? FALSE : TRUE)) site.violated(own);
      else if (holds === UNKNOWN) site.couldNotCheck(own, guardMissing(rule.when, site));
      return;
    }
    case "requiresOneOfModifiers": {
      const without = own.filter((index) => !rule.modifiers.some((m) => hasModifier(site.lines[index], m)));
      const detail =
        rule.modifiers.length === 1
          ? `modifier ${rule.modifiers[0]} missing`
          : `none of modifiers ${rule.modifiers.join(", ")}`;
      return guarded(site, rule.when, without, detail);
    }
    case "mustNotHaveModifier": {
      const carrying = own.filter((index) => rule.modifiers.some((m) => hasModifier(site.lines[index], m)));
      return guarded(site, rule.when, carrying, `modifier ${rule.modifiers.join(" or ")} not allowed`);
    }
    case "notBilledWith": {
      const partners = rule.partner.kind === "code" ? [rule.partner.code] : rule.partner.group.codes;
      const partnerLines = partners.filter((code) => code !== rule.code).flatMap((code) => site.linesOf(code));
      if (own.length === 0 || partnerLines.length === 0) return;
      // Together means on one date: each line's own, or the claim's service date.
      const dateOf = (index: number) => site.lines[index]?.date ?? site.serviceDate;
      const together = [...own, ...partnerLines].filter(
        (index) =>
          own.some((other) => dateOf(other) === dateOf(index)) &&
          partnerLines.some((other) => dateOf(other) === dateOf(index)),
      );
      if (together.length === 0) return;
      const partner = rule.partner.kind === "code" ? rule.partner.code : `a code of ${rule.partner.group.name}`;
      return site.violated(together, `${rule.code} billed with ${partner}`);
    }
    case "groupUnitsAtMost": {
      const groupLines = rule.group.codes.flatMap((code) => site.linesOf(code));
      if (groupLines.length === 0) return;
      const limit = site.limitOf(rule);
      if (limit === undefined) return site.couldNotCheck(groupLines);
      const allowed = Math.max(0, limit);
      const billed = site.unitsOf(groupLines).reduce((sum, units) => sum + units, 0);
      if (billed > allowed)
        site.violated(groupLines, `${rule.group.name} billed for ${billed} units together; at most ${allowed} allowed`);
      return;
    }
    case "codeInForce":
      if (own.length > 0 && !inForce(rule.valid, site.revision)) site.violated(own, `not valid on ${site.asOf}`);
      return;
    case "unitsPerPeriod":
      return checkPerPeriod(rule, site);
  }
}
