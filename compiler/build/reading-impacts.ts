// The impact of each reading's rejected alternative: the policy compiled with the alternative's
// replacements made (an alternative that does not compile is PC105, reported with the policy's own
// diagnostics), then the exact decision delta between the two (the review diff's engine, which counts
// the services not covered too) and, when billing rules change, the claim delta (diff/claim-delta.ts),
// so the register of readings can say how many decisions and claim checks the other reading would
// have changed. A reading that says `decides nothing` (verified by the checker, PC107) has none.

import { catalogue } from "../diagnostics/catalogue.js";
import { diagnostic, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { alternativeText, clauseWords, readingSites, type AlternativeSite } from "../check/reading-alternatives.js";
import { claimDelta } from "../diff/claim-delta.js";
import { symbolicDelta } from "../diff/symbolic-delta.js";
import type { PolicyModel } from "../model/policy-model.js";
import { readingKey, type ReadingFigure, type ReadingImpact } from "../model/rejected-alternatives.js";
import { checkPolicySource, type CheckResult } from "../pipeline.js";
import type { PolicyFileReader } from "../files/beside-policy.js";

/** A reading's alternative, compiled; or a reading that decides nothing, as the checker verified. */
export type CompiledAlternative =
  | { readonly kind: "alternative"; readonly site: AlternativeSite; readonly model: PolicyModel }
  | { readonly kind: "decidesNothing"; readonly owner: string; readonly reading: string };

/** The policy with a reading's alternative made, compiled; or the diagnostic PC105 when it does not compile. */
export function compileAlternative(
  result: CheckResult,
  site: AlternativeSite,
  root: string,
  read?: PolicyFileReader,
): { readonly model: PolicyModel } | { readonly diagnostic: Diagnostic } | undefined {
  if (!result.checked) return undefined;
  const text = alternativeText(result.source.text, result.checked.symbols, site.alternative);
  const variant = checkPolicySource(text, result.source.path, root, read);
  if (variant.model && !hasErrors(variant.diagnostics)) return { model: variant.model };
  const problem = variant.diagnostics.find((found) => found.severity === "error");
  return {
    diagnostic: diagnostic(
      catalogue.alternativeDoesNotCompile,
      result.source.path,
      site.alternative.span,
      { problem: problem?.message ?? "an error.", line: problem?.span.line ?? site.alternative.span.line },
      {
        hint: "Write each replacement as the statement's own clause would be written, with names this policy declares.",
      },
    ),
  };
}

/** Compiles each alternative of a policy that compiled; the diagnostics are PC105, one per alternative that fails. */
export function compileAlternatives(
  result: CheckResult,
  root: string,
  read?: PolicyFileReader,
): { alternatives: CompiledAlternative[]; diagnostics: Diagnostic[] } {
  const alternatives: CompiledAlternative[] = [];
  const diagnostics: Diagnostic[] = [];
  if (!result.checked || !result.model) return { alternatives, diagnostics };
  for (const { owner, reading } of readingSites(result.source)) {
    if (reading.decidesNothing) {
      alternatives.push({ kind: "decidesNothing", owner, reading: reading.text.value });
      continue;
    }
    if (!reading.alternative) continue;
    const site = { owner, reading: reading.text.value, alternative: reading.alternative };
    const compiled = compileAlternative(result, site, root, read);
    if (compiled && "model" in compiled) alternatives.push({ kind: "alternative", site, model: compiled.model });
    else if (compiled) diagnostics.push(compiled.diagnostic);
  }
  return { alternatives, diagnostics };
}

/** The impact of one alternative: the decisions (and services) it changes, and the claim checks. */
export async function alternativeImpact(model: PolicyModel, alternative: PolicyModel): Promise<ReadingImpact> {
  const delta = symbolicDelta(model, alternative);
  const claims = await claimDelta(model, alternative);
  return {
    changed: delta.changed,
    cases: delta.cases,
    servicesChanged: delta.servicesChanged,
    notExactFor: delta.lists,
    ...(claims !== undefined && { claims }),
  };
}

/** The register's figure of one compiled reading. */
export async function readingFigure(model: PolicyModel, compiled: CompiledAlternative): Promise<ReadingFigure> {
  if (compiled.kind === "decidesNothing") return { kind: "decidesNothing" };
  const { site, model: other } = compiled;
  return {
    kind: "alternative",
    words: site.alternative.text.value,
    replaces: site.alternative.replacements.map(
      (replacement) => `${replacement.statement.text} ${clauseWords[replacement.clause]}`,
    ),
    impact: await alternativeImpact(model, other),
  };
}

/** The figure of each marked reading, by `readingKey`. */
export async function readingImpacts(
  model: PolicyModel,
  alternatives: readonly CompiledAlternative[],
): Promise<Map<string, ReadingFigure>> {
  const impacts = new Map<string, ReadingFigure>();
  for (const compiled of alternatives) {
    const key =
      compiled.kind === "decidesNothing"
        ? readingKey(compiled.owner, compiled.reading)
        : readingKey(compiled.site.owner, compiled.site.reading);
    impacts.set(key, await readingFigure(model, compiled));
  }
  return impacts;
}
