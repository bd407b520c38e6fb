// The fast paths of issue 12 never change an answer, on the home-infusion fixture: checkClaim reads a
// well-formed claim with its generated reader (readWellFormedClaim), evaluate reads well-formed facts
// with the generated group readers and its options on a fast path of their own, and each answers exactly
// as the generic readers do: the same check or decision, and for malformed input the same issues (code,
// field, problem, pointer) in the same order.
// The generic readers are forced by an enumerable key on Object.prototype, under which no fast path runs.

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ClaimCheckOptions } from "../compiler/runtime/index.js";
import { createEmitProject, emitEvaluator } from "../compiler/emit/evaluator/emit-evaluator.js";
import { fixtureModel, importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";
import { coveredIvAntibiotic, homeInfusion } from "./support/home-infusion.js";
import { malformedClaims, wncClaims } from "../bench/wnc-claims.js";
import { malformedFactSets, wncFactSets } from "../bench/wnc-fact-sets.js";

let fixture: ImportedFixture;
beforeAll(async () => {
  fixture = await importFixtureEvaluator(homeInfusion.policy);
});
afterAll(() => fixture.dispose());

/** An enumerable key on Object.prototype: every fast path gives way to the generic readers while it is there. */
const FORCE_GENERIC = "forceGenericReaders";

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>)[FORCE_GENERIC];
});

/** The answer of `run`: its result, or the issues of the PolicyInputError it threw. */
function answer(run: () => unknown): unknown {
  try {
    return { result: run() };
  } catch (error) {
    if (error instanceof fixture.runtime.PolicyInputError) return { issues: error.issues };
    throw error;
  }
}

/** The answer of `run` with the fast paths, then with the generic readers only. */
function bothWays(run: () => unknown): { fast: unknown; generic: unknown } {
  const fast = answer(run);
  (Object.prototype as Record<string, unknown>)[FORCE_GENERIC] = true;
  try {
    return { fast, generic: answer(run) };
  } finally {
    delete (Object.prototype as Record<string, unknown>)[FORCE_GENERIC];
  }
}

function check(claim: unknown, options: unknown = {}): unknown {
  return fixture.evaluator.checkClaim(claim, options as ClaimCheckOptions);
}

const serviceDate = "2025-06-01";
const goodClaim = { serviceDate, therapies: ["antibiotic"], lines: [{ code: "S9494", units: 3 }] };

