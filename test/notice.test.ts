// `policyc notice`: a draft notice of adverse benefit determination, written from the decision of the
// built evaluator and the model it was generated from, in a scratch project made from the
// home-infusion fixture (policy/home-infusion.policy, FIX.HIT.224).

import { appendFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, scratchProject } from "./support/cli.js";
import { fixtureModel } from "./support/fixture-evaluator.js";
import { coveredIvAntibiotic, homeInfusion } from "./support/home-infusion.js";

let root: string;
beforeAll(async () => {
  root = await scratchProject("notice");
});

const model = fixtureModel(homeInfusion.policy);
const wordsOf = (id: string) => model.rules.find((rule) => rule.id === id)?.text ?? "";

/** The covered case with some groups' facts changed. */
function factsFile(name: string, changes: Readonly<Record<string, Readonly<Record<string, unknown>>>>): string {
  const facts: Record<string, Record<string, unknown>> = {};
  for (const [group, values] of Object.entries(coveredIvAntibiotic)) facts[group] = { ...values, ...changes[group] };
  const path = join(root, name);
  writeFileSync(path, JSON.stringify({ asOf: "2025-06-01", facts }));
  return path;
}

function notice(args: readonly string[]) {
  return runCli(["notice", homeInfusion.reference, ...args], root);
}

describe("a notice for a denial by I.A.3 (the member lives in a skilled nursing facility)", () => {
  let markdown = "";
  beforeAll(() => {
    const run = notice([factsFile("snf.json", { member: { residence: "skilled_nursing_facility" } })]);
    expect(run.status, run.stderr).toBe(0);
    markdown = run.stdout;
  });

  it("names the statement, quotes its words and says what it requires", () => {
    expect(markdown).toContain("**The request is not covered** under Home Infusion Therapy (FIX.HIT.224");
    expect(markdown).toContain(`### Criterion I.A.3 of ${homeInfusion.reference}`);
    expect(markdown).toContain(`> ${wordsOf("I.A.3")}`);
    expect(markdown).toMatch(/What it requires:\*\* Met when .* is a private residence or an adult care home/);
  });

  it("names the residence fact and its value", () => {
    expect(markdown).toContain("(`member.residence`): **a skilled nursing facility**");
  });

  it("says which readings were applied, and the exceptions considered with why EPSDT did not apply", () => {
    expect(markdown).toContain("**Readings applied:** none; the words are applied as written.");
    expect(markdown).toMatch(/\*\*EPSDT\*\* \(.*\): does not apply\. It applies only when/);
    expect(markdown).toContain("(`member.age`): **45 years**");
    expect(markdown).toContain("(`epsdt.documentation_shows_medical_necessity`): **no**");
  });

  it("leaves the plan's own parts marked as still to be supplied, without a template", () => {
    expect(markdown).toContain("**To be supplied by the plan:**");
  });
});

describe("a notice", () => {
  it("lists the readings a denial rests on (I.A.5 reads its i.e. as all six things)", () => {
    const run = notice([factsFile("water.json", { home: { features: ["electricity"] } })]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("### Criterion I.A.5");
    expect(run.stdout).toMatch(/Readings applied\*\* \(.*\):\n {2}- .*"i\.e\." introduces what conducive means/);
    // Cited as the register cites it, from the readings the evaluator's decision says it relied on.
    expect(run.stdout).toContain('  - I.A.5, reading 1: "i.e." introduces what conducive means');
  });

  it("says when an exception can never set a statement aside, and why", () => {
    const run = notice([factsFile("unsafe.json", { service: { safe_in_living_environment: false } })]);
    expect(run.stdout).toContain("### Criterion I.A.1");
    expect(run.stdout).toContain("cannot set it aside. It never sets aside a statement of the category `safety`.");
  });

  it("is not an adverse determination when the request is covered", () => {
    const run = notice([factsFile("covered.json", {})]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("**This is not an adverse determination.**");
    expect(run.stdout).not.toContain("## Why");
  });

  it("asks the open questions when the decision is pending", () => {
    const run = notice([factsFile("pending.json", { member: { residence: undefined } })]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("**No determination yet.**");
    expect(run.stdout).toContain("(`member.residence`)");
    expect(run.stdout).toContain("### Criterion I.A.3");
    expect(run.stdout).toContain("(`member.residence`): not recorded");
  });

  it("puts the plan's template text around the determination, at {{decision}}", () => {
    const template = join(root, "template.md");
    writeFileSync(
      template,
      "# Fixture Health Plan\n\nDear member,\n\n{{decision}}\n\nYou may appeal within 60 days.\n",
    );
    const run = notice([factsFile("snf2.json", { member: { residence: "hospital" } }), "--template", template]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.startsWith("# Fixture Health Plan\n\nDear member,\n\n**The request is not covered**")).toBe(true);
    expect(run.stdout.trimEnd().endsWith("You may appeal within 60 days.")).toBe(true);
    expect(run.stdout).not.toContain("To be supplied by the plan");
  });

  it("refuses a template without the placeholder, or one that is a link, and writes nothing", () => {
    const bare = join(root, "bare.md");
    writeFileSync(bare, "# No placeholder\n");
    const link = join(root, "link.md");
    symlinkSync("/etc/passwd", link);
    for (const template of [bare, link]) {
      const run = notice([factsFile("snf3.json", {}), "--template", template]);
      expect(run.status, template).toBe(2);
      expect(run.stdout).toBe("");
    }
  });

  it("renders as one HTML page with no script, for printing", () => {
    const run = notice([factsFile("snf4.json", { member: { residence: "hospital" } }), "--format", "html"]);
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith("<!doctype html>")).toBe(true);
    expect(run.stdout).toContain("<blockquote>");
    expect(run.stdout).not.toContain("<script");
  });

  it("is never written from malformed facts", () => {
    const run = notice([factsFile("bad.json", { member: { age: "old" } })]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/member\.age/);
  });

  it("refuses when the built evaluator is older than the policy file", async () => {
    const stale = await scratchProject("notice-stale");
    appendFileSync(join(stale, "policy", `${homeInfusion.slug}.policy`), "\n# edited after the build\n");
    const path = join(stale, "facts.json");
    writeFileSync(path, JSON.stringify({ asOf: "2025-06-01", facts: coveredIvAntibiotic }));
    const run = runCli(["notice", homeInfusion.reference, path], stale);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain("run `npm run build`");
  });
});
