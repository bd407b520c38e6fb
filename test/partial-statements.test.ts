// Statements the parser could not finish are kept apart as partial statements, with what was parsed
// of them and their span, for tools that work inside unfinished text (completion in an editor); the
// checker never reads them, so they add no diagnostic to the syntax error that explains them.

import { describe, expect, it } from "vitest";
import { checkPolicySource } from "../compiler/pipeline.js";
import { parseSource } from "../compiler/syntax/parse.js";
import { fixturePolicies } from "./support/fixture-files.js";

const base = `policy T.1
  title "Test" plan "Plan" description "A test policy." last review 2024-06
revision 2024-01 "Original." effective 2024-01-01
fact a.flag: yes or no description "A flag." ask "Is the flag set?"
section I "Covered when:"
criterion I.1 "Flag." met when a.flag
`;

function underlined(text: string, span: { offset: number; endOffset: number }): string {
  return text.slice(span.offset, span.endOffset);
}

describe("a statement the parser could not finish", () => {
  it("is kept as a partial criterion with its id and span when its text is left open", () => {
    const text = `${base}criterion I.A.9 "`;
    const { source } = parseSource(text, "partial.policy");
    expect(source.partialStatements).toHaveLength(1);
    const [partial] = source.partialStatements;
    expect(partial?.of).toBe("criterion");
    expect(partial?.id?.text).toBe("I.A.9");
    expect(partial?.text).toBeUndefined();
    expect(partial && underlined(text, partial.span)).toBe("criterion I.A.9");
    expect(partial && underlined(text, partial.id?.span ?? partial.span)).toBe("I.A.9");
    // The finished statements are all there, and the partial one is not among them.
    expect(source.statements.map((statement) => statement.kind)).toEqual([
      "policy",
      "revision",
      "fact",
      "section",
      "criterion",
    ]);
  });

  it("keeps its text when it lacks its id", () => {
    const text = `${base}section "Not covered when:"\n`;
    const { source } = parseSource(text, "partial.policy");
    expect(source.partialStatements.map((partial) => ({ of: partial.of, text: partial.text?.value }))).toEqual([
      { of: "section", text: "Not covered when:" },
    ]);
  });

  it("keeps a definition's name, which is inside its body", () => {
    const text = `${base}define a.adult "an adult" as\n`;
    const { source } = parseSource(text, "partial.policy");
    expect(source.partialStatements.map((partial) => [partial.of, partial.id?.text, partial.text?.value])).toEqual([
      ["definition", "a.adult", "an adult"],
    ]);
  });

  it("adds no diagnostic to its syntax error", () => {
    const text = `${base}criterion I.A.9 "`;
    const diagnostics = checkPolicySource(text, "partial.policy").diagnostics;
    const finished = checkPolicySource(base, "partial.policy").diagnostics;
    // Only the syntax error is new: the checker neither reads the partial criterion nor misses it.
    const added = diagnostics.filter((found) => !finished.some((before) => before.message === found.message));
    const syntax = parseSource(text, "partial.policy").diagnostics;
    expect(syntax.length).toBeGreaterThan(0);
    expect(added.map((found) => found.message).sort()).toEqual(syntax.map((found) => found.message).sort());
    expect(added.every((found) => found.code === "PC002")).toBe(true);
  });
});

describe("a file that parses", () => {
  it.each(
    fixturePolicies()
      .filter((fixture) => !fixture.path.includes("broken"))
      .map((fixture) => [fixture.path, fixture.text]),
  )("%s has no partial statement", (path, text) => {
    expect(parseSource(text, path).source.partialStatements).toEqual([]);
  });
});
