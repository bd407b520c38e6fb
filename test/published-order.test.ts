// The policy in its published order (generated/<name>/published-order.md): the published text passage
// by passage, in its own order, each with what the encoding made of it; a rule with its logic and
// readings, linked to its entry in the docs. On the home-infusion fixture and its published text.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planFromSources } from "../compiler/build/build.js";
import { buildSite } from "../compiler/site/build-site.js";
import { projectRoot } from "./support/evaluators.js";

const fixturePath = "test/fixtures/home-infusion/home-infusion.policy";
const fixture = readFileSync(join(projectRoot, fixturePath), "utf8");

async function generated(): Promise<{ order: string; readme: string }> {
  const plan = await planFromSources([{ path: fixturePath, text: fixture }], [], projectRoot);
  const file = (name: string) => plan.files.find((found) => found.path.endsWith(`/${name}`))?.contents ?? "";
  return { order: file("published-order.md"), readme: file("README.md") };
}

describe("the policy in its published order", () => {
  it("follows the published text's lines, and gives every passage what the encoding made of it", async () => {
    const { order } = await generated();
    const lines = [...order.matchAll(/^\*\*Line (\d+)\*\*$/gm)].map((match) => Number(match[1]));
    expect(lines.length).toBeGreaterThan(50);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    const passages = order.split(/^\*\*Line \d+\*\*$/m).slice(1);
    for (const passage of passages)
      expect(passage, passage).toMatch(/^- (Encoded as|Kept as|Not encoded|Page layout|Not accounted)/m);
    expect(order).not.toContain("Not accounted for by the encoding");
  });

  it("shows each rule under its published words, with its logic, linked to an anchor the docs have", async () => {
    const { order, readme } = await generated();
    const quoted =
      /> The service is provided in the Member's private residence[^\n]*\n\n- Encoded as \[criterion I\.A\.3\]\(README\.md#criterion-I\.A\.3\)\.\n\n {2}- \*\*Logic:\*\* Met when /;
    expect(order).toMatch(quoted);
    const targets = [...order.matchAll(/\]\(README\.md#([^)]+)\)/g)].map((match) => match[1]!);
    expect(targets.length).toBeGreaterThan(20);
    for (const target of new Set(targets)) expect(readme, target).toContain(`<a id="${target}"></a>`);
    expect(readme).toContain("[in its published order, with the logic beside each statement](published-order.md)");
  });

  it("says why a passage is not encoded", async () => {
    const { order } = await generated();
    expect(order).toMatch(/- Not encoded \(prose [^)]+\): [^\n]+[^.]\.\n/);
  });

  it("is a page of the site, its links turned into the site's", async () => {
    const { order, readme } = await generated();
    const root = mkdtempSync(join(tmpdir(), "published-order-site-"));
    try {
      mkdirSync(join(root, "generated", "home-infusion"), { recursive: true });
      writeFileSync(join(root, "generated", "home-infusion", "README.md"), readme);
      writeFileSync(join(root, "generated", "home-infusion", "published-order.md"), order);
      buildSite(root, join(root, "site"));
      const page = readFileSync(join(root, "site", "home-infusion", "published-order.html"), "utf8");
      expect(page).toContain('href="index.html#criterion-I.A.3"');
      expect(page).not.toContain("README.md");
      const index = readFileSync(join(root, "site", "home-infusion", "index.html"), "utf8");
      expect(index).toContain('href="published-order.html"');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
