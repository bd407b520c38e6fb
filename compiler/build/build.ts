// Compiling every policy of a project into generated/. Everything is compiled in memory first; files
// are written only when no policy and no case file has an error, each through a temporary file and a
// rename, and only when its content changed. So a broken policy never leaves a half-written
// generated/ behind, and building twice gives byte-identical files.

import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync, readdirSync, rmdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { checkPolicySource, emitPolicy, type GeneratedFile } from "../pipeline.js";
import type { PolicyModel } from "../model/policy-model.js";
import { checkCases, type ResolvedCase, type ResolvedClaimCase } from "../check/check-cases.js";
import { parseSource } from "../syntax/parse.js";
import { createEmitProject } from "../emit/evaluator/emit-evaluator.js";
import { formatTypeScript } from "../emit/format.js";
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { catalogue } from "../diagnostics/catalogue.js";
import { compilerRoot, listGenerated, readSources, type SourceText } from "./project-files.js";
import { compareText } from "../diagnostics/compare-text.js";

export interface BuildPlan {
  readonly files: readonly GeneratedFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly models: ReadonlyMap<string, PolicyModel>;
  readonly cases: readonly ResolvedCase[];
  readonly claimCases: readonly ResolvedClaimCase[];
  /** Every source read, by path, for rendering diagnostics. */
  readonly sources: ReadonlyMap<string, string>;
}

/** The shared runtime, copied from compiler/runtime/ so that generated code stands alone. */
async function runtimeFiles(): Promise<GeneratedFile[]> {
  const files = readSources(compilerRoot(), "compiler/runtime", ".ts");
  return Promise.all(
    files.map(async (file) => ({
      path: `generated/runtime/${file.path.split("/").at(-1)}`,
      contents: await formatTypeScript(`// DO NOT EDIT. Copied by policyc from ${file.path}.\n${file.text}`),
    })),
  );
}

export type CheckedProject = Omit<BuildPlan, "files">;

/** Checks the policies and case files given, without emitting anything. */
export function checkSources(policies: readonly SourceText[], caseFiles: readonly SourceText[]): CheckedProject {
  const diagnostics: Diagnostic[] = [];
  const models = new Map<string, PolicyModel>();
  const sources = new Map<string, string>();
  /** Policies with errors: their cases are not checked, since every case would fail with them. */
  const failed = new Set<string>();
  for (const { path, text } of policies) {
    sources.set(path, text);
    const result = checkPolicySource(text, path);
    diagnostics.push(...result.diagnostics);
    if (!result.model) {
      for (const statement of result.source.statements) if (statement.kind === "policy") failed.add(statement.reference.text);
      continue;
    }
    const clash = models.get(result.model.reference);
    if (clash) {
      const span = result.source.statements.find((s) => s.kind === "policy")?.span;
      if (span) {
        const message = `The reference number ${result.model.reference} is also used by ${clash.sourcePath}.`;
        diagnostics.push(diagnostic(catalogue.duplicateName, path, span, message, { hint: "Give each policy its own reference number." }));
      }
      continue;
    }
    models.set(result.model.reference, result.model);
  }
  const cases: ResolvedCase[] = [];
  const claimCases: ResolvedClaimCase[] = [];
  for (const { path, text } of caseFiles) {
    sources.set(path, text);
    const parsed = parseSource(text, path);
    const checked = checkCases(parsed.source, models, failed);
    diagnostics.push(...parsed.diagnostics, ...checked.diagnostics);
    cases.push(...checked.cases);
    claimCases.push(...checked.claimCases);
  }
  return { diagnostics: sortDiagnostics(diagnostics), models, cases, claimCases, sources };
}

/**
 * Checks the policies and case files given and, when none has an error, produces every generated
 * file. `root` is the project the sources come from: the docs read each policy's published text there.
 */
export async function planFromSources(policies: readonly SourceText[], caseFiles: readonly SourceText[], root = process.cwd()): Promise<BuildPlan> {
  const checked = checkSources(policies, caseFiles);
  if (hasErrors(checked.diagnostics)) return { ...checked, files: [] };
  const project = createEmitProject();
  const files = [...(await runtimeFiles())];
  for (const model of checked.models.values()) files.push(...(await emitPolicy(model, project, root)));
  files.sort((a, b) => compareText(a.path, b.path));
  return { ...checked, files };
}

/** Plans the build of the project at `root`: policy/**.policy and policy/**.cases. */
export function planBuild(root: string): Promise<BuildPlan> {
  return planFromSources(readSources(root, "policy", ".policy"), readSources(root, "policy", ".cases"), root);
}

/** Checks the project at `root` without emitting. */
export function checkProject(root: string): CheckedProject {
  return checkSources(readSources(root, "policy", ".policy"), readSources(root, "policy", ".cases"));
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}

/** Files under generated/ that differ from the plan, are missing, or should not be there. */
export function staleFiles(root: string, plan: BuildPlan): string[] {
  const planned = new Set(plan.files.map((file) => file.path));
  const differing = plan.files.filter((file) => readIfExists(join(root, file.path)) !== file.contents).map((file) => file.path);
  const extra = listGenerated(root).filter((path) => !planned.has(path));
  return [...differing, ...extra].sort();
}

function removeEmptyFolders(folder: string): void {
  if (!existsSync(folder)) return;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) removeEmptyFolders(join(folder, entry.name));
  }
  if (readdirSync(folder).length === 0) rmdirSync(folder);
}

/** Writes a plan without errors: changed files through a temporary file, stale ones removed. */
export function writeBuild(root: string, plan: BuildPlan): { written: string[]; removed: string[] } {
  if (hasErrors(plan.diagnostics)) throw new Error("policyc: refusing to write a build that has errors");
  const written: string[] = [];
  for (const file of plan.files) {
    const target = join(root, file.path);
    if (readIfExists(target) === file.contents) continue;
    mkdirSync(dirname(target), { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents, "utf8");
    renameSync(temporary, target);
    written.push(file.path);
  }
  const planned = new Set(plan.files.map((file) => file.path));
  const removed = listGenerated(root).filter((path) => !planned.has(path));
  for (const path of removed) rmSync(join(root, path));
  removeEmptyFolders(join(root, "generated"));
  return { written, removed };
}
