// The checks of the claim rules that coding rules as written need (billing.ts runs them per rule):
// modifier rules and their guards, code-pair exclusions, unit limits across a group, rules that read
// the coverage decision, and rules that contradict one another or their code.

import type * as Ast from "../syntax/ast.js";
import { catalogue, type CatalogueEntry } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { checkExpression, type ExpressionReads } from "./expressions.js";
import type { Resolutions } from "./resolutions.js";
import { codeLabel, type PolicySymbols } from "./symbols.js";
import type { RevisionRange } from "./revisions.js";

/** A modifier: two letters or digits (SD, KX, N1). */
export const modifierFormat = /^[A-Z0-9]{2}$/;

/** The bodies this file checks. */
export type ClaimRuleBody = Extract<
  Ast.BillingRuleBody,
  {
    kind:
      | "billedOnlyWhenDecided"
      | "notBilledWhenDecided"
      | "requiresOneOfModifiers"
      | "mustNotHaveModifier"
      | "notBilledWith"
      | "groupUnitsAtMost";
  }
>;

export function isClaimRuleBody(body: Ast.BillingRuleBody): body is ClaimRuleBody {
  switch (body.kind) {
    case "billedOnlyWhenDecided":
    case "notBilledWhenDecided":
    case "requiresOneOfModifiers":
    case "mustNotHaveModifier":
    case "notBilledWith":
    case "groupUnitsAtMost":
      return true;
    default:
      return false;
  }
}

/** What the checks of one rule need from the billing checker. */
export interface ClaimRuleSite {
  readonly symbols: PolicySymbols;
  readonly diagnostics: Diagnostic[];
  readonly resolutions: Resolutions;
  readonly rule: Ast.BillingRule;
  readonly code: Ast.CodeEntry;
  readonly context: string;
  readonly addReads: (reads: ExpressionReads) => void;
  /** Checks a unit limit's arithmetic (billing.ts owns it, for `units at most` too). */
  readonly checkLimit: (limit: Ast.NumericExpression) => void;
}

function report<Arguments>(
  site: ClaimRuleSite,
  entry: CatalogueEntry<Arguments>,
  span: Ast.Span,
  args: NoInfer<Arguments>,
  hint?: string,
): void {
  site.diagnostics.push(
    diagnostic(entry, site.symbols.file, span, args, { context: site.context, ...(hint !== undefined && { hint }) }),
  );
}

/** Checks a rule of the kinds above. */
export function checkClaimRule(body: ClaimRuleBody, site: ClaimRuleSite): void {
  switch (body.kind) {
    case "billedOnlyWhenDecided":
    case "notBilledWhenDecided":
      checkGuard(body.guard, site);
      return;
    case "requiresOneOfModifiers":
    case "mustNotHaveModifier":
      checkModifiers(body.modifiers, site);
      if (body.kind === "mustNotHaveModifier") checkNotOwnModifier(body.modifiers, site);
      if (body.when) checkGuard(body.when, site);
      return;
    case "notBilledWith":
      checkPartner(body.partner, site);
      return;
    case "groupUnitsAtMost": {
      const group = knownGroup(body.group, site);
      if (group && !group.codes.some((member) => member.text === site.code.code.text)) {
        report(
          site,
          catalogue.groupLimitOutsideGroup,
          body.group.span,
          { code: site.code.code.text, group: body.group.text },
          `Write the rule under a code of ${body.group.text} (${group.codes.map((c) => c.text).join(", ")}), or add ${site.code.code.text} to the group.`,
        );
      }
      site.checkLimit(body.limit);
      if (body.per) checkUnitPeriod(body.per, site.diagnostics, site.symbols.file, site.context);
      return;
    }
  }
}

const UNIT_PERIODS = ["day", "month", "claim"] as const;

/** `per month`: a unit limit counts per day, per month or per claim, and over nothing else. */
export function checkUnitPeriod(per: Ast.Word, diagnostics: Diagnostic[], file: string, context: string): void {
  if ((UNIT_PERIODS as readonly string[]).includes(per.text)) return;
  const hint = didYouMean(per.text, UNIT_PERIODS) ?? "Write `per day`, `per month` or `per claim`.";
  diagnostics.push(diagnostic(catalogue.unknownUnitPeriod, file, per.span, { text: per.text }, { context, hint }));
}

function checkModifiers(modifiers: readonly Ast.Word[], site: ClaimRuleSite): void {
  for (const modifier of modifiers) {
    if (modifierFormat.test(modifier.text)) continue;
    report(
      site,
      catalogue.invalidLiteral,
      modifier.span,
      { text: modifier.text, expected: "modifier" },
      "A modifier is two letters or digits, such as SD.",
    );
  }
}

/** `must not have modifier SD` under `code T1002 modifier SD`: the code's own modifier. */
function checkNotOwnModifier(modifiers: readonly Ast.Word[], site: ClaimRuleSite): void {
  const own = site.code.modifier;
  if (!own) return;
  for (const modifier of modifiers) {
    if (modifier.text !== own.text) continue;
    report(
      site,
      catalogue.refusesOwnModifier,
      modifier.span,
      { code: site.code.code.text, modifier: own.text },
      `Remove ${own.text} from the rule, or write the code without \`modifier ${own.text}\` if it may be billed without it.`,
    );
  }
}

