// Regressions of the checker, each named after the miscompile it guards (issue 9's review): a policy
// the checker passed while the model meant something else, and a check skipped by declaration order;
// and the rule that prevents the first kind: names are resolved once, by the checker.

import { describe, expect, it } from "vitest";
import { checkSources } from "../compiler/build/build.js";
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
    const { checked, diagnostics } = checkPolicy(parsed.source, (name) => ({ kind: "missing", path: name }));
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

// Issue 9: codes once reported for problems they do not describe, so that their pages were wrong.
// Each problem now has its own code; these keep it from drifting back.
describe("a problem reported under another problem's code", () => {
  const section = 'section I "Covered when:"\n';
  const claimFact = 'claim fact n: number description "N." ask "N?"\n';

  it("a fact name with a part that does not start with a letter is PC015, not a syntax error (PC002)", () => {
    const text = `${header}fact a._x: yes or no description "X." ask "X?"\n${section}criterion I.1 "x" met when a._x and a.age > 1 and a.flag\n`;
    expect(errors(text)).toEqual([
      "PC015 The fact name `a._x` is not made of words that start with a letter, joined by dots.",
    ]);
  });

  it("a value with a dot is PC015, not a syntax error (PC002)", () => {
    const text = `${header}fact a.v: one of x.y "X", z "Z" description "V." ask "V?"\n${section}criterion I.1 "x" met when a.v is z and a.age > 1 and a.flag\n`;
    expect(errors(text)).toEqual(["PC015 The value `x.y` is not a single word."]);
  });

  it("a second policy in a policy file is PC009, not a clause given twice (PC003)", () => {
    const text = `${header}${section}criterion I.1 "x" met when a.flag and a.age > 1\npolicy T.2\n  title "T" plan "P" description "D." last review 2024-06\n`;
    expect(errors(text)).toEqual(["PC009 A policy file holds one `policy` statement, and this is the second."]);
  });

  it("a second `cases for` in a case file is PC009, not a clause given twice (PC003)", () => {
    const policy = `${header}${section}criterion I.1 "x" met when a.flag and a.age > 1\n`;
    const project = checkSources(
      [{ path: "t.policy", text: policy }],
      [{ path: "t.cases", text: "cases for T.1\ncases for T.1\n" }],
    );
    expect(project.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      "PC009 A case file holds one `cases for` statement, and this is the second.",
    ]);
  });

  it("a note that both denies and excludes services is PC008, not a clause given twice (PC003)", () => {
    const text = `${header}${section}criterion I.1 "x" met when a.flag and a.age > 1\nnote I.n "N." not covered when a.flag excludes services of I when a.flag\n`;
    expect(errors(text)).toEqual([
      "PC008 A note either denies coverage (`not covered`) or excludes some services (`excludes services of`), not both.",
    ]);
  });

  it("a unit limit that divides by zero is PC029, not an impossible count (PC026)", () => {
    const text = `${header}${section}criterion I.1 "x" met when a.flag and a.age > 1\n${claimFact}code T1002 "RN." rule r1: units at most claim.n / 0\n`;
    expect(errors(text)).toEqual(["PC029 This divides by zero."]);
  });

  it("a claim fact read by a criterion is PC016, not a type mismatch (PC021)", () => {
    const text = `${header}${claimFact}${section}criterion I.1 "x" met when a.flag and a.age > 1 and claim.n > 2\ncode T1002 "RN." rule r1: units at most claim.n\n`;
    expect(errors(text)).toEqual([
      "PC016 `claim.n` is a fact of a claim, and only billing rules read the facts of a claim.",
    ]);
  });

  it("a claim fact name with a dot is PC015, not a reserved name (PC014)", () => {
    const text = `${header}claim fact a.b: number description "A." ask "A?"\n${section}criterion I.1 "x" met when a.flag and a.age > 1\ncode T1002 "RN." rule r1: units at most claim.a.b\n`;
    expect(errors(text)).toEqual(["PC015 The claim fact name `a.b` is not a single word."]);
  });

  it("facts that differ only in letter case are PC017, not names that collide in the evaluator (PC013)", () => {
    const text = `${header}fact a.Flag: yes or no description "F." ask "F?"\n${section}criterion I.1 "x" met when a.flag and a.Flag and a.age > 1\n`;
    expect(errors(text)).toEqual(["PC017 `a.Flag` differs from the fact `a.flag` only in letter case."]);
  });

  it("a category an exception both may and never overrides is PC044, not an override it may never make (PC042)", () => {
    const categories = 'category home "limits the home"\ncategory place "limits the place"\n';
    const text = `${header}${categories}${section}criterion I.1 "x" met when a.flag and a.age > 1 category home\nexception E "E" applies when a.age < 2 may override home, place never overrides place overrides I.1\n`;
    expect(errors(text)).toEqual([
      "PC044 The category `place` is declared both as one the exception may override and one it never overrides.",
    ]);
  });

  it("a case number outside its fact's range is PC052, not an impossible range (PC027)", () => {
    const policy = `${header}${section}criterion I.1 "x" met when a.flag and a.age > 1\n`;
    const cases = 'cases for T.1\ncase "x" on 2024-02-01 a.age = 150 expect covered\n';
    const project = checkSources([{ path: "t.policy", text: policy }], [{ path: "t.cases", text: cases }]);
    expect(project.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      "PC052 `150` is outside the range of `a.age` (0 to 120).",
    ]);
  });
});
