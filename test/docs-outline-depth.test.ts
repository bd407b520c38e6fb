// The docs nest the outline as the model says (each entry's depth and parent, computed in lowering
// from the checker's parent relation), not by counting the dots of an id: a model whose depths differ
// from the ids' dots is shown with the model's.

import { describe, expect, it } from "vitest";
import { emitDocs } from "../compiler/emit/docs/emit-docs.js";
import type { PolicyModel } from "../compiler/model/policy-model.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { traceSummary } from "../compiler/trace/summary.js";

const nested = `policy DOC.DEPTH
  title "Depth" plan "Plan" description "How the outline nests." last review 2024-01
revision 2024-01 "Original." effective 2024-01-01
fact a.flag: yes or no description "A flag." ask "Is the flag set?"
fact a.other: yes or no description "Another flag." ask "Is the other flag set?"
section S "Covered when:"
section S.A "At home"
criterion S.A.1 "x" met when a.flag
criterion S.B "y" met when a.other
`;

function lowered(): PolicyModel {
  const result = checkPolicySource(nested, "policy/doc-depth.policy");
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  if (result.model === undefined) throw new Error("no model");
  return result.model;
}

/** The number of `#` of the heading that ends with `title` (after its anchor, if it has one). */
function headingLevel(markdown: string, title: string): number | undefined {
  const line = markdown
    .split("\n")
    .find(
      (candidate) => /^#+ /.test(candidate) && (candidate.endsWith(` ${title}`) || candidate.endsWith(`></a>${title}`)),
    );
  return line?.match(/^#+/)?.[0].length;
}

function docsOf(model: PolicyModel): string {
  return emitDocs(model, traceSummary(model, undefined));
}

describe("the docs' outline", () => {
  it("puts each statement one heading level below its parent, a top-level section at level 3", () => {
    const markdown = docsOf(lowered());
    expect(headingLevel(markdown, "Section S")).toBe(3);
    expect(headingLevel(markdown, "Section S.A")).toBe(4);
    expect(headingLevel(markdown, "Criterion S.A.1")).toBe(5);
    expect(headingLevel(markdown, "Criterion S.B")).toBe(4);
  });

  it("takes the heading level from the model's depth, not from the id", () => {
    const model = lowered();
    const deeper: PolicyModel = {
      ...model,
      outline: model.outline.map((entry) => (entry.id === "S.B" ? { ...entry, depth: 4 } : entry)),
    };
    expect(headingLevel(docsOf(deeper), "Criterion S.B")).toBe(6);
  });

  it("lists only the sections without a parent under the contents", () => {
    const contents = docsOf(lowered())
      .split("\n")
      .filter((line) => /^\s+- Section /.test(line));
    expect(contents.map((line) => line.trim())).toEqual([expect.stringMatching(/^- Section \[S\]/)]);
  });
});
