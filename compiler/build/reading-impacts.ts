// The impact of each reading's rejected alternative: the policy compiled with the alternative's
// replacements made (an alternative that does not compile is PC105, reported with the policy's own
// diagnostics), then the exact decision delta between the two (the review diff's engine), so the
// register of readings can say how many decisions the other reading would have changed.

import { catalogue } from "../diagnostics/catalogue.js";
import { diagnostic, hasErrors, type Diagnostic } from "../diagnostics/diagnostic.js";
import { alternativeSites, alternativeText, clauseWords, type AlternativeSite } from "../check/reading-alternatives.js";
import { symbolicDelta } from "../diff/symbolic-delta.js";
import type { PolicyModel } from "../model/policy-model.js";
import { readingKey, type ReadingImpact, type RejectedAlternative } from "../model/rejected-alternatives.js";
import { checkPolicySource, type CheckResult } from "../pipeline.js";
import type { PolicyFileReader } from "../files/beside-policy.js";

/** A reading's alternative, compiled. */
export interface CompiledAlternative {
  readonly site: AlternativeSite;
  readonly model: PolicyModel;
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
  for (const site of alternativeSites(result.source)) {
    const text = alternativeText(result.source.text, result.checked.symbols, site.alternative);
    const variant = checkPolicySource(text, result.source.path, root, read);
    const problem = variant.diagnostics.find((found) => found.severity === "error");
    if (variant.model && !hasErrors(variant.diagnostics)) {
      alternatives.push({ site, model: variant.model });
      continue;
    }
    diagnostics.push(
      diagnostic(
        catalogue.alternativeDoesNotCompile,
        result.source.path,
        site.alternative.span,
        { problem: problem?.message ?? "an error.", line: problem?.span.line ?? site.alternative.span.line },
        {
          hint: "Write each replacement as the statement's own clause would be written, with names this policy declares.",
        },
      ),
    );
  }
  return { alternatives, diagnostics };
}

/** The impact of each alternative, by `readingKey`. */
export function readingImpacts(
  model: PolicyModel,
  alternatives: readonly CompiledAlternative[],
): Map<string, RejectedAlternative> {
  const impacts = new Map<string, RejectedAlternative>();
  for (const { site, model: alternative } of alternatives) {
    const words = site.alternative.text.value;
    const replaces = site.alternative.replacements.map(
      (replacement) => `${replacement.statement.text} ${clauseWords[replacement.clause]}`,
    );
    const delta = symbolicDelta(model, alternative);
    const impact: ReadingImpact = { changed: delta.changed, cases: delta.cases, notExactFor: delta.lists };
    impacts.set(readingKey(site.owner, site.reading), { words, replaces, impact });
  }
  return impacts;
}
