// Input that is not parsed JSON, through a generated module (the home-infusion fixture's) and the CLI:
// inherited properties, getters and proxies, objects that are not plain, values JSON.stringify chokes
// on, sparse lists, huge units, the field a bad date is reported under, a byte order mark, and
// malformed options. Each is a PolicyInputError naming the field, or (for what is not the caller's)
// ignored.

import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClaimCheck, Decision, InputIssue } from "../compiler/runtime/index.js";
import { runCli, scratchProject } from "./support/cli.js";
import { importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";
import { coveredIvAntibiotic, homeInfusion } from "./support/home-infusion.js";

let fixture: ImportedFixture;
beforeAll(async () => {
  fixture = await importFixtureEvaluator(homeInfusion.policy);
});
afterAll(() => fixture.dispose());

/** The fixture's evaluate and checkClaim, given anything: the input under test is often not well typed. */
function evaluate(facts: unknown, options: unknown): Decision {
  return fixture.evaluator.evaluate(facts, options as { asOf: string });
}

function checkClaim(claim: unknown, options?: unknown): ClaimCheck {
  return fixture.evaluator.checkClaim(claim, options as { asOf?: string } | undefined);
}

const asOf = "2025-06-01";

/** The issues of the PolicyInputError `run` throws; any other outcome fails the test. */
function issuesOf(run: () => unknown): readonly InputIssue[] {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    if (error instanceof fixture.runtime.PolicyInputError) return error.issues;
    throw error;
  }
  throw new Error(
    `expected a PolicyInputError, got a result: ${String((result as { outcome?: string; verdict?: string }).outcome ?? (result as { verdict?: string }).verdict)}`,
  );
}

function fieldsOf(run: () => unknown): string[] {
  return issuesOf(run).map((issue) => issue.field);
}

function evaluating(facts: unknown, options: unknown = { asOf }): () => unknown {
  return () => evaluate(facts, options);
}

function checking(claim: unknown, options?: unknown): () => unknown {
  return () => checkClaim(claim, options);
}

/** The covered case with `member` replaced. */
function withMember(member: unknown): unknown {
  return { ...coveredIvAntibiotic, member };
}

/** The covered case's member without `key`: that fact is unknown. */
function memberWithout(key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(coveredIvAntibiotic.member ?? {}).filter(([name]) => name !== key));
}

const cleanClaim = {
  serviceDate: asOf,
  therapies: ["antibiotic"],
  lines: [
    { code: "S9494", units: 1 },
    { code: "T1030", units: 1 },
  ],
};

/** A Proxy whose every trap throws, as hostile as an object can be. */
function throwingProxy(): object {
  const fail = () => {
    throw new Error("trap");
  };
  return new Proxy({}, { get: fail, has: fail, ownKeys: fail, getOwnPropertyDescriptor: fail, getPrototypeOf: fail });
}

