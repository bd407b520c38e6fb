// Text from a policy is escaped wherever it lands in the docs: a fixture policy whose texts hold
// pipes, stars, backticks, <script>, Markdown headings and list markers renders each as that text.
// The expected document is kept beside the fixture (`npm run accept` rewrites it).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { planFromSources } from "../compiler/build/build.js";
import { createMarkdown } from "../compiler/site/markdown.js";
import { projectRoot } from "./support/evaluators.js";
import { expectGolden } from "./support/golden.js";
import { cells, parseDoc, quoteAfter, type ParsedDoc } from "./support/markdown.js";

const fixture = "test/fixtures/docs/hostile.policy";
let markdown = "";
let doc: ParsedDoc;

beforeAll(async () => {
  const plan = await planFromSources([{ path: fixture, text: readFileSync(join(projectRoot, fixture), "utf8") }], []);
  expect(plan.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  markdown = plan.files.find((file) => file.path === "generated/hostile/README.md")?.contents ?? "";
  doc = parseDoc(markdown);
});

describe("docs of a policy full of Markdown and HTML", () => {
  it("match the golden document beside the fixture", () => {
    expectGolden(join(projectRoot, "test/fixtures/docs/expected/README.md"), markdown);
  });

  it("show each text exactly as written, line by line", async () => {
    const { checkPolicySource } = await import("../compiler/pipeline.js");
    const model = checkPolicySource(readFileSync(join(projectRoot, fixture), "utf8"), fixture).model;
    const criterion = model?.rules.find((rule) => rule.id === "I.A.1")?.text ?? "";
    expect(criterion.split("\n")).toHaveLength(3);
    expect(quoteAfter(doc, "criterion-ia1")).toBe(criterion);
    expect(quoteAfter(doc, "section-ia")).toBe("# Criteria");
    expect(quoteAfter(doc, "note-ianote")).toBe(
      "Note: a note | with items.\n\na. <b>bold</b> item;\n2. 2. numbered item.",
    );
  });

  it("make no heading, list, emphasis, link or HTML out of a policy's words", () => {
    expect(doc.headings.filter((heading) => heading.level === 1).map((h) => h.text)).toEqual([
      "FIX.DOC.1 Pipes | stars * and `ticks`",
    ]);
    expect(doc.headings.some((heading) => /A heading\?|Not a heading/.test(heading.text))).toBe(false);
    const html = createMarkdown().render(markdown);
    expect(html).not.toMatch(/<script|<img|<b>|<i>|<tag>|href="javascript/i);
    expect(html).toContain("&lt;script&gt;alert('criterion')&lt;/script&gt;");
    expect(html).toContain(
      "# Not a heading, *not emphasis*, _nor this_, [not a link](javascript:alert(1)) &amp; &amp;amp; $x$ ~~no~~",
    );
    for (const link of doc.links) expect(link, "a link the docs made").toMatch(/^#|^https?:\/\//);
  });

  it("keep every table's rows as wide as its header", () => {
    expect(doc.tables.length).toBeGreaterThan(2);
    for (const table of doc.tables) {
      const width = cells(table[0] ?? "").length;
      for (const row of table) expect(cells(row).length, row).toBe(width);
    }
  });
});
