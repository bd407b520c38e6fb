// A decision names what made it: the policy source (its text's hash), the policy's meaning (the
// model's hash, which a comment or a change of layout keeps and any change of words or logic
// changes), the published text of the revision in force (when the build read one) and the compiler.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planFromSources } from "../compiler/build/build.js";
import { modelHash } from "../compiler/model/model-hash.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { compilerName, compilerVersion } from "../compiler/version.js";
import { SourceImporter, runtimeSources } from "./support/differential/import-source.js";
import { projectRoot } from "./support/evaluators.js";

const fixturePath = "test/fixtures/home-infusion/home-infusion.policy";
const fixture = readFileSync(join(projectRoot, fixturePath), "utf8");

function hashesOf(text: string): { source: string; model: string } {
  const result = checkPolicySource(text, fixturePath, projectRoot);
  if (!result.model) throw new Error(result.diagnostics.map((found) => found.message).join("\n"));
  return { source: result.model.sourceHash, model: modelHash(result.model) };
}

describe("the policy's identity", () => {
  it("states the compiler's own version, as package.json has it", () => {
    const manifest = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string };
    expect(compilerVersion).toBe(manifest.version);
    expect(compilerName).toBe(`policyc ${manifest.version}`);
  });

  it("keeps the meaning's hash through a comment and a change of layout, and changes it with the words", () => {
    const original = hashesOf(fixture);
    const commented = hashesOf(fixture.replace("\ncriterion ", "\n# A comment a reviewer added.\ncriterion "));
    expect(commented.source).not.toBe(original.source);
    expect(commented.model).toBe(original.model);
    const relaid = hashesOf(fixture.replace(/\n {2}met when /, "\n  met when  "));
    expect(relaid.source).not.toBe(original.source);
    expect(relaid.model).toBe(original.model);
    const [, words] = /\ncriterion [^ ]+ "([^"]+)"/.exec(fixture) ?? [];
    expect(words).toBeDefined();
    const reworded = hashesOf(fixture.replace(`"${words!}"`, `"${words!} (reworded)"`));
    expect(reworded.model).not.toBe(original.model);
  });

  it("is in every decision: the published text's hash for the revision the build read it for, and none before", async () => {
    const published = readFileSync(
      join(projectRoot, "test/fixtures/home-infusion/home-infusion.published.txt"),
      "utf8",
    );
    const plan = await planFromSources([{ path: fixturePath, text: fixture }], [], projectRoot);
    expect(plan.diagnostics.filter((found) => found.severity === "error")).toEqual([]);
    const evaluator = plan.files.find((file) => file.path.endsWith("/evaluator.ts"))!.contents;
    const importer = new SourceImporter(runtimeSources());
    try {
      const module = await importer.import(evaluator);
      const model = [...plan.models.values()][0]!;
      const latest = model.revisions.at(-1)!;
      const now = module.evaluate({}, { asOf: latest.effective }).policy;
      expect(now).toMatchObject({
        revision: latest.approved,
        sourceHash: model.sourceHash,
        modelHash: modelHash(model),
        compiler: compilerName,
        publishedTextHash: createHash("sha256").update(published.replace(/\r\n/g, "\n"), "utf8").digest("hex"),
      });
      const before = module.evaluate({}, { asOf: model.revisions[0]!.effective }).policy;
      expect(before.revision).not.toBe(latest.approved);
      expect(before).not.toHaveProperty("publishedTextHash");
      expect(before.modelHash).toBe(now.modelHash);
    } finally {
      importer.dispose();
    }
  });
});
