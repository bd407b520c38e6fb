// What a claim case's `expect pending` may name: rules its policy has (checked with the other names),
// rules a check can be pending on at all (PC139), none it also expects broken (PC149), and never
// beside `expect clean` (PC150). Called by check-cases.ts for each claim case.

import type * as Ast from "../syntax/ast.js";
import type { PolicyModel } from "../model/policy-model.js";
import { mayBePending } from "../model/claim-rules.js";
import { catalogue, type CatalogueEntry } from "../diagnostics/catalogue.js";

/** Reports one diagnostic of the case (the checker adds the file, the context and the hint). */
export type ReportClaimCase = <Arguments>(
  entry: CatalogueEntry<Arguments>,
  span: Ast.Span,
  args: NoInfer<Arguments>,
  hint: string,
) => void;

/** Checks what `expect pending` names against the rules and the case's other expectation. */
export function checkExpectedPending(statement: Ast.ClaimCase, model: PolicyModel, report: ReportClaimCase): void {
  const pending = statement.expectPending;
  if (pending === undefined) return;
  const broken = new Set((statement.expect?.violations ?? []).map((word) => word.text));
  if (statement.expect !== undefined && broken.size === 0)
    report(
      catalogue.cleanAndPending,
      statement.expect.span,
      {},
      "Drop `expect clean`: `expect pending` alone says that no rule is broken.",
    );
  const rules = new Map(model.billingRules.map((rule) => [rule.id, rule]));
  for (const word of pending.rules) {
    const rule = rules.get(word.text);
    // A name that is no rule is reported with the case's other names.
    if (rule === undefined) continue;
    if (broken.has(word.text))
      report(
        catalogue.ruleBrokenAndPending,
        word.span,
        { rule: word.text },
        `Keep ${word.text} in \`expect violations\` if the claim breaks it, or here if a fact it reads is unknown.`,
      );
    else if (!mayBePending(rule))
      report(
        catalogue.ruleNeverPending,
        word.span,
        { rule: word.text },
        `Remove ${word.text} from \`expect pending\`; if the claim breaks it, name it in \`expect violations\`.`,
      );
  }
}
