// How the docs word an exclusion: the way its author wrote it. `not covered unless X` reads
// "Not covered unless X"; `not covered when not X` (and `when X is no`) reads "Not covered when",
// though all three lower to a denial whose condition starts with a `not`.

import { describe, expect, it } from "vitest";
import { emitDocs } from "../compiler/emit/docs/emit-docs.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { traceSummary } from "../compiler/trace/summary.js";

/** The docs of a small policy with one exclusion, `S.1`, whose condition is written `exclusion`. */
function docsOf(exclusion: string): string {
  const text = `policy DOC.UNLESS
  title "Unless" plan "Plan" description "How an exclusion is worded." last review 2024-01
revision 2024-01 "Original." effective 2024-01-01
fact a.flag: yes or no description "A flag." ask "Is the flag set?"
section S "Not covered when:"
exclusion S.1 "The service without the flag." ${exclusion}
`;
  const result = checkPolicySource(text, "policy/doc-unless.policy");
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  expect(errors.map((d) => `${d.code} line ${d.span.line}: ${d.message}`)).toEqual([]);
  if (result.model === undefined) throw new Error("no model");
  return emitDocs(result.model, traceSummary(result.model, undefined));
}

/** The `Logic:` line of exclusion S.1. */
function logicLine(docs: string): string {
  const lines = docs.split("\n");
  const heading = lines.findIndex((line) => /^#+ .*S\.1/.test(line));
  const logic = lines.slice(heading).find((line) => line.includes("**Logic:**"));
  if (logic === undefined) throw new Error("no Logic line under S.1");
  return logic;
}

describe("the docs of an exclusion", () => {
  it("say `unless` for one written `not covered unless X`, naming X as written", () => {
    expect(logicLine(docsOf("not covered unless a.flag"))).toBe("- **Logic:** Not covered unless a flag.");
  });

  it("say `when` for one written `not covered when not X`, which has the same logic", () => {
    const logic = logicLine(docsOf("not covered when not a.flag"));
    expect(logic).toMatch(/^- \*\*Logic:\*\* Not covered when /);
    expect(logic).not.toContain("unless");
  });

  it("say `when` for one written `not covered when X is no`", () => {
    const logic = logicLine(docsOf("not covered when a.flag is no"));
    expect(logic).toMatch(/^- \*\*Logic:\*\* Not covered when /);
    expect(logic).not.toContain("unless");
  });
});