describe("only the caller's own properties are read", () => {
  it("never reads an inherited property as a fact (a fact named constructor would otherwise read Object)", () => {
    const issues: InputIssue[] = [];
    expect(fixture.runtime.readBoolean({}, "constructor", "member.constructor", issues)).toBe(1);
    expect(fixture.runtime.readBoolean({ constructor: true }, "constructor", "member.constructor", issues)).toBe(2);
    expect(issues).toEqual([]);
  });

  it("ignores facts and keys a polluted Object.prototype lends every object", () => {
    const facts = withMember(memberWithout("clinical_status_stable"));
    const prototype = Object.prototype as Record<string, unknown>;
    Object.defineProperty(prototype, "clinical_status_stable", {
      value: "yes",
      configurable: true,
      enumerable: true,
      writable: true,
    });
    Object.defineProperty(prototype, "polluted", { value: 1, configurable: true, enumerable: true, writable: true });
    let decision: unknown;
    try {
      decision = evaluate(facts, { asOf });
    } catch (error) {
      decision = error;
    } finally {
      delete prototype["clinical_status_stable"];
      delete prototype["polluted"];
    }
    expect(decision).not.toBeInstanceOf(Error);
    expect((decision as { outcome: string }).outcome).toBe("pending");
    expect((decision as { missingFacts: { fact: string }[] }).missingFacts.map((fact) => fact.fact)).toEqual([
      "member.clinical_status_stable",
    ]);
  });

  it("reads a group's own enumerable facts only: a hidden (non-enumerable) one is unknown, as JSON would leave it out", () => {
    const member = Object.defineProperty(memberWithout("clinical_status_stable"), "clinical_status_stable", {
      value: true,
      enumerable: false,
    });
    const decision = evaluate(withMember(member), { asOf });
    expect(decision.outcome).toBe("pending");
    expect(decision.missingFacts.map((fact) => fact.fact)).toEqual(["member.clinical_status_stable"]);
  });

  it("decides correctly when a getter evaluates another case while the facts are read (the runtime reuses its arrays)", () => {
    const alone = evaluate(coveredIvAntibiotic, { asOf });
    let inner: Decision | undefined;
    const member = {
      ...coveredIvAntibiotic.member,
      get clinical_status_stable(): boolean {
        // A different case, decided in the middle of reading this one: it must not write over this one's values.
        inner = evaluate(withMember(memberWithout("clinical_status_stable")), { asOf });
        return true;
      },
    };
    const outer = evaluate(withMember(member), { asOf });
    expect(inner?.outcome).toBe("pending");
    expect(outer).toEqual(alone);
    expect(evaluate(coveredIvAntibiotic, { asOf })).toEqual(alone);
  });

  it("reports a fact whose getter throws, or a group whose proxy traps throw, by name", () => {
    const member = {
      ...coveredIvAntibiotic.member,
      get age(): number {
        throw new Error("boom");
      },
    };
    const issues = issuesOf(evaluating(withMember(member)));
    expect(issues).toEqual([
      {
        code: "unreadable",
        field: "member.age",
        pointer: "/member/age",
        problem: "could not be read: reading it threw an error",
      },
    ]);
    expect(fieldsOf(evaluating({ ...coveredIvAntibiotic, therapy: throwingProxy() }))).toEqual(["therapy"]);
    expect(fieldsOf(evaluating(throwingProxy()))).toEqual(["(facts)"]);
  });

  it("reports a claim field or a line field whose getter throws, by name", () => {
    const throwing = () => {
      throw new Error("boom");
    };
    const line = Object.defineProperty({ code: "S9494" }, "units", { get: throwing, enumerable: true });
    const claim = Object.defineProperty({ ...cleanClaim, lines: [line] }, "serviceDate", {
      get: throwing,
      enumerable: true,
    });
    expect(fieldsOf(checking(claim))).toEqual(["serviceDate", "lines[0].units"]);
    expect(fieldsOf(checking({ ...cleanClaim, lines: [throwingProxy()] }))).toEqual(["lines[0]"]);
  });
});

describe("only plain objects are groups", () => {
  it("refuses a Map given as the facts instead of reading it as empty", () => {
    const issues = issuesOf(evaluating(new Map(Object.entries(coveredIvAntibiotic))));
    expect(issues).toEqual([
      {
        code: "not_an_object",
        field: "(facts)",
        pointer: "",
        problem: "must be a plain object, not an instance of Map",
      },
    ]);
  });

  it("refuses a Date, a class instance or a boxed value given as a group", () => {
    class Therapy {
      kind = "antibiotic";
    }
    const facts = { ...coveredIvAntibiotic, member: new Date(), therapy: new Therapy(), drug: Object(5) as object };
    const issues = issuesOf(evaluating(facts));
    expect(issues.map((issue) => [issue.field, issue.problem])).toEqual([
      ["member", "must be a plain object, not an instance of Date"],
      ["therapy", "must be a plain object, not an instance of Therapy"],
      ["drug", "must be a plain object, not a boxed number"],
    ]);
  });

  it("reads an object with no prototype like any plain one", () => {
    const member = Object.assign(Object.create(null) as object, coveredIvAntibiotic.member);
    expect(evaluate(withMember(member), { asOf }).outcome).toBe("covered");
  });

  it("refuses a claim or a claim line that is not a plain object", () => {
    expect(fieldsOf(checking(new Map(Object.entries(cleanClaim))))).toEqual(["(claim)"]);
    class Line {
      code = "S9494";
      units = 1;
    }
    expect(fieldsOf(checking({ ...cleanClaim, lines: [new Line()] }))).toEqual(["lines[0]"]);
  });
});

