// A policy of another shape than WNC.CP.224 (continuous glucose monitors) goes through the whole
// compiler: it checks clean, its generated evaluator matches the golden file beside it, and its
// cases pass against that evaluator. Together with the vocabulary test below, this shows that
// compiler/ holds nothing specific to home infusion.

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { planFromSources, type BuildPlan } from "../compiler/build/build.js";
import { projectRoot, type Evaluator } from "./support/evaluators.js";
import { expectGolden } from "./support/golden.js";
import { runCase } from "./support/run-case.js";

const fixture = "test/fixtures/continuous-glucose-monitors";
const read = (path: string) => ({ path, text: readFileSync(join(projectRoot, path), "utf8") });
const buildFolder = join(projectRoot, ".tmp", "fixture-cgm");

let plan: BuildPlan;
let evaluator: Evaluator;

beforeAll(async () => {
  plan = await planFromSources([read(`${fixture}/cgm.policy`)], [read(`${fixture}/cgm.cases`)]);
  rmSync(buildFolder, { recursive: true, force: true });
  for (const file of plan.files) {
    mkdirSync(dirname(join(buildFolder, file.path)), { recursive: true });
    writeFileSync(join(buildFolder, file.path), file.contents);
  }
  evaluator = (await import(join(buildFolder, "generated", "cgm", "evaluator.ts"))) as Evaluator;
});

describe("fixture policy FIX.DME.101", () => {
  it("checks without a diagnostic", () => {
    expect(plan.diagnostics).toEqual([]);
    expect(plan.files.map((file) => file.path)).toContain("generated/cgm/evaluator.ts");
  });

  it("generates the evaluator in the golden file", () => {
    const generated = plan.files.find((file) => file.path === "generated/cgm/evaluator.ts");
    expectGolden(join(projectRoot, fixture, "expected", "evaluator.ts"), generated?.contents ?? "");
  });

  it("generates code that compiles under the project's strict settings", () => {
    const config = ts.readConfigFile(join(projectRoot, "tsconfig.json"), (path) => ts.sys.readFile(path));
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, projectRoot);
    const program = ts.createProgram([join(buildFolder, "generated", "cgm", "evaluator.ts")], {
      ...options,
      noEmit: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  });

  it("has cases", () => {
    expect(plan.cases.length).toBeGreaterThanOrEqual(10);
  });

  it("passes each of its cases", () => {
    for (const resolved of plan.cases) {
      const { actual, expected } = runCase(evaluator, resolved);
      expect(actual, resolved.title).toEqual(expected);
    }
  });
});

describe("compiler/", () => {
  it("holds no word specific to home infusion, the first policy it compiled", () => {
    const words = /infusion|epsdt|medicaid|wnc\.cp|parenteral|enteral|wellcare|home health/i;
    const offenders: string[] = [];
    const visit = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) visit(path);
        else if (words.test(readFileSync(path, "utf8"))) offenders.push(path);
      }
    };
    visit(join(projectRoot, "compiler"));
    expect(offenders).toEqual([]);
  });
});
