// Imports evaluator modules from their TypeScript source text, beside a transpiled copy of the
// runtime in a temporary folder: so that a test can run a deliberately altered evaluator (or runtime)
// that was never written into generated/. The runtime is transpiled once per importer and shared.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ts } from "ts-morph";
import { runtimeSources as compilerRuntimeSources } from "../../../compiler/build/project-files.js";
import type { EvaluatorModule } from "./compare.js";

export type RuntimeModule = typeof import("../../../compiler/runtime/index.js");

function toJavaScript(source: string): string {
  return ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
  }).outputText;
}

/** The runtime's files (`decide.ts`...) by name, as the build copies them. */
export function runtimeSources(): Map<string, string> {
  return new Map(compilerRuntimeSources().map((file) => [file.path.split("/").at(-1) ?? file.path, file.text]));
}

/** A temporary folder holding one runtime, into which any number of evaluators are imported. */
export class SourceImporter {
  private folder: string | undefined;
  private imported = 0;

  constructor(private readonly runtime: ReadonlyMap<string, string>) {}

  private ready(): string {
    if (this.folder !== undefined) return this.folder;
    const folder = mkdtempSync(join(tmpdir(), "policyc-oracle-"));
    this.folder = folder;
    writeFileSync(join(folder, "package.json"), '{ "type": "module" }\n');
    mkdirSync(join(folder, "runtime"));
    for (const [name, text] of this.runtime)
      writeFileSync(join(folder, "runtime", name.replace(/\.ts$/, ".js")), toJavaScript(text));
    return folder;
  }

  /** Imports `evaluator`, the text of a generated evaluator.ts, as a fresh module. */
  async import(evaluator: string): Promise<EvaluatorModule> {
    const folder = join(this.ready(), `policy-${this.imported++}`);
    mkdirSync(folder);
    writeFileSync(join(folder, "evaluator.js"), toJavaScript(evaluator));
    return (await import(pathToFileURL(join(folder, "evaluator.js")).href)) as EvaluatorModule;
  }

  /**
   * The runtime the imported evaluators share, as a module: its PolicyInputError is the class their
   * errors are instances of (the project's own runtime module is another copy, with another class).
   */
  async runtimeModule(): Promise<RuntimeModule> {
    return (await import(pathToFileURL(join(this.ready(), "runtime", "index.js")).href)) as RuntimeModule;
  }

  dispose(): void {
    if (this.folder !== undefined) rmSync(this.folder, { recursive: true, force: true });
    this.folder = undefined;
  }
}
