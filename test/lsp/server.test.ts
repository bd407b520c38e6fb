// The language server driven as an editor drives it: `policyc lsp --stdio` started as a process, spoken
// to over JSON-RPC, a copy of the home-infusion fixture opened and edited in memory. Diagnostics are
// held to what `policyc check` reports for the same text (checkProject, in a scratch project written
// with it); completion, hover, definition, references, quick fixes, formatting, symbols and folding
// to the fixture's declarations.

import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic, Range } from "vscode-languageserver-protocol";
import { checkProject } from "../../compiler/build/build.js";
import { formatSource } from "../../compiler/format/format-source.js";
import { projectRoot } from "../support/evaluators.js";
import { homeInfusion } from "../support/home-infusion.js";
import { fileUri, LspClient, positionOf } from "./lsp-client.js";

const root = join(projectRoot, ".tmp", "lsp-server");
const policyPath = join(root, "policy", "home-infusion.policy");
const casesPath = join(root, "policy", "home-infusion.cases");
const policyUri = fileUri(policyPath);
const casesUri = fileUri(casesPath);
const policyText = readFileSync(homeInfusion.policy, "utf8");
const casesText = readFileSync(join(homeInfusion.folder, "home-infusion.cases"), "utf8");

let client: LspClient;

beforeAll(async () => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, "policy"), { recursive: true });
  for (const file of [
    "home-infusion.policy",
    "home-infusion.cases",
    "home-infusion.claims.cases",
    "home-infusion.published.txt",
  ])
    cpSync(join(homeInfusion.folder, file), join(root, "policy", file));
  client = await LspClient.start();
});

afterAll(async () => {
  expect(await client.stop()).toBe(0);
});

/** What `policyc check` reports for `file` once `text` is written there, as the editor should show it. */
function checkedAs(file: string, text: string, path: string): { code: string; message: string; range: Range }[] {
  const original = readFileSync(file, "utf8");
  writeFileSync(file, text);
  const diagnostics = checkProject(root).diagnostics;
  writeFileSync(file, original);
  return diagnostics
    .filter((found) => found.file === path)
    .map((found) => ({
      code: found.code,
      message: found.hint === undefined ? found.message : `${found.message}\n${found.hint}`,
      range: {
        start: { line: found.span.line - 1, character: found.span.column - 1 },
        // A span's end column is its last character's, counted from 1: the editor's end, counted from 0, after it.
        end: { line: found.span.endLine - 1, character: found.span.endColumn },
      },
    }));
}

function shown(diagnostics: readonly Diagnostic[]): { code: string; message: string; range: Range }[] {
  return diagnostics.map((found) => ({
    code: String(found.code),
    message: typeof found.message === "string" ? found.message : found.message.value,
    range: found.range,
  }));
}

/** `text` with the range replaced by `newText`, as the editor applies an edit. */
function applyEdit(text: string, range: Range, newText: string): string {
  const offset = (position: Range["start"]) =>
    text
      .split("\n")
      .slice(0, position.line)
      .reduce((sum, line) => sum + line.length + 1, 0) + position.character;
  return text.slice(0, offset(range.start)) + newText + text.slice(offset(range.end));
}

function rangeOfText(text: string, needle: string, occurrence = 0): Range {
  return { start: positionOf(text, needle, 0, occurrence), end: positionOf(text, needle, needle.length, occurrence) };
}

