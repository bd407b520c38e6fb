// The docs the compiler writes for every fixture policy that checks, parsed with markdown-it as the
// site parses them: each numbered statement has its anchor heading, every table keeps its columns, no
// internal link is broken, and the parts auditors need are there (header, procedure and diagram,
// facts, traceability).

import { describe, expect, it } from "vitest";
import { emitDocs } from "../compiler/emit/docs/emit-docs.js";
import { slug, statementHeading } from "../compiler/emit/docs/anchors.js";
import { readPublishedText } from "../compiler/trace/published.js";
import { traceSummary } from "../compiler/trace/summary.js";
import { projectRoot } from "./support/evaluators.js";
import { fixturePolicies } from "./support/fixture-files.js";
import { homeInfusion } from "./support/home-infusion.js";
import { cells, headingId, parseDoc, quoteAfter, type ParsedDoc } from "./support/markdown.js";

const docs = fixturePolicies().flatMap(({ model }) => {
  if (model === undefined) return [];
  const markdown = emitDocs(model, traceSummary(model, readPublishedText(projectRoot, model)));
  return [{ model, markdown, doc: parseDoc(markdown) }];
});

/** The text a reader sees: each block's inline text and code, escapes resolved, one block a line. */
function shownText(doc: ParsedDoc): string {
  return doc.tokens
    .filter((token) => token.type === "inline")
    .map((token) =>
      (token.children ?? [])
        .map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : ""))
        .join(""),
    )
    .join("\n");
}

describe.each(docs.map((d) => [d.model.sourcePath, d] as const))(
  "the docs of %s",
  (_reference, { model, markdown, doc }) => {
    const ids = new Set(doc.headings.map((heading) => heading.id));

    it("give every section, criterion, exclusion, note and service its own anchor heading with the verbatim words", () => {
      for (const entry of model.outline) {
        const rule = model.rules.find((r) => r.id === entry.id);
        const kind = rule ? rule.kind : entry.kind;
        const anchor = headingId(doc, statementHeading(kind, entry.id)) ?? "";
        expect(ids.has(anchor), `${kind} ${entry.id}`).toBe(true);
        const words = rule
          ? rule.text
          : entry.kind === "section"
            ? entry.title
            : entry.kind === "rule"
              ? ""
              : entry.text;
        expect(quoteAfter(doc, anchor)?.startsWith(words.split("\n")[0] ?? ""), `${kind} ${entry.id}`).toBe(true);
      }
      for (const exception of model.exceptions)
        expect(headingId(doc, statementHeading("exception", exception.id))).toBeDefined();
      for (const definition of model.definitions)
        expect(headingId(doc, statementHeading("definition", definition.name))).toBeDefined();
    });

    it("give each heading its own anchor, as GitHub numbers repeated ones", () => {
      const anchors = doc.headings.map((heading) => heading.id);
      expect(new Set(anchors).size).toBe(anchors.length);
      for (const heading of doc.headings) expect(heading.id.startsWith(slug(heading.text)), heading.text).toBe(true);
    });

    it("keep every table's rows as wide as its header", () => {
      // The header, the facts and the revision log at least.
      expect(doc.tables.length).toBeGreaterThanOrEqual(3);
      for (const table of doc.tables) {
        const width = cells(table[0] ?? "").length;
        for (const row of table) expect(cells(row).length, row.slice(0, 80)).toBe(width);
      }
    });

    it("link only to anchors that exist, to web addresses, or to the policy in its published order", () => {
      expect(doc.links.length).toBeGreaterThan(0);
      const targets = new Set([...ids, ...doc.anchors]);
      for (const link of doc.links) {
        if (link.startsWith("#")) expect(targets.has(link.slice(1)), link).toBe(true);
        else expect(link).toMatch(/^(https?:\/\/|published-order\.md$)/);
      }
    });

    it("show the header: reference, title, plan, last review, the revision in force and the source hash", () => {
      const latest = model.revisions.at(-1);
      expect(markdown.split("\n")[0]).toMatch(/DO NOT EDIT/);
      const shown = shownText(doc);
      for (const value of [model.reference, model.title, model.plan, model.lastReview, model.sourceHash])
        expect(shown).toContain(value);
      expect(markdown).toMatch(
        new RegExp(`Revision in force +\\| ${latest?.approved}, effective ${latest?.effective}`),
      );
    });

    it("describe the decision procedure in words and as a Mermaid flowchart", () => {
      expect(ids.has("how-a-decision-is-made")).toBe(true);
      const fences = doc.tokens.filter((token) => token.type === "fence" && token.info === "mermaid");
      const procedure = fences.filter((fence) => fence.content.startsWith("flowchart TD\n"));
      expect(procedure).toHaveLength(1);
      for (const exception of model.exceptions) expect(procedure[0]?.content).toContain(`Exception ${exception.id}`);
    });

    it("draw each section that has criteria, exclusions or notes of its own as a diagram of its logic", () => {
      const diagrams = doc.tokens
        .filter(
          (token) => token.type === "fence" && token.info === "mermaid" && token.content.startsWith("flowchart LR\n"),
        )
        .map((token) => token.content);
      const parentOf = new Map(model.outline.map((entry) => [entry.id, entry.parent]));
      const inForce = model.rules.filter((rule) => rule.role !== "part" && rule.inForce.until === undefined);
      const sections = model.outline.filter(
        (entry) => entry.kind === "section" && inForce.some((rule) => parentOf.get(rule.id) === entry.id),
      );
      expect(diagrams).toHaveLength(sections.length);
      sections.forEach((section, i) => {
        expect(diagrams[i]).toMatch(
          new RegExp(`^flowchart LR\n  section\\["Section ${section.id.replace(/\./g, "\\.")}[",]`),
        );
        for (const rule of inForce.filter((candidate) => parentOf.get(candidate.id) === section.id))
          expect(diagrams[i]).toContain(`${rule.kind} ${rule.id}`);
      });
    });

    it("list every fact with its type, values, question and readers, and the revision log with what each touched", () => {
      const facts = doc.tables.find((table) => table[0]?.startsWith("| Fact "));
      expect(facts?.length).toBe(model.facts.length + 2);
      for (const fact of model.facts) expect(facts?.some((row) => row.includes(`\`${fact.name}\``))).toBe(true);
      const log = doc.tables.find((table) => table[0]?.startsWith("| Approved "));
      expect(log?.length).toBe(model.revisions.length + 2);
      for (const revision of model.revisions) {
        const row = log?.find((line) => line.startsWith(`| ${revision.approved} `)) ?? "";
        for (const id of revision.added) expect(row, `revision ${revision.approved} touches ${id}`).toContain(id);
      }
    });
  },
);

