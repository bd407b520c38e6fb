// Compiling every policy of a project into generated/. Everything is compiled in memory first; the
// files are written only when no policy, case file, file name or published text has an error, and
// then as one set (write-generated.ts): a broken policy or a killed build never leaves a half-written
// generated/ behind, and building twice gives byte-identical files.

import { checkPolicySource, emitPolicy, type GeneratedFile } from "../pipeline.js";
import type { PolicyModel } from "../model/policy-model.js";
import { sourceHash } from "../model/lower.js";
import type { Span } from "../syntax/ast.js";
import { checkCases, type ResolvedCase, type ResolvedClaimCase } from "../cases/check-cases.js";
import { parseSource } from "../syntax/parse.js";
import { createEmitProject } from "../emit/evaluator/emit-evaluator.js";
import { formatTypeScript } from "../emit/format.js";
import {
  diagnostic,
  hasErrors,
  sortDiagnostics,
  type Diagnostic,
  type RelatedLocation,
} from "../diagnostics/diagnostic.js";
import { catalogue } from "../diagnostics/catalogue.js";
import { ledgerOf, releaseFiles } from "./release-files.js";
import type { ReleaseLedger } from "../package/releases.js";
import { compileAlternatives, readingImpacts, type CompiledAlternative } from "./reading-impacts.js";
import { readProjectSources, runtimeSources, type SourceText } from "./project-files.js";
import { compareText } from "../diagnostics/compare-text.js";
import { readPublishedText, type PublishedText } from "../trace/published.js";
import { traceSummary } from "../trace/summary.js";
import { readCanonicalBase } from "./canonical-base.js";
import { listGeneratedFolder, writeGenerated, type WriteResult, type WriteStep } from "./write-generated.js";

export interface BuildPlan {
  readonly files: readonly GeneratedFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly models: ReadonlyMap<string, PolicyModel>;
  /** The published text of each model that names one, by reference number. */
  readonly published: ReadonlyMap<string, PublishedText>;
  /** The published texts of single revisions, by reference number, then by revision name. */
  readonly revisionTexts: ReadonlyMap<string, ReadonlyMap<string, PublishedText>>;
  readonly cases: readonly ResolvedCase[];
  readonly claimCases: readonly ResolvedClaimCase[];
  /** Every source read, by path, for rendering diagnostics. */
  readonly sources: ReadonlyMap<string, string>;
  /** How many policy files were found (with or without errors): a build of none writes nothing. */
  readonly policyFiles: number;
  /** The readings' rejected alternatives, compiled, by reference number (none for a policy without). */
  readonly alternatives: ReadonlyMap<string, readonly CompiledAlternative[]>;
  /** Each policy's release ledger, by reference number (none for a policy never released). */
  readonly ledgers: ReadonlyMap<string, ReleaseLedger>;
}

/** The shared runtime, copied from compiler/runtime/ so that generated code stands alone. */
async function runtimeFiles(): Promise<GeneratedFile[]> {
  return Promise.all(
    runtimeSources().map(async (file) => ({
      path: `generated/runtime/${file.path.split("/").at(-1)}`,
      contents: await formatTypeScript(`// DO NOT EDIT. Copied by policyc from ${file.path}.\n${file.text}`),
    })),
  );
}

export type CheckedProject = Omit<BuildPlan, "files">;

/**
 * Reads a published text a model names (its header's, or a revision's `name`); a refusal becomes an
 * error at its `published text` clause. Every published text goes through here, so through the same
 * checks of untrusted paths (published.ts).
 */
function loadPublishedText(
  root: string,
  model: PolicyModel,
  clause: Span | undefined,
  diagnostics: Diagnostic[],
  name = model.publishedText,
  context = `policy ${model.reference}`,
): PublishedText | undefined {
  const published = readPublishedText(root, model, name);
  if (clause === undefined) return published;
  const details = {
    hint: "Keep the published text as a plain file in the policy's folder, named without `..`.",
    context,
  };
  if (published?.kind === "outside") {
    diagnostics.push(
      diagnostic(
        catalogue.publishedTextOutside,
        model.sourcePath,
        clause,
        { path: published.path, way: "linkedFolder" },
        details,
      ),
    );
  } else if (published?.kind === "refused") {
    diagnostics.push(
      diagnostic(
        catalogue.unreadableFile,
        model.sourcePath,
        clause,
        { path: published.path, publishedText: true, reason: published.refusal },
        details,
      ),
    );
  }
  return published;
}

