// Engineers import an evaluator by the documented path (README, docs/evaluators.md); this checks that
// the path resolves, at run time and for the type checker, once the package is built. The package is
// a scratch copy of this one (its name, type and exports map) holding the home-infusion fixture's
// build, so the test reads the real exports map and no live policy.

import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { scratchProject } from "./support/cli.js";
import { projectRoot } from "./support/evaluators.js";
import { homeInfusion } from "./support/home-infusion.js";

const packageName = "clinical-policy-compiler";
const policyPath = `${packageName}/policies/${homeInfusion.slug}`;

const consumer = `import { evaluate, type Facts, type PolicyDecision } from "${policyPath}";
import { PolicyInputError } from "${packageName}/runtime";
const facts: Facts = { member: { age: 45, residence: "private_residence" } };
const decision: PolicyDecision = evaluate(facts, { asOf: "2025-06-01" });
const outcome: "covered" | "not_covered" | "pending" = decision.outcome;
export { outcome, PolicyInputError };
`;

/** A package built like this one (dist/generated/ compiled), with this package's name and exports map. */
let root: string;
beforeAll(async () => {
  root = await scratchProject("package-exports");
  const manifest = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as Record<string, unknown>;
  expect(manifest["name"]).toBe(packageName);
  const { name, type, exports } = manifest;
  writeFileSync(join(root, "package.json"), `${JSON.stringify({ name, type, exports }, null, 2)}\n`);
});

describe("package exports", () => {
  it("load an evaluator by its documented path", () => {
    const script = `import("${policyPath}").then((m) => console.log(m.evaluate({}, { asOf: "2025-06-01" }).policy.reference, typeof m.evaluate, typeof m.checkClaim))`;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe(`${homeInfusion.reference} function function`);
  });

  it("give the type checker the evaluator's exact types", () => {
    const folder = join(root, "consumer");
    mkdirSync(folder, { recursive: true });
    const file = join(folder, "consumer.ts");
    writeFileSync(file, consumer);
    const wrong = join(folder, "wrong.ts");
    writeFileSync(
      wrong,
      `import type { Facts } from "${policyPath}";\nexport const facts: Facts = { member: { residence: "castle" } };\n`,
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
