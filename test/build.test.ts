// The build: generated/ always matches policy/, a rebuild is byte-identical, and a policy with an
// error leaves generated/ exactly as it was.

import { readFileSync, writeFileSync, appendFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planBuild, staleFiles, writeBuild } from "../compiler/build/build.js";
import { projectRoot } from "./support/evaluators.js";
import { runCli, scratchProject } from "./support/cli.js";
import { snapshot } from "./support/snapshot.js";

describe("generated/", () => {
  it("is up to date with policy/ (run `npm run build` if this fails)", async () => {
    const plan = await planBuild(projectRoot);
    expect(plan.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(staleFiles(projectRoot, plan)).toEqual([]);
  });

  it("is the same, byte for byte, when built twice", async () => {
    const first = await planBuild(projectRoot);
    const second = await planBuild(projectRoot);
    expect(second.files).toEqual(first.files);
    expect(first.files.length).toBeGreaterThan(0);
  });

  it("holds a DO NOT EDIT header in every file", async () => {
    const plan = await planBuild(projectRoot);
    for (const file of plan.files) expect(file.contents.split("\n")[0], file.path).toMatch(/DO NOT EDIT/);
  });
});

describe("a build", () => {
  it("writes nothing when a policy has an error", () => {
    const root = scratchProject("broken-build");
    const before = snapshot(join(root, "generated"));
    appendFileSync(
      join(root, "policy", "wnc-cp-224.policy"),
      '\ncriterion I.A.6 "New." met when member.residnce is hospital\n',
    );
    const run = runCli(["build"], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("error[PC020]");
    expect(run.stderr).toContain("Nothing was written");
    expect(snapshot(join(root, "generated"))).toEqual(before);
  });

  it("rewrites only what changed and removes what no policy produces", async () => {
    const root = scratchProject("incremental-build");
    writeFileSync(join(root, "generated", "stale.ts"), "// left over\n");
    const policyPath = join(root, "policy", "wnc-cp-224.policy");
    writeFileSync(
      policyPath,
      readFileSync(policyPath, "utf8").replace('title "Home Infusion Therapy"', 'title "Home Infusion Therapy (HIT)"'),
    );
    const plan = await planBuild(root);
    const stale = staleFiles(root, plan);
    // Only the edited policy's own files change; the shared runtime is left alone.
    expect(stale).toContain("generated/stale.ts");
    expect(stale).toContain("generated/wnc-cp-224/evaluator.ts");
    expect(stale.filter((path) => path !== "generated/stale.ts" && !path.startsWith("generated/wnc-cp-224/"))).toEqual(
      [],
    );
    const result = writeBuild(root, plan);
    expect({ written: [...result.written].sort(), removed: result.removed }).toEqual({
      written: stale.filter((path) => path !== "generated/stale.ts"),
      removed: ["generated/stale.ts"],
    });
    expect(existsSync(join(root, "generated", "stale.ts"))).toBe(false);
    expect(staleFiles(root, await planBuild(root))).toEqual([]);
  });

  it("reports through `build --check` when generated/ is stale", () => {
    const root = scratchProject("stale-check");
    writeFileSync(join(root, "generated", "wnc-cp-224", "evaluator.ts"), "// edited by hand\n");
    const run = runCli(["build", "--check"], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("generated/wnc-cp-224/evaluator.ts");
    expect(runCli(["build", "--check"]).status).toBe(0);
  });
});
