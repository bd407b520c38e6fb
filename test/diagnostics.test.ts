// Every diagnostic the compiler can report, each from a small policy that makes that one mistake:
// the code, the exact text underlined, and the message or the fix it offers. Plus the promises
// around them: all errors at once, sorted, and no exception on any input.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkProject, checkSources } from "../compiler/build/build.js";
import { allCatalogueEntries } from "../compiler/diagnostics/catalogue.js";
import type { Diagnostic } from "../compiler/diagnostics/diagnostic.js";
import { renderDiagnostics } from "../compiler/diagnostics/render.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { projectRoot } from "./support/evaluators.js";
import { expectGolden } from "./support/golden.js";
import { homeInfusion } from "./support/home-infusion.js";
import { seededRandom } from "./support/random-facts.js";

const base = `policy T.1
  title "Test" plan "Plan" description "A test policy." last review 2024-06
revision 2024-01 "Original." effective 2024-01-01
revision 2024-06 "Second." effective 2024-06-01
category safety "keeps the member safe"
category place "limits the place of service"
fact a.flag: yes or no description "A flag." ask "Is the flag set?"
fact a.place: one of home "at home", clinic "in a clinic" description "Where." ask "Where?"
fact a.age: number from 0 to 120 description "Age." ask "How old?"
section I "Covered when:"
criterion I.1 "Flag." met when a.flag category safety
criterion I.2 "At home." met when a.place is home category place
criterion I.3 "Adult." met when a.age >= 18
`;

function diagnose(policy: string, cases?: string): { diagnostics: readonly Diagnostic[]; texts: Map<string, string> } {
  const project = checkSources(
    [{ path: "t.policy", text: policy }],
    cases === undefined ? [] : [{ path: "t.cases", text: cases }],
  );
  return { diagnostics: project.diagnostics, texts: new Map(project.sources) };
}

