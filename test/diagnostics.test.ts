// Every entry of the catalogue, each from a small source that makes that one mistake: the code, the
// message its own template makes of the example's arguments, the exact text underlined and the fix
// offered. Plus the promises around them: one code per entry, a page per code, all errors at once,
// sorted, and no exception on any input.

import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkProject, checkSources } from "../compiler/build/build.js";
import {
  allCatalogueEntries,
  catalogue,
  type CatalogueEntry,
  type CatalogueKey,
  type MessageArguments,
} from "../compiler/diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../compiler/diagnostics/diagnostic.js";
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

function underlined(found: Diagnostic, text: string): string {
  return text.slice(found.span.offset, found.span.endOffset).split("\n")[0] ?? "";
}

interface Example {
  readonly key: CatalogueKey;
  /** What the source does wrong. */
  readonly name: string;
  readonly policy: string;
  readonly cases?: string;
  /** Files to add beside `policy/t.policy` in a scratch project; the whole project is then checked. */
  readonly project?: (root: string) => void;
  readonly underlined: string;
  /** The message the entry's template makes of the example's arguments: the diagnostic must say exactly this. */
  readonly message: string;
  /** Part of the fix offered, when the example is about it. */
  readonly hint?: string;
}

/** An example of `key`, its message made by that entry's own template from `args`. */
function example<K extends CatalogueKey>(
  key: K,
  args: MessageArguments<K>,
  source: Omit<Example, "key" | "message">,
): Example {
  const entry: CatalogueEntry<MessageArguments<K>> = catalogue[key];
  return { key, message: entry.message(args), ...source };
}

const claimFactN = 'claim fact n: number description "N." ask "N?"\n';

const dateFact = 'fact a.since: date description "Since." ask "Since when?"\n';

/** A policy with a value set `copd` (of the file `file`) and facts of codes, whose one more criterion is met when `condition`. */
function valueSetPolicy(condition: string, file = "copd.csv"): string {
  return `${base}value set copd "COPD" system "ICD-10-CM" file "${file}" source "CMS" version "2025"
fact d.primary: code in system "ICD-10-CM" description "D." ask "D?"
fact d.others: codes in system "ICD-10-CM" description "O." ask "O?"
fact d.procedure: code in system "HCPCS" description "P." ask "P?"
criterion I.4 "x" met when ${condition}
`;
}

/** Writes the value set file `policy/copd.csv` of a scratch project. */
function valueSetFile(text: string): (root: string) => void {
  return (root) => writeFileSync(join(root, "policy", "copd.csv"), text);
}

const pressureFact = 'fact a.pressure: number unit "mm Hg" description "P." ask "P?"\n';

const claimMinutes = 'claim fact minutes: number unit "minutes" description "M." ask "M?"\n';

/** A policy with a date fact and one more criterion, whose condition is `condition`. */
function timed(condition: string): string {
  return `${base}${dateFact}criterion I.4 "x" met when ${condition}\n`;
}

/** The base policy with a list fact of studies, each with a date, a number and a yes-or-no field. */
const listedBase = `${base}fact a.studies: list of
    field performed "the day of the study": date
    field pressure "the oxygen pressure": number unit "mm Hg" from 0 to 800
    field ordered "the study was ordered": yes or no
  description "The studies." ask "Which studies?"
`;

/** The base policy with a list fact and one more criterion, whose condition is `condition`. */
function listed(condition: string): string {
  return `${listedBase}criterion I.4 "x" met when ${condition}\n`;
}

/** A policy with a coding table: the codes A0001 and A0002 in the group `pair`, then `table`. */
function coding(table: string, statements = ""): string {
  const others = ["A0001", "A0002", "A0003"].filter((code) => !table.startsWith(`code ${code} `));
  return `${base}${statements}code group pair "a pair": A0001, A0002\n${others.map((code) => `code ${code} "Code."\n`).join("")}${table}`;
}

/** The coding table's policy with a FHIR mapping whose orders are A0001 and A0002, then `maps` (and `more`). */
function fhirMapped(maps: string, more = ""): string {
  return `${coding("")}fhir\n  orders in system "HCPCS": A0001, A0002\n${maps}${more}`;
}

