// The claim delta between two versions of a policy: the billing rules the review diff finds changed
// (changes.ts, with claim-rule-aspects.ts), then every claim over what those rules read (the lines
// of their codes, each from no line to a few units, and each value of their claim facts) checked by
// both versions' own generated claim checkers, counting the checks whose verdict or findings differ.
// The rules left unchanged find the same on both sides, so only what the changed rules read varies.

import type { BillingRuleModel, FactModel, NumericModel, PolicyModel } from "../model/policy-model.js";
import { inForceOn } from "../model/versions.js";
import type { ClaimImpact } from "../model/rejected-alternatives.js";
import { policyChanges } from "./changes.js";
import { importEvaluators, type ClaimCheckLike } from "./evaluators.js";

/** How many claims the delta checks at most; beyond it the space is too large to enumerate. */
const MAX_CLAIMS = 2_000_000;
/** The units a line may bill when no unit limit of a changed rule reads them: enough to order every line. */
const FEW_UNITS = 3;
/** The most units a line is checked with under a unit limit. */
const MAX_LIMIT_UNITS = 200;

/** What the claim delta checked and found: a rejected alternative's impact on claim checks. */
export type ClaimDelta = ClaimImpact;

type FactValue = boolean | number | readonly string[] | undefined;

function subsets(values: readonly string[]): string[][] {
  return values.reduce<string[][]>((all, value) => [...all, ...all.map((subset) => [...subset, value])], [[]]);
}

/** Every value of a claim fact the checkers tell apart, and unknown; undefined when there are too many. */
function factValues(fact: FactModel): FactValue[] | undefined {
  const type = fact.type;
  switch (type.kind) {
    case "boolean":
      return [undefined, true, false];
    case "setOf":
      return type.values.length > 12 ? undefined : [undefined, ...subsets(type.values.map((value) => value.name))];
    case "number": {
      // NOTE: whole numbers only; a limit over fractions of a unit is not told apart.
      const [min, max] = [type.min ?? 0, type.max];
      if (max === undefined || max - min > 10_000) return undefined;
      return [undefined, ...Array.from({ length: Math.floor(max - min) + 1 }, (_, index) => min + index)];
    }
    default:
      return undefined;
  }
}

/** The largest a unit limit reaches over the facts' values (the checker's own arithmetic decides the rest). */
function largestLimit(limit: NumericModel, facts: ReadonlyMap<string, FactValue[]>): number {
  switch (limit.kind) {
    case "number":
      return Math.abs(limit.value);
    case "fact":
      return Math.max(0, ...(facts.get(limit.fact) ?? []).map((value) => (typeof value === "number" ? value : 0)));
    case "binary": {
      const [left, right] = [largestLimit(limit.left, facts), largestLimit(limit.right, facts)];
      // A divisor that is a number divides the largest; any other is taken as at least 1.
      const divisor = limit.right.kind === "number" && limit.right.value > 0 ? limit.right.value : 1;
      return limit.operator === "*" ? left * right : limit.operator === "/" ? left / divisor : left + right;
    }
  }
}

/** The codes a rule reads the lines of: its own, and the group or partner it names. */
function codesRead(rule: BillingRuleModel): string[] {
  switch (rule.kind) {
    case "billedWithEach":
    case "unitsAtLeastGroup":
    case "groupUnitsAtMost":
      return [rule.code, ...rule.group.codes];
    case "unitsPerPeriod":
      return [rule.code, ...(rule.group?.codes ?? [])];
    case "notBilledWith":
      return [rule.code, ...(rule.partner.kind === "code" ? [rule.partner.code] : rule.partner.group.codes)];
    default:
      return [rule.code];
  }
}

function product<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((all, list) => all.flatMap((prefix) => list.map((item) => [...prefix, item])), [[]]);
}

/**
 * A claim check as the delta compares it: the verdict and each finding's rule, lines and missing
 * facts. NOTE: not its figures (`detail`): a limit that allows 2 units rather than 10 still finds the
 * same line of 12 units broken, and a reviewer counts that as the same finding.
 */
function findings(check: ClaimCheckLike): string {
  const finding = (kind: string) => (found: ClaimCheckLike["violations"][number]) =>
    `${kind} ${found.rule} ${found.lines.join(",")} ${(found.missingFacts ?? []).join(",")}`;
  return [check.verdict, ...check.violations.map(finding("violation")), ...check.pending.map(finding("pending"))]
    .sort()
    .join("\n");
}

