// Criteria nested as parts of parts (S.1 -> S.1.p -> S.1.p.p ...), three levels and more below their
// section: the generated module once declared a part after the criterion that reads it and failed
// `tsc` ("used before its declaration"). Each depth's evaluator type-checks under the project's strict
// settings and decides through every level.

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { planFromSources } from "../compiler/build/build.js";
import type { Decision } from "../compiler/runtime/index.js";
import { maxNestingDepth } from "../compiler/syntax/nesting.js";
import { deepOutline, deepPolicyBase, deepPolicyPath } from "./support/deep-policy.js";
import { projectRoot } from "./support/evaluators.js";

const buildFolder = join(projectRoot, ".tmp", "nested-criteria");
/** Outline levels, the section S counted: 4 is S -> S.1 -> S.1.p -> S.1.p.p (three levels of criteria). */
const depths = [4, 5, maxNestingDepth];

interface DeepEvaluator {
  evaluate(facts: unknown, options: { asOf: string }): Decision;
}

const moduleOf = (depth: number) => join(buildFolder, `depth-${depth}`, "generated", "deep", "evaluator.ts");
const evaluators = new Map<number, DeepEvaluator>();

beforeAll(async () => {
  rmSync(buildFolder, { recursive: true, force: true });
  for (const depth of depths) {
    const plan = await planFromSources(
      [{ path: deepPolicyPath, text: deepPolicyBase + deepOutline(depth) }],
      [],
      projectRoot,
    );
    expect(plan.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    for (const file of plan.files) {
      const path = join(buildFolder, `depth-${depth}`, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.contents);
    }
    evaluators.set(depth, (await import(moduleOf(depth))) as DeepEvaluator);
  }
});

describe("criteria nested as parts of parts", () => {
  it("emit evaluators that compile under the project's strict settings", () => {
    const config = ts.readConfigFile(join(projectRoot, "tsconfig.json"), (path) => ts.sys.readFile(path));
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, projectRoot);
    const program = ts.createProgram(depths.map(moduleOf), { ...options, noEmit: true });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  });

  for (const depth of depths) {
    it(`decide through every level: ${depth} levels`, () => {
      const evaluator = evaluators.get(depth);
      const decide = (a: object) => evaluator?.evaluate({ a }, { asOf: "2024-06-01" });
      // S.1 holds when each part down to the deepest holds: the flag at every level, the age at the last.
      expect(decide({ flag: true, age: 10, place: "home" })?.outcome).toBe("covered");
      const denied = decide({ flag: true, age: 2, place: "home" });
      expect(denied?.outcome).toBe("not_covered");
      expect(denied?.reasons.map((reason) => reason.id)).toEqual(["S.1"]);
      const pending = decide({ flag: true, place: "home" });
      expect(pending?.outcome).toBe("pending");
      expect(pending?.missingFacts.map((missing) => missing.fact)).toEqual(["a.age"]);
    });
  }
});
