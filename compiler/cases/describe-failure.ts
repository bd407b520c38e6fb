// A failing case in plain words, for `policyc test`: where it is, what it expected, what the
// evaluator gave and why (the deciding reasons, the questions of the unknown facts), and which
// expected reason, question, exception or service is absent or extra. Input: run-cases.ts results.

import type { Decision, Reason } from "../runtime/index.js";
import type { ClaimCaseResult, CaseResult, ListDifference } from "./run-cases.js";

/** The words of a statement by id (a rule's or exception's text), for reasons the decision does not hold. */
export type WordsOf = (id: string) => string | undefined;

const QUOTE_LIMIT = 72;

/** A statement's words, cut at a word boundary so that a line stays readable. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= QUOTE_LIMIT) return `"${flat}"`;
  const cut = flat.slice(0, QUOTE_LIMIT);
  const space = cut.lastIndexOf(" ");
  return `"${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}..."`;
}

function questionsOf(decision: Decision, id: string): string[] {
  return decision.missingFacts.filter((missing) => missing.readBy.includes(id)).map((missing) => missing.question);
}

/** One reason as an author says it: `I.A.6 is pending (asks "...")`, `I.A.3 is not met ("...")`. */
export function describeReason(reason: Reason, decision: Decision): string {
  if (reason.kind === "exception") return `${reason.id} applies (${quote(reason.text)})`;
  const aside = reason.overriddenBy === undefined ? "" : `, set aside by ${reason.overriddenBy}`;
  switch (reason.status) {
    case "pending": {
      const questions = questionsOf(decision, reason.id).map((question) => `"${question}"`);
      return `${reason.id} is pending (${questions.length === 0 ? quote(reason.text) : `asks ${questions.join(" and ")}`})`;
    }
    case "not_met":
      return `${reason.id} is not met${aside} (${quote(reason.text)})`;
    case "met":
      return reason.kind === "criterion"
        ? `${reason.id} is met${aside} (${quote(reason.text)})`
        : `${reason.id} denies${aside} (${quote(reason.text)})`;
    case "not_applicable":
      return `${reason.id} does not apply (${quote(reason.text)})`;
  }
}

function named(id: string, wordsOf: WordsOf): string {
  const words = wordsOf(id);
  return words === undefined ? id : `${id} (${quote(words)})`;
}

function listLines<T>(
  difference: ListDifference<T> | undefined,
  what: string,
  absentWords: (id: string) => string,
  extraWords: (item: T) => string,
): string[] {
  if (difference === undefined) return [];
  return [
    ...difference.absent.map((id) => `  ${what} expected but absent: ${absentWords(id)}`),
    ...difference.extra.map((item) => `  ${what} not expected: ${extraWords(item)}`),
  ];
}

/** The lines of a failing decision case; none for a passing one. */
export function describeCaseFailure(result: CaseResult, wordsOf: WordsOf): string[] {
  const { case: resolved, failure } = result;
  if (failure === undefined) return [];
  const where = `${resolved.file}:${resolved.line} case "${resolved.title}"`;
  if (failure.kind === "refused") return [`${where}: the evaluator refused its facts: ${failure.message}`];
  const decision = failure.decision;
  const expected = words(resolved.expect.outcome);
  const reasons = failure.decisive.map((reason) => describeReason(reason, decision));
  const head = `${where}: expected ${expected}, got ${failure.outcome?.got ?? expected}`;
  return [
    reasons.length === 0 ? head : `${head}: ${reasons.join("; ")}`,
    ...listLines(
      failure.because,
      "reason",
      (id) => named(id, wordsOf),
      (reason) => describeReason(reason, decision),
    ),
    ...listLines(
      failure.asking,
      "question",
      (fact) => fact,
      (missing) => `${missing.fact} (asks "${missing.question}")`,
    ),
    ...listLines(
      failure.exceptions,
      "exception",
      (id) => id,
      (id) => id,
    ),
    ...(failure.priorApproval
      ? [
          `  prior approval: expected ${failure.priorApproval.expected ? "required" : "not required"}, got ${failure.priorApproval.got ? "required" : "not required"}`,
        ]
      : []),
    ...listLines(
      failure.services,
      "services not covered of",
      (id) => id,
      (id) => id,
    ),
    ...listLines(
      failure.qualified,
      "alternative qualified under",
      (id) => id,
      (id) => id,
    ),
    ...listLines(
      failure.limitations,
      "limitation of",
      (id) => id,
      (id) => id,
    ),
  ];
}

function words(outcome: string): string {
  return outcome === "not_covered" ? "not covered" : outcome;
}

/** The lines of a failing claim case; none for a passing one. */
export function describeClaimFailure(result: ClaimCaseResult): string[] {
  const { case: resolved, failure } = result;
  if (failure === undefined) return [];
  const where = `${resolved.file}:${resolved.line} claim case "${resolved.title}"`;
  if (failure.kind === "refused") return [`${where}: the claim checker refused the claim: ${failure.message}`];
  const expectations = [
    ...(resolved.expectViolations.length > 0 ? [`violations ${resolved.expectViolations.join(", ")}`] : []),
    ...(resolved.expectPending.length > 0 ? [`pending ${resolved.expectPending.join(", ")}`] : []),
  ];
  const broken = failure.violations.extra.map((finding) => `${finding.rule} ("${finding.message}")`);
  return [
    `${where}: expected ${expectations.length === 0 ? "clean" : expectations.join(" and ")}`,
    ...failure.violations.absent.map((rule) => `  rule expected broken but not: ${rule}`),
    ...broken.map((text) => `  rule broken, not expected: ${text}`),
    ...failure.pending.absent.map((rule) => `  rule expected pending but not: ${rule}`),
    ...failure.pending.extra.map(
      (finding) =>
        `  rule could not be checked: ${finding.rule}, claim facts unknown: ${(finding.missingFacts ?? []).join(", ")}`,
    ),
  ];
}
