// Traceability, on the home-infusion fixture and its published text: every quoted text of a policy is
// checked against the published text kept beside it, and every sentence of that text is accounted
// for. Fails on a mismatch, pointing at both places, and lists each sentence that is neither encoded
// nor deliberately not encoded with a reason. (The live policies' own check: published-texts.test.ts.)

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkPolicySource } from "../compiler/pipeline.js";
import { renderTraceReport } from "../compiler/trace/render-report.js";
import { traceIsClean, tracePolicy } from "../compiler/trace/trace.js";
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
      new RegExp(`${literally(copied)}: (\\d+) of \\1 sentences accounted for \\(100%: [^)]*\\); 0 mismatches\\.`),
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

/** `text` with the statement that starts with `header` (its line and the indented lines under it) replaced. */
function replaceStatement(text: string, header: string, replacement: string): string {
  const start = text.indexOf(`\n${header}`) + 1;
  if (start === 0) throw new Error(`no statement ${header}`);
  const next = /\n(?=[a-z])/g;
  next.lastIndex = start;
  const end = next.exec(text)?.index ?? text.length;
  return `${text.slice(0, start)}${replacement}${text.slice(end + 1)}`;
}

/** `text` without `id` in any exception's `overrides` list (a statement turned into prose is no longer one to set aside). */
function withoutOverride(text: string, id: string): string {
  return text
    .replace(new RegExp(`(overrides [^\n]*?)(?:, )?${literally(id)}(?=,|\n)`), "$1")
    .replace("overrides , ", "overrides ");
}

/** `source` with the quoted words of two statements exchanged. */
function swapWords(text: string, first: string, second: string): string {
  const words = (id: string) => new RegExp(`^(?:criterion|exclusion) ${literally(id)} "([^"]*)"`, "m").exec(text)?.[1];
  const a = words(first);
  const b = words(second);
  if (a === undefined || b === undefined) throw new Error(`no words for ${first} or ${second}`);
  return text
    .replace(`${first} "${a}"`, `${first} "\u0000"`)
    .replace(`${second} "${b}"`, `${second} "${a}"`)
    .replace("\u0000", b);
}

describe("mutations the traceability check must catch (each passed as 100% before)", () => {
  it("the words of two criteria swapped: each is printed under the other's number", () => {
    const { checked, rendered } = report(swapWords(source, "I.A.1", "I.A.2"));
    expect(traceIsClean(checked)).toBe(false);
    expect(checked.misplaced.map((m) => (m.kind === "number" ? [m.quote.owner, m.printed, m.expected] : []))).toEqual([
      ["criterion I.A.1", "2", "1"],
      ["criterion I.A.2", "1", "2"],
    ]);
    expect(rendered).toContain("misplaced: the words of criterion I.A.1 are printed after the number 2, not 1.");
  });

  it("the words of two exclusions swapped", () => {
    const { checked } = report(swapWords(source, "II.A", "II.B"));
    expect(checked.misplaced.map((m) => m.quote.owner)).toEqual(["exclusion II.A", "exclusion II.B"]);
  });

  it("a criterion's words moved under another section", () => {
    // I.B.1's words claimed by I.A.1: found, but under B. of section I, outside I.A.
    const moved = swapWords(source, "I.A.1", "I.B.1");
    const { checked } = report(moved);
    expect(checked.misplaced.some((m) => m.kind === "outside" && m.quote.owner === "criterion I.A.1")).toBe(true);
  });

  it("a criterion turned into prose with a reason that gives none", () => {
    const words = /^criterion I\.A\.5 "([^"]*)"/m.exec(source)?.[1] ?? "";
    expect(words).not.toBe("");
    const edited = replaceStatement(
      source,
      "criterion I.A.5 ",
      `prose I.A.5-text "Home environment"\n  text "${words}"\n  not encoded because "We decided not to."\n`,
    );
    const checked = tracePolicy(model(withoutOverride(edited, "I.A.5")), published);
    expect(checked.unjustified.map((u) => [u.quote.owner, u.kind, u.section])).toEqual([
      ["prose I.A.5-text", "prose without a reading", "I"],
    ]);
    expect(traceIsClean(checked)).toBe(false);
  });

  it("but accepts such prose with a reading an auditor can weigh", () => {
    const words = /^criterion I\.A\.5 "([^"]*)"/m.exec(source)?.[1] ?? "";
    const edited = replaceStatement(
      source,
      "criterion I.A.5 ",
      `prose I.A.5-text "Home environment"\n  text "${words}"\n  not encoded because "Checked at the home visit."\n  reading "The home visit, not this decision, judges the home."\n`,
    );
    expect(tracePolicy(model(withoutOverride(edited, "I.A.5")), published).unjustified).toEqual([]);
  });

  it("a denying note turned into layout", () => {
    const words = /^note I\.E\.note-1 ("[^"]*")/m.exec(source)?.[1] ?? "";
    const edited = replaceStatement(
      source,
      "note I.E.note-1 ",
      `layout ${words}\n  not encoded because "Formatting."\n`,
    );
    const checked = tracePolicy(model(withoutOverride(edited, "I.E.note-1")), published);
    expect(checked.unjustified.map((u) => [u.kind, u.section])).toEqual([["layout printed once", "I"]]);
    expect(traceIsClean(checked)).toBe(false);
  });

  it("words joined together", () => {
    const edited = source.replace(
      "private residence or in an adult care home",
      "privateresidence orin an adult care home",
    );
    const { checked } = report(edited);
    expect(checked.mismatches.map((m) => m.quote.owner)).toEqual(["criterion I.A.3"]);
    expect(checked.mismatches[0]?.closest?.policyHas).toBe("privateresidence orin");
    expect(checked.mismatches[0]?.closest?.publishedHas).toMatch(/^private residence/);
  });

  it('still reads a word joined to punctuation as two words (a PDF\'s "transaction)Unless")', () => {
    const publishedEdited = published.replace("HIT drug therapy is not", "HIT drug therapy is(not)");
    const edited = source.replace("HIT drug therapy is not allowed", "HIT drug therapy is (not) allowed");
    expect(report(edited, publishedEdited).checked.mismatches).toEqual([]);
  });
});
