// The npm package of one policy, as an integrator meets it: `policyc package` writes it from a
// scratch project made from the home-infusion fixture; `npm pack` makes the tarball; a fresh
// consumer project installs the tarball (offline: the package has no dependencies), type-checks a
// program under `strict` and `exactOptionalPropertyTypes`, runs it in Node, and bundles it with
// esbuild for the browser.

import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, scratchProject } from "./support/cli.js";
import { projectRoot } from "./support/evaluators.js";
import { coveredIvAntibiotic, homeInfusion } from "./support/home-infusion.js";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
let root: string;
let folder: string;
let tarball: string;
let consumer: string;

function run(command: string, args: readonly string[], cwd: string): string {
  return execFileSync(command, [...args], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
  });
}

beforeAll(async () => {
  root = await scratchProject("package");
  const packaged = runCli(["package"], root);
  expect(packaged.status, packaged.stderr).toBe(0);
  folder = join(root, "dist", "packages", homeInfusion.slug);
  const packs = join(root, ".packs");
  mkdirSync(packs, { recursive: true });
  const name = run(npm, ["pack", "--silent", "--pack-destination", packs], folder).trim().split("\n").at(-1) ?? "";
  tarball = join(packs, name);
  consumer = join(root, ".consumer");
  rmSync(consumer, { recursive: true, force: true });
  mkdirSync(consumer, { recursive: true });
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  run(npm, ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball], consumer);
}, 240_000);

describe("the package of a policy", () => {
  it("has no dependencies, ships the evaluator as one module with the declarations, and packs under 50 kB", () => {
    const json = JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as Record<string, unknown>;
    expect(json["name"]).toBe(`@clinical-policies/${homeInfusion.slug}`);
    expect(json["dependencies"]).toBeUndefined();
    expect(json["sideEffects"]).toBe(false);
    expect(json["type"]).toBe("module");
    expect(statSync(tarball).size).toBeLessThan(50_000);
    const installed = join(consumer, "node_modules", "@clinical-policies", homeInfusion.slug);
    expect(readdirSync(installed).sort()).toEqual(
      ["CHANGELOG.md", "README.md", homeInfusion.slug, "package.json", "runtime"].sort(),
    );
    // The code is one module, the evaluator with the runtime it uses; the runtime ships its declarations.
    expect(readdirSync(join(installed, homeInfusion.slug)).sort()).toEqual(["evaluator.d.ts", "evaluator.js"]);
    expect(readdirSync(join(installed, "runtime")).every((name) => name.endsWith(".d.ts"))).toBe(true);
    expect(readFileSync(join(installed, homeInfusion.slug, "evaluator.js"), "utf8")).not.toMatch(/from\s*["']\.\.?\//);
    expect(readdirSync(join(consumer, "node_modules")).filter((name) => !name.startsWith("."))).toEqual([
      "@clinical-policies",
    ]);
  });

  it("type-checks a consumer under strict and exactOptionalPropertyTypes, and runs it", () => {
    writeFileSync(
      join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: false,
          // Only what the consumer imports: not the @types of the folders above this scratch project.
          types: [],
          outDir: "out",
        },
        files: ["main.ts"],
      }),
    );
    writeFileSync(
      join(consumer, "main.ts"),
      `import { evaluate, factMetadata, parseFacts, type Facts, type PolicyDecision } from "@clinical-policies/${homeInfusion.slug}";

const facts: Facts = ${JSON.stringify(coveredIvAntibiotic)};
const decision: PolicyDecision = evaluate(facts, { asOf: "2025-06-01" });
const elsewhere = evaluate({ ...facts, member: { ...facts.member, residence: "hospital" } }, { asOf: "2025-06-01" });
let refused = "";
try {
  evaluate({ member: { age: "old" } } as unknown as Facts, { asOf: "2025-06-01" });
} catch (error) {
  refused = error instanceof Error ? error.name : "";
}
// The contract: undefined is unknown (exactOptionalPropertyTypes), the outcome narrows, metadata is exact.
const unknownAge: Facts = { member: { age: undefined } };
const pending = evaluate(unknownAge, { asOf: "2025-06-01", trace: undefined });
let asked: readonly string[] = [];
if (pending.outcome === "pending") {
  const docNeeded: "clinical" = pending.crd.docNeeded;
  asked = pending.missingFacts.map((missing) => docNeeded + ":" + missing.fact).slice(0, 1);
}
const parsed = parseFacts(JSON.parse(${JSON.stringify(JSON.stringify(coveredIvAntibiotic))}) as unknown);
const age: { readonly type: "number"; readonly max?: number } = factMetadata["member.age"];
const places: readonly ("private_residence" | "adult_care_home" | "skilled_nursing_facility" | "hospital" | "other_setting")[] =
  factMetadata["member.residence"].options.map((option) => option.value);
console.log(JSON.stringify({ outcome: decision.outcome, elsewhere: elsewhere.outcome, reasons: elsewhere.reasons.map((r) => r.id), refused, asked, parsed: parsed.ok && parsed.facts.member?.age, max: age.max, places: places.length }));
`,
    );
    run(process.execPath, [join(projectRoot, "node_modules", "typescript", "bin", "tsc"), "-p", "."], consumer);
    const printed = JSON.parse(run(process.execPath, ["out/main.js"], consumer)) as Record<string, unknown>;
    expect(printed).toEqual({
      outcome: "covered",
      elsewhere: "not_covered",
      reasons: ["I.A.3"],
      refused: "PolicyInputError",
      // The first question: a fact whose answer alone can decide the case (ranked, docs/evaluators.md).
      asked: ["clinical:member.clinical_status_stable"],
      parsed: 45,
      max: 130,
      places: 5,
    });
  });

  it("bundles for the browser with esbuild, with nothing of Node in it, and the bundle decides", async () => {
    writeFileSync(
      join(consumer, "browser.js"),
      `import { evaluate } from "@clinical-policies/${homeInfusion.slug}";
export const outcome = evaluate(${JSON.stringify(coveredIvAntibiotic)}, { asOf: "2025-06-01" }).outcome;
`,
    );
    const result = await build({
      entryPoints: [join(consumer, "browser.js")],
      bundle: true,
      platform: "browser",
      format: "esm",
      write: false,
      absWorkingDir: consumer,
      logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
    const bundle = result.outputFiles[0]?.text ?? "";
    expect(bundle).not.toMatch(/from\s*"node:|require\(/);
    const path = join(consumer, "bundle.mjs");
    writeFileSync(path, bundle);
    const module = (await import(path)) as { outcome: string };
    expect(module.outcome).toBe("covered");
  });

  it("takes its scope from the policy project's package.json, and refuses one that is not an npm scope", async () => {
    const project = await scratchProject("package-scope");
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({ name: "plan-policies", policyc: { packageScope: "@fixture-plan" } }),
    );
    expect(runCli(["package"], project).status).toBe(0);
    const json = JSON.parse(
      readFileSync(join(project, "dist", "packages", homeInfusion.slug, "package.json"), "utf8"),
    ) as {
      name: string;
    };
    expect(json.name).toBe(`@fixture-plan/${homeInfusion.slug}`);
    for (const scope of ["Fixture Plan", "fixture-plan", "@../x", 7]) {
      writeFileSync(join(project, "package.json"), JSON.stringify({ policyc: { packageScope: scope } }));
      const refused = runCli(["package"], project);
      expect(refused.status, String(scope)).toBe(2);
      expect(refused.stderr).toContain("must be an npm scope");
    }
  });
});