function checkGuard(guard: Ast.BillingGuard, site: ClaimRuleSite): void {
  switch (guard.kind) {
    case "decision":
      checkDecisionTest(guard.test, site);
      return;
    case "and":
    case "or":
      for (const operand of guard.operands) checkGuard(operand, site);
      return;
    case "not":
      checkGuard(guard.operand, site);
      return;
    case "claim":
      break;
  }
  site.addReads(
    checkExpression(guard.condition, {
      symbols: site.symbols,
      context: site.context,
      diagnostics: site.diagnostics,
      resolutions: site.resolutions,
      scope: "claim",
    }),
  );
}

/** `qualified under I`: I must be a section, a criterion or an exception, which a decision can qualify under. */
function checkDecisionTest(test: Ast.DecisionTest, site: ClaimRuleSite): void {
  if (test.kind === "coverage") return;
  const id = test.statement.text;
  const statement = site.symbols.outline.get(id);
  if (statement === undefined && !site.symbols.exceptions.has(id)) {
    const candidates = [...site.symbols.outline.values()]
      .filter((s) => s.kind === "section" || s.kind === "criterion")
      .map((s) => s.id.text);
    report(
      site,
      catalogue.unknownName,
      test.statement.span,
      { name: id, kind: "section, criterion or exception" },
      didYouMean(id, [...candidates, ...site.symbols.exceptions.keys()]),
    );
    return;
  }
  if (statement === undefined || statement.kind === "section" || statement.kind === "criterion") return;
  const kinds = { exclusion: "an exclusion", note: "a note", service: "a covered service" } as const;
  report(
    site,
    catalogue.cannotQualifyUnder,
    test.statement.span,
    { id, kind: kinds[statement.kind] },
    "Name the section or criterion the service qualifies under (or test `coverage is ...`).",
  );
}

function knownGroup(name: Ast.Word, site: ClaimRuleSite): Ast.CodeGroup | undefined {
  const group = site.symbols.codeGroups.get(name.text);
  if (group) return group;
  report(
    site,
    catalogue.unknownName,
    name.span,
    { name: name.text, kind: "code group" },
    didYouMean(name.text, site.symbols.codeGroups.keys()) ?? `Declare it: \`code group ${name.text} "...": <codes>\`.`,
  );
  return undefined;
}

function checkPartner(
  partner: { readonly kind: "code" | "group"; readonly name: Ast.Word },
  site: ClaimRuleSite,
): void {
  const own = site.code.code.text;
  if (partner.kind === "group") {
    const group = knownGroup(partner.name, site);
    if (group?.codes.some((member) => member.text === own)) {
      report(
        site,
        catalogue.codeExcludedWithItself,
        partner.name.span,
        { code: own, through: group.name.text },
        `Name a group without ${own}, or the other codes one by one.`,
      );
    }
    return;
  }
  if (partner.name.text === own) {
    report(
      site,
      catalogue.codeExcludedWithItself,
      partner.name.span,
      { code: own },
      "Name the other code of the pair; to limit the code's own lines, write `units at most`.",
    );
    return;
  }
  const listed = site.symbols.codes.map((code) => code.code.text);
  if (listed.includes(partner.name.text)) return;
  report(
    site,
    catalogue.unknownName,
    partner.name.span,
    { name: partner.name.text, kind: "code in the coding table" },
    didYouMean(partner.name.text, listed) ?? `Add it to the coding table: \`code ${partner.name.text} "..."\`.`,
  );
}

/** A modifier a rule of a code requires or refuses unconditionally, with the rule's lifetime. */
interface ModifierDemand {
  readonly modifier: Ast.Word;
  readonly lifetime: RevisionRange;
}

function overlap(a: RevisionRange, b: RevisionRange): boolean {
  return a.from < (b.until ?? Infinity) && b.from < (a.until ?? Infinity);
}

/**
 * A code whose rules, in force together, both require a modifier unconditionally (one alone) and
 * refuse it unconditionally: every line of the code breaks one of them.
 */
export function checkModifierContradictions(
  code: Ast.CodeEntry,
  rules: readonly Ast.BillingRule[],
  lifetimeOf: (rule: Ast.BillingRule) => RevisionRange,
  symbols: PolicySymbols,
  diagnostics: Diagnostic[],
): void {
  const required: ModifierDemand[] = [];
  const refused: ModifierDemand[] = [];
  for (const rule of rules) {
    const body = rule.body;
    const lifetime = lifetimeOf(rule);
    if (body.kind === "requiresModifier") required.push({ modifier: body.modifier, lifetime });
    if (body.kind === "requiresOneOfModifiers" && !body.when && body.modifiers.length === 1 && body.modifiers[0])
      required.push({ modifier: body.modifiers[0], lifetime });
    if (body.kind === "mustNotHaveModifier" && !body.when)
      refused.push(...body.modifiers.map((modifier) => ({ modifier, lifetime })));
  }
  for (const refusal of refused) {
    const clash = required.find(
      (demand) => demand.modifier.text === refusal.modifier.text && overlap(demand.lifetime, refusal.lifetime),
    );
    if (!clash) continue;
    diagnostics.push(
      diagnostic(
        catalogue.modifierRequiredAndRefused,
        symbols.file,
        refusal.modifier.span,
        { code: codeLabel(code), modifier: refusal.modifier.text },
        {
          context: `code ${codeLabel(code)}`,
          hint: "End one rule where the other begins (`removed in` / `added in`), or give one a `when`.",
          related: [{ file: symbols.file, span: clash.modifier.span, message: "required here" }],
        },
      ),
    );
  }
}