/**
 * Checks the policies and case files given, and reads the published text each names from the project
 * at `root`, without emitting anything. `fileDiagnostics` are problems already found with the files
 * themselves (their names, links), reported with the rest.
 */
export function checkSources(
  policies: readonly SourceText[],
  caseFiles: readonly SourceText[],
  root = process.cwd(),
  fileDiagnostics: readonly Diagnostic[] = [],
  options: CheckOptions = {},
): CheckedProject {
  const diagnostics: Diagnostic[] = [...fileDiagnostics];
  const models = new Map<string, PolicyModel>();
  const published = new Map<string, PublishedText>();
  const revisionTexts = new Map<string, Map<string, PublishedText>>();
  const sources = new Map<string, string>();
  const alternatives = new Map<string, CompiledAlternative[]>();
  const ledgers = new Map<string, ReleaseLedger>();
  /** Policies with errors: their cases are not checked, since every case would fail with them. */
  const failed = new Set<string>();
  /** Where each compiled policy states its reference number, for a second policy that reuses it. */
  const headers = new Map<string, RelatedLocation>();
  for (const { path, text } of policies) {
    sources.set(path, text);
    const result = checkPolicySource(text, path, root);
    for (const [file, fileText] of result.valueSetTexts) sources.set(file, fileText);
    diagnostics.push(...result.diagnostics);
    const header = result.source.statements.find((s) => s.kind === "policy");
    if (!result.model) {
      if (header) failed.add(header.reference.text);
      continue;
    }
    if (models.has(result.model.reference)) {
      const first = headers.get(result.model.reference);
      if (header) {
        diagnostics.push(
          diagnostic(
            catalogue.duplicateName,
            path,
            header.reference.span,
            { name: result.model.reference, first: "reference number", second: "reference number" },
            { hint: "Give each policy its own reference number.", related: first ? [first] : [] },
          ),
        );
      }
      continue;
    }
    models.set(result.model.reference, result.model);
    if (options.compileAlternatives !== false) {
      const compiled = compileAlternatives(result, root);
      diagnostics.push(...compiled.diagnostics);
      if (compiled.alternatives.length > 0) alternatives.set(result.model.reference, compiled.alternatives);
    }
    const ledger = ledgerOf(root, result.model);
    if (ledger.diagnostic) diagnostics.push(ledger.diagnostic);
    if (ledger.ledger) ledgers.set(result.model.reference, ledger.ledger);
    if (header)
      headers.set(result.model.reference, { file: path, span: header.reference.span, message: "first used here" });
    const publishedText = loadPublishedText(root, result.model, header?.publishedText?.span, diagnostics);
    if (publishedText) published.set(result.model.reference, publishedText);
    const texts = new Map<string, PublishedText>();
    for (const statement of result.source.statements) {
      if (statement.kind !== "revision" || !statement.publishedText) continue;
      const name = statement.approved.text;
      const text = loadPublishedText(
        root,
        result.model,
        statement.publishedText.span,
        diagnostics,
        statement.publishedText.value,
        `revision ${name}`,
      );
      if (text) texts.set(name, text);
    }
    if (texts.size > 0) revisionTexts.set(result.model.reference, texts);
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
  return {
    diagnostics: sortDiagnostics(diagnostics),
    models,
    published,
    revisionTexts,
    cases,
    claimCases,
    sources,
    policyFiles: policies.length,
    alternatives,
    ledgers,
  };
}

/**
 * SHA-256 of each revision's published text that was read, by revision name: a revision's own text,
 * and the text the policy's header names for the latest revision (the policy as published now).
 */
function publishedTextHashes(
  model: PolicyModel,
  current: PublishedText | undefined,
  byRevision: ReadonlyMap<string, PublishedText> | undefined,
): Map<string, string> {
  const hashes = new Map<string, string>();
  const latest = model.revisions.at(-1)?.approved;
  if (latest !== undefined && current?.kind === "read") hashes.set(latest, sourceHash(current.text));
  for (const [revision, text] of byRevision ?? [])
    if (text.kind === "read") hashes.set(revision, sourceHash(text.text));
  return hashes;
}

export interface CheckOptions {
  /**
   * Whether to compile each reading's alternative (PC105): a whole check of the policy per
   * alternative, several times the cost of the check itself. On by default; an editor checking at
   * every keystroke turns it off, and `policyc check` and the build still report it.
   */
  readonly compileAlternatives?: boolean;
}

export interface BuildOptions {
  /** `policyc release`: record each policy's pending release in its ledger. */
  readonly release?: boolean;
}

/**
 * Checks the policies and case files given and, when none has an error, produces every generated
 * file. `root` is the project the sources come from: the docs read each policy's published text
 * there, and the release files each policy's ledger.
 */
export async function planFromSources(
  policies: readonly SourceText[],
  caseFiles: readonly SourceText[],
  root = process.cwd(),
  fileDiagnostics: readonly Diagnostic[] = [],
  options: BuildOptions = {},
): Promise<BuildPlan> {
  const checked = checkSources(policies, caseFiles, root, fileDiagnostics);
  if (hasErrors(checked.diagnostics)) return { ...checked, files: [] };
  const project = createEmitProject();
  const canonicalBase = readCanonicalBase(root);
  const files = [
    ...(await runtimeFiles()),
    ...[...checked.models.values()].flatMap((model) =>
      releaseFiles(model, checked.ledgers.get(model.reference), options.release === true),
    ),
  ];
  for (const model of checked.models.values()) {
    files.push(
      ...(await emitPolicy(
        model,
        project,
        traceSummary(model, checked.published.get(model.reference), checked.revisionTexts.get(model.reference)),
        {
          alternatives: await readingImpacts(model, checked.alternatives.get(model.reference) ?? []),
          publishedTextHashes: publishedTextHashes(
            model,
            checked.published.get(model.reference),
            checked.revisionTexts.get(model.reference),
          ),
          revisionTexts: checked.revisionTexts.get(model.reference) ?? new Map(),
        },
        canonicalBase,
      )),
    );
  }
  files.sort((a, b) => compareText(a.path, b.path));
  return { ...checked, files };
}

/** Plans the build of the project at `root`: every policy and case file under policy/. */
export function planBuild(root: string, options: BuildOptions = {}): Promise<BuildPlan> {
  const sources = readProjectSources(root);
  return planFromSources(sources.policies, sources.cases, root, sources.diagnostics, options);
}

/** Checks the project at `root` without emitting. */
export function checkProject(root: string, options: CheckOptions = {}): CheckedProject {
  const sources = readProjectSources(root);
  return checkSources(sources.policies, sources.cases, root, sources.diagnostics, options);
}

/** Files under generated/ that differ from the plan, are missing, or should not be there. */
export function staleFiles(root: string, plan: BuildPlan): string[] {
  const current = listGeneratedFolder(root);
  const planned = new Set(plan.files.map((file) => file.path));
  const differing = plan.files
    .filter((file) => current.files.get(file.path) !== file.contents)
    .map((file) => file.path);
  const extra = [...current.files.keys(), ...current.other].filter((path) => !planned.has(path));
  return [...differing, ...extra].sort(compareText);
}

/**
 * Writes a plan without errors as one set: generated/ becomes exactly the plan's files. A plan with
 * errors, or with no policy at all, is refused: it would leave generated/ half-built or empty.
 */
export function writeBuild(root: string, plan: BuildPlan, onStep?: (step: WriteStep) => void): WriteResult {
  if (hasErrors(plan.diagnostics)) throw new Error("policyc: refusing to write a build that has errors");
  if (plan.models.size === 0)
    throw new Error("policyc: refusing to write a build of no policy, which would empty generated/");
  return writeGenerated(root, plan.files, onStep);
}