describe("the docs of a realistic policy (the home-infusion fixture)", () => {
  const realistic = docs.find((d) => d.model.sourcePath === homeInfusion.policy);

  it("are large: at least five tables and fifty links, each checked above", () => {
    expect(realistic?.doc.tables.length).toBeGreaterThanOrEqual(5);
    expect(realistic?.doc.links.length).toBeGreaterThan(50);
  });

  it("say the logic in plain words with the DSL's labels", () => {
    const markdown = realistic?.markdown ?? "";
    expect(markdown).toContain(
      "is a private residence or an adult care home (such as a domiciliary care or family care home).",
    );
    expect(markdown).toContain("Met when [the treatment is self-administered](#definition-self_administered).");
  });

  it("account for 100% of the published text's sentences", () => {
    const published = homeInfusion.published.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    expect(realistic?.markdown).toMatch(
      new RegExp(`\`${published}\`: (\\d+) of \\1 sentences accounted for \\(100%[:)]`),
    );
  });

  it("say what I.A.5 reads and the revision that introduced it", () => {
    const doc = realistic?.doc;
    expect(quoteAfter(doc!, "criterion-ia5")).toMatch(/^The home environment is conducive/);
    const section =
      realistic?.markdown.split('<a id="criterion-I.A.5"></a>Criterion I.A.5\n')[1]?.split("\n#")[0] ?? "";
    expect(section).toContain("[`home.features`](#fact-home.features)");
    expect(section).toContain("added in 2024-05 (effective 2024-05-01)");
  });

  it("register every reading once, each with a stable anchor, the EPSDT reading among them", () => {
    const model = realistic?.model;
    const doc = realistic?.doc;
    const all = [
      ...(model?.readings ?? []),
      ...(model?.revisions.flatMap((revision) => revision.readings) ?? []),
      ...(model?.outline.flatMap((entry) => (entry.kind === "rule" ? [] : entry.readings)) ?? []),
      ...(model?.rules.flatMap((rule) => [...new Set([rule, ...rule.earlier].flatMap((v) => v.readings))]) ?? []),
      ...(model?.exceptions.flatMap((exception) => exception.readings) ?? []),
      ...(model?.definitions.flatMap((definition) => definition.readings) ?? []),
      ...(model?.codes.flatMap((code) => code.readings) ?? []),
      ...(model?.billingRules.flatMap((rule) => rule.readings) ?? []),
      ...(model?.prose.flatMap((prose) => prose.readings) ?? []),
    ];
    const anchors = doc?.anchors.filter((id) => id.startsWith("reading-")) ?? [];
    expect(all.length).toBeGreaterThan(10);
    expect(anchors).toHaveLength(all.length);
    expect(new Set(anchors).size).toBe(anchors.length);
    expect(anchors).toContain("reading-exception-EPSDT-1");
    expect(realistic?.markdown).toContain(`Here are all ${all.length},`);
  });
});
