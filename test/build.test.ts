// The build, in scratch projects made from the home-infusion fixture: a policy with an error leaves
// generated/ exactly as it was, a rebuild rewrites only what changed, and `build --check` reports a
// stale generated/. (That the live generated/ is current: generated-is-current.test.ts.)

import { readFileSync, writeFileSync, appendFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planBuild, staleFiles, writeBuild } from "../compiler/build/build.js";
import { runCli, scratchProject } from "./support/cli.js";
import { homeInfusion } from "./support/home-infusion.js";
import { snapshot } from "./support/snapshot.js";

const policyFile = `${homeInfusion.slug}.policy`;
const generatedFolder = `generated/${homeInfusion.slug}/`;

describe("a build", () => {
  it("writes nothing when a policy has an error", async () => {
    const root = await scratchProject("broken-build");
    const before = snapshot(join(root, "generated"));
    appendFileSync(join(root, "policy", policyFile), '\ncriterion I.A.6 "New." met when member.residnce is hospital\n');
    const run = runCli(["build"], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("error[PC020]");
    expect(run.stderr).toContain("Nothing was written");
    expect(snapshot(join(root, "generated"))).toEqual(before);
  });

  it("rewrites only what changed and removes what no policy produces", async () => {
    const root = await scratchProject("incremental-build");
    writeFileSync(join(root, "generated", "stale.ts"), "// left over\n");
    const policyPath = join(root, "policy", policyFile);
    writeFileSync(
      policyPath,
      readFileSync(policyPath, "utf8").replace('title "Home Infusion Therapy"', 'title "Home Infusion Therapy (HIT)"'),
    );
    const plan = await planBuild(root);
    const stale = staleFiles(root, plan);
    // Only the edited policy's own files change; the shared runtime is left alone.
    expect(stale).toContain("generated/stale.ts");
    expect(stale).toContain(`${generatedFolder}evaluator.ts`);
    expect(stale.filter((path) => path !== "generated/stale.ts" && !path.startsWith(generatedFolder))).toEqual([]);
    const result = writeBuild(root, plan);
    expect({ written: [...result.written].sort(), removed: result.removed }).toEqual({
      written: stale.filter((path) => path !== "generated/stale.ts"),
      removed: ["generated/stale.ts"],
    });
    expect(existsSync(join(root, "generated", "stale.ts"))).toBe(false);
    expect(staleFiles(root, await planBuild(root))).toEqual([]);
  });

  it("reports through `build --check` when generated/ is stale, and only then", async () => {
    const root = await scratchProject("stale-check");
    expect(runCli(["build", "--check"], root).status).toBe(0);
    writeFileSync(join(root, generatedFolder, "evaluator.ts"), "// edited by hand\n");
    const run = runCli(["build", "--check"], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${generatedFolder}evaluator.ts`);
  });
});
