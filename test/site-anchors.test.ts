// The docs' anchors are built from statement ids (`criterion-I.A.3`, `fact-member.age`), so a link
// into the docs of one revision still lands on the same statement in the next. The slugs of headings
// did not: "Section I.I" and "Section II" both slug to `section-ii`, so the 2024-05 revision, which
// added I.I, moved `#section-ii` onto it. Checked on the home-infusion fixture before and after
// 2024-05, parsed with the site's own renderer.

import { describe, expect, it } from "vitest";
import { emitDocs } from "../compiler/emit/docs/emit-docs.js";
import { createMarkdown } from "../compiler/site/markdown.js";
import type { PolicyModel } from "../compiler/model/policy-model.js";
import { fixtureModel } from "./support/fixture-evaluator.js";
import { homeInfusion } from "./support/home-infusion.js";
import { headingId, parseDoc, type ParsedDoc } from "./support/markdown.js";

const before = fixtureModel("test/fixtures/revisions/home-infusion-before-2024-05.policy");
const after = fixtureModel(homeInfusion.policy);

function docsOf(model: PolicyModel): ParsedDoc {
  return parseDoc(emitDocs(model, { kind: "none", revisions: { texts: [], unchecked: [] } }));
}

/** Each stable anchor with what it marks: the heading it stands in, or the table cell's text. */
function landings(doc: ParsedDoc): Map<string, string> {
  const found = new Map<string, string>();
  for (const token of doc.tokens) {
    const children = token.children ?? [];
    children.forEach((child, index) => {
      if (child.type !== "stable_anchor") return;
      const rest = children
        .slice(index + 1)
        .map((next) => (next.type === "text" || next.type === "code_inline" ? next.content : ""))
        .join("");
      found.set(String(child.attrGet("id")), rest.split(":")[0] ?? rest);
    });
  }
  return found;
}

describe("the docs' anchors", () => {
  const old = docsOf(before);
  const current = docsOf(after);

  it("are built from ids: every statement and every fact has one", () => {
    const anchors = new Set(current.anchors);
    for (const entry of after.outline)
      expect(
        [...anchors].some((anchor) => anchor.endsWith(`-${entry.id}`)),
        entry.id,
      ).toBe(true);
    for (const fact of after.facts) expect(anchors.has(`fact-${fact.name}`), fact.name).toBe(true);
    expect(new Set(current.anchors).size).toBe(current.anchors.length);
  });

  it("of the 2024-05 revision's predecessor all land on the same statement in the current docs", () => {
    const then = landings(old);
    const now = landings(current);
    expect(then.size).toBeGreaterThan(50);
    for (const [anchor, statement] of then) expect(now.get(anchor), anchor).toBe(statement);
    expect(now.get("section-I.I")).toBe("Section I.I");
    expect(now.get("section-II")).toBe("Section II");
  });

  it("are needed: the slug of a heading moved to another statement when I.I was added", () => {
    expect(headingId(old, "Section II")).toBe("section-ii");
    expect(headingId(current, "Section I.I")).toBe("section-ii");
    expect(headingId(current, "Section II")).toBe("section-ii-1");
  });

  it("link a fact to its own row of the facts table", () => {
    expect(current.links).toContain("#fact-member.residence");
    expect(current.links).not.toContain("#part-facts-member.residence");
  });
});

describe("the site's renderer", () => {
  const render = (markdown: string) => createMarkdown().render(markdown);

  it("lets through a stable anchor exactly as the docs write it", () => {
    expect(render('## <a id="criterion-I.A.3"></a>Criterion I.A.3')).toBe(
      '<h2 id="criterion-ia3"><a id="criterion-I.A.3"></a>Criterion I.A.3</h2>\n',
    );
  });

  it("shows any other HTML as text", () => {
    for (const hostile of [
      '<a id="x" onclick="alert(1)"></a>',
      '<a id="x"><b>bold</b></a>',
      '<a id="x y"></a>',
      '<a id="&quot;"></a>',
      "<script>alert(1)</script>",
      '<a href="javascript:alert(1)"></a>',
    ]) {
      const html = render(hostile);
      expect(html, hostile).not.toMatch(/<(?:a|b|script)[\s>]/);
      expect(html, hostile).toContain("&lt;");
    }
  });
});
