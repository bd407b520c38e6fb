// What a source file may hold besides the language itself: a UTF-8 byte order mark at its start
// (accepted, spans still index the text), CRLF line ends, and a text that never closes (reported
// once, up to the end of its line).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSources } from "../compiler/build/build.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { parseSource } from "../compiler/syntax/parse.js";
import { projectRoot } from "./support/evaluators.js";

const policyPath = "test/fixtures/continuous-glucose-monitors/cgm.policy";
const casesPath = "test/fixtures/continuous-glucose-monitors/cgm.cases";
const policy = readFileSync(join(projectRoot, policyPath), "utf8");
const cases = readFileSync(join(projectRoot, casesPath), "utf8");
const bom = "\ufeff";

describe("a byte order mark at the start of a file", () => {
  it("is accepted in a policy and in a case file", () => {
    const project = checkSources([{ path: policyPath, text: bom + policy }], [{ path: casesPath, text: bom + cases }]);
    expect(project.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(project.cases.length).toBeGreaterThan(0);
  });

  it("leaves every span indexing the text as it was read", () => {
    const text = `${bom}${policy}criterion I.D "x" met when patient.agee > 3\n`;
    const found = checkPolicySource(text, policyPath).diagnostics.find((d) => d.code === "PC020");
    expect(found && text.slice(found.span.offset, found.span.endOffset)).toBe("patient.agee");
  });

  it("is an unexpected character anywhere else", () => {
    expect(parseSource(`${policy}${bom}\n`, policyPath).diagnostics.map((d) => d.code)).toEqual(["PC001"]);
  });
});

describe("CRLF line ends", () => {
  it("check the same as LF, at the same lines and columns, comments included", () => {
    const lf = `${policy}criterion I.D "x" met when patient.agee > 3  # a comment\n`;
    const crlf = lf.replace(/\n/g, "\r\n");
    const where = (text: string) =>
      checkPolicySource(text, policyPath).diagnostics.map((d) => [d.code, d.span.line, d.span.column, d.message]);
    expect(where(crlf)).toEqual(where(lf));
    expect(where(lf)).toHaveLength(1);
    const comments = (text: string) => parseSource(text, policyPath).comments.map((c) => c.image);
    expect(comments(crlf)).toEqual(comments(lf));
  });
});

describe("a text without its closing quote", () => {
  const unclosed = 'Expected `"` to close the text, but found the end of the line.';

  it("is one PC002 from the quote to the end of the line", () => {
    const line = 'criterion I.D "The member is an adult. met when patient.age >= 18';
    const text = `${policy}${line}\n`;
    const found = parseSource(text, policyPath).diagnostics.filter((d) => d.code === "PC002" && d.message === unclosed);
    expect(found.map((d) => text.slice(d.span.offset, d.span.endOffset))).toEqual([
      '"The member is an adult. met when patient.age >= 18',
    ]);
  });

  it("is one PC002 too when its line is made of escaped quotes (which the lexer used to rescan for each)", () => {
    const text = `${policy}criterion I.D "${'\\"'.repeat(50_000)}\n`;
    const found = parseSource(text, policyPath).diagnostics.filter((d) => d.code === "PC002" && d.message === unclosed);
    expect(found).toHaveLength(1);
  });
});
