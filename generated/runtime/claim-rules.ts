// DO NOT EDIT. Copied by policyc from compiler/runtime/claim-rules.ts.
// The runtime of the claim rules that coding rules as written need: the coverage decision a claim
// check may be given (read and validated like the claim), its tests as three-valued truths, and the
// lines a modifier rule finds.

import type { Outcome } from "./decision.js";
import { SKIPPED, readListItems, plainObject } from "./fields.js";
import { valueIssue } from "./issue-builders.js";
import type { InputIssue } from "./issues.js";
import type { Truth } from "./truth.js";
import { mismatch, ownValue } from "./untrusted.js";
import type { NormalizedLine } from "./claims.js";

/**
 * The policy's decision for the same service, as `checkClaim(claim, { decision })` takes it: the
 * evaluator's Decision will do (only these fields are read). Typed structurally, so a Decision with
 * or without `qualifiedUnder` fits.
 */
export interface ClaimDecision {
  readonly outcome: Outcome;
  /** Ids of the statements on the qualifying path (sections, criteria, an exception). */
  readonly qualifiedUnder?: readonly string[];
}

const OUTCOMES: ReadonlySet<string> = new Set<Outcome>(["covered", "not_covered", "pending"]);

/** `options.decision`, validated; undefined when none was given (null is none too). */
export function readClaimDecision(value: unknown, issues: InputIssue[]): ClaimDecision | undefined {
  if (value === undefined || value === null) return undefined;
  const group = plainObject(value, "decision", issues, 'must be a plain object such as { outcome: "covered" }');
  if (group === undefined) return undefined;
  const before = issues.length;
  const outcome = ownValue(group, "outcome");
  if (typeof outcome !== "string" || !OUTCOMES.has(outcome)) {
    const problem = mismatch('must be "covered", "not_covered" or "pending"', outcome);
    issues.push(
      valueIssue(typeof outcome === "string" ? "not_an_option" : "wrong_type", "decision.outcome", outcome, problem),
    );
  }
  const qualifiedUnder = readQualifiedUnder(ownValue(group, "qualifiedUnder"), issues);
  if (issues.length > before) return undefined;
  return qualifiedUnder === undefined
    ? { outcome: outcome as Outcome }
    : { outcome: outcome as Outcome, qualifiedUnder };
}

function readQualifiedUnder(value: unknown, issues: InputIssue[]): readonly string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const field = "decision.qualifiedUnder";
  const expected = 'must be a list of statement ids, such as ["I", "I.A"]';
  const items = readListItems(value, field, issues);
  if (items === undefined) {
    issues.push(valueIssue("wrong_type", field, value, mismatch(expected, value)));
    return undefined;
  }
  const ids: string[] = [];
  items.forEach((item, index) => {
    if (typeof item === "string") ids.push(item);
    else if (item !== SKIPPED)
      issues.push(valueIssue("wrong_type", `${field}[${index}]`, item, mismatch("must be a statement id", item)));
  });
  return ids;
}

/** Whether the decision's outcome is `outcome`; unknown when no decision was given. */
export function coverageIs(decision: ClaimDecision | undefined, outcome: Outcome): Truth {
  if (decision === undefined) return 1;
  return decision.outcome === outcome ? 2 : 0;
}

/** Whether the decision qualified the service under `id`; unknown without a decision or its path. */
export function qualifiedUnder(decision: ClaimDecision | undefined, id: string): Truth {
  if (decision?.qualifiedUnder === undefined) return 1;
  return decision.qualifiedUnder.includes(id) ? 2 : 0;
}

/** What a pending rule that reads the decision needs: the decision, or its qualifying path. */
export function decisionMissing(decision: ClaimDecision | undefined): string[] {
  return decision === undefined ? ["decision"] : ["decision.qualifiedUnder"];
}

/**
 * What a pending rule whose guard joins decision tests and claim conditions needs of the decision:
 * the decision when none was given; its qualifying path when a test reads one and it was left out.
 */
export function decisionPartsMissing(decision: ClaimDecision | undefined, readsPath: boolean): string[] {
  if (decision === undefined) return ["decision"];
  return readsPath && decision.qualifiedUnder === undefined ? ["decision.qualifiedUnder"] : [];
}

/** Lines among `indexes` that carry none of `modifiers`. */
export function linesWithoutAnyModifier(
  lines: readonly NormalizedLine[],
  indexes: readonly number[],
  modifiers: readonly string[],
): number[] {
  return indexes.filter((index) => !modifiers.some((modifier) => lines[index]?.modifiers.includes(modifier)));
}

/** Lines among `indexes` that carry one of `modifiers`. */
export function linesWithAnyModifier(
  lines: readonly NormalizedLine[],
  indexes: readonly number[],
  modifiers: readonly string[],
): number[] {
  return indexes.filter((index) => modifiers.some((modifier) => lines[index]?.modifiers.includes(modifier)));
}