describe("the generated claim reader", () => {
  it("is a named function checkClaim tries first, falling back to the generic readers", () => {
    const source = emitEvaluator(fixtureModel(homeInfusion.policy), createEmitProject(), "policy/evaluator.ts");
    expect(source).toContain("function readWellFormedClaim(claim: Claim, options: ClaimCheckOptions)");
    expect(source).toContain("function readClaim(claim: Claim, options: ClaimCheckOptions)");
    expect(source).toContain("const read = readWellFormedClaim(claim, options) ?? readClaim(claim, options);");
    expect(source).toContain('else if (key === "therapies") fact_claim_therapies = choicesOf(claim[key], ');
  });

  it("answers well-formed claims as the generic readers do", () => {
    const claims = wncClaims(400, 1204);
    let withFindings = 0;
    for (const { claim, options } of claims) {
      const { fast, generic } = bothWays(() => check(claim, options));
      expect(fast).toEqual(generic);
      expect(fast).toHaveProperty("result");
      const result = (fast as { result: { verdict: string } }).result;
      if (result.verdict !== "clean") withFindings++;
    }
    // The claims exercise the rules, not only clean verdicts.
    expect(withFindings).toBeGreaterThan(100);
  });

  it("refuses malformed claims with the generic readers' issues, in their order", () => {
    let refused = 0;
    for (const { claim, options } of malformedClaims(800, 1205)) {
      const { fast, generic } = bothWays(() => check(claim, options));
      expect(fast).toEqual(generic);
      if ((fast as { issues?: unknown }).issues !== undefined) refused++;
    }
    expect(refused).toBeGreaterThan(700);
  });

  it("reads a claim held without being listed (a non-enumerable field) with the generic readers", () => {
    for (const [key, value] of [
      ["therapies", "antibiotic"],
      ["therapies", ["chemotherapy"]],
      ["amphotericin_b", "yes"],
      ["monitoring_minutes", 2000],
      ["termination_allowance", false],
      ["serviceDate", serviceDate],
    ] as const) {
      const claim = { ...goodClaim };
      if (key === "serviceDate") delete (claim as { serviceDate?: string }).serviceDate;
      Object.defineProperty(claim, key, { value, enumerable: false });
      const { fast, generic } = bothWays(() => check(claim));
      expect(fast).toEqual(generic);
    }
    const hidden = { ...goodClaim };
    Object.defineProperty(hidden, "therapies", { value: ["chemotherapy"], enumerable: false });
    expect(answer(() => check(hidden))).toMatchObject({
      result: {
        verdict: "violations",
        violations: [{ rule: "S9494-therapy" }, { rule: "T1030-with-each-therapy-code" }],
      },
    });
  });

  it("reads the options as the generic readers do: asOf, a decision, a hidden or unknown option", () => {
    const hiddenAsOf = {};
    Object.defineProperty(hiddenAsOf, "asOf", { value: "2020-01-01", enumerable: false });
    for (const options of [
      {},
      { asOf: "2023-01-01" },
      { asOf: null },
      { asOf: "2020-01-01" },
      { asOf: "2024-02-30" },
      { decision: { outcome: "covered" } },
      { decision: { outcome: "maybe" } },
      { decision: null },
      { asOff: "2024-01-01" },
      hiddenAsOf,
      null,
      [],
    ]) {
      const { fast, generic } = bothWays(() => check(goodClaim, options));
      expect(fast).toEqual(generic);
    }
    expect(answer(() => check(goodClaim, hiddenAsOf))).toMatchObject({
      issues: [{ code: "before_policy", field: "asOf" }],
    });
  });

  it("reads a malformed value once on the fast path and once more by the generic reader that names it", () => {
    let reads = 0;
    const claim = {
      ...goodClaim,
      get monitoring_minutes(): unknown {
        reads++;
        return "120";
      },
    };
    expect(answer(() => check(claim))).toMatchObject({ issues: [{ code: "wrong_type", field: "monitoring_minutes" }] });
    expect(reads).toBe(2);
    reads = 0;
    const wellFormed = {
      ...goodClaim,
      get monitoring_minutes(): unknown {
        reads++;
        return 120;
      },
    };
    expect(answer(() => check(wellFormed))).toHaveProperty("result");
    // Read by the fast path alone.
    expect(reads).toBe(1);
  });
});

describe("the generated group readers", () => {
  it("answer well-formed and malformed facts as the generic readers do", () => {
    const asOf = { asOf: serviceDate };
    for (const { facts, asOf: date } of [...wncFactSets(300, 1206), ...malformedFactSets(600, 1207)]) {
      const { fast, generic } = bothWays(() => fixture.evaluator.evaluate(facts, { asOf: date }));
      expect(fast).toEqual(generic);
    }
    const { fast, generic } = bothWays(() => fixture.evaluator.evaluate(coveredIvAntibiotic, asOf));
    expect(fast).toEqual(generic);
    expect(fast).toMatchObject({ result: { outcome: "covered" } });
  });
});

describe("evaluate's options", () => {
  it("are read as the generic readers read them: asOf, trace, a hidden, stray or malformed option", () => {
    const hiddenTrace = { asOf: serviceDate };
    Object.defineProperty(hiddenTrace, "trace", { value: "yes", enumerable: false });
    const hiddenAsOf = {};
    Object.defineProperty(hiddenAsOf, "asOf", { value: serviceDate, enumerable: false });
    for (const options of [
      { asOf: serviceDate },
      { asOf: serviceDate, trace: true },
      { asOf: serviceDate, trace: null },
      { asOf: serviceDate, trace: "yes" },
      { asOf: "2020-01-01" },
      { asOf: "2024-02-30" },
      { asOf: serviceDate, traced: true },
      {},
      hiddenTrace,
      hiddenAsOf,
      null,
    ]) {
      const { fast, generic } = bothWays(() => fixture.evaluator.evaluate(coveredIvAntibiotic, options as never));
      expect(fast).toEqual(generic);
    }
    expect(answer(() => fixture.evaluator.evaluate(coveredIvAntibiotic, hiddenTrace as never))).toMatchObject({
      issues: [{ code: "wrong_type", field: "trace" }],
    });
    expect(answer(() => fixture.evaluator.evaluate(coveredIvAntibiotic, hiddenAsOf as never))).toMatchObject({
      result: { outcome: "covered", asOf: serviceDate },
    });
  });
});
