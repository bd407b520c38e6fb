// Regressions of the checker, each named after the miscompile it guards (issue 9's review): a policy
// the checker passed while the model meant something else, and a check skipped by declaration order;
// and the rule that prevents the first kind: names are resolved once, by the checker.

import { describe, expect, it } from "vitest";
import { checkPolicySource } from "../compiler/pipeline.js";
import { parseSource } from "../compiler/syntax/parse.js";
import { checkPolicy } from "../compiler/check/check-policy.js";
import { lowerPolicy } from "../compiler/model/lower.js";

const header = `policy T.1
  title "T" plan "P" description "D." last review 2024-06
revision 2024-01 "Original." effective 2024-01-01
revision 2024-06 "Second." effective 2024-06-01
fact a.flag: yes or no description "F." ask "F?"
fact a.age: number from 0 to 120 description "A." ask "A?"
`;

function errors(text: string): string[] {
  return checkPolicySource(text, "t.policy")
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => `${d.code} ${d.message}`);
}

describe("a fact and a definition of one name", () => {
  it("is refused, whichever comes first: the checker read the fact where the model used the definition", () => {
    const definition = 'define a.flag "adult" as a.age >= 18';
    const criterion = 'section I "Covered when:"\ncriterion I.1 "x" met when a.flag = yes\n';
    expect(errors(`${header}${definition}\n${criterion}`)).toEqual([
      "PC010 The name `a.flag` is declared twice, as a fact and as a definition.",
    ]);
    const definitionFirst =
      header.replace('fact a.flag: yes or no description "F." ask "F?"\n', "") +
      `${definition}\nfact a.flag: yes or no description "F." ask "F?"\n${criterion}`;
    expect(errors(definitionFirst)).toEqual([
      "PC010 The name `a.flag` is declared twice, as a definition and as a fact.",
    ]);
  });

  it("and a fact named like a criterion is refused too", () => {
    expect(
      errors(
        `${header}fact S.x: yes or no description "X." ask "X?"\nsection S "Covered when:"\ncriterion S.x "x" met when a.flag or a.age > 1\n`,
      ),
    ).toEqual(["PC010 The name `S.x` is declared twice, as a fact and as a criterion."]);
  });
});

describe("a criterion in force before its section", () => {
  const section = 'section I "Covered when:"\n  added in 2024-06\n';
  const criterion = 'criterion I.1 "x" met when a.flag or a.age > 1\n  added in 2024-01\n';
  const message = "PC033 `I.1` must be in force only when its parent `I` is.";

  it("is refused whether the section is declared before or after it: lifetimes were filled in source order", () => {
    expect(errors(`${header}${section}${criterion}`)).toEqual([message]);
    expect(errors(`${header}${criterion}${section}`)).toEqual([message]);
  });
});

describe("names are resolved once", () => {
  it("by the checker: lowering takes each name as resolved and never looks it up itself", () => {
    const text = `${header}define adult "adult" as a.age >= 18\nsection I "Covered when:"\ncriterion I.1 "x" met when adult and a.flag\n`;
    const parsed = parseSource(text, "t.policy");
    const { checked, diagnostics } = checkPolicy(parsed.source);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const names = [...checked.resolutions].map(([word, resolution]) => `${word.text}: ${resolution.kind}`).sort();
    expect(names).toEqual(["a.age: fact", "a.flag: fact", "adult: definition"]);
    expect(lowerPolicy(checked, "t.policy").rules[0]?.condition).toEqual({
      kind: "and",
      operands: [
        { kind: "definition", name: "adult" },
        { kind: "fact", fact: "a.flag" },
      ],
    });
    // With the checker's answers taken away, lowering has nothing to go on: it does not guess.
    expect(() => lowerPolicy({ ...checked, resolutions: new Map() }, "t.policy")).toThrow("did not resolve `a.age`");
  });
});
