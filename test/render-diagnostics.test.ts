// Rendering diagnostics for a terminal: each source's lines are indexed once however many
// diagnostics it has (rendering used to split the whole text again for each one), and the line
// shown is the one the span's line number names, whatever the file's line ends.

import { describe, expect, it } from "vitest";
import { catalogue } from "../compiler/diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../compiler/diagnostics/diagnostic.js";
import { renderDiagnostics } from "../compiler/diagnostics/render.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import type { Span } from "../compiler/syntax/ast.js";
import { LineIndex } from "../compiler/syntax/line-index.js";

function spanAt(line: number, column: number, width: number): Span {
  return { offset: 0, endOffset: width, line, column, endLine: line, endColumn: column + width - 1 };
}

function unknownName(file: string, line: number): Diagnostic {
  return diagnostic(catalogue.unknownName, file, spanAt(line, 12, 6), { name: "a.flag", kind: "fact" });
}

describe("rendering diagnostics", () => {
  it("indexes the lines of each source once, however many diagnostics it has", () => {
    const text = Array.from({ length: 5_000 }, (_, i) => `criterion I.${i} "x" met when a.flag\n`).join("");
    const diagnostics = [
      ...Array.from({ length: 5_000 }, (_, i) => unknownName("one.policy", i + 1)),
      ...Array.from({ length: 1_000 }, (_, i) => unknownName("two.policy", i + 1)),
    ];
    const before = LineIndex.built;
    const rendered = renderDiagnostics(diagnostics, () => text);
    expect(LineIndex.built - before).toBe(2);
    expect(rendered).toContain('4999 | criterion I.4998 "x" met when a.flag\n');
  });

  it("shows the line a span names, whatever the line ends: LF, CRLF or a lone CR", () => {
    for (const end of ["\n", "\r\n", "\r"]) {
      const text = ["first line", "  met when a.flag", "last line"].join(end);
      const rendered = renderDiagnostics([unknownName("t.policy", 2)], () => text);
      expect(rendered, JSON.stringify(end)).toContain("2 |   met when a.flag\n  |            ^^^^^^ No fact");
    }
  });

  it("leaves out a byte order mark, and underlines the same characters", () => {
    const text = "\ufeffpolicy T.1\n";
    const result = checkPolicySource(text, "t.policy");
    const rendered = renderDiagnostics(result.diagnostics, () => text);
    expect(rendered).toContain("1 | policy T.1\n  |        ^^^ This policy has no `title`.");
    expect(rendered).not.toContain("\ufeff");
  });

  it("shows a diagnostic about a file that was not read without a source line, its name escaped", () => {
    const file = "policy/x\nerror[PC000]: forged\u202e.policy";
    const problem = diagnostic(
      catalogue.unsafeFileName,
      file,
      spanAt(1, 1, 0),
      { name: "x\nerror[PC000]: forged\u202e.policy", of: "file" },
      {
        related: [{ file, span: spanAt(1, 1, 0), message: "also here" }],
      },
    );
    const rendered = renderDiagnostics([problem], () => undefined);
    expect(rendered.split("\n")).toEqual([
      "error[PC060]: Unsafe file or folder name",
      ' --> "policy/x\\nerror[PC000]: forged\\u202e.policy"',
      '  | The file name "x\\nerror[PC000]: forged\\u202e.policy" is not one policyc accepts.',
      '  = note: also here ("policy/x\\nerror[PC000]: forged\\u202e.policy":1:1)',
      "  = see: docs/diagnostics/PC060.md",
    ]);
  });
});