describe("policyc lsp over stdio", () => {
  let current = policyText;

  it("offers every feature in its capabilities", () => {
    expect(client.capabilities).toMatchObject({
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentFormattingProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
    });
    expect(client.capabilities.completionProvider).toBeDefined();
    expect(client.capabilities.codeActionProvider).toBeDefined();
  });

  it("reports nothing on the fixture as it is, and what policyc check reports once an edit breaks it", async () => {
    expect(await client.open(policyUri, current)).toEqual([]);
    const use = positionOf(current, "met when service.safe_in_living_environment", 9);
    const misspelt = { start: use, end: { line: use.line, character: use.character + 34 } };
    const diagnostics = await client.edit(policyUri, misspelt, "service.safe_in_living_enviroment");
    current = applyEdit(current, misspelt, "service.safe_in_living_enviroment");
    const expected = checkedAs(policyPath, current, "policy/home-infusion.policy");
    expect(expected.map((found) => found.code)).toEqual(["PC020"]);
    expect(shown(diagnostics)).toEqual(expected);
    expect(diagnostics[0]?.message).toContain("Did you mean `service.safe_in_living_environment`?");
  });

  it("offers the checker's suggestion as a quick fix that replaces just the name", async () => {
    const diagnostics = shown(await client.edit(policyUri, rangeOfText(current, "criterion I.A.1"), "criterion I.A.1"));
    const [found] = diagnostics;
    if (!found) throw new Error("expected the misspelt name's diagnostic");
    const actions = await client.codeActions(policyUri, found.range, []);
    expect(actions.map((action) => action.title)).toEqual(["Change to `service.safe_in_living_environment`"]);
    const edits = actions[0]?.edit?.changes?.[policyUri] ?? [];
    expect(edits).toEqual([{ range: found.range, newText: "service.safe_in_living_environment" }]);
    const fixed = await client.edit(policyUri, found.range, "service.safe_in_living_environment");
    current = applyEdit(current, found.range, "service.safe_in_living_environment");
    expect(fixed).toEqual([]);
    expect(current).toBe(policyText);
  });

  it("completes keywords, facts, definitions, statement ids, revisions, categories and enumeration values", async () => {
    const anywhere = await client.completion(policyUri, positionOf(current, "met when self_administered", 9));
    const labels = new Set(anywhere.map((item) => item.label));
    for (const expected of [
      "met when",
      "criterion",
      "contains",
      "within",
      "member.residence",
      "self_administered",
      "I.A.3",
      "EPSDT",
      "2024-05",
    ])
      expect(labels, expected).toContain(expected);
    const fact = anywhere.find((item) => item.label === "member.age");
    expect(fact).toMatchObject({ detail: 'number unit "years" from 0 to 130' });
    const values = await client.completion(policyUri, positionOf(current, "member.residence is one of (", 28));
    expect(values.map((item) => [item.label, item.detail])).toEqual([
      ["private_residence", "a private residence"],
      ["adult_care_home", "an adult care home (such as a domiciliary care or family care home)"],
      ["skilled_nursing_facility", "a skilled nursing facility"],
      ["hospital", "a hospital"],
      ["other_setting", "another setting"],
    ]);
    const revisions = await client.completion(policyUri, positionOf(current, "added in 2024-05", 9));
    expect(revisions.map((item) => item.label)).toEqual([
      "2021-05",
      "2021-08",
      "2022-08",
      "2023-04",
      "2023-08",
      "2024-05",
      "2025-05",
    ]);
    const categories = await client.completion(policyUri, positionOf(current, "  category safety", 11));
    expect(categories.map((item) => item.label)).toContain("self_administration");
    expect(categories.every((item) => item.labelDetails?.description === "category")).toBe(true);
  });

  it("completes inside a statement still being typed, with the syntax error reported meanwhile", async () => {
    const end = positionOf(current, "criterion I.A.4");
    const typing = 'criterion I.A.9 "New."\n  met when member.residence is one of (hosp';
    const diagnostics = await client.edit(policyUri, { start: end, end }, `${typing}\n\n`);
    // A syntax error (PC001-PC007: the parenthesis is not closed) while the author types.
    expect(diagnostics.some((found) => /^PC00[1-7]$/.test(String(found.code)))).toBe(true);
    const at = { line: end.line + 1, character: "  met when member.residence is one of (hosp".length };
    const values = await client.completion(policyUri, at);
    expect(values.map((item) => item.label)).toContain("hospital");
    expect(values[0]?.textEdit).toMatchObject({
      newText: "private_residence",
      range: { start: { line: at.line, character: at.character - 4 }, end: at },
    });
    const undone = await client.edit(policyUri, { start: end, end: { line: end.line + 3, character: 0 } }, "");
    expect(undone).toEqual([]);
  });

  it("completes the FHIR sources after `map <fact> from`", async () => {
    const end = positionOf(current, "criterion I.A.4");
    const typing = 'fhir\n  orders in system "HCPCS": S9494\n  map member.age from pat';
    await client.edit(policyUri, { start: end, end }, `${typing}\n\n`);
    const sources = await client.completion(policyUri, {
      line: end.line + 2,
      character: "  map member.age from pat".length,
    });
    expect(sources.map((item) => item.label)).toEqual([
      "patient.age",
      "patient.birth_date",
      "coverage.start",
      "coverage.end",
      "coverage.has_end",
      "order.code",
      "condition",
    ]);
    expect(sources[0]?.detail).toContain("birthDate");
    const undone = await client.edit(policyUri, { start: end, end: { line: end.line + 4, character: 0 } }, "");
    expect(undone).toEqual([]);
  });

  it("hovers a fact, a statement id and a revision with what an author needs", async () => {
    const fact = await client.hover(policyUri, positionOf(current, "met when member.residence", 12));
    const factText = hoverText(fact);
    expect(factText).toContain("**fact** `member.residence`");
    expect(factText).toContain("Type: one of");
    expect(factText).toContain("`private_residence`: a private residence");
    expect(factText).toContain("The place where the member lives and will receive the therapy.");
    expect(factText).toContain("Asks: “Where will the member receive the therapy?”");
    expect(factText).toMatch(/Read by: .*`I\.A\.3`/);
    const statement = hoverText(
      await client.hover(policyUri, positionOf(current, "overrides I.A.3, I.A.4, I.A.5", 26)),
    );
    expect(statement).toContain("**criterion** `I.A.5`");
    expect(statement).toContain("> The home environment is conducive");
    expect(statement).toContain('Reading: "i.e." introduces what conducive means');
    expect(statement).toContain("Lifetime: added in 2024-05");
    const revision = hoverText(await client.hover(policyUri, positionOf(current, "added in 2024-05", 10)));
    expect(revision).toContain("**revision** `2024-05`");
    expect(revision).toContain("Annual Review. Added Criteria I.A.5.");
  });

  it("goes to the definition of a name and finds its references, in the policy and its case files", async () => {
    const definition = await client.definition(policyUri, positionOf(current, "met when self_administered", 12));
    expect(definition).toEqual({ uri: policyUri, range: rangeOfText(current, "self_administered", 1) });
    expect(current.split("\n")[definition?.range.start.line ?? 0]).toContain("defines self_administered");
    const references = await client.references(policyUri, positionOf(current, "fact member.residence", 8));
    const inPolicy = references.filter((location) => location.uri === policyUri);
    const inCases = references.filter((location) => location.uri === casesUri);
    expect(inPolicy.length).toBe(current.split("member.residence").length - 2);
    expect(inCases.length).toBe(casesText.split("member.residence").length - 1);
    const withDeclaration = await client.references(policyUri, positionOf(current, "fact member.residence", 8), true);
    expect(withDeclaration.length).toBe(references.length + 1);
  });

  it("formats the document with the project's formatter", async () => {
    const messy = applyEdit(
      current,
      rangeOfText(current, "  met when member.clinical_status_stable"),
      "      met when member.clinical_status_stable",
    );
    await client.edit(
      policyUri,
      rangeOfText(current, "  met when member.clinical_status_stable"),
      "      met when member.clinical_status_stable",
    );
    const edits = await client.format(policyUri);
    expect(edits).toHaveLength(1);
    expect(edits[0]?.newText).toBe(formatSource(messy, "policy/home-infusion.policy").text);
    expect(edits[0]?.newText).toContain("\n  met when member.clinical_status_stable\n");
    const restored = await client.edit(
      policyUri,
      rangeOfText(messy, "      met when member.clinical_status_stable"),
      "  met when member.clinical_status_stable",
    );
    expect(restored).toEqual([]);
  });

  it("outlines the policy by its section numbers and folds its statements", async () => {
    const symbols = await client.symbols(policyUri);
    const sectionI = symbols.find((symbol) => symbol.name === "I");
    const sectionIA = sectionI?.children?.find((symbol) => symbol.name === "I.A");
    expect(sectionIA?.children?.map((symbol) => symbol.name)).toEqual([
      "I.A.1",
      "I.A.2",
      "I.A.3",
      "I.A.4",
      "I.A.note",
      "I.A.5",
    ]);
    expect(symbols.map((symbol) => symbol.name)).toContain("member.residence");
    expect(symbols.map((symbol) => symbol.name)).toContain("revision 2024-05");
    const folds = await client.folding(policyUri);
    const residence = positionOf(current, "fact member.residence").line;
    expect(folds).toContainEqual({ startLine: residence, endLine: residence + 7 });
    expect(folds.some((fold) => fold.startLine === 0 && fold.kind === "comment")).toBe(true);
  });
});