/**
 * The claim checks whose verdict or findings differ between the two versions, over the claims the
 * changed billing rules read; undefined when no billing rule changed, "too many" when the claims are
 * too many to check (a fact of too many values, or more than two million claims).
 */
export async function claimDelta(old: PolicyModel, next: PolicyModel): Promise<ClaimDelta | "too many" | undefined> {
  const changedIds = policyChanges(old, next)
    .filter((change) => change.what === "billing rule")
    .map((change) => change.id);
  if (changedIds.length === 0) return undefined;
  const changedRules = [old, next].flatMap((model) =>
    model.billingRules.filter((rule) => changedIds.includes(rule.id)).map((rule) => ({ model, rule })),
  );
  const claimFacts = new Map([...old.claimFacts, ...next.claimFacts].map((fact) => [fact.name, fact]));
  const facts = new Map<string, FactValue[]>();
  for (const name of [...new Set(changedRules.flatMap(({ rule }) => rule.facts))].sort()) {
    const fact = claimFacts.get(name);
    const values = fact && factValues(fact);
    if (!values) return "too many";
    facts.set(name, values);
  }
  const units = new Map<string, number>();
  for (const { rule } of changedRules)
    for (const code of codesRead(rule)) {
      const limited = rule.kind === "unitsAtMost" || rule.kind === "groupUnitsAtMost" || rule.kind === "unitsPerPeriod";
      const most = limited ? Math.min(MAX_LIMIT_UNITS, Math.ceil(largestLimit(rule.limit, facts)) + 1) : FEW_UNITS;
      units.set(code, Math.max(units.get(code) ?? 0, most));
    }
  const codes = [...units].sort(([a], [b]) => a.localeCompare(b)).map(([code, most]) => ({ code, units: most }));
  const modifierOf = new Map([...old.codes, ...next.codes].map((code) => [code.code, code.modifier]));
  // A limit per day or month reads the lines' own dates: the claims are of one date of service, each
  // line dated on it (so such a limit is judged as the limit of the whole claim, never left pending).
  const dated = changedRules.some(({ rule }) => rule.kind === "unitsPerPeriod");
  // One date per distinct set of changed rules in force in each version (their findings depend on nothing else of the date).
  const dates: string[] = [];
  const seen = new Set<string>();
  for (const date of [...new Set([...old.revisions, ...next.revisions].map((revision) => revision.effective))].sort()) {
    const inForce = changedRules.map(({ model, rule }) => inForceOn(rule.inForce, model.revisions, date));
    if (!inForce.some(Boolean)) continue;
    const key = inForce.join();
    if (seen.has(key)) continue;
    seen.add(key);
    dates.push(date);
  }
  const lineChoices = product(codes.map(({ units: most }) => Array.from({ length: most + 1 }, (_, count) => count)));
  const factChoices = product([...facts.values()]);
  const checks = lineChoices.length * factChoices.length * dates.length;
  if (checks > MAX_CLAIMS) return "too many";
  const { evaluators, dispose } = await importEvaluators([old, next]);
  try {
    const [before, after] = evaluators as [(typeof evaluators)[number], (typeof evaluators)[number]];
    let changed = 0;
    const factNames = [...facts.keys()].map((name) => name.replace(/^claim\./, ""));
    for (const serviceDate of dates)
      for (const lineUnits of lineChoices) {
        const lines = codes.flatMap(({ code }, index) => {
          const count = lineUnits[index] ?? 0;
          const modifier = modifierOf.get(code);
          return count === 0
            ? []
            : [
                {
                  code,
                  units: count,
                  ...(modifier !== undefined && { modifiers: [modifier] }),
                  ...(dated && { date: serviceDate }),
                },
              ];
        });
        for (const values of factChoices) {
          const claim: Record<string, unknown> = { serviceDate, lines };
          factNames.forEach((name, index) => {
            if (values[index] !== undefined) claim[name] = values[index];
          });
          if (findings(before.checkClaim(claim)) !== findings(after.checkClaim(claim))) changed += 1;
        }
      }
    return { rules: changedIds, codes, facts: [...facts.keys()], dates, checks, changed };
  } finally {
    dispose();
  }
}