describe("values are described without JSON.stringify", () => {
  it("names a claim field holding a BigInt, a cyclic object or a throwing toJSON instead of throwing TypeError", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    const hostile = {
      toJSON(): never {
        throw new Error("toJSON");
      },
    };
    const issues = issuesOf(
      checking({ serviceDate: hostile, therapies: ["antibiotic"], lines: [{ code: 10n, units: cyclic }] }),
    );
    expect(issues.map((issue) => [issue.field, issue.problem])).toEqual([
      ["serviceDate", "must be a date written YYYY-MM-DD, not an object"],
      ["lines[0].code", "must be a HCPCS code (a letter and four digits) or a CPT code, not the BigInt 10n"],
      ["lines[0].units", "must be a whole number of units from 0 to 1,000,000, not an object"],
    ]);
  });

  it("says a BigInt fact is a BigInt, not a number", () => {
    expect(issuesOf(evaluating(withMember({ age: 45n })))[0]?.problem).toBe(
      "must be a number from 0 to 130, not the BigInt 45n",
    );
  });
});

describe("sparse lists", () => {
  it("report a hole in a set fact as field[index]", () => {
    // eslint-disable-next-line no-sparse-arrays -- a hole in the list is the input under test.
    const features = ["clean_environment", , "water"];
    expect(fieldsOf(evaluating({ ...coveredIvAntibiotic, home: { features } }))).toEqual(["home.features[1]"]);
  });

  it("report a hole among a claim's lines instead of shifting the later lines' numbers", () => {
    // eslint-disable-next-line no-sparse-arrays -- a hole in the list is the input under test.
    const lines = [{ code: "S9494", units: 1 }, , { code: "T1030", units: 1 }];
    expect(fieldsOf(checking({ ...cleanClaim, lines }))).toEqual(["lines[1]"]);
    // eslint-disable-next-line no-sparse-arrays -- a hole in the list is the input under test.
    expect(fieldsOf(checking({ ...cleanClaim, lines: [{ code: "T1002", modifiers: [, "SD"], units: 1 }] }))).toEqual([
      "lines[0].modifiers[0]",
    ]);
  });

  it("number lines as the caller's list does", () => {
    const check = checkClaim({
      ...cleanClaim,
      lines: [
        { code: "J0285", units: 1 },
        { code: "S9494", units: 1 },
        { code: "J0285", units: 2 },
      ],
    });
    expect(check.linesNotGoverned).toEqual([0, 2]);
    expect(check.violations.map((violation) => violation.lines)).toEqual([[1]]);
  });

  it("stop reading a vast sparse list after a few holes", () => {
    const issues = issuesOf(evaluating({ ...coveredIvAntibiotic, home: { features: new Array(1e9) } }));
    expect(issues.map((issue) => issue.field)).toEqual([
      ...[0, 1, 2, 3, 4].map((i) => `home.features[${i}]`),
      "home.features",
    ]);
  });
});