describe("policyc lsp on a document not yet saved", () => {
  it("answers without a project, and goes on serving the others", async () => {
    const untitled = "untitled:Untitled-1";
    expect(await client.open(untitled, policyText)).toEqual([]);
    expect(await client.hover(untitled, positionOf(policyText, "met when member.residence", 12))).toBeNull();
    expect(await client.completion(untitled, positionOf(policyText, "met when member.residence", 9))).toEqual([]);
    const hover = await client.hover(policyUri, positionOf(policyText, "met when member.residence", 12));
    expect(hover).not.toBeNull();
  });
});

describe("policyc lsp on a case file", () => {
  let current = casesText;

  it("reports what policyc check reports for the case file, against its policy as the editor holds it", async () => {
    expect(await client.open(casesUri, current)).toEqual([]);
    const value = rangeOfText(current, "member.residence = private_residence");
    const diagnostics = await client.edit(casesUri, value, "member.residence = private_residense");
    current = applyEdit(current, value, "member.residence = private_residense");
    const expected = checkedAs(casesPath, current, "policy/home-infusion.cases");
    expect(expected).toHaveLength(1);
    expect(shown(diagnostics)).toEqual(expected);
  });

  it("completes a fact's values, hovers a fact and goes to its declaration in the policy", async () => {
    const values = await client.completion(casesUri, positionOf(current, "member.residence = private_residense", 19));
    expect(values.map((item) => item.label)).toContain("adult_care_home");
    const hover = hoverText(await client.hover(casesUri, positionOf(current, "member.age = 45", 3)));
    expect(hover).toContain("The member's age in whole years on the date of service.");
    const definition = await client.definition(casesUri, positionOf(current, "member.age = 45", 3));
    expect(definition?.uri).toBe(policyUri);
    expect(definition?.range).toEqual(rangeOfText(policyText, "member.age", 0));
    const factSet = await client.definition(casesUri, positionOf(current, "given adult_at_home", 7));
    expect(factSet).toEqual({ uri: casesUri, range: rangeOfText(current, "adult_at_home") });
  });
});

function hoverText(hover: Awaited<ReturnType<LspClient["hover"]>>): string {
  const contents = hover?.contents;
  return contents !== undefined && typeof contents === "object" && "value" in contents ? contents.value : "";
}
