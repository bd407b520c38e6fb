// The plain words of a failing case (compiler/cases/run-cases.ts, describe-failure.ts), in process, on
// the home-infusion fixture's evaluator: each kind of difference a case can have with its decision,
// one at a time, from a passing case whose expectation is altered.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkSources } from "../compiler/build/build.js";
import type { CaseExpectation, ResolvedCase } from "../compiler/cases/check-cases.js";
import { runCases, runClaimCases } from "../compiler/cases/run-cases.js";
import { describeCaseFailure, describeClaimFailure, quote } from "../compiler/cases/describe-failure.js";
import { projectRoot } from "./support/evaluators.js";
import { importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";
import { projectFiles } from "./support/fixture-files.js";
import { homeInfusion } from "./support/home-infusion.js";

const checked = checkSources(
  projectFiles(homeInfusion.folder, ".policy"),
  projectFiles(homeInfusion.folder, ".cases"),
  projectRoot,
);
let fixture: ImportedFixture;

beforeAll(async () => {
  fixture = await importFixtureEvaluator(homeInfusion.policy);
});
afterAll(() => fixture.dispose());

function titled(prefix: string): ResolvedCase {
  const found = checked.cases.find((resolved) => resolved.title.startsWith(prefix));
  if (found === undefined) throw new Error(`no case ${prefix}`);
  return found;
}

const words = (id: string) => fixture.model.rules.find((rule) => rule.id === id)?.text;

/** The lines said of `resolved` with its expectation changed by `change`. */
function failure(resolved: ResolvedCase, change: Partial<CaseExpectation>): string[] {
  const altered = { ...resolved, expect: { ...resolved.expect, ...change } };
  const [result] = runCases(fixture.evaluator, [altered]);
  if (result === undefined) throw new Error("no result");
  return describeCaseFailure(result, words);
}

describe("a failing case in plain words", () => {
  it("says nothing of a passing case", () => {
    expect(failure(titled("7a."), {})).toEqual([]);
  });

  it("names the question a pending case expected and the one the decision asks", () => {
    const pending = titled("5.");
    const lines = failure(pending, { asking: ["member.age"] });
    expect(lines.slice(1)).toEqual([
      "  question expected but absent: member.age",
      `  question not expected: member.clinical_status_stable (asks "Has the attending physician documented that the member's clinical status is stable?")`,
    ]);
    expect(lines[0]).toBe(
      `${pending.file}:${pending.line} case "${pending.title}": expected pending, got pending: ` +
        `I.A.2 is pending (asks "Has the attending physician documented that the member's clinical status is stable?")`,
    );
  });

  it("says which exception set a denial aside, and a prior approval the case did not expect", () => {
    const lines = failure(titled("7a."), { exceptionsApplied: [], priorApprovalRequired: false });
    expect(lines[0]).toContain(
      'expected covered, got covered: EPSDT applies ("EPSDT Special Provision: Exception to Policy Limitations for a Medicaid..."); I.A.3 is not met, set aside by EPSDT',
    );
    expect(lines.slice(1)).toEqual([
      "  exception not expected: EPSDT",
      "  prior approval: expected not required, got required",
    ]);
  });

  it("says a reason the case gives that does not decide, with the statement's words", () => {
    const lines = failure(titled("7b."), { because: ["I.A.3", "I.A.1"] });
    expect(lines.slice(1)).toEqual([`  reason expected but absent: I.A.1 (${quote(words("I.A.1") ?? "")})`]);
  });

  it("reports facts the evaluator refuses, instead of throwing", () => {
    const resolved = titled("7a.");
    const [result] = runCases(fixture.evaluator, [{ ...resolved, facts: { member: { age: "old" } } }]);
    expect(result === undefined ? [] : describeCaseFailure(result, words)).toEqual([
      expect.stringMatching(/^.*: the evaluator refused its facts: Invalid input for FIX\.HIT\.224: member\.age /),
    ]);
  });

  it("names a rule a claim case expected broken that is not", () => {
    const clean = checked.claimCases.find((resolved) => resolved.expectViolations.length === 0);
    if (clean === undefined) throw new Error("no clean claim case");
    const [result] = runClaimCases(fixture.evaluator, [
      { ...clean, expectViolations: ["T1030-with-each-therapy-code"] },
    ]);
    expect(result === undefined ? [] : describeClaimFailure(result)).toEqual([
      `${clean.file}:${clean.line} claim case "${clean.title}": expected violations T1030-with-each-therapy-code`,
      "  rule expected broken but not: T1030-with-each-therapy-code",
    ]);
  });

  it("names a rule a claim case expected pending that is not, and a pending rule it did not expect", () => {
    const clean = checked.claimCases.find((resolved) => resolved.expectViolations.length === 0);
    if (clean === undefined) throw new Error("no clean claim case");
    const [expectedPending] = runClaimCases(fixture.evaluator, [{ ...clean, expectPending: ["S9494-therapy"] }]);
    expect(expectedPending === undefined ? [] : describeClaimFailure(expectedPending)).toEqual([
      `${clean.file}:${clean.line} claim case "${clean.title}": expected pending S9494-therapy`,
      "  rule expected pending but not: S9494-therapy",
    ]);
    // Without its therapies, the claim's S9494 rule cannot be checked.
    const unknown = { ...clean, claim: { ...clean.claim, therapies: undefined } };
    const [notExpected] = runClaimCases(fixture.evaluator, [unknown]);
    expect(notExpected === undefined ? [] : describeClaimFailure(notExpected)).toContain(
      "  rule could not be checked: S9494-therapy, claim facts unknown: therapies",
    );
    const [passes] = runClaimCases(fixture.evaluator, [
      {
        ...unknown,
        expectPending: (notExpected?.failure?.kind === "claim" ? notExpected.failure.pending.extra : []).map(
          (f) => f.rule,
        ),
      },
    ]);
    expect(passes?.failure).toBeUndefined();
  });

  it("cuts long words at a word boundary, and keeps short ones whole", () => {
    expect(quote("Short words.")).toBe('"Short words."');
    const long = quote("word ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^"word( word)+\.\.\."$/);
  });
});
