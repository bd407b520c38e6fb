// The direction between the checker and the model (issue 9): lowering reads what the checker
// produced, never the reverse. Allowed: a file under compiler/model/ imports from compiler/check/
// only through check/output.ts (the CheckedPolicy and the accessors over its tables). Forbidden: any
// file under compiler/check/ importing from compiler/model/ (case checking, which reads models, is a
// stage of its own: compiler/cases/). Every import, export-from and dynamic import is scanned.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { projectRoot } from "./support/evaluators.js";

const compiler = join(projectRoot, "compiler");

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** The project files `text` (at `path`) imports, as paths from compiler/ with forward slashes. */
function importedCompilerFiles(path: string, text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((file) => file.fileName)
    .filter((name) => name.startsWith("."))
    .map((name) =>
      relative(compiler, resolve(dirname(path), name))
        .split(sep)
        .join("/")
        .replace(/\.js$/, ".ts"),
    );
}

function importsOf(folder: string): { file: string; imported: string[] }[] {
  return sourceFiles(join(compiler, folder)).map((path) => ({
    file: relative(compiler, path).split(sep).join("/"),
    imported: importedCompilerFiles(path, readFileSync(path, "utf8")),
  }));
}

describe("the checker and the model", () => {
  it("finds the imports it guards: an import, an export-from and a dynamic import", () => {
    const text = `import type { PolicyModel } from "../model/policy-model.js";
export { lowerPolicy } from "../model/lower.js";
const walk = await import("../model/walk-conditions.js");`;
    expect(importedCompilerFiles(join(compiler, "check", "x.ts"), text)).toEqual([
      "model/policy-model.ts",
      "model/lower.ts",
      "model/walk-conditions.ts",
    ]);
  });

  it("check/ never imports from model/", () => {
    const imports = importsOf("check");
    expect(imports.length).toBeGreaterThan(5);
    const offending = imports.flatMap(({ file, imported }) =>
      imported.filter((target) => target.startsWith("model/")).map((target) => `${file} imports ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it("model/ reads check/ only through check/output.ts", () => {
    const imports = importsOf("model");
    const fromCheck = imports.flatMap(({ file, imported }) =>
      imported.filter((target) => target.startsWith("check/")).map((target) => `${file} imports ${target}`),
    );
    expect(fromCheck).toContain("model/lower.ts imports check/output.ts");
    expect(fromCheck.filter((line) => !line.endsWith(" imports check/output.ts"))).toEqual([]);
  });
});
