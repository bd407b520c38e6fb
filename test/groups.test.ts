// References between statements, the qualifying path and limitations, end to end on a policy in
// groups (test/fixtures/groups): it checks clean, its evaluator type-checks under the project's strict
// settings (its criteria nest three levels under a section), and its decisions say which group
// qualified and the limitations coverage brought.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { planFromSources, type BuildPlan } from "../compiler/build/build.js";
import type { Decision } from "../compiler/runtime/index.js";
import { projectRoot } from "./support/evaluators.js";

const fixture = "test/fixtures/groups";
const read = (path: string) => ({ path, text: readFileSync(join(projectRoot, path), "utf8") });
const buildFolder = join(projectRoot, ".tmp", "fixture-groups");

interface GroupsEvaluator {
  evaluate(facts: unknown, options: { asOf: string; trace?: boolean }): Decision;
}

let plan: BuildPlan;
let evaluator: GroupsEvaluator;

beforeAll(async () => {
  plan = await planFromSources([read(`${fixture}/groups.policy`)], [read(`${fixture}/groups.cases`)]);
  rmSync(buildFolder, { recursive: true, force: true });
  for (const file of plan.files) {
    mkdirSync(dirname(join(buildFolder, file.path)), { recursive: true });
    writeFileSync(join(buildFolder, file.path), file.contents);
  }
  evaluator = (await import(join(buildFolder, "generated", "groups", "evaluator.ts"))) as GroupsEvaluator;
});

/** Group I met at rest (criteria 1 to 3), stationary equipment. */
const groupOne = {
  member: { saturation_at_rest: 86, saturation_asleep: 95, seen_in_person: true, alternatives_tried: true },
  equipment: { portable: false },
};
const on = { asOf: "2024-03-01" };

function decide(facts: unknown): Decision {
  return evaluator.evaluate(facts, on);
}

describe("a policy in groups", () => {
  it("checks without a diagnostic", () => {
    expect(plan.diagnostics).toEqual([]);
  });

  it("generates code that compiles under the project's strict settings", () => {
    const config = ts.readConfigFile(join(projectRoot, "tsconfig.json"), (path) => ts.sys.readFile(path));
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, projectRoot);
    const program = ts.createProgram([join(buildFolder, "generated", "groups", "evaluator.ts")], {
      ...options,
      noEmit: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  });

  it("says which group qualified, and brings no limitation through Group I", () => {
    const decision = decide(groupOne);
    expect(decision.outcome).toBe("covered");
    expect(decision.qualifiedUnder).toEqual(["O.1.G1"]);
    expect(decision.limitations).toEqual([]);
    expect(decision.crd).toEqual({ covered: "covered", paNeeded: "no-auth" });
  });

  it("meets Group II through criterion 3 of Group I, with its limitation", () => {
    const decision = decide({
      ...groupOne,
      member: { ...groupOne.member, saturation_at_rest: 92, saturation_asleep: 85 },
    });
    expect(decision.outcome).toBe("covered");
    expect(decision.qualifiedUnder).toEqual(["O.1.G2"]);
    expect(decision.limitations).toEqual([{ id: "O.1.G2", text: "Covered only during sleep." }]);
    expect(decision.crd.covered).toBe("covered");
    if (decision.crd.covered !== "covered") return;
    expect(decision.crd.detail).toEqual([{ code: "instructions", value: "Covered only during sleep." }]);
  });

  it("says in the trace what each criterion was met through", () => {
    const facts = { ...groupOne, member: { ...groupOne.member, saturation_at_rest: 92, saturation_asleep: 85 } };
    const trace = evaluator.evaluate(facts, { ...on, trace: true }).trace ?? [];
    const through = (id: string) => trace.find((entry) => entry.id === id)?.metThrough;
    expect(through("O.1")).toEqual([{ kind: "part", id: "O.1.G2" }]);
    expect(through("O.1.G2")).toEqual([{ kind: "criterion", id: "O.1.G1.3" }]);
    // Met through `not equipment.portable`, which names no statement; O.1.G1 is not met.
    expect(through("O.2")).toBeUndefined();
    expect(through("O.1.G1")).toBeUndefined();
    expect(evaluator.evaluate(facts, on).trace).toBeUndefined();
  });

  it("lists both groups, in source order, when both qualify", () => {
    const decision = decide({ ...groupOne, member: { ...groupOne.member, saturation_asleep: 80 } });
    expect(decision.qualifiedUnder).toEqual(["O.1.G1", "O.1.G2"]);
    expect(decision.limitations.map((limitation) => limitation.id)).toEqual(["O.1.G2"]);
  });

  it("denies when criterion 3 of Group I, which Group II refers to, is not met", () => {
    const decision = decide({
      ...groupOne,
      member: { ...groupOne.member, alternatives_tried: false, saturation_asleep: 80 },
    });
    expect(decision.outcome).toBe("not_covered");
    expect(decision.reasons.map((reason) => reason.id)).toEqual(["O.1"]);
    expect(decision.qualifiedUnder).toEqual([]);
    expect(decision.limitations).toEqual([]);
  });

  it("asks for what a reference needs when it is unknown", () => {
    const decision = decide({
      member: { saturation_at_rest: 92, saturation_asleep: 85, seen_in_person: true },
      equipment: { portable: false },
    });
    expect(decision.outcome).toBe("pending");
    expect(decision.missingFacts.map((missing) => missing.fact)).toEqual(["member.alternatives_tried"]);
  });

  it("qualifies portable equipment through section P, with the section's limitation", () => {
    const decision = decide({
      ...groupOne,
      equipment: { portable: true },
      member: { ...groupOne.member, mobile_at_home: true },
    });
    expect(decision.outcome).toBe("covered");
    expect(decision.qualifiedUnder).toEqual(["O.1.G1", "P"]);
    expect(decision.limitations).toEqual([
      { id: "P", text: "Payment for portable equipment is limited to the standard allowance." },
    ]);
  });

  it("does not meet a section that does not apply", () => {
    const decision = decide({ ...groupOne, member: { ...groupOne.member, mobile_at_home: false } });
    expect(decision.outcome).toBe("covered");
    // O.2 is met through `not equipment.portable`: section P does not apply, so it is not an alternative met.
    expect(decision.qualifiedUnder).toEqual(["O.1.G1"]);
  });

  it("denies portable equipment when the section's criterion is not met", () => {
    const decision = decide({
      ...groupOne,
      equipment: { portable: true },
      member: { ...groupOne.member, mobile_at_home: false },
    });
    expect(decision.outcome).toBe("not_covered");
    expect(decision.reasons.map((reason) => reason.id)).toEqual(["O.2", "P.1"]);
  });
});

describe("the docs of a policy in groups", () => {
  it("show a limitation as its author wrote it, under the condition that brings it", () => {
    const readme = plan.files.find((file) => file.path === "generated/groups/README.md")?.contents ?? "";
    expect(readme).toContain(
      "**Limited to (when coverage goes through it):** Payment for portable equipment is limited to the standard allowance.",
    );
    // The sentence's own full stop ends it: no "allowance. (when ...)." after it.
    expect(readme).not.toMatch(/\. \(when coverage goes through it\)/);
  });
});
