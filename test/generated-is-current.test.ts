// The live project's generated/: always what the compiler makes of policy/ now, byte for byte the same
// when built twice, and marked DO NOT EDIT. These make no claim about what the policies say.

import { describe, expect, it } from "vitest";
import { planBuild, staleFiles } from "../compiler/build/build.js";
import { projectRoot } from "./support/evaluators.js";
import { runCli } from "./support/cli.js";

describe("generated/", () => {
  it("is up to date with policy/ (run `npm run build` if this fails)", async () => {
    const plan = await planBuild(projectRoot);
    expect(plan.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(staleFiles(projectRoot, plan)).toEqual([]);
  });

  it("is found up to date by `policyc build --check` too", () => {
    const run = runCli(["build", "--check"], projectRoot);
    expect(run.status, run.stderr).toBe(0);
  });

  it("is the same, byte for byte, when built twice", async () => {
    const first = await planBuild(projectRoot);
    const second = await planBuild(projectRoot);
    expect(second.files).toEqual(first.files);
    expect(first.files.length).toBeGreaterThan(0);
  });

  it("holds a DO NOT EDIT header in every file (a JSON file: its first field, `about`)", async () => {
    const plan = await planBuild(projectRoot);
    // JSON has no comments: a schema says it in `$comment`, a FHIR resource in a `meta.tag`, at the top.
    for (const file of plan.files)
      expect(
        file.path.endsWith(".json") ? file.contents.split("\n").slice(0, 10).join("\n") : file.contents.split("\n")[0],
        file.path,
      ).toMatch(/DO NOT EDIT/);
  });
});
