// Engineers import an evaluator by the documented path (README, docs/evaluators.md); this checks
// that the path resolves, at run time and for the type checker, once the package is built.

import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { projectRoot } from "./support/evaluators.js";

const consumer = `import { evaluate, type Facts, type PolicyDecision } from "clinical-policy-compiler/policies/wnc-cp-224";
import { PolicyInputError } from "clinical-policy-compiler/runtime";
const facts: Facts = { member: { age: 45, residence: "private_residence" } };
const decision: PolicyDecision = evaluate(facts, { asOf: "2025-06-01" });
const outcome: "covered" | "not_covered" | "pending" = decision.outcome;
export { outcome, PolicyInputError };
`;

describe("package exports", () => {
  it("load an evaluator by its documented path", () => {
    const script = `import("clinical-policy-compiler/policies/wnc-cp-224").then((m) => console.log(m.policy.reference, typeof m.evaluate))`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: projectRoot,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("WNC.CP.224 function");
  });

  it("give the type checker the evaluator's exact types", () => {
    const folder = join(projectRoot, ".tmp", "consumer");
    mkdirSync(folder, { recursive: true });
    const file = join(folder, "consumer.ts");
    writeFileSync(file, consumer);
    const wrong = join(folder, "wrong.ts");
    writeFileSync(
      wrong,
      `import type { Facts } from "clinical-policy-compiler/policies/wnc-cp-224";\nexport const facts: Facts = { member: { residence: "castle" } };\n`,
    );
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      types: [],
    };
    const messages = (path: string) =>
      ts
        .getPreEmitDiagnostics(ts.createProgram([path], options))
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "));
    expect(messages(file)).toEqual([]);
    expect(messages(wrong).join("\n")).toContain('"castle"');
  });
});
