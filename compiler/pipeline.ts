// The compiler's stages, in order. Start here.
//
//   1. parse   syntax/parse.ts          text -> AST, syntax diagnostics
//   2. check   check/check-policy.ts    AST -> checked policy (side tables), every other diagnostic
//   3. lower   model/lower.ts           checked policy -> PolicyModel, the form both emitters read
//   4. emit    emit/evaluator/*.ts      PolicyModel -> evaluator TypeScript (ts-morph)
//              emit/docs/*.ts           PolicyModel (+ trace/, its published text) -> Markdown docs
//   5. format  emit/format.ts           prettier, pinned options, on the TypeScript (the docs emitter
//                                       prints its Markdown in final form itself)
//
// A stage never runs on the output of a stage that reported errors: lowering and emitting assume a
// policy without errors, and a policy with errors produces no files at all.

import type { Project } from "ts-morph";
import type * as Ast from "./syntax/ast.js";
import { parseSource } from "./syntax/parse.js";
import { besidePolicyReader, type PolicyFileReader } from "./files/beside-policy.js";
import { checkPolicy, type CheckedPolicy } from "./check/check-policy.js";
import { lowerPolicy } from "./model/lower.js";
import type { PolicyModel } from "./model/policy-model.js";
import { emitEvaluator } from "./emit/evaluator/emit-evaluator.js";
import { formatTypeScript } from "./emit/format.js";
import { emitDocs } from "./emit/docs/emit-docs.js";
import { emitPublishedOrder } from "./emit/docs/published-order.js";
import type { ReadingFigure } from "./model/rejected-alternatives.js";
import { traceSummary, type TraceSummary } from "./trace/summary.js";
import type { PublishedText } from "./trace/published.js";
import { policyInRevision } from "./model/policy-in-revision.js";
import { policySlug } from "./build/project-files.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";
import { policySchemas, schemaText } from "./emit/schema/emit-schemas.js";
import { defaultCanonicalBase } from "./build/canonical-base.js";
import { policyQuestionnaires } from "./emit/fhir/questionnaire.js";

export { policySlug } from "./build/project-files.js";

export interface GeneratedFile {
  /** Relative to the project root, with forward slashes. */
  readonly path: string;
  readonly contents: string;
}

export interface CheckResult {
  readonly source: Ast.SourceFile;
  /** The text of each value set file the policy read, by path (its diagnostics may sit in them). */
  readonly valueSetTexts: ReadonlyMap<string, string>;
  readonly checked?: CheckedPolicy;
  readonly model?: PolicyModel;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Stages 1 to 3: parse, check, and (only when there is no error) lower. The files the policy names
 * beside itself (its value sets) are read from the project at `root` (by default the working folder),
 * or by `read` (a policy at a git revision reads its value sets at that revision).
 */
export function checkPolicySource(
  text: string,
  sourcePath: string,
  root = process.cwd(),
  read: PolicyFileReader = besidePolicyReader(root, sourcePath),
): CheckResult {
  const parsed = parseSource(text, sourcePath);
  const { checked, diagnostics } = checkPolicy(parsed.source, read);
  const all = sortDiagnostics([...parsed.diagnostics, ...diagnostics]);
  const valueSetTexts = checked.valueSetTexts;
  if (hasErrors(all)) return { source: parsed.source, valueSetTexts, diagnostics: all };
  return { source: parsed.source, valueSetTexts, checked, model: lowerPolicy(checked, sourcePath), diagnostics: all };
}

/** What the build found beside the model that its files state: the readings' alternatives, the published texts' hashes. */
export interface BuildFindings {
  /** The readings' rejected alternatives with their impact, by `readingKey`. */
  readonly alternatives?: ReadonlyMap<string, ReadingFigure>;
  /** SHA-256 of each revision's published text the build read, by revision name. */
  readonly publishedTextHashes?: ReadonlyMap<string, string>;
  /** Each revision's own published text the build read, by revision name: for the pages pinned to them. */
  readonly revisionTexts?: ReadonlyMap<string, PublishedText>;
}

/**
 * The docs pinned to each revision but the latest (which README.md is): the policy as it stood in it,
 * checked against that revision's own published text when the build read one.
 */
function pinnedDocs(model: PolicyModel, folder: string, found: BuildFindings): GeneratedFile[] {
  const texts = found.revisionTexts ?? new Map<string, PublishedText>();
  return model.revisions.slice(0, -1).map((revision, index) => {
    const pinned = policyInRevision(model, index);
    const trace = traceSummary(pinned, texts.get(revision.approved), texts);
    return {
      path: `${folder}/revisions/${revision.approved}.md`,
      contents: emitDocs(pinned, trace, found.alternatives, { pinnedFrom: model }),
    };
  });
}

/**
 * Stages 4 and 5: the generated files of one policy that checked without errors: its evaluator, and
 * its docs (README.md, so that the folder shows them), which report how the policy traces to its
 * published text (read beforehand by trace/published.ts).
 */
export async function emitPolicy(
  model: PolicyModel,
  project: Project,
  trace: TraceSummary,
  found: BuildFindings = {},
  canonicalBase = defaultCanonicalBase,
): Promise<GeneratedFile[]> {
  const slug = policySlug(model.sourcePath);
  const folder = `generated/${slug}`;
  const evaluator = await formatTypeScript(
    emitEvaluator(model, project, `${folder}/evaluator.ts`, found.publishedTextHashes),
  );
  const docs = emitDocs(model, trace, found.alternatives, { pinnedPages: model.revisions.length > 1 });
  const inPublishedOrder = emitPublishedOrder(model, trace);
  return [
    { path: `${folder}/evaluator.ts`, contents: evaluator },
    { path: `${folder}/README.md`, contents: docs },
    ...pinnedDocs(model, folder, found),
    ...(inPublishedOrder === undefined ? [] : [{ path: `${folder}/published-order.md`, contents: inPublishedOrder }]),
    ...policySchemas(model, `${canonicalBase}/schema/${slug}`).map((file) => ({
      path: `${folder}/schema/${file.name}`,
      contents: schemaText(file.schema),
    })),
    ...policyQuestionnaires(model, { base: canonicalBase, slug }).map((file) => ({
      path: `${folder}/fhir/${file.name}`,
      contents: `${JSON.stringify(file.resource, null, 2)}\n`,
    })),
  ];
}
