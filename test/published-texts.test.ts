// The live policies against their published texts: every policy under policy/ that names its
// published text quotes it exactly and accounts for every sentence of it, as `policyc traceability`
// reports. A policy's own check, like its cases: it claims nothing about what any policy says. (How
// the check itself works is tested on a fixture: traceability.test.ts.)

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkProject } from "../compiler/build/build.js";
import { renderTraceReport } from "../compiler/trace/render-report.js";
import { traceIsClean, tracePolicy } from "../compiler/trace/trace.js";
import { projectRoot } from "./support/evaluators.js";
import { runCli } from "./support/cli.js";

describe("every policy under policy/ with a published text", () => {
  const project = checkProject(projectRoot);
  const named = [...project.models.values()].flatMap((model) => {
    const text = project.published.get(model.reference);
    return text ? [{ model, published: text }] : [];
  });
  const traced = named.flatMap(({ model, published: text }) => (text.kind === "read" ? [{ model, text }] : []));

  it("names a published text that exists", () => {
    for (const { published: text } of named) expect(text.kind, text.path).toBe("read");
    expect(traced.length, "no policy names a published text: this file would check nothing").toBeGreaterThan(0);
  });

  it("quotes the published text exactly and accounts for 100% of its sentences", () => {
    for (const { model, text } of traced) {
      const checked = tracePolicy(model, text.text);
      const rendered = renderTraceReport(checked, {
        policyPath: model.sourcePath,
        policySource: readFileSync(join(projectRoot, model.sourcePath), "utf8"),
        publishedPath: text.path,
      });
      // The message is the whole report: each mismatch with both places, each sentence left over.
      expect(traceIsClean(checked), rendered).toBe(true);
      expect(checked.accounted).toBe(checked.total);
    }
  });

  it("gives a reason for everything it deliberately does not encode", () => {
    for (const { model, text } of traced) {
      for (const omission of tracePolicy(model, text.text).omissions)
        expect(omission.reason.trim(), `${model.reference}: ${omission.owner}`).not.toBe("");
    }
  });

  it("is what `policyc traceability` prints, exiting 0", () => {
    const run = runCli(["traceability"], projectRoot);
    expect(run.status, run.stderr).toBe(0);
    for (const { text } of traced) {
      const path = text.path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      expect(run.stdout).toMatch(
        new RegExp(`${path}: (\\d+) of \\1 sentences accounted for \\(100%: [^)]*\\); 0 mismatches\\.`),
      );
    }
  });
});