/** For mistakes in the files themselves: a scratch project holding `policy/t.policy`, then `arrange`d. */
function diagnoseProject(
  policy: string,
  arrange: (root: string) => void,
): { diagnostics: readonly Diagnostic[]; texts: Map<string, string> } {
  const root = mkdtempSync(join(tmpdir(), "policyc-diagnostics-"));
  try {
    mkdirSync(join(root, "policy"));
    writeFileSync(join(root, "policy", "t.policy"), policy);
    arrange(root);
    const project = checkProject(root);
    return { diagnostics: project.diagnostics, texts: new Map(project.sources) };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function underlined(diagnostic: Diagnostic, text: string): string {
  return text.slice(diagnostic.span.offset, diagnostic.span.endOffset).split("\n")[0] ?? "";
}

interface Example {
  readonly code: string;
  readonly name: string;
  readonly policy: string;
  readonly cases?: string;
  /** Files to add beside `policy/t.policy` in a scratch project; the whole project is then checked. */
  readonly project?: (root: string) => void;
  readonly underlined: string;
  readonly says: string;
}

const examples: readonly Example[] = [
  {
    code: "PC001",
    name: "a character outside the language",
    policy: `${base}criterion I.4 "x" met when a.flag ?\n`,
    underlined: "?",
    says: "not part of the policy language",
  },
  {
    code: "PC002",
    name: "an unclosed parenthesis",
    policy: `${base}criterion I.4 "x" met when (a.flag\n`,
    underlined: "a.flag",
    says: "Expected `)`",
  },
  {
    code: "PC003",
    name: "a clause given twice",
    policy: `${base}criterion I.4 "x" met when a.flag met when a.flag\n`,
    underlined: "met when a.flag",
    says: "already has this clause",
  },
  {
    code: "PC004",
    name: "a criterion without its condition",
    policy: `${base}criterion I.4 "x"\n`,
    underlined: "I.4",
    says: "does not say when it is met",
  },
  {
    code: "PC005",
    name: "a date that is not on the calendar",
    policy: `${base}revision 2024-09 "Third." effective 2024-09-31\n`,
    underlined: "2024-09-31",
    says: "not a date on the calendar",
  },
  {
    code: "PC006",
    name: "a case inside a policy",
    policy: `${base}case "x" on 2024-02-01 expect covered\n`,
    underlined: 'case "x" on 2024-02-01 expect covered',
    says: "belong in a `.cases` file",
  },
  {
    code: "PC007",
    name: "a condition nested more than 64 deep",
    policy: `${base}criterion I.4 "x" met when ${"(".repeat(65)}a.flag${")".repeat(65)}\n`,
    underlined: "(",
    says: "define",
  },
  {
    code: "PC010",
    name: "a duplicate section number",
    policy: `${base}criterion I.1 "Again." met when a.flag\n`,
    underlined: "I.1",
    says: "declared twice",
  },
  {
    code: "PC011",
    name: "a criterion under a section that does not exist",
    policy: `${base}criterion II.1 "x" met when a.flag\n`,
    underlined: "II.1",
    says: "no section or criterion `II` is declared",
  },
  {
    code: "PC012",
    name: "a part its criterion never uses",
    policy: `${base}criterion I.3.a "x" met when a.flag\n`,
    underlined: "I.3.a",
    says: "does not use its part",
  },
  {
    code: "PC013",
    name: "facts whose generated names collide",
    policy: `${base}fact a.b_c: one of x "X", y "Y" description "B." ask "B?"\nfact a_b.c: one of x "X", y "Y" description "C." ask "C?"\ncriterion I.4 "x" met when a.b_c is x and a_b.c is y\n`,
    underlined: "a_b.c",
    says: "`ABC`, which is already the type of the values of `a.b_c`",
  },
  {
    code: "PC013",
    name: "facts that differ only in case",
    policy: `${base}fact a.Flag: yes or no description "F." ask "F?"\ncriterion I.4 "x" met when a.Flag\n`,
    underlined: "a.Flag",
    says: "only in letter case",
  },
  {
    code: "PC014",
    name: "a fact the evaluator would name like its own decision type",
    policy: `${base}fact decision: one of approve "A", deny "D" description "D." ask "D?"\ncriterion I.4 "x" met when decision is approve\n`,
    underlined: "decision",
    says: "`Decision`, a name it already uses",
  },
  {
    code: "PC014",
    name: "a fact named like a property of every object",
    policy: `${base}fact a.constructor: yes or no description "C." ask "C?"\ncriterion I.4 "x" met when a.constructor\n`,
    underlined: "a.constructor",
    says: "property of every JavaScript object",
  },
  {
    code: "PC014",
    name: "a claim fact named like a field of every claim",
    policy: `${base}claim fact lines: number description "L." ask "L?"\ncode T1002 "RN." rule r1: units at most claim.lines\n`,
    underlined: "lines",
    says: "a field of every claim",
  },
  {
    code: "PC020",
    name: "an unknown fact",
    policy: `${base}criterion I.4 "x" met when a.flagg\n`,
    underlined: "a.flagg",
    says: "Did you mean `a.flag`?",
  },
  {
    code: "PC021",
    name: "a number used as a condition",
    policy: `${base}criterion I.4 "x" met when a.age\n`,
    underlined: "a.age",
    says: "not yes or no",
  },
  {
    code: "PC022",
    name: "a value not in the enumeration",
    policy: `${base}criterion I.4 "x" met when a.place is hom\n`,
    underlined: "hom",
    says: "Did you mean `home`?",
  },
  {
    code: "PC023",
    name: "definitions that depend on each other",
    policy: `${base}define d1 "d one" as d2\ndefine d2 "d two" as d1\ncriterion I.4 "x" met when d1\n`,
    underlined: "d1",
    says: "depends on itself",
  },
  {
    code: "PC024",
    name: "a fact nothing reads",
    policy: `${base}fact a.unused: yes or no description "U." ask "U?"\n`,
    underlined: "a.unused",
    says: "reads the fact `a.unused`",
  },
  {
    code: "PC025",
    name: "a definition nothing uses",
    policy: `${base}define nobody "nobody" as a.flag\n`,
    underlined: "nobody",
    says: "Nothing uses the definition",
  },
  {
    code: "PC026",
    name: "at least more than there are",
    policy: `${base}criterion I.4 "x" met when at least 3 of (a.flag, a.place is home)\n`,
    underlined: "at least 3 of (a.flag, a.place is home)",
    says: "At least 3 of 2",
  },
  {
    code: "PC027",
    name: "a range that holds no number",
    policy: `${base}fact a.n: number from 10 to 1 description "N." ask "N?"\ncriterion I.4 "x" met when a.n > 2\n`,
    underlined: "number from 10 to 1",
    says: "holds no number",
  },
  {
    code: "PC028",
    name: "`unknown` as a value",
    policy: `${base}fact a.v: one of unknown, known description "V." ask "V?"\ncriterion I.4 "x" met when a.v is known\n`,
    underlined: "unknown",
    says: "cannot be a value",
  },
  {
    code: "PC030",
    name: "revisions out of order",
    policy: `${base}revision 2023-01 "Older." effective 2023-01-01\n`,
    underlined: "2023-01",
    says: "not later",
  },
  {
    code: "PC031",
    name: "a revision that does not exist",
    policy: `${base}criterion I.4 "x" met when a.flag added in 2024-05\n`,
    underlined: "2024-05",
    says: "No revision was approved in 2024-05",
  },
  {
    code: "PC032",
    name: "removed before it was added",
    policy: `${base}criterion I.4 "x" met when a.flag added in 2024-06 removed in 2024-01\n`,
    underlined: "2024-01",
    says: "not after it was added",
  },
  {
    code: "PC040",
    name: "an unknown category",
    policy: `${base}criterion I.4 "x" met when a.flag category saftey\n`,
    underlined: "saftey",
    says: "Did you mean `safety`?",
  },
  {
    code: "PC041",
    name: "an exception reaching past what it declares",
    policy: `${base}exception E "E" applies when a.age < 2 may override safety overrides I.2\n`,
    underlined: "I.2",
    says: "does not declare it may override",
  },
  {
    code: "PC042",
    name: "an exception overriding what it never may",
    policy: `${base}exception E "E" applies when a.age < 2 may override place never overrides safety overrides I.1, I.2\n`,
    underlined: "I.1",
    says: "never overrides",
  },
  {
    code: "PC043",
    name: "an exception overriding a criterion without a category",
    policy: `${base}exception E "E" applies when a.age < 2 may override place overrides I.3\n`,
    underlined: "I.3",
    says: "has no category",
  },
  {
    code: "PC020",
    name: "a billing rule naming a code group that does not exist",
    policy: `${base}claim fact n: number description "N." ask "N?"\ncode S9494 "Per diem." rule r1: billed with each code of therapy_codez\ncode T1030 "Nurse." rule r2: units at most claim.n\n`,
    underlined: "therapy_codez",
    says: "No code group is named",
  },
  {
    code: "PC021",
    name: "a criterion reading a fact of a claim",
    policy: `${base}claim fact amphotericin: yes or no description "A." ask "A?"\ncode T1002 "RN." rule r1: billed only when claim.amphotericin\ncriterion I.4 "x" met when claim.amphotericin\n`,
    underlined: "claim.amphotericin",
    says: "only billing rules read it",
  },
  {
    code: "PC021",
    name: "a billing rule reading a fact of the coverage decision",
    policy: `${base}code T1002 "RN." rule r1: billed only when a.flag\n`,
    underlined: "a.flag",
    says: "reads only the facts of a claim",
  },
  {
    code: "PC010",
    name: "a billing rule declared twice",
    policy: `${base}claim fact n: number description "N." ask "N?"\ncode T1002 "RN." rule r1: units at most claim.n rule r1: requires modifier SD\n`,
    underlined: "r1",
    says: "declared twice",
  },
  {
    code: "PC005",
    name: "a code that is not a HCPCS or CPT code",
    policy: `${base}code X12 "Not a code."\n`,
    underlined: "X12",
    says: "not a HCPCS or CPT code",
  },
  {
    code: "PC060",
    name: "a policy file with an unsafe name",
    policy: base,
    project: (root) => writeFileSync(join(root, "policy", "javascript:alert(1).policy"), base.replace("T.1", "T.2")),
    underlined: "",
    says: "is not one policyc accepts",
  },
  {
    code: "PC061",
    name: "a policy file that is a link",
    policy: base,
    project: (root) => symlinkSync("/etc/passwd", join(root, "policy", "passwords.policy")),
    underlined: "",
    says: "is a symbolic link",
  },
  {
    code: "PC062",
    name: "a published text outside the policy's folder",
    policy: base.replace("last review 2024-06", 'last review 2024-06 published text "../../etc/passwd"'),
    underlined: '"../../etc/passwd"',
    says: "not a file name inside the policy's folder",
  },
  {
    code: "PC062",
    name: "a published text reached through a linked folder",
    policy: base.replace("last review 2024-06", 'last review 2024-06 published text "outside/passwd"'),
    project: (root) => symlinkSync("/etc", join(root, "policy", "outside")),
    underlined: '"outside/passwd"',
    says: "leads out of the policy's folder",
  },
  {
    code: "PC063",
    name: "two policies of one name in two folders",
    policy: base,
    project: (root) => {
      mkdirSync(join(root, "policy", "other"));
      writeFileSync(join(root, "policy", "other", "t.policy"), base.replace("T.1", "T.2"));
    },
    underlined: "",
    says: "would both build into generated/t/",
  },
  {
    code: "PC050",
    name: "cases for a policy that does not exist",
    policy: base,
    cases: "cases for T.2\n",
    underlined: "T.2",
    says: "Did you mean `T.1`?",
  },
  {
    code: "PC051",
    name: "a covered case asking for facts",
    policy: base,
    cases: `cases for T.1\ncase "x" on 2024-02-01 a.flag = yes expect covered asking a.flag\n`,
    underlined: "expect covered",
    says: "needs `expect pending`",
  },
];

describe("each diagnostic", () => {
  for (const example of examples) {
    it(`${example.code}: ${example.name}`, () => {
      const { diagnostics, texts } = example.project
        ? diagnoseProject(example.policy, example.project)
        : diagnose(example.policy, example.cases);
      const found = diagnostics.filter((d) => d.code === example.code);
      expect(found, JSON.stringify(diagnostics.map((d) => [d.code, d.message]))).toHaveLength(1);
      const diagnostic = found[0]!;
      expect(underlined(diagnostic, texts.get(diagnostic.file) ?? "")).toBe(example.underlined);
      expect(`${diagnostic.message} ${diagnostic.hint ?? ""}`).toContain(example.says);
      expect(diagnostic.message).toMatch(/\.$/);
    });
  }

  it("has an example for every code in the catalogue", () => {
    expect(new Set(examples.map((e) => e.code))).toEqual(new Set(allCatalogueEntries.map((e) => e.code)));
  });
});

describe("the catalogue", () => {
  it("gives each code once", () => {
    const codes = allCatalogueEntries.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("explains each code in docs/diagnostics/<code>.md", () => {
    for (const entry of allCatalogueEntries) {
      const page = join(projectRoot, "docs", "diagnostics", `${entry.code}.md`);
      expect(existsSync(page), page).toBe(true);
      expect(readFileSync(page, "utf8")).toContain(entry.code);
    }
  });
});

describe("diagnostics", () => {
  it("are all reported at once, in source order", () => {
    const { diagnostics } = diagnose(
      `${base}criterion I.4 "x" met when a.flagg\ncriterion I.5 "y" met when a.place is hom\ncriterion I.6 "z" met when a.flag category saftey\n`,
    );
    expect(diagnostics.map((d) => d.code)).toEqual(["PC020", "PC022", "PC040"]);
  });

  it("suggest a fix for the first hundred unknown names of a file, and no more", () => {
    const misspelt = Array.from({ length: 150 }, (_, i) => `criterion I.${i + 10} "x" met when a.flagg`).join("\n");
    const unknown = diagnose(`${base}${misspelt}\n`).diagnostics.filter((d) => d.code === "PC020");
    expect(unknown).toHaveLength(150);
    expect(unknown.filter((d) => d.hint === "Did you mean `a.flag`?")).toHaveLength(100);
    expect(unknown.slice(100).every((d) => d.hint === undefined)).toBe(true);
  });

  it("name the section the error sits in", () => {
    const { diagnostics } = diagnose(`${base}criterion I.4 "x" met when a.flagg\n`);
    expect(diagnostics[0]?.context).toBe("criterion I.4");
  });

  it("render with the source line, the span underlined, the fix and the page to read", () => {
    const text = readFileSync(join(projectRoot, "test/fixtures/broken/broken.policy"), "utf8");
    const result = checkPolicySource(text, "test/fixtures/broken/broken.policy");
    expect(result.model).toBeUndefined();
    expectGolden(
      join(projectRoot, "test/fixtures/broken/broken.diagnostics.txt"),
      `${renderDiagnostics(result.diagnostics, () => text)}\n`,
    );
  });

  it("never throw, whatever the input", () => {
    const seed = readFileSync(join(projectRoot, homeInfusion.policy), "utf8");
    const random = seededRandom(7);
    for (let round = 0; round < 200; round++) {
      let text = seed;
      for (let cut = 0; cut < 3; cut++) {
        const start = Math.floor(random() * text.length);
        const length = Math.floor(random() * 40);
        text =
          text.slice(0, start) +
          (random() < 0.5 ? "" : text.slice(start + length, start + 2 * length)) +
          text.slice(start + length);
      }
      const result = checkPolicySource(text, "mutated.policy");
      for (const diagnostic of result.diagnostics) {
        expect(diagnostic.span.line).toBeGreaterThanOrEqual(1);
        expect(diagnostic.message.length).toBeGreaterThan(0);
      }
    }
  });
});