describe("units", () => {
  const t1002 = (units: unknown) => ({ ...cleanClaim, lines: [{ code: "T1002", modifiers: ["SD"], units }] });

  it("must be a whole number from 0 to 1,000,000, so every total stays exact", () => {
    for (const units of [1e308, 2 ** 53, 1_000_001, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      const issues = issuesOf(checking(t1002(units)));
      expect(
        issues.map((issue) => issue.field),
        String(units),
      ).toEqual(["lines[0].units"]);
      expect(issues[0]?.problem).toContain("from 0 to 1,000,000");
    }
  });

  it("may be the bound itself, and many lines at the bound total exactly", () => {
    const lines = Array.from({ length: 3 }, () => ({ code: "T1002", modifiers: ["SD"], units: 1_000_000 }));
    const check = checkClaim({ ...cleanClaim, amphotericin_b: true, monitoring_minutes: 150, lines });
    expect(check.violations.find((violation) => violation.rule === "T1002-units")?.detail).toBe(
      "billed 3000000 units; at most 2 allowed",
    );
  });
});

describe("a service date before the policy", () => {
  it("is reported under serviceDate when it came from the claim", () => {
    expect(issuesOf(checking({ serviceDate: "2021-01-01", lines: [] }))).toEqual([
      {
        code: "before_policy",
        field: "serviceDate",
        pointer: "/serviceDate",
        problem: "is 2021-01-01, before the policy took effect on 2021-05-01",
      },
    ]);
  });

  it("is reported under asOf when it came from the options", () => {
    expect(fieldsOf(checking(cleanClaim, { asOf: "2021-01-01" }))).toEqual(["asOf"]);
  });
});

describe("options", () => {
  it("must be a plain object", () => {
    for (const options of [null, "2025-06-01", [asOf], new Map([["asOf", asOf]]), throwingProxy()]) {
      expect(fieldsOf(evaluating(coveredIvAntibiotic, options))).toEqual(["(options)"]);
    }
    expect(fieldsOf(checking(cleanClaim, null))).toEqual(["(options)"]);
  });

  it("report a proxy whose get trap throws, though its keys look right, and never read its options twice", () => {
    const options = new Proxy(
      { asOf },
      {
        get() {
          throw new Error("trap");
        },
      },
    );
    expect(fieldsOf(evaluating(coveredIvAntibiotic, options))).toEqual(["asOf"]);
    // A getter that answers differently the second time: trace is read once, with the date.
    let reads = 0;
    const fickle = {
      asOf,
      get trace(): boolean {
        reads++;
        if (reads > 1) throw new Error("read twice");
        return true;
      },
    };
    expect(evaluate(coveredIvAntibiotic, fickle).trace?.length).toBeGreaterThan(0);
    expect(reads).toBe(1);
  });

  it("want asOf as text, and say so when it is a Date", () => {
    const issues = issuesOf(evaluating(coveredIvAntibiotic, { asOf: new Date("2025-06-01T00:00:00Z") }));
    expect(issues).toEqual([
      {
        code: "not_a_date",
        field: "asOf",
        pointer: "/asOf",
        problem:
          'must be a date written YYYY-MM-DD, not an instance of Date: write the day as text, such as "2025-06-01"',
      },
    ]);
  });

  it("want trace true or false", () => {
    expect(issuesOf(evaluating(coveredIvAntibiotic, { asOf, trace: "yes" }))).toEqual([
      { code: "wrong_type", field: "trace", pointer: "/trace", problem: 'must be true or false, not "yes"' },
    ]);
  });

  it("report an unknown option, with the one meant", () => {
    expect(issuesOf(evaluating(coveredIvAntibiotic, { asOf, tracee: true }))).toEqual([
      {
        code: "unknown_field",
        field: "options.tracee",
        pointer: "/tracee",
        problem: 'is not an option of evaluate (asOf, trace); did you mean "trace"?',
      },
    ]);
    expect(issuesOf(checking(cleanClaim, { asof: asOf }))).toEqual([
      {
        code: "unknown_field",
        field: "options.asof",
        pointer: "/asof",
        problem: 'is not an option of checkClaim (asOf, decision); did you mean "asOf"?',
      },
    ]);
  });
});

describe("odd values", () => {
  it("keep messages short for huge strings and huge keys", () => {
    const huge = "x".repeat(1_000_000);
    const issues = issuesOf(evaluating(withMember({ residence: huge, [huge]: true })));
    expect(issues.map((issue) => issue.field)).toEqual([`member.${"x".repeat(100)}...`, "member.residence"]);
    for (const issue of issues) expect(issue.field.length + issue.problem.length).toBeLessThan(300);
  });

  it("refuse NaN and infinities, and read -0 as 0", () => {
    for (const minutes of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(fieldsOf(checking({ ...cleanClaim, monitoring_minutes: minutes }))).toEqual(["monitoring_minutes"]);
    }
    expect(evaluate(withMember({ ...coveredIvAntibiotic.member, age: -0 }), { asOf })).toEqual(
      evaluate(withMember({ ...coveredIvAntibiotic.member, age: 0 }), { asOf }),
    );
    expect(checkClaim({ ...cleanClaim, lines: [{ code: "J0285", units: -0 }] }).linesNotGoverned).toEqual([0]);
  });

  it("ignore symbol keys: no fact is named by a symbol", () => {
    const tag = Symbol("source");
    const facts = { ...coveredIvAntibiotic, [tag]: "intake form", member: { ...coveredIvAntibiotic.member, [tag]: 1 } };
    expect(evaluate(facts, { asOf }).outcome).toBe("covered");
    const claim = { ...cleanClaim, [tag]: 1 };
    expect(checkClaim(claim).verdict).toBe("clean");
  });
});

describe("the CLI", () => {
  let root: string;
  beforeAll(async () => {
    root = await scratchProject("input-hardening");
  });

  function withByteOrderMark(name: string, contents: unknown): string {
    const path = join(root, name);
    writeFileSync(path, `\uFEFF${JSON.stringify(contents)}`, "utf8");
    return path;
  }

  it("reads a facts file that starts with a byte order mark", () => {
    const run = runCli(
      ["eval", homeInfusion.reference, withByteOrderMark("facts-bom.json", coveredIvAntibiotic), "--as-of", asOf],
      root,
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { outcome: string }).outcome).toBe("covered");
  });

  it("reads a claim file that starts with a byte order mark", () => {
    const run = runCli(["check-claim", homeInfusion.reference, withByteOrderMark("claim-bom.json", cleanClaim)], root);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { verdict: string }).verdict).toBe("clean");
  });
});
