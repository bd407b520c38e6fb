// The second policy of another shape (issue 8's proof): the home oxygen fixture, modelled on a
// Medicare coverage determination, with records of blood gas studies, units and percents, value sets,
// groups with their qualifying path and a limitation, a re-test window, and claim rules by group.
// Its cases run in fixture-cases.test.ts; here: it builds in a project of its own, its evaluator
// type-checks under the project's strict settings, its published text is accounted for whole, and its
// docs read without a double negative.

import { cpSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { projectRoot } from "./support/evaluators.js";

const root = join(projectRoot, ".tmp", "home-oxygen");
let built: ReturnType<typeof runCli>;

beforeAll(() => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(join(projectRoot, "test", "fixtures", "home-oxygen"), join(root, "policy"), { recursive: true });
  built = runCli(["build"], root);
}, 120_000);

describe("the home oxygen fixture", () => {
  it("builds with no diagnostic", () => {
    expect(built.status, built.stderr).toBe(0);
    expect(built.stderr).toBe("");
  });

  it("has an evaluator that type-checks under the project's strict settings", () => {
    const config = ts.readConfigFile(join(projectRoot, "tsconfig.json"), (path) => ts.sys.readFile(path));
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, projectRoot);
    const program = ts.createProgram([join(root, "generated", "home-oxygen", "evaluator.ts")], {
      ...options,
      noEmit: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  });

  it("accounts for every sentence of its published text, each statement under its number", () => {
    const run = runCli(["traceability"], root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/(\d+) of \1 sentences accounted for \(100%: \d+ encoded as rules/);
  });

  it("has docs that read without a double negative, and list its value sets and limitation", () => {
    const docs = readFileSync(join(root, "generated", "home-oxygen", "README.md"), "utf8");
    expect(docs).not.toMatch(/\bis not no\b|\bnot not\b|\bno no\b/);
    expect(docs).toContain("angina pectoris diagnoses");
    expect(docs).toContain("Coverage is limited to stationary equipment for use during sleep.");
  });

  it("has a revision log that names the billing rules each revision added or retired", () => {
    const docs = readFileSync(join(root, "generated", "home-oxygen", "README.md"), "utf8");
    const row = (approved: string) => docs.split("\n").find((line) => line.startsWith(`| ${approved} `)) ?? "";
    // 2025-01 retired KX on the concentrator: one rule removed, its opposite added, no statement touched.
    expect(row("2025-01")).toContain(
      "added rule [E1390-no-KX](#rule-E1390-no-KX); removed rule [E1390-KX](#rule-E1390-KX)",
    );
    expect(row("2025-01")).not.toContain("none encoded");
  });
});
