// The docs say a denied yes-or-no statement as a reader would: "the documentation is not on file",
// never "it is not the case that ..." nor a double negative ("is not no", "not ... not"). Checked on
// the docs of every fixture policy and every document the build wrote under generated/, and on the
// negative forms themselves (emit/docs/negation.ts).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitDocs } from "../compiler/emit/docs/emit-docs.js";
import { negatedStatement } from "../compiler/emit/docs/negation.js";
import { readPublishedText } from "../compiler/trace/published.js";
import { traceSummary } from "../compiler/trace/summary.js";
import { projectRoot } from "./support/evaluators.js";
import { fixturePolicies } from "./support/fixture-files.js";

/** Phrases a denial must not read as: the stock phrase, and a negation of a negation. */
const AWKWARD = [
  /it is not the case that/i,
  /\bnot not\b/i,
  /\b(?:is|are|was|were) not (?:no|none|never)\b/i,
  /\bcannot not\b/i,
  /\bdoes not have no\b/i,
];

function awkwardLines(markdown: string): string[] {
  return markdown.split("\n").filter((line) => AWKWARD.some((phrase) => phrase.test(line)));
}

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith(".md") ? [path] : [];
  });
}

describe("a denied statement in the docs", () => {
  it("reads naturally in the docs of every fixture policy", () => {
    const docs = fixturePolicies().flatMap(({ path, model }) =>
      model === undefined
        ? []
        : [{ path, markdown: emitDocs(model, traceSummary(model, readPublishedText(projectRoot, model))) }],
    );
    expect(docs.length).toBeGreaterThan(10);
    expect(docs.flatMap(({ path, markdown }) => awkwardLines(markdown).map((line) => `${path}: ${line}`))).toEqual([]);
  });

  it("reads naturally in every document under generated/", () => {
    const files = markdownFiles(join(projectRoot, "generated"));
    expect(files.length).toBeGreaterThan(0);
    const found = files.flatMap((file) => awkwardLines(readFileSync(file, "utf8")).map((line) => `${file}: ${line}`));
    expect(found).toEqual([]);
  });

  it("finds the phrases it looks for", () => {
    expect(awkwardLines("Met when it is not the case that the member can walk.")).toHaveLength(1);
    expect(awkwardLines("the result is not no test")).toHaveLength(1);
    expect(awkwardLines("the member cannot walk")).toEqual([]);
  });
});

describe("the negative of a statement", () => {
  it.each([
    ["the medication is available in an oral form", "the medication is not available in an oral form"],
    ["the member can tolerate the medication orally", "the member cannot tolerate the medication orally"],
    ["the member's enrollment has an end date", "the member's enrollment does not have an end date"],
    ["the physician has documented the plan", "the physician has not documented the plan"],
    ["the members are at home", "the members are not at home"],
    ["the equipment was rented", "the equipment was not rented"],
    ["the category carries a restriction", "the category does not carry a restriction"],
  ])("of %s is %s", (statement, negative) => {
    expect(negatedStatement(statement)).toBe(negative);
  });

  it("turns a negative statement positive rather than deny it twice", () => {
    expect(negatedStatement("the member is not able to walk")).toBe("the member is able to walk");
    expect(negatedStatement("the member cannot walk")).toBe("the member can walk");
  });

  it("has none for a statement with no simple verb to deny, or that denies in other words", () => {
    expect(negatedStatement("the category holds a restriction")).toBeUndefined();
    expect(negatedStatement("the member has no end date")).toBeUndefined();
    expect(negatedStatement("a qualifying study")).toBeUndefined();
  });
});