/** The line (from 1) of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split("\n").findIndex((line) => line.includes(needle)) + 1;
}

const examples: readonly Example[] = [
  // ----- PC00x: syntax ---------------------------------------------------------------------------
  example(
    "unexpectedCharacter",
    { text: "?" },
    {
      name: "a character outside the language",
      policy: `${base}criterion I.4 "x" met when a.flag ?\n`,
      underlined: "?",
    },
  ),
  example(
    "syntaxError",
    { expected: "`)`", after: "a.flag", found: { end: "file" } },
    { name: "an unclosed parenthesis", policy: `${base}criterion I.4 "x" met when (a.flag\n`, underlined: "a.flag" },
  ),
  example(
    "syntaxError",
    { expected: '`"` to close the text', found: { end: "line" } },
    {
      name: "a text without its closing quote",
      policy: `${base}criterion I.4 "x met when a.flag\n`,
      underlined: '"x met when a.flag',
      hint: '`"""..."""`',
    },
  ),
  example(
    "duplicateClause",
    { statement: "criterion" },
    {
      name: "a clause given twice",
      policy: `${base}criterion I.4 "x" met when a.flag met when a.flag\n`,
      underlined: "met when a.flag",
    },
  ),
  example(
    "missingClause",
    { statement: "criterion", clause: "met when" },
    { name: "a criterion without its condition", policy: `${base}criterion I.4 "x"\n`, underlined: "I.4" },
  ),
  example(
    "invalidLiteral",
    { text: "2024-09-31", expected: "date" },
    {
      name: "a date that is not on the calendar",
      policy: `${base}revision 2024-09 "Third." effective 2024-09-31\n`,
      underlined: "2024-09-31",
    },
  ),
  example(
    "invalidLiteral",
    { text: "X12", expected: "code" },
    { name: "a code that is not a HCPCS or CPT code", policy: `${base}code X12 "Not a code."\n`, underlined: "X12" },
  ),
  example(
    "misplacedStatement",
    { statement: "case" },
    {
      name: "a case inside a policy",
      policy: `${base}case "x" on 2024-02-01 expect covered\n`,
      underlined: 'case "x" on 2024-02-01 expect covered',
    },
  ),
  example(
    "nestingTooDeep",
    { nesting: { what: "condition" }, limit: 64 },
    {
      name: "a condition nested more than 64 deep",
      policy: `${base}criterion I.4 "x" met when ${"(".repeat(65)}a.flag${")".repeat(65)}\n`,
      underlined: "(",
      hint: "define",
    },
  ),
  example(
    "noteDeniesAndExcludes",
    {},
    {
      name: "a note that both denies and excludes services",
      policy: `${base}note I.n "N." not covered when a.flag excludes services of I when a.flag\n`,
      underlined: "excludes services of I when a.flag",
    },
  ),
  example(
    "secondPolicyInFile",
    { statement: "policy" },
    {
      name: "a second policy in a policy file",
      policy: `${base}policy T.2 title "Two" plan "Plan" description "Two." last review 2024-06\n`,
      underlined: "T.2",
    },
  ),
  example(
    "secondPolicyInFile",
    { statement: "cases for" },
    {
      name: "a second `cases for` in a case file",
      policy: base,
      cases: "cases for T.1\ncases for T.1\n",
      underlined: "cases for T.1",
    },
  ),

  // ----- PC01x: names ----------------------------------------------------------------------------
  example(
    "duplicateName",
    { name: "I.1", first: "number", second: "number" },
    {
      name: "a duplicate section number",
      policy: `${base}criterion I.1 "Again." met when a.flag\n`,
      underlined: "I.1",
    },
  ),
  example(
    "duplicateName",
    { name: "r1", first: "billing rule", second: "billing rule" },
    {
      name: "a billing rule declared twice",
      policy: `${base}${claimFactN}code T1002 "RN." rule r1: units at most claim.n rule r1: requires modifier SD\n`,
      underlined: "r1",
    },
  ),
  example(
    "missingParent",
    { id: "II.1", allowed: ["section", "criterion"], problem: { kind: "undeclared", parent: "II" } },
    {
      name: "a criterion under a section that does not exist",
      policy: `${base}criterion II.1 "x" met when a.flag\n`,
      underlined: "II.1",
    },
  ),
  example(
    "unreferencedSubcriterion",
    { parent: "I.3", part: "I.3.a" },
    {
      name: "a part its criterion never uses",
      policy: `${base}criterion I.3.a "x" met when a.flag\n`,
      underlined: "I.3.a",
    },
  ),
  example(
    "generatedNameClash",
    { name: "ABC", role: { kind: "valuesType", fact: "a_b.c" }, takenAs: { kind: "valuesType", fact: "a.b_c" } },
    {
      name: "facts whose generated names collide",
      policy: `${base}fact a.b_c: one of x "X", y "Y" description "B." ask "B?"\nfact a_b.c: one of x "X", y "Y" description "C." ask "C?"\ncriterion I.4 "x" met when a.b_c is x and a_b.c is y\n`,
      underlined: "a_b.c",
    },
  ),
  example(
    "reservedName",
    { word: "Decision", reservation: { as: "moduleName", role: { kind: "valuesType", fact: "decision" } } },
    {
      name: "a fact the evaluator would name like its own decision type",
      policy: `${base}fact decision: one of approve "A", deny "D" description "D." ask "D?"\ncriterion I.4 "x" met when decision is approve\n`,
      underlined: "decision",
    },
  ),
  example(
    "reservedName",
    { word: "constructor", reservation: { as: "objectProperty" } },
    {
      name: "a fact named like a property of every object",
      policy: `${base}fact a.constructor: yes or no description "C." ask "C?"\ncriterion I.4 "x" met when a.constructor\n`,
      underlined: "a.constructor",
    },
  ),
  example(
    "reservedName",
    { word: "lines", reservation: { as: "claimField" } },
    {
      name: "a claim fact named like a field of every claim",
      policy: `${base}claim fact lines: number description "L." ask "L?"\ncode T1002 "RN." rule r1: units at most claim.lines\n`,
      underlined: "lines",
    },
  ),
  example(
    "malformedName",
    { name: "a._x", of: "fact" },
    {
      name: "a fact name with a part that does not start with a letter",
      policy: `${base}fact a._x: yes or no description "X." ask "X?"\ncriterion I.4 "x" met when a._x\n`,
      underlined: "a._x",
    },
  ),
  example(
    "malformedName",
    { name: "x.y", of: "value" },
    {
      name: "a value with a dot",
      policy: `${base}fact a.v: one of x.y "X", z "Z" description "V." ask "V?"\ncriterion I.4 "x" met when a.v is z\n`,
      underlined: "x.y",
    },
  ),
  example(
    "malformedName",
    { name: "a.b", of: "claimFact" },
    {
      name: "a claim fact name with a dot",
      policy: `${base}claim fact a.b: number description "A." ask "A?"\ncode T1002 "RN." rule r1: units at most claim.a.b\n`,
      underlined: "a.b",
    },
  ),
  example(
    "nameOutOfReach",
    { name: "claim.amphotericin", is: "claimFact" },
    {
      name: "a criterion reading a fact of a claim",
      policy: `${base}claim fact amphotericin: yes or no description "A." ask "A?"\ncode T1002 "RN." rule r1: billed only when claim.amphotericin\ncriterion I.4 "x" met when claim.amphotericin\n`,
      underlined: "claim.amphotericin",
    },
  ),
  example(
    "nameOutOfReach",
    { name: "a.flag", is: "coverageFact" },
    {
      name: "a billing rule reading a fact of the coverage decision",
      policy: `${base}code T1002 "RN." rule r1: billed only when a.flag\n`,
      underlined: "a.flag",
      hint: "claim fact",
    },
  ),
  example(
    "nameOutOfReach",
    { name: "I.1", is: "otherCriterion" },
    {
      name: "a criterion naming another criterion",
      policy: `${base}criterion I.4 "x" met when I.1\n`,
      underlined: "I.1",
      hint: "write `criterion I.1`",
    },
  ),
  example(
    "namesDifferInCase",
    { name: "a.Flag", other: "a.flag" },
    {
      name: "facts that differ only in case",
      policy: `${base}fact a.Flag: yes or no description "F." ask "F?"\ncriterion I.4 "x" met when a.Flag\n`,
      underlined: "a.Flag",
    },
  ),

  // ----- PC02x: expressions and types ------------------------------------------------------------
  example(
    "unknownName",
    { name: "a.flagg", kind: "fact, definition or criterion" },
    {
      name: "an unknown fact",
      policy: `${base}criterion I.4 "x" met when a.flagg\n`,
      underlined: "a.flagg",
      hint: "Did you mean `a.flag`?",
    },
  ),
  example(
    "unknownName",
    { name: "therapy_codez", kind: "code group" },
    {
      name: "a billing rule naming a code group that does not exist",
      policy: `${base}${claimFactN}code S9494 "Per diem." rule r1: billed with each code of therapy_codez\ncode T1030 "Nurse." rule r2: units at most claim.n\n`,
      underlined: "therapy_codez",
    },
  ),
  example(
    "unknownName",
    { name: "A1-nn", kind: "billing rule" },
    {
      name: "a claim case expecting pending a rule that does not exist",
      policy: coding('code A0001 "First."\n  rule A1-n: units at most claim.n\n', claimFactN),
      cases: 'cases for T.1\nclaim case "x"\n  on 2024-02-01\n  line A0001 units 2\n  expect pending A1-nn\n',
      underlined: "A1-nn",
      hint: "Did you mean `A1-n`?",
    },
  ),
  example(
    "typeMismatch",
    { subject: "a.age", is: "a number", needs: { by: "condition" } },
    { name: "a number used as a condition", policy: `${base}criterion I.4 "x" met when a.age\n`, underlined: "a.age" },
  ),
  example(
    "typeMismatch",
    {
      subject: "2024-01-01",
      is: "a date",
      needs: { by: "comparison", operator: "<", other: "a.age", otherIs: "a number" },
    },
    {
      name: "a number compared with a date",
      policy: `${base}criterion I.4 "x" met when a.age < 2024-01-01\n`,
      underlined: "a.age < 2024-01-01",
    },
  ),
  example(
    "typeMismatch",
    { subject: "old", is: "a word", needs: { by: "fact", fact: "a.age", takes: "a number" } },
    {
      name: "a word as the value of a number",
      policy: `${base}criterion I.4 "x" met when a.age is old\n`,
      underlined: "old",
    },
  ),
  example(
    "unknownValue",
    { value: "hom", fact: "a.place" },
    {
      name: "a value not in the enumeration",
      policy: `${base}criterion I.4 "x" met when a.place is hom\n`,
      underlined: "hom",
      hint: "Did you mean `home`?",
    },
  ),
  example(
    "definitionCycle",
    { name: "d1", cycle: ["d1", "d2", "d1"] },
    {
      name: "definitions that depend on each other",
      policy: `${base}define d1 "d one" as d2\ndefine d2 "d two" as d1\ncriterion I.4 "x" met when d1\n`,
      underlined: "d1",
    },
  ),
  example(
    "unusedFact",
    { fact: "a.unused" },
    {
      name: "a fact nothing reads",
      policy: `${base}fact a.unused: yes or no description "U." ask "U?"\n`,
      underlined: "a.unused",
    },
  ),
  example(
    "unusedDefinition",
    { definition: "nobody" },
    { name: "a definition nothing uses", policy: `${base}define nobody "nobody" as a.flag\n`, underlined: "nobody" },
  ),
  example(
    "impossibleCount",
    { count: { kind: "atLeast", atLeast: 3, of: 2 } },
    {
      name: "at least more than there are",
      policy: `${base}criterion I.4 "x" met when at least 3 of (a.flag, a.place is home)\n`,
      underlined: "at least 3 of (a.flag, a.place is home)",
    },
  ),
  example(
    "impossibleCount",
    { count: { kind: "emptyList" } },
    {
      name: "an empty list of values",
      policy: `${base}criterion I.4 "x" met when a.place is one of ()\n`,
      underlined: "a.place is one of ()",
    },
  ),
  example(
    "impossibleCount",
    { count: { kind: "singleValue" } },
    {
      name: "a one-of fact of a single value",
      policy: `${base}fact a.v: one of only "Only" description "V." ask "V?"\ncriterion I.4 "x" met when a.v is only\n`,
      underlined: 'one of only "Only"',
    },
  ),
  example(
    "impossibleRange",
    { min: 10, max: 1 },
    {
      name: "a range that holds no number",
      policy: `${base}fact a.n: number from 10 to 1 description "N." ask "N?"\ncriterion I.4 "x" met when a.n > 2\n`,
      underlined: "number from 10 to 1",
    },
  ),
  example(
    "reservedValue",
    {},
    {
      name: "`unknown` as a value",
      policy: `${base}fact a.v: one of unknown, known description "V." ask "V?"\ncriterion I.4 "x" met when a.v is known\n`,
      underlined: "unknown",
    },
  ),
  example(
    "divisionByZero",
    {},
    {
      name: "a unit limit divided by zero",
      policy: `${base}${claimFactN}code T1002 "RN." rule r1: units at most claim.n / 0\n`,
      underlined: "claim.n / 0",
    },
  ),

  // ----- PC03x: revisions ------------------------------------------------------------------------
  example(
    "revisionOrder",
    {
      date: "approval month",
      value: "2023-01",
      is: "before",
      other: "approval month",
      otherValue: "2024-06",
      otherIsOfRevisionBefore: true,
    },
    {
      name: "revisions out of order",
      policy: `${base}revision 2023-01 "Older." effective 2023-01-01\n`,
      underlined: "2023-01",
    },
  ),
  example(
    "unknownRevision",
    { month: "2024-05" },
    {
      name: "a revision that does not exist",
      policy: `${base}criterion I.4 "x" met when a.flag added in 2024-05\n`,
      underlined: "2024-05",
    },
  ),
  example(
    "removedBeforeAdded",
    { removedIn: "2024-01" },
    {
      name: "removed before it was added",
      policy: `${base}criterion I.4 "x" met when a.flag added in 2024-06 removed in 2024-01\n`,
      underlined: "2024-01",
    },
  ),
  example(
    "lifetimeOutsideParent",
    { id: "II.1", parent: "II" },
    {
      name: "a criterion in force before its section",
      policy: `${base}section II "Later:" added in 2024-06\ncriterion II.1 "x" met when a.flag\n`,
      underlined: "II.1",
    },
  ),
  example(
    "lifetimeOutsideParent",
    { id: "I.3.a", parent: "I.3" },
    {
      name: "a part of a criterion in force before the criterion",
      policy:
        base.replace("met when a.age >= 18", "met when at least one of (I.3.a) added in 2024-06") +
        'criterion I.3.a "x" met when a.age >= 18\n',
      underlined: "I.3.a",
    },
  ),

  // ----- PC07x: versions of a statement ----------------------------------------------------------
  example(
    "versionOrder",
    { before: "2024-06", above: "2024-01" },
    {
      name: "versions written oldest first",
      policy: `${base}criterion I.4 "x" met when a.flag before 2024-01 "w" before 2024-06 "v"\n`,
      underlined: "2024-06",
      hint: "from the newest to the oldest",
    },
  ),
  example(
    "versionBeforeAdded",
    { id: "I.4", before: "2024-06", addedIn: "2024-06" },
    {
      name: "a version that ends when its statement is added",
      policy: `${base}criterion I.4 "x" met when a.flag added in 2024-06 before 2024-06 "w"\n`,
      underlined: "2024-06",
    },
  ),
  example(
    "versionAfterRemoved",
    { id: "I.4", before: "2024-06", removedIn: "2024-06" },
    {
      name: "a version that ends when its statement is removed",
      policy: `${base}criterion I.4 "x" met when a.flag removed in 2024-06 before 2024-06 "w"\n`,
      underlined: "2024-06",
    },
  ),
  example(
    "partNotInForce",
    { id: "I.3", part: "I.3.a", revision: "2024-01" },
    {
      name: "a criterion that reads a part added after it, in every revision",
      policy:
        base.replace("met when a.age >= 18", "met when at least one of (I.3.a)") +
        'criterion I.3.a "x" met when a.age >= 18 added in 2024-06\n',
      underlined: "at least one of (I.3.a)",
      hint: "before 2024-06",
    },
  ),
  example(
    "changeNeverInForce",
    { id: "I.4", revision: "2024-06", effective: "2024-06-01", later: "2024-07", laterEffective: "2024-03-01" },
    {
      name: "a statement added by a revision that a later, retroactive one changes before it takes effect",
      policy: `${base}revision 2024-07 "Retroactive." effective 2024-03-01\ncriterion I.4 "x" met when a.flag added in 2024-06 before 2024-07 "w"\n`,
      underlined: "2024-06",
      hint: "Correct the effective dates",
    },
  ),
  example(
    "emptyVersion",
    { before: "2024-06" },
    {
      name: "a version that restates nothing",
      policy: `${base}criterion I.4 "x" met when a.flag before 2024-06\n`,
      underlined: "before 2024-06",
    },
  ),

  // ----- PC04x: categories and exceptions --------------------------------------------------------
  example(
    "unknownCategory",
    { name: "saftey" },
    {
      name: "an unknown category",
      policy: `${base}criterion I.4 "x" met when a.flag category saftey\n`,
      underlined: "saftey",
      hint: "Did you mean `safety`?",
    },
  ),
  example(
    "overrideNotDeclared",
    { target: "I.2", category: "place" },
    {
      name: "an exception reaching past what it declares",
      policy: `${base}exception E "E" applies when a.age < 2 may override safety overrides I.2\n`,
      underlined: "I.2",
    },
  ),
  example(
    "overrideNotDeclared",
    { target: "I.4", category: "place" },
    {
      name: "an exception reaching past what it declares in an earlier version of a statement",
      policy: `${base}criterion I.4 "x" met when a.flag category safety before 2024-06 "w" category place\nexception E "E" applies when a.age < 2 may override safety overrides I.4\n`,
      underlined: "I.4",
    },
  ),
  example(
    "overrideForbidden",
    { target: "I.1", category: "safety" },
    {
      name: "an exception overriding what it never may",
      policy: `${base}exception E "E" applies when a.age < 2 may override place never overrides safety overrides I.1, I.2\n`,
      underlined: "I.1",
    },
  ),
  example(
    "overrideTargetInvalid",
    { target: "I.3", because: { kind: "noCategory" } },
    {
      name: "an exception overriding a criterion without a category",
      policy: `${base}exception E "E" applies when a.age < 2 may override place overrides I.3\n`,
      underlined: "I.3",
    },
  ),
  example(
    "categoryMayAndNever",
    { category: "place" },
    {
      name: "a category an exception both may and never overrides",
      policy: `${base}exception E "E" applies when a.age < 2 may override place never overrides place overrides I.2\n`,
      underlined: "place",
    },
  ),

  // ----- PC05x: cases ----------------------------------------------------------------------------
  example(
    "unknownPolicy",
    { reference: "T.2" },
    {
      name: "cases for a policy that does not exist",
      policy: base,
      cases: "cases for T.2\n",
      underlined: "T.2",
      hint: "Did you mean `T.1`?",
    },
  ),
  example(
    "invalidCase",
    {},
    {
      name: "a covered case asking for facts",
      policy: base,
      cases: `cases for T.1\ncase "x" on 2024-02-01 a.flag = yes expect covered asking a.flag\n`,
      underlined: "expect covered",
    },
  ),
  example(
    "valueOutOfRange",
    { value: 150, fact: "a.age", min: 0, max: 120 },
    {
      name: "a case giving a number outside the fact's range",
      policy: base,
      cases: `cases for T.1\ncase "x" on 2024-02-01 a.age = 150 expect covered\n`,
      underlined: "150",
    },
  ),

  // ----- PC06x: files ----------------------------------------------------------------------------
  example(
    "unsafeFileName",
    { name: "javascript:alert(1).policy", of: "file" },
    {
      name: "a policy file with an unsafe name",
      policy: base,
      project: (root) => writeFileSync(join(root, "policy", "javascript:alert(1).policy"), base.replace("T.1", "T.2")),
      underlined: "",
    },
  ),
  example(
    "unreadableFile",
    { path: "policy/passwords.policy", publishedText: false, reason: { kind: "link" } },
    {
      name: "a policy file that is a link",
      policy: base,
      project: (root) => symlinkSync("/etc/passwd", join(root, "policy", "passwords.policy")),
      underlined: "",
    },
  ),
  example(
    "publishedTextOutside",
    { path: "../../etc/passwd", way: "name" },
    {
      name: "a published text outside the policy's folder",
      policy: base.replace("last review 2024-06", 'last review 2024-06 published text "../../etc/passwd"'),
      underlined: '"../../etc/passwd"',
    },
  ),
  example(
    "publishedTextOutside",
    { path: "policy/outside/passwd", way: "linkedFolder" },
    {
      name: "a published text reached through a linked folder",
      policy: base.replace("last review 2024-06", 'last review 2024-06 published text "outside/passwd"'),
      project: (root) => symlinkSync("/etc", join(root, "policy", "outside")),
      underlined: '"outside/passwd"',
    },
  ),
  example(
    "generatedFolderClash",
    { path: "policy/t.policy", other: "policy/other/t.policy", folder: "t" },
    {
      name: "two policies of one name in two folders",
      policy: base,
      project: (root) => {
        mkdirSync(join(root, "policy", "other"));
        writeFileSync(join(root, "policy", "other", "t.policy"), base.replace("T.1", "T.2"));
      },
      underlined: "",
    },
  ),
  example(
    "foldersTooDeep",
    { path: "policy/a/b/c/d/e/f/g/h", limit: 8, under: "policy" },
    {
      name: "a policy more than eight folders deep",
      policy: base,
      project: (root) => {
        const deep = join(root, "policy", "a", "b", "c", "d", "e", "f", "g", "h");
        mkdirSync(deep, { recursive: true });
        writeFileSync(join(deep, "deep.policy"), base.replace("T.1", "T.2"));
      },
      underlined: "",
    },
  ),

  // ----- PC065-PC069: time in conditions ---------------------------------------------------------
  example(
    "unknownTimeUnit",
    { unit: "dyas", count: 30, units: ["days", "weeks", "months", "years"] },
    {
      name: "a misspelt unit of time",
      policy: timed("a.since >= service date - 30 dyas"),
      underlined: "dyas",
      hint: "Did you mean `days`?",
    },
  ),
  example(
    "unknownTimeUnit",
    { unit: "day", count: 30, units: ["days", "weeks", "months", "years"] },
    {
      name: "a singular unit after a count other than 1",
      policy: timed("a.since >= service date - 30 day"),
      underlined: "day",
      hint: "Did you mean `days`?",
    },
  ),
  example(
    "unknownTimeUnit",
    { unit: "fortnight", count: 1, units: ["day", "week", "month", "year"] },
    {
      name: "a unit that is not one of time's",
      policy: timed("a.since is within 1 fortnight before service date"),
      underlined: "fortnight",
    },
  ),
  example(
    "impossibleDuration",
    { problem: { kind: "zero", count: 0 } },
    {
      name: "a duration of no time",
      policy: timed("a.since >= service date - 0 days"),
      underlined: "0",
      hint: "leave the duration out",
    },
  ),
  example(
    "impossibleDuration",
    { problem: { kind: "fraction", count: 1.5 } },
    { name: "a fraction of a month", policy: timed("a.since + 1.5 months <= service date"), underlined: "1.5" },
  ),
  example(
    "impossibleDuration",
    { problem: { kind: "tooLong", count: 1001, unit: "years", limit: 1000 } },
    {
      name: "a duration of more than 1000 years",
      policy: timed("a.since + 1001 years <= service date"),
      underlined: "1001 years",
    },
  ),
  example(
    "impossibleDuration",
    { problem: { kind: "fraction", count: 60.5 } },
    {
      name: "a window's day that is not whole",
      policy: timed("a.since is between day 60.5 and day 90 after service date"),
      underlined: "60.5",
    },
  ),
  example(
    "daysOutOfOrder",
    { first: 90, last: 61 },
    {
      name: "a window whose first day comes after its last",
      policy: timed("a.since is between day 90 and day 61 after service date"),
      underlined: "90 and day 61",
      hint: "`between day 61 and day 90`",
    },
  ),
  example(
    "durationOnNonDate",
    { subject: "a.age", is: "a number" },
    {
      name: "a duration added to a number",
      policy: timed("a.age + 30 days <= service date"),
      underlined: "a.age",
      hint: "service date - 30 days",
    },
  ),
  example(
    "durationOnNonDate",
    { subject: "a.flag", is: "yes or no" },
    {
      name: "a duration added to a yes-or-no fact",
      policy: timed("a.flag - 2 months < a.since"),
      underlined: "a.flag",
    },
  ),
  example(
    "dateExpected",
    { subject: "a.age", is: "a number", need: { by: "comparison", other: "service date - 30 days" } },
    {
      name: "a moved date compared with a number",
      policy: timed("service date - 30 days <= a.age"),
      underlined: "a.age",
    },
  ),
  example(
    "dateExpected",
    { subject: "a.age", is: "a number", need: { by: "window" } },
    {
      name: "a number tested to be within days of a date",
      policy: timed("a.age is within 30 days before service date"),
      underlined: "a.age",
    },
  ),
  example(
    "dateExpected",
    { subject: "a.place", is: "one of 2 values", need: { by: "anchor" } },
    {
      name: "a window counted from something that is not a date",
      policy: timed("a.since is within 2 days of a.place"),
      underlined: "a.place",
    },
  ),

  // ----- PC08x: the revision log against lifetimes ----------------------------------------------
  example(
    "loggedChangeWithoutLifetime",
    { revision: "2024-06", id: "I.3", change: "added" },
    {
      name: "a log that says a criterion was added, the criterion without `added in`",
      policy: base.replace('revision 2024-06 "Second."', 'revision 2024-06 "Added Criteria I.3."'),
      underlined: '"Added Criteria I.3."',
      hint: "Add `added in 2024-06` to I.3",
    },
  ),
  example(
    "lifetimeNotLogged",
    { revision: "2024-06", id: "I.3", change: "added" },
    {
      name: "a criterion added in a revision whose log does not say so",
      policy: base.replace("met when a.age >= 18", "met when a.age >= 18 added in 2024-06"),
      underlined: "2024-06",
    },
  ),
  example(
    "overridableNotOverridden",
    { id: "I.2", category: "place", exception: "KIDS" },
    {
      name: "a criterion in a category the exception may override, missing from its list",
      policy: `${base}exception KIDS "Children" applies when a.age < 18 may override place overrides I.1\n`.replace(
        'criterion I.1 "Flag." met when a.flag category safety',
        'criterion I.1 "Flag." met when a.flag category place',
      ),
      underlined: "place",
      hint: "Add I.2 to the `overrides` of KIDS",
    },
  ),
  // ----- PC090-PC099: records and lists -----------------------------------------------------------
  example(
    "unknownRecordField",
    { name: "s.presure", list: "a.studies" },
    {
      name: "a field that is not in the record",
      policy: listed("some s in a.studies where s.presure <= 55"),
      underlined: "s.presure",
      hint: "Did you mean `s.pressure`?",
    },
  ),
  example(
    "quantifierOverNonList",
    { name: "a.age", is: "a number" },
    {
      name: "a quantifier over a fact that is not a list",
      policy: listed("some s in a.age where s.pressure <= 55"),
      underlined: "a.age",
    },
  ),
  example(
    "fieldOutsideQuantifier",
    { name: "s.pressure", list: "a.studies" },
    {
      name: "a record's field used outside its quantifier",
      policy: listed("(some s in a.studies where s.pressure <= 55) and s.pressure > 40"),
      underlined: "s.pressure",
      hint: "some s in a.studies where s.pressure",
    },
  ),
  example(
    "recordNameTaken",
    { name: "s", is: "the records of an enclosing condition" },
    {
      name: "a name for each record that an enclosing quantifier already gives",
      policy: listed("some s in a.studies where some s in a.studies where s.pressure <= 55"),
      underlined: "s",
    },
  ),
  example(
    "recordNameTaken",
    { name: "a", is: "a fact" },
    {
      name: "a name for each record that is the group of a fact",
      policy: listed("some a in a.studies where a.pressure <= 55"),
      underlined: "a",
    },
  ),
  example(
    "latestByNonDate",
    { field: "s.pressure", is: "a number", quantifier: "latest" },
    {
      name: "the latest record by a field that is not a date",
      policy: listed("latest s in a.studies by pressure has s.pressure <= 55"),
      underlined: "pressure",
      hint: "Name a date field: performed",
    },
  ),
  example(
    "countComparedWithNonNumber",
    { subject: "a.flag", is: "yes or no" },
    {
      name: "a count compared with a yes-or-no fact",
      policy: listed("count of s in a.studies >= a.flag"),
      underlined: "a.flag",
    },
  ),
  example(
    "listUsedAsValue",
    { name: "a.studies" },
    { name: "a list fact compared as a value", policy: listed("a.studies = 2"), underlined: "a.studies" },
  ),
  example(
    "duplicateRecordField",
    { field: "pressure", list: "a.twice" },
    {
      name: "a field declared twice",
      policy: `${listedBase}fact a.twice: list of field pressure "p": number field pressure "q": number description "T." ask "T?"\n`,
      underlined: "pressure",
    },
  ),
  example(
    "listFactOfClaim",
    { name: "claim.readings" },
    {
      name: "a claim fact that is a list",
      policy: `${base}claim fact readings: list of field value "v": number description "R." ask "R?"\n`,
      underlined: 'list of field value "v": number',
    },
  ),
  example(
    "caseRecordProblem",
    { list: "a.studies", index: 0, field: "presure", problem: "not a field" },
    {
      name: "a case giving a record a field the list does not have",
      policy: listed("some s in a.studies where s.pressure <= 55"),
      cases: `cases for T.1\ncase "x" on 2024-02-01 a.studies = [(presure 50)] expect covered\n`,
      underlined: "presure",
      hint: "Did you mean `pressure`?",
    },
  ),
  example(
    "caseRecordProblem",
    { list: "a.studies", index: 0, field: "performed", problem: "a list of records is expected" },
    {
      name: "a case giving a list fact a single value",
      policy: listed("some s in a.studies where s.pressure <= 55"),
      cases: `cases for T.1\ncase "x" on 2024-02-01 a.studies = 50 expect covered\n`,
      underlined: "50",
    },
  ),
  example(
    "wrongDefinitionCall",
    { name: "low", problem: { kind: "arity", expected: 1, given: 2 } },
    {
      name: "a definition with parameters given too many records",
      policy: `${listedBase}define low(s: a.studies) "the study is low" as s.pressure <= 55\ncriterion I.4 "x" met when some s in a.studies where some t in a.studies where low(s, t)\n`,
      underlined: "low(s, t)",
    },
  ),
  example(
    "wrongDefinitionCall",
    { name: "low", problem: { kind: "notARecord", argument: "a.flag" } },
    {
      name: "a definition with parameters given something that is not a record",
      policy: `${listedBase}define low(s: a.studies) "the study is low" as s.pressure <= 55\ncriterion I.4 "x" met when low(a.flag)\n`,
      underlined: "a.flag",
    },
  ),
  example(
    "wrongDefinitionCall",
    { name: "adult", problem: { kind: "noParameters" } },
    {
      name: "a definition without parameters called with records",
      policy: `${listedBase}define adult "an adult" as a.age >= 18\ncriterion I.4 "x" met when some s in a.studies where adult(s)\n`,
      underlined: "adult(s)",
    },
  ),
  example(
    "definitionNeedsRecords",
    { name: "low", parameters: "a record of a.studies" },
    {
      name: "a definition with parameters named alone",
      policy: `${listedBase}define low(s: a.studies) "the study is low" as s.pressure <= 55\ncriterion I.4 "x" met when low\n`,
      underlined: "low",
      hint: "some s in a.studies where",
    },
  ),
  example(
    "recordFieldOfCodes",
    { field: "diagnosis", list: "a.visits" },
    {
      name: "a record's field that holds codes",
      policy: `${base}fact a.visits: list of
    field diagnosis "the visit's diagnosis": code in system "ICD-10-CM"
  description "The visits." ask "Which visits?"
`,
      underlined: 'code in system "ICD-10-CM"',
      hint: "Give the codes a fact of their own",
    },
  ),

  example(
    "releaseLedgerInvalid",
    { path: "generated/t/releases.json", why: "it lists no release" },
    {
      name: "a release ledger that lists no release",
      policy: base,
      project: (root) => {
        mkdirSync(join(root, "generated", "t"), { recursive: true });
        writeFileSync(join(root, "generated", "t", "releases.json"), '{ "releases": [], "model": {} }\n');
      },
      underlined: "",
      hint: "Restore it from version control",
    },
  ),

  // ----- PC103-PC105: readings' alternatives ---------------------------------------------------------
  example(
    "alternativeWithoutClause",
    { id: "I.3", clause: "category", found: true },
    {
      name: "an alternative that replaces a category the criterion does not have",
      policy: `${base}criterion I.4 "x" met when a.flag\n  reading "r"\n    alternative "other"\n      in I.3 category safety\n`,
      underlined: "I.3",
      hint: "to add one, write it in the statement",
    },
  ),
  example(
    "alternativeWithoutClause",
    { id: "I.9", clause: "met when", found: false },
    {
      name: "an alternative that names no statement of the policy",
      policy: `${base}criterion I.4 "x" met when a.flag\n  reading "r"\n    alternative "other"\n      in I.9 met when a.flag\n`,
      underlined: "I.9",
    },
  ),
  example(
    "alternativeReplacesTwice",
    { id: "I.1", clause: "category" },
    {
      name: "an alternative that replaces one clause twice",
      policy: `${base}criterion I.4 "x" met when a.flag\n  reading "r"\n    alternative "other"\n      in I.1 category place\n      in I.1 category safety\n`,
      underlined: "in I.1 category safety",
    },
  ),
  example(
    "alternativeDoesNotCompile",
    { problem: "No fact, definition or criterion is named `a.missing`.", line: 11 },
    {
      name: "an alternative whose condition names an unknown fact",
      policy: `${base}criterion I.4 "x" met when a.flag\n  reading "r"\n    alternative "other"\n      in I.1 met when a.missing\n`,
      underlined: 'alternative "other"',
      hint: "with names this policy declares",
    },
  ),

  example(
    "readingDecides",
    { id: "I.4", why: { kind: "logic" } },
    {
      name: "a reading of a criterion that says it decides nothing",
      policy: `${base}criterion I.4 "x" met when a.flag\n  reading "r"\n    decides nothing\n`,
      underlined: "decides nothing",
      hint: "Write the reading it rejects as logic",
    },
  ),
  example(
    "readingDecides",
    { id: "I.9", why: { kind: "services", section: "I.9", by: "I.note" } },
    {
      name: "a reading of a section whose services a note excludes, that says it decides nothing",
      policy: `${base}section I.9 "Services."\n  reading "r"\n    decides nothing\nservice I.9.1 "A service."\nnote I.note "n" excludes services of I.9 when a.flag\n`,
      underlined: "decides nothing",
    },
  ),

  // ----- PC108-PC109: definitions' value parameters -----------------------------------------------
  example(
    "wrongDefinitionArgument",
    {
      name: "at_home",
      parameter: "p",
      argument: "a.age",
      problem: { kind: "kind", expected: "one of 2 values", given: "a number" },
    },
    {
      name: "a one-of parameter given a number",
      policy: `${base}define at_home(p: one of (home, clinic)) "the place is home" as p is home\ncriterion I.4 "x" met when at_home(a.age)\n`,
      underlined: "a.age",
      hint: "a fact or a record's field of one of a list",
    },
  ),
  example(
    "wrongDefinitionArgument",
    {
      name: "low",
      parameter: "p",
      argument: "s.performed",
      problem: { kind: "kind", expected: "a number", given: "a date" },
    },
    {
      name: "a number parameter given a date",
      policy: `${listedBase}define low(p: number unit "mm Hg") "the pressure is low" as p <= 55\ncriterion I.4 "x" met when some s in a.studies where low(s.performed)\n`,
      underlined: "s.performed",
      hint: "Give it a number in mm Hg",
    },
  ),
  example(
    "wrongDefinitionArgument",
    {
      name: "low",
      parameter: "p",
      argument: "a.age",
      problem: {
        kind: "unit",
        expected: { text: "p", unit: "mm Hg", from: { kind: "parameter", parameter: "p", line: 14 } },
        given: { text: "a.age", unit: undefined, from: { kind: "fact", fact: "a.age", line: 9 } },
      },
    },
    {
      name: "a number parameter given a number of another unit",
      policy: `${base}define low(p: number unit "mm Hg") "the pressure is low" as p <= 55\ncriterion I.4 "x" met when low(a.age)\n`,
      underlined: "a.age",
    },
  ),
  example(
    "wrongDefinitionArgument",
    { name: "recent", parameter: "d", argument: "a.since - 2 days", problem: { kind: "moved" } },
    {
      name: "a date parameter given a date moved by a duration",
      policy: `${base}${dateFact}define recent(d: date) "the day is recent" as d is within 30 days before service date\ncriterion I.4 "x" met when recent(a.since - 2 days)\n`,
      underlined: "a.since - 2 days",
      hint: "Give the date itself",
    },
  ),
  example(
    "wrongDefinitionArgument",
    {
      name: "low",
      parameter: "p",
      argument: "s",
      problem: { kind: "kind", expected: "a number", given: "a record" },
    },
    {
      name: "a number parameter given a record",
      policy: `${listedBase}define low(p: number unit "mm Hg") "the pressure is low" as p <= 55\ncriterion I.4 "x" met when some s in a.studies where low(s)\n`,
      underlined: "s",
    },
  ),
  example(
    "typeMismatch",
    { subject: "p", is: "a number", needs: { by: "condition" } },
    {
      name: "a value parameter standing alone as a condition",
      policy: `${base}define low(p: number) "the number is low" as p\ncriterion I.4 "x" met when low(a.age)\n`,
      underlined: "p",
      hint: "Compare it with a value.",
    },
  ),
  example(
    "definitionNeedsRecords",
    { name: "low", parameters: "a number in mm Hg" },
    {
      name: "a definition with a value parameter named alone",
      policy: `${base}define low(p: number unit "mm Hg") "the pressure is low" as p <= 55\ncriterion I.4 "x" met when low\n`,
      underlined: "low",
      hint: "giving each parameter a value",
    },
  ),
  example(
    "unusedParameter",
    { name: "low", parameter: "q" },
    {
      name: "a parameter the definition never reads",
      policy: `${base}${pressureFact}define low(p: number unit "mm Hg", q: number) "the pressure is low" as p <= 55\ncriterion I.4 "x" met when low(a.pressure, 3)\n`,
      underlined: "q",
      hint: "Read it in the condition",
    },
  ),
  // ----- PC127-PC129: claim guards, unit periods, codes with digits ---------------------------------
  example(
    "decisionTestOutsideGuard",
    { text: "coverage" },
    {
      name: "a criterion that reads the coverage decision",
      policy: `${base}criterion I.4 "Covered." met when a.flag and coverage is covered\n`,
      underlined: "coverage",
      hint: "move the test to a rule under the code",
    },
  ),
  example(
    "unknownUnitPeriod",
    { text: "week" },
    {
      name: "a unit limit per a week, which a claim check cannot count in",
      policy: coding('code A0002 "Second."\n  rule A2-units: units of pair at most 1 per week\n'),
      underlined: "week",
      hint: "`per month`",
    },
  ),
  example(
    "nameStartsWithDigit",
    { text: "99601" },
    {
      name: "a rule named after a CPT code, digits first",
      policy: coding('code 99601 "Home infusion."\n  rule 99601-units: units at most 1\n'),
      underlined: "99601",
      hint: "`cpt-99601`",
    },
  ),

  // ----- PC130-PC139: claim rules as coding rules are written --------------------------------------
  example(
    "refusesOwnModifier",
    { code: "A0001", modifier: "SD" },
    {
      name: "a rule that refuses the modifier its code is billed with",
      policy: coding('code A0001 modifier SD "First."\n  rule A1-no-SD: must not have modifier SD\n'),
      underlined: "SD",
      hint: "Remove SD from the rule",
    },
  ),
  example(
    "codeExcludedWithItself",
    { code: "A0002" },
    {
      name: "a code that must not be billed with itself",
      policy: coding('code A0002 "Second."\n  rule A2-self: not billed with A0002\n'),
      underlined: "A0002",
      hint: "Name the other code of the pair",
    },
  ),
  example(
    "codeExcludedWithItself",
    { code: "A0001", through: "pair" },
    {
      name: "a code that must not be billed with a group holding it",
      policy: coding('code A0001 "First."\n  rule A1-pair: not billed with any code of pair\n'),
      underlined: "pair",
    },
  ),
  example(
    "groupLimitOutsideGroup",
    { code: "A0003", group: "pair" },
    {
      name: "a group's unit limit under a code outside the group",
      policy: coding('code A0003 "Third."\n  rule A3-units: units of pair at most 1\n'),
      underlined: "pair",
      hint: "Write the rule under a code of pair",
    },
  ),
  example(
    "ruleOutlivesParent",
    { rule: "rule A2-kx", parent: "code A0002" },
    {
      name: "a rule in force before its code is valid",
      policy: coding(
        'code A0002 "Second."\n  added in 2024-06\n  rule A2-kx: requires modifier KX\n    added in 2024-01\n',
      ),
      underlined: "2024-01",
    },
  ),
  example(
    "cannotQualifyUnder",
    { id: "II.A", kind: "an exclusion" },
    {
      name: "a rule that reads a qualifying path through an exclusion",
      policy: coding(
        'code A0002 "Second."\n  rule A2-n1: requires modifier N1 when qualified under II.A\n',
        'section II "Not covered:"\nexclusion II.A "Children." not covered when a.age < 12\n',
      ),
      underlined: "II.A",
    },
  ),
  example(
    "modifierRequiredAndRefused",
    { code: "A0002", modifier: "KX" },
    {
      name: "a modifier both required and refused in the same revisions",
      policy: coding(
        'code A0002 "Second."\n  rule A2-kx: requires modifier KX\n  rule A2-no-kx: must not have modifier KX\n',
      ),
      underlined: "KX",
      hint: "End one rule where the other begins",
    },
  ),
  example(
    "ruleNeverPending",
    { rule: "A1-sd" },
    {
      name: "a claim case that expects pending a rule that reads only the lines",
      policy: coding('code A0001 "First."\n  rule A1-sd: requires modifier SD\n'),
      cases: 'cases for T.1\nclaim case "x"\n  on 2024-02-01\n  line A0001 units 1\n  expect pending A1-sd\n',
      underlined: "A1-sd",
      hint: "name it in `expect violations`",
    },
  ),

  // ----- PC110-PC119: units, percents and value sets ---------------------------------------------
  example(
    "unitMismatch",
    {
      operation: "compare",
      left: { text: "a.pressure", unit: "mm Hg", from: { kind: "fact", fact: "a.pressure", line: 14 } },
      right: { text: "88%", unit: "percent", from: { kind: "percent" } },
    },
    {
      name: "a pressure compared with a percent",
      policy: `${base}${pressureFact}criterion I.4 "x" met when a.pressure < 88%\n`,
      underlined: "a.pressure < 88%",
      hint: 'fact of `unit "percent"`',
    },
  ),
  example(
    "unitMismatch",
    {
      operation: "compare",
      left: { text: "a.pressure", unit: "mm Hg", from: { kind: "fact", fact: "a.pressure", line: 14 } },
      right: { text: "a.age", unit: undefined, from: { kind: "fact", fact: "a.age", line: 9 } },
    },
    {
      name: "a number with a unit compared with one without",
      policy: `${base}${pressureFact}criterion I.4 "x" met when a.pressure >= a.age\n`,
      underlined: "a.pressure >= a.age",
    },
  ),
  example(
    "unitMismatch",
    {
      operation: "compare",
      left: { text: "a.pressure", unit: "mm Hg", from: { kind: "fact", fact: "a.pressure", line: 14 } },
      right: { text: "a.mean", unit: "mm Hgs", from: { kind: "fact", fact: "a.mean", line: 15 } },
    },
    {
      name: "two units that are near misses of each other",
      policy: `${base}${pressureFact}fact a.mean: number unit "mm Hgs" description "M." ask "M?"\ncriterion I.4 "x" met when a.pressure > a.mean\n`,
      underlined: "a.pressure > a.mean",
      hint: "Did you mean the same unit?",
    },
  ),
  example(
    "unitMismatch",
    {
      operation: "addOrSubtract",
      left: { text: "claim.minutes", unit: "minutes", from: { kind: "fact", fact: "claim.minutes", line: 15 } },
      right: { text: "claim.n", unit: undefined, from: { kind: "fact", fact: "claim.n", line: 14 } },
    },
    {
      name: "a unit limit subtracting a plain count from minutes",
      policy: `${base}${claimFactN}${claimMinutes}code T1002 "RN." rule r1: units at most (claim.minutes - claim.n) / 15\n`,
      underlined: "claim.minutes - claim.n",
    },
  ),
  example(
    "unnamedUnit",
    {
      operation: "product",
      left: { text: "claim.minutes", unit: "minutes", from: { kind: "fact", fact: "claim.minutes", line: 14 } },
      right: { text: "claim.minutes", unit: "minutes", from: { kind: "fact", fact: "claim.minutes", line: 14 } },
    },
    {
      name: "a unit limit multiplying minutes by minutes",
      policy: `${base}${claimMinutes}code T1002 "RN." rule r1: units at most claim.minutes * claim.minutes\n`,
      underlined: "claim.minutes * claim.minutes",
      hint: "by a plain number",
    },
  ),
  example(
    "percentOutOfPlace",
    { text: "100%", expected: "a number" },
    {
      name: "a percent as the bound of a number fact",
      policy: `${base}fact a.spo2: number unit "percent" from 0 to 100% description "S." ask "S?"\n`,
      underlined: "100%",
      hint: '`number unit "percent"`',
    },
  ),
  example(
    "valueSetFileUnread",
    { path: "policy/copd.csv", problem: { kind: "missing" } },
    {
      name: "a value set whose file does not exist",
      policy: valueSetPolicy("d.primary is in copd"),
      project: () => undefined,
      underlined: '"copd.csv"',
    },
  ),
  example(
    "valueSetFileUnread",
    { path: "../copd.csv", problem: { kind: "name" } },
    {
      name: "a value set whose file climbs out of the policy's folder",
      policy: valueSetPolicy("d.primary is in copd", "../copd.csv"),
      project: () => undefined,
      underlined: '"../copd.csv"',
      hint: "no `..`",
    },
  ),
  example(
    "valueSetFileUnread",
    { path: "policy/copd.csv", problem: { kind: "link" } },
    {
      name: "a value set whose file is a symbolic link",
      policy: valueSetPolicy("d.primary is in copd"),
      project: (root) => {
        writeFileSync(join(root, "elsewhere.csv"), "code,label\nJ44.0,COPD\n");
        symlinkSync(join(root, "elsewhere.csv"), join(root, "policy", "copd.csv"));
      },
      underlined: '"copd.csv"',
    },
  ),
  example(
    "malformedValueSetRow",
    { row: { kind: "fields", count: 1 } },
    {
      name: "a row of a value set without its label",
      policy: valueSetPolicy("d.primary is in copd"),
      project: valueSetFile("code,label\nJ44.0,COPD\nJ44.1\n"),
      underlined: "J44.1",
    },
  ),
  example(
    "malformedValueSetRow",
    { row: { kind: "codeShape", code: "j44.9", system: "ICD-10-CM" } },
    {
      name: "a code of a value set not of its system's shape",
      policy: valueSetPolicy("d.primary is in copd"),
      project: valueSetFile("code,label\nJ44.0..j44.9,COPD\n"),
      underlined: "j44.9",
      hint: "capital letters",
    },
  ),
  example(
    "malformedValueSetRow",
    { row: { kind: "header" } },
    {
      name: "a value set file without its header",
      policy: valueSetPolicy("d.primary is in copd"),
      project: valueSetFile("J44.0,COPD\n"),
      underlined: "J44.0,COPD",
    },
  ),
  example(
    "overlappingCodes",
    { code: "J44.1", other: "J44", line: 2 },
    {
      name: "a code of a value set inside another row (a child of a listed code)",
      policy: valueSetPolicy("d.primary is in copd"),
      project: valueSetFile("code,label\nJ44,COPD\nJ44.1,COPD with exacerbation\n"),
      underlined: "J44.1",
    },
  ),
  example(
    "overlappingCodes",
    { code: "J44.1", other: "J44.1", line: 2 },
    {
      name: "a code listed twice in a value set",
      policy: valueSetPolicy("d.primary is in copd"),
      project: valueSetFile("code,label\nJ44.1,COPD with exacerbation\nJ44.1,again\n"),
      underlined: "J44.1",
    },
  ),
  example(
    "reversedRange",
    { first: "J44.9", last: "J44.0" },
    {
      name: "a range of codes written last first",
      policy: valueSetPolicy("d.primary is in copd"),
      project: valueSetFile("code,label\nJ44.9..J44.0,COPD\n"),
      underlined: "J44.9..J44.0",
      hint: "`J44.0..J44.9`",
    },
  ),
  example(
    "emptyValueSet",
    { name: "copd", path: "policy/copd.csv" },
    {
      name: "a value set file with no row",
      policy: valueSetPolicy("d.primary is in copd"),
      project: valueSetFile("code,label\n"),
      underlined: '"copd.csv"',
    },
  ),
  example(
    "unknownCodeSystem",
    { system: "ICD10", systems: ["ICD-10-CM", "ICD-10-PCS", "HCPCS", "CPT"] },
    {
      name: "a fact of codes of a system policyc does not know",
      policy: valueSetPolicy("d.primary is in copd").replace('code in system "ICD-10-CM"', 'code in system "ICD10"'),
      project: valueSetFile("code,label\nJ44.0,COPD\n"),
      underlined: '"ICD10"',
    },
  ),
  example(
    "membershipMismatch",
    { problem: { kind: "notCodes", subject: "a.age", is: "a number" } },
    {
      name: "a number tested for membership in a value set",
      policy: valueSetPolicy("a.age is in copd"),
      project: valueSetFile("code,label\nJ44.0,COPD\n"),
      underlined: "a.age",
    },
  ),
  example(
    "membershipMismatch",
    { problem: { kind: "form", subject: "d.others", holds: "a set of codes" } },
    {
      name: "`is in` on a fact of several codes",
      policy: valueSetPolicy("d.others is in copd"),
      project: valueSetFile("code,label\nJ44.0,COPD\n"),
      underlined: "d.others is in copd",
      hint: "`d.others has any in copd`",
    },
  ),
  example(
    "membershipMismatch",
    {
      problem: {
        kind: "system",
        subject: "d.procedure",
        factSystem: "HCPCS",
        valueSet: "copd",
        setSystem: "ICD-10-CM",
      },
    },
    {
      name: "a fact of HCPCS codes tested against a value set of ICD-10-CM codes",
      policy: valueSetPolicy("d.procedure is in copd"),
      project: valueSetFile("code,label\nJ44.0,COPD\n"),
      underlined: "d.procedure is in copd",
    },
  ),
  example(
    "membershipMismatch",
    { problem: { kind: "onlyMembership", subject: "d.primary" } },
    {
      name: "a fact of codes given a value",
      policy: valueSetPolicy("d.primary is J44.0"),
      project: valueSetFile("code,label\nJ44.0,COPD\n"),
      underlined: "J44.0",
      hint: "`d.primary is in <value set>`",
    },
  ),

  // ----- PC12x: references between statements ---------------------------------------------------
  example(
    "unknownStatement",
    { target: "criterion", id: "I.5" },
    {
      name: "a reference to a criterion that does not exist",
      policy: `${base}section II "Group II"\ncriterion II.1 "x" met when criterion I.5 and a.flag\n`,
      underlined: "I.5",
      hint: "I.1",
    },
  ),
  example(
    "referenceCycle",
    { cycle: ["I.4", "I"] },
    {
      name: "a criterion met through the section it is in",
      policy: `${base}criterion I.4 "x" met when section I\n`,
      underlined: "I",
      hint: "Refer to the statements the others need",
    },
  ),
  example(
    "referenceCycle",
    { cycle: ["II.1", "II.2.a"] },
    {
      name: "a criterion met through a part of another that refers back to it",
      policy: `${base}section II "Group II"\ncriterion II.1 "x" met when criterion II.2.a\ncriterion II.2 "y" met when II.2.a\ncriterion II.2.a "z" met when criterion II.1\n`,
      underlined: "II.2.a",
    },
  ),
  example(
    "referenceToWrongKind",
    { target: "criterion", id: "I.E", is: "exclusion" },
    {
      name: "a reference to an exclusion as met",
      policy: `${base}exclusion I.E "Not covered." not covered when a.age > 100\ncriterion I.4 "x" met when criterion I.E\n`,
      underlined: "I.E",
      hint: "`define`",
    },
  ),
  example(
    "referenceToWrongKind",
    { target: "criterion", id: "I", is: "section" },
    {
      name: "a section referred to as a criterion",
      policy: `${base}section II "Group II"\ncriterion II.1 "x" met when criterion I\n`,
      underlined: "I",
      hint: "Write `section I`.",
    },
  ),
  example(
    "referenceOutlivesTarget",
    { referrer: "I.4", id: "I.3" },
    {
      name: "a criterion referring to one added after it",
      policy: `${base}criterion I.4 "x" met when criterion I.3\n`.replace(
        'criterion I.3 "Adult." met when a.age >= 18',
        'criterion I.3 "Adult." met when a.age >= 18 added in 2024-06',
      ),
      underlined: "I.3",
      hint: "Give I.4 a lifetime within I.3's",
    },
  ),
  example(
    "referenceOutsideCriterion",
    { id: "I.1" },
    {
      name: "a reference in a definition",
      policy: `${base}define flagged "flagged" as criterion I.1\ncriterion I.4 "x" met when flagged\n`,
      underlined: "I.1",
      hint: "`met when` of a criterion",
    },
  ),

  // ----- PC136-PC138: records' identifying fields, definitions' one-of and code parameters -------
  example(
    "unfitIdentifyingField",
    { field: "performd", list: "a.studies", problem: "not a field" },
    {
      name: "an identifying field the records do not have",
      policy: listedBase.replace(
        '    field ordered "the study was ordered": yes or no\n',
        "$&    identified by performd\n",
      ),
      underlined: "performd",
      hint: "`performed`",
    },
  ),
  example(
    "unfitIdentifyingField",
    { field: "kinds", list: "a.studies", problem: "a set" },
    {
      name: "an identifying field that holds a set",
      policy: listedBase.replace(
        '    field ordered "the study was ordered": yes or no\n',
        '$&    field kinds "the kinds": set of x "x", y "y"\n    identified by performed, kinds\n',
      ),
      underlined: "kinds",
      hint: "Identify the records by a date",
    },
  ),
  example(
    "unfitIdentifyingField",
    { field: "performed", list: "a.studies", problem: "named twice" },
    {
      name: "an identifying field named twice",
      policy: listedBase.replace(
        '    field ordered "the study was ordered": yes or no\n',
        "$&    identified by performed, ordered, performed\n",
      ),
      underlined: "performed",
      hint: "Name it once",
    },
  ),
  example(
    "unlistedArgumentValues",
    { name: "at_home", parameter: "p", argument: "a.place", values: ["clinic"] },
    {
      name: "a one-of fact given to a one-of parameter that does not list all its values",
      policy: `${base}define at_home(p: one of (home "at home", hospital "in a hospital")) "the place is home" as p is home\ncriterion I.4 "x" met when at_home(a.place)\n`,
      underlined: "a.place",
      hint: "List `clinic` among the values of `p`",
    },
  ),

  // ----- PC140-PC149: the FHIR mapping ------------------------------------------------------------
  example(
    "unknownFhirSource",
    { name: "patient.agee" },
    {
      name: "a fact mapped from a source the compiler does not know",
      policy: fhirMapped("  map a.age from patient.agee\n"),
      underlined: "patient.agee",
      hint: "`patient.age`",
    },
  ),
  example(
    "fhirSourceTypeMismatch",
    { source: "patient.age", gives: "a number of years", fact: "a.flag", is: "yes or no" },
    {
      name: "a yes-or-no fact mapped from the patient's age",
      policy: fhirMapped("  map a.flag from patient.age\n"),
      underlined: "patient.age",
      hint: "Map a number fact of years",
    },
  ),
  example(
    "fhirSourceTypeMismatch",
    { source: "order.code", gives: "the order's code", fact: "a.age", is: "a number" },
    {
      name: "a number fact mapped from the order's code",
      policy: fhirMapped("  map a.age from order.code\n"),
      underlined: "order.code",
      hint: "of listed values",
    },
  ),
  example(
    "factMappedTwice",
    { fact: "a.age", line: lineOf(fhirMapped(""), "orders in system") + 1 },
    {
      name: "a fact mapped from two sources",
      policy: fhirMapped("  map a.age from patient.age\n  map a.age from patient.age\n"),
      underlined: "a.age",
      hint: "Remove one",
    },
  ),
  example(
    "fhirMappingTwice",
    { line: lineOf(fhirMapped(""), "fhir") },
    {
      name: "a second fhir block",
      policy: fhirMapped("  map a.age from patient.age\n", 'fhir\n  orders in system "HCPCS": A0003\n'),
      underlined: "fhir",
      hint: "first `fhir` block",
    },
  ),
  example(
    "unknownOrderSystem",
    { system: "LOINC", systems: ["HCPCS", "CPT", "ICD-10-PCS"] },
    {
      name: "orders of a code system that codes no orders",
      policy: `${coding("")}fhir\n  orders in system "LOINC": A0001\n`,
      underlined: '"LOINC"',
    },
  ),
  example(
    "meaningOfCodeNotOrdered",
    { code: "A0003" },
    {
      name: "a code given a meaning that no order the policy applies to carries",
      policy: fhirMapped("  map a.place from order.code: A0001 as home, A0003 as clinic\n"),
      underlined: "A0003",
      hint: "orders in system",
    },
  ),
  example(
    "fhirSourceParts",
    { source: "condition", problem: "needsValueSet" },
    {
      name: "a Condition source without its value set",
      policy: fhirMapped("  map a.flag from condition\n"),
      underlined: "condition",
    },
  ),
  example(
    "fhirSourceParts",
    { source: "order.code", problem: "needsMeanings" },
    {
      name: "a fact of listed values from the order's code without the meaning of each code",
      policy: fhirMapped("  map a.place from order.code\n"),
      underlined: "order.code",
    },
  ),
  example(
    "codeMeantTwice",
    { code: "A0001", fact: "a.place" },
    {
      name: "an order code given two values of one fact",
      policy: fhirMapped("  map a.place from order.code: A0001 as home, A0002 as clinic, A0001 as clinic\n"),
      underlined: "A0001",
      hint: "Remove one",
    },
  ),
  example(
    "fhirMappingWithoutOrders",
    {},
    {
      name: "a FHIR mapping that names no order codes",
      policy: `${base}fhir\n  map a.age from patient.age\n`,
      underlined: "fhir",
      hint: "orders in system",
    },
  ),

  // ----- PC149-PC150: what a claim case expects ---------------------------------------------------
  example(
    "ruleBrokenAndPending",
    { rule: "A1-n" },
    {
      name: "a claim case that expects one rule both broken and pending",
      policy: coding('code A0001 "First."\n  rule A1-n: units at most claim.n\n', claimFactN),
      cases:
        'cases for T.1\nclaim case "x"\n  on 2024-02-01\n  line A0001 units 2\n  expect violations A1-n\n  expect pending A1-n\n',
      underlined: "A1-n",
      hint: "Keep A1-n in `expect violations` if the claim breaks it",
    },
  ),
  example(
    "cleanAndPending",
    {},
    {
      name: "a claim case that expects clean and pending",
      policy: coding('code A0001 "First."\n  rule A1-n: units at most claim.n\n', claimFactN),
      cases:
        'cases for T.1\nclaim case "x"\n  on 2024-02-01\n  line A0001 units 2\n  expect clean\n  expect pending A1-n\n',
      underlined: "expect clean",
      hint: "Drop `expect clean`",
    },
  ),
];

describe("each diagnostic", () => {
  for (const example of examples) {
    const entry: CatalogueEntry<never> = catalogue[example.key];
    it(`${entry.code}: ${example.name}`, () => {
      const { diagnostics, texts } = example.project
        ? diagnoseProject(example.policy, example.project)
        : diagnose(example.policy, example.cases);
      const all = JSON.stringify(diagnostics.map((d) => [d.code, d.message]));
      const found = diagnostics.find((d) => d.code === entry.code && d.message === example.message);
      expect(found, all).toBeDefined();
      if (!found) return;
      // One sentence, with a period last and nothing left unfilled.
      expect(found.message).toMatch(/^\S[^\n]*\.$/);
      expect(found.message).not.toMatch(/undefined|\[object /);
      expect(found.severity).toBe(entry.severity);
      expect(underlined(found, texts.get(found.file) ?? "")).toBe(example.underlined);
      if (example.hint !== undefined) expect(found.hint).toContain(example.hint);
      const rendered = renderDiagnostics([found], (file) => texts.get(file));
      expect(rendered).toContain(`${entry.severity}[${entry.code}]: ${entry.title}\n`);
      expect(rendered).toContain(` ${example.message}\n`);
    });
  }

  it("has an example for every entry of the catalogue, so a code no source can produce fails", () => {
    expect(new Set(examples.map((e) => e.key))).toEqual(new Set(Object.keys(catalogue)));
  });
});

describe("the catalogue", () => {
  const pages = join(projectRoot, "docs", "diagnostics");

  it("gives each code once", () => {
    const codes = allCatalogueEntries.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("explains each code in docs/diagnostics/<code>.md, headed by its code and title", () => {
    for (const entry of allCatalogueEntries) {
      const page = join(pages, `${entry.code}.md`);
      expect(existsSync(page), page).toBe(true);
      expect(readFileSync(page, "utf8").split("\n")[0]).toBe(`# ${entry.code}: ${entry.title}`);
    }
  });

  it("has a code for every page, and lists every code with its title in docs/diagnostics/README.md", () => {
    const codes = allCatalogueEntries.map((entry) => entry.code);
    const documented = readdirSync(pages).flatMap((name) => /^(PC\d{3})\.md$/.exec(name)?.[1] ?? []);
    expect(new Set(documented)).toEqual(new Set(codes));
    const index = readFileSync(join(pages, "README.md"), "utf8");
    for (const entry of allCatalogueEntries)
      expect(index).toContain(`| [${entry.code}](${entry.code}.md) | ${entry.title} |`);
  });

  it("makes a diagnostic only from an entry and arguments of that entry's shape (a wrong one does not compile)", () => {
    const span = { offset: 0, endOffset: 1, line: 1, column: 1, endLine: 1, endColumn: 2 };
    const made = diagnostic(catalogue.unknownCategory, "t.policy", span, { name: "saftey" });
    expect(made.message).toBe("No category is named `saftey`.");
    // @ts-expect-error: a message written at the call site is not an entry's arguments.
    expect(() => diagnostic(catalogue.unknownCategory, "t.policy", span, "No category is named `x`.")).not.toThrow();
    // @ts-expect-error: the arguments of another entry (unknownName takes a kind too).
    expect(diagnostic(catalogue.unknownName, "t.policy", span, { name: "x" }).code).toBe("PC020");
    // @ts-expect-error: a kind the catalogue does not list.
    expect(diagnostic(catalogue.unknownName, "t.policy", span, { name: "x", kind: "thing" }).code).toBe("PC020");
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
      for (const found of result.diagnostics) {
        expect(found.span.line).toBeGreaterThanOrEqual(1);
        expect(found.message.length).toBeGreaterThan(0);
      }
    }
  });
});
