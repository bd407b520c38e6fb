// Traceability, on the home-infusion fixture and its published text: every quoted text of a policy is
// checked against the published text kept beside it, and every sentence of that text is accounted
// for. Fails on a mismatch, pointing at both places, and lists each sentence that is neither encoded
// nor deliberately not encoded with a reason. (The live policies' own check: published-texts.test.ts.)

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPolicySource } from "../compiler/pipeline.js";
import { renderTraceReport } from "../compiler/trace/render-report.js";
import { tracePolicy } from "../compiler/trace/trace.js";
import type { PolicyModel } from "../compiler/model/policy-model.js";
import { projectRoot } from "./support/evaluators.js";
import { runCli, scratchProject } from "./support/cli.js";
import { homeInfusion } from "./support/home-infusion.js";

const policyPath = homeInfusion.policy;
const publishedPath = homeInfusion.published;
const source = readFileSync(join(projectRoot, policyPath), "utf8");
const published = readFileSync(join(projectRoot, publishedPath), "utf8");

function model(text: string): PolicyModel {
  const result = checkPolicySource(text, policyPath);
  if (!result.model) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
  return result.model;
}

function report(text: string, publishedText = published) {
  const checked = tracePolicy(model(text), publishedText);
  return { checked, rendered: renderTraceReport(checked, { policyPath, policySource: text, publishedPath }) };
}

/** `text` as a regular expression that matches it literally. */
function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("a policy that quotes its published text exactly", () => {
  it("accounts for 100% of its sentences, with no mismatch", () => {
    const { checked, rendered } = report(source);
    expect(checked.mismatches.length === 0 && checked.unaccounted.length === 0, rendered).toBe(true);
    expect(checked.accounted).toBe(checked.total);
  });

  it("gives a reason for everything it deliberately does not encode", () => {
    const { checked } = report(source);
    for (const omission of checked.omissions) expect(omission.reason.trim(), omission.owner).not.toBe("");
    expect(checked.counts.notEncoded + checked.counts.layout).toBeGreaterThan(0);
  });

  it("is what `policyc traceability` prints, exiting 0", async () => {
    const root = await scratchProject("traceability");
    const run = runCli(["traceability"], root);
    expect(run.status, run.stderr).toBe(0);
    const copied = `policy/${homeInfusion.slug}.published.txt`;
    expect(run.stdout).toMatch(
      new RegExp(`${literally(copied)}: (\\d+) of \\1 sentences accounted for \\(100%\\); 0 mismatches\\.`),
    );
  });
});

describe("the traceability check", () => {
  it("counts a long policy's sentences by how they are accounted for", () => {
    const { checked } = report(source);
    expect(checked.total).toBeGreaterThan(200);
    expect(checked.counts.rule).toBeGreaterThan(40);
    expect(checked.counts.none + checked.counts.unexplained).toBe(0);
  });

  it("fails on a reworded criterion and points at both places", () => {
    const edited = source.replace(
      "private residence or in an adult care home",
      "private home or in an adult care home",
    );
    const { checked, rendered } = report(edited);
    expect(checked.mismatches.map((m) => `${m.quote.owner} (${m.quote.field})`)).toEqual(["criterion I.A.3 (text)"]);
    const closest = checked.mismatches[0]?.closest;
    expect(closest?.policyHas).toBe("home");
    expect(closest?.publishedHas).toBe("residence");
    // Both places: the statement's line in the policy file, the line in the published text.
    const line = source.split("\n").findIndex((l) => l.startsWith("criterion I.A.3")) + 1;
    const publishedLine = published.split("\n").findIndex((l) => l.startsWith("3. The service is provided")) + 1;
    expect(rendered).toContain(`${policyPath}:${line}`);
    expect(rendered).toContain(`${publishedPath}:${publishedLine}:`);
  });

  it("fails on a changed note item and on a changed code description", () => {
    const edited = source
      .replace('item 2 "Formulae/solutions ordered by the physician;"', 'item 2 "Formula ordered by the physician;"')
      .replace(
        "Nursing care, in the home, by registered nurse, per diem.",
        "Nursing care, in the home, by a nurse, per diem.",
      );
    const owners = report(edited).checked.mismatches.map((m) => m.quote.owner);
    expect(owners).toContain("code T1030");
  });

  it("ignores spacing, line breaks, bullets, emphasis and quote styles", () => {
    const edited = source.replace(
      'note II.note-1 "Note: HIT drug therapy is not allowed for members receiving private duty nursing.',
      'note II.note-1 "Note:   HIT drug therapy is not allowed for members “receiving” private duty nursing.',
    );
    const publishedEdited = published.replace(
      "HIT drug therapy is not allowed for members receiving",
      'HIT drug therapy is **not** allowed\nfor members "receiving"',
    );
    expect(report(edited, publishedEdited).checked.mismatches).toEqual([]);
  });

  it("lists the published sentences nothing accounts for", () => {
    const withoutHeading = source.replace(/layout "References"\n {2}not encoded because "[^"]*"\n/, "");
    expect(withoutHeading).not.toBe(source);
    const { checked, rendered } = report(withoutHeading);
    expect(checked.unaccounted.map((sentence) => sentence.text)).toEqual(["References"]);
    expect(rendered).toMatch(new RegExp(`not accounted for: ${literally(publishedPath)}:\\d+: "References"`));
    expect(checked.accounted).toBe(checked.total - 1);
  });

  it("does not let prose without a reason account for a sentence", () => {
    const edited = source.replace(
      '  not encoded because "Compliance duties of the provider; they decide no member\'s coverage."\n',
      "",
    );
    expect(edited).not.toBe(source);
    const { checked } = report(edited);
    expect(checked.unaccounted.length).toBeGreaterThan(0);
    expect(
      checked.unaccounted.every(
        (sentence) => sentence.accounting === "unexplained" && sentence.owners.includes("prose NC.compliance"),
      ),
    ).toBe(true);
  });
});
