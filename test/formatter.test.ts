// The formatter, on fixtures: canonical layout, idempotent, never loses a comment or changes what a
// file says. (That the live policy files are laid out this way: policy-files-are-formatted.test.ts.)

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatSource } from "../compiler/format/format-source.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { parseSource } from "../compiler/syntax/parse.js";
import { projectRoot } from "./support/evaluators.js";
import { expectGolden } from "./support/golden.js";

function filesUnder(folder: string): string[] {
  return readdirSync(join(projectRoot, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(policy|cases)$/.test(entry.name) && !entry.name.includes("broken"))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("policyc format", () => {
  it("lays out a messy file the canonical way", () => {
    const path = join(projectRoot, "test/fixtures/format/messy.policy");
    const result = formatSource(readFileSync(path, "utf8"), "messy.policy");
    expect(result.diagnostics).toEqual([]);
    expectGolden(join(projectRoot, "test/fixtures/format/messy.formatted.policy"), result.text ?? "");
  });

  it("keeps every comment, each where it was", () => {
    const text = readFileSync(join(projectRoot, "test/fixtures/format/messy.policy"), "utf8");
    const formatted = formatSource(text, "messy.policy").text ?? "";
    expect(formatted).toContain('ask "Is the flag set?"  # a trailing comment\n');
    expect(formatted).toContain("  # a comment before a clause\n  reading");
    expect(formatted).toMatch(/a\.age >= 18 and\n\s+# a comment inside a condition\n\s+a\.flag/);
  });

  it("is idempotent on every policy and case file of the fixtures", () => {
    const files = filesUnder("test/fixtures");
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const once = formatSource(readFileSync(file, "utf8"), file).text ?? "";
      expect(formatSource(once, file).text, file).toBe(once);
    }
  });

  it("finds every fixture already laid out, except those kept unformatted on purpose", () => {
    // messy.policy is the formatter's own input; hostile.policy tests the docs' escaping as written.
    const onPurpose = ["messy.policy", "hostile.policy"];
    const files = filesUnder("test/fixtures").filter((file) => !onPurpose.some((name) => file.endsWith(name)));
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      expect(formatSource(text, file).text, file).toBe(text);
    }
  });

  it("lays out a statement's versions, each under its `before`, their clauses two deeper", () => {
    const messy = [
      'criterion I.A.2 "Now." met when a.flag and a.other category c added in 2021-05 before 2026-05 "Then."',
      "met when a.flag   category d  # why it changed",
      'reading "r" before 2024-05-b met when a.other',
      'exclusion II.A "x" not covered when a.flag before v7 "y" not covered unless a.other',
      "",
    ].join("\n");
    const formatted = formatSource(messy, "versions.policy").text;
    expect(formatted).toBe(
      [
        'criterion I.A.2 "Now."',
        "  met when a.flag and a.other",
        "  category c",
        "  added in 2021-05",
        '  before 2026-05 "Then."',
        "    met when a.flag",
        "    category d  # why it changed",
        '    reading "r"',
        "  before 2024-05-b",
        "    met when a.other",
        'exclusion II.A "x"',
        "  not covered when a.flag",
        '  before v7 "y"',
        "    not covered unless a.other",
        "",
      ].join("\n"),
    );
    expect(formatSource(formatted ?? "", "versions.policy").text).toBe(formatted);
  });

  it("lays out records and definitions as the language guide writes them", () => {
    const messy = [
      'fact lab.studies: list of field performed "the day the study was performed": date field method "how the study was done, as the laboratory reports it": one of arterial_blood_gas "an arterial blood gas study", oximetry "an oximetry test" field attended "the study was attended": yes or no',
      '  description "The studies." ask "Which studies?"',
      'define abg (study: lab.studies) "the study is an arterial blood gas study" as study.method is arterial_blood_gas',
      'criterion I.1 "x" met when member.age >= 18 or some study in lab.studies where abg (study) and study.attended and study.performed is within 30 days before service date',
      "",
    ].join("\n");
    const formatted = formatSource(messy, "records.policy").text ?? "";
    expect(formatted.split("\n")).toEqual([
      "fact lab.studies: list of",
      '    field performed "the day the study was performed": date',
      '    field method "how the study was done, as the laboratory reports it": one of',
      '      arterial_blood_gas "an arterial blood gas study",',
      '      oximetry "an oximetry test"',
      '    field attended "the study was attended": yes or no',
      '  description "The studies."',
      '  ask "Which studies?"',
      // A definition's parameters and a call's arguments are written against its name.
      'define abg(study: lab.studies) "the study is an arterial blood gas study" as',
      "  study.method is arterial_blood_gas",
      'criterion I.1 "x"',
      "  met when member.age >= 18",
      // The joins inside the quantifier's `where` break deeper than the `or` around it: they are its.
      "    or some study in lab.studies where abg(study)",
      "      and study.attended",
      "      and study.performed is within 30 days before service date",
      "",
    ]);
    expect(formatSource(formatted, "records.policy").text).toBe(formatted);
  });

  it("formats nothing with a syntax error, and says why", () => {
    const result = formatSource('criterion I.1 "x" met when (a.flag\n', "bad.policy");
    expect(result.text).toBeUndefined();
    expect(result.diagnostics[0]?.code).toBe("PC002");
  });

  describe("formats, keeping every comment, and twice gives the same text", () => {
    const path = "test/fixtures/continuous-glucose-monitors/cgm.policy";
    const policy = readFileSync(join(projectRoot, path), "utf8");
    const commented = policy
      .replace("section I ", "# Sections come next.   \nsection I ")
      .replace("  category clinical\n", "  category clinical  # a trailing comment\t \n");
    const variants: [string, string][] = [
      ["a comment with trailing spaces", commented],
      ["a CRLF file with comments", commented.replace(/\n/g, "\r\n")],
      ["a file starting with a byte order mark", `\ufeff${commented}`],
      [
        "comments on lines ended by a lone carriage return",
        commented.replace("# Sections come next.   \n", "# Sections come next.\r# and a second comment\r"),
      ],
    ];
    const comments = (text: string) => parseSource(text, path).comments.map((comment) => comment.image.trimEnd());
    const codes = (text: string) => checkPolicySource(text, path).diagnostics.map((d) => d.code);
    for (const [name, text] of variants) {
      it(name, () => {
        const result = formatSource(text, path);
        expect(result.diagnostics).toEqual([]);
        const once = result.text ?? "";
        expect(once).toMatch(/^# A fixture policy/);
        expect(once).not.toMatch(/[ \t\r\ufeff]\n/);
        expect(comments(once)).toEqual(comments(text));
        expect(comments(once)).toContain("# a trailing comment");
        expect(formatSource(once, path).text).toBe(once);
        expect(codes(once)).toEqual(codes(text));
      });
    }
  });
});
