// The coding table's billing rules: each rule's id unique, its conditions reading only the facts of a
// claim, its groups and notes existing, its unit limit computable. Records, per rule id, what the
// rule reads and when it is in force (a rule under a `billing` sentence lives as long as the sentence).

import type * as Ast from "../syntax/ast.js";
import { catalogue, type CatalogueEntry } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { checkExpression, describeFactType, emptyReads, type ExpressionReads } from "./expressions.js";
import { rangeWithin, resolveLifetime, type RevisionRange } from "./revisions.js";
import {
  checkClaimRule,
  checkModifierContradictions,
  checkUnitPeriod,
  isClaimRuleBody,
  modifierFormat,
} from "./claim-rules.js";
import { billingKey, codeLabel, describeStatement, type PolicySymbols } from "./symbols.js";
import type { Resolutions } from "./resolutions.js";
import {
  bareNumber,
  factUnit,
  productUnit,
  sumUnit,
  unitHint,
  unitsAgree,
  unitSide,
  type NumberUnit,
} from "./units.js";

/** Code formats a claim line may carry: HCPCS level II (a letter and four digits) or CPT (five characters). */
export const codeFormat = /^(?:[A-Z]\d{4}|\d{4}[A-Z0-9])$/;

/** The key of a code's own lifetime (`added in` / `removed in` on the code) in a checked policy's lifetimes. */
export function codeLifetimeKey(code: Ast.CodeEntry): string {
  return `${codeLabel(code)}#code`;
}

/** The id of the rule made from a code's own lifetime: a line of the code outside it is a finding. */
export function codeInForceRuleId(code: Ast.CodeEntry): string {
  return `${code.code.text}-in-force`;
}

/** Whether a code has a lifetime of its own, and so a rule made from it. */
export function hasOwnLifetime(code: Ast.CodeEntry): boolean {
  return code.added !== undefined || code.removed !== undefined;
}

export interface BillingRuleSite {
  readonly rule: Ast.BillingRule;
  readonly code: Ast.CodeEntry;
  /** The billing sentence the rule sits under, if any (else it carries out the code's description). */
  readonly note?: Ast.BillingNote;
  readonly noteIndex?: number;
}

/** Every rule of the coding table, in source order, with where it sits. */
export function billingRuleSites(symbols: PolicySymbols): BillingRuleSite[] {
  return symbols.codes.flatMap((code) => [
    ...code.rules.map((rule) => ({ rule, code })),
    ...code.billing.flatMap((note, noteIndex) => note.rules.map((rule) => ({ rule, code, note, noteIndex }))),
  ]);
}

class BillingChecker {
  constructor(
    private readonly symbols: PolicySymbols,
    private readonly diagnostics: Diagnostic[],
    private readonly lifetimes: Map<string, RevisionRange>,
    private readonly resolutions: Resolutions,
    private readonly addReads: (owner: string, reads: ExpressionReads) => void,
  ) {}

  private report<Arguments>(
    entry: CatalogueEntry<Arguments>,
    span: Ast.Span,
    args: NoInfer<Arguments>,
    context: string,
    hint?: string,
  ): void {
    this.diagnostics.push(
      diagnostic(entry, this.symbols.file, span, args, { context, ...(hint !== undefined && { hint }) }),
    );
  }

  run(): void {
    const listed = new Set(this.symbols.codes.map((code) => code.code.text));
    for (const code of this.symbols.codes) {
      if (!codeFormat.test(code.code.text)) {
        this.report(
          catalogue.invalidLiteral,
          code.code.span,
          { text: code.code.text, expected: "code" },
          describeStatement(code),
          "Write a HCPCS code, a letter and four digits (S9494), or five characters: a CPT code (99601) or a PLA code (0001U).",
        );
      }
      // The modifier a code is billed with (`code 94761 modifier 59`), checked as a rule's modifiers are.
      if (code.modifier && !modifierFormat.test(code.modifier.text)) {
        this.report(
          catalogue.invalidLiteral,
          code.modifier.span,
          { text: code.modifier.text, expected: "modifier" },
          describeStatement(code),
          "A modifier is two letters or digits, such as SD or 59.",
        );
      }
    }
    for (const group of this.symbols.codeGroups.values()) {
      for (const member of group.codes) {
        if (listed.has(member.text)) continue;
        this.report(
          catalogue.unknownName,
          member.span,
          { name: member.text, kind: "code in the coding table" },
          describeStatement(group),
          didYouMean(member.text, listed),
        );
      }
    }
    this.checkCodeLifetimes();
    const made = new Map(
      this.symbols.codes.filter(hasOwnLifetime).map((code) => [codeInForceRuleId(code), code] as const),
    );
    const seen = new Map<string, Ast.BillingRule>();
    for (const site of billingRuleSites(this.symbols)) {
      const madeFor = made.get(site.rule.id.text);
      if (madeFor) {
        this.report(
          catalogue.duplicateName,
          site.rule.id.span,
          { name: site.rule.id.text, first: "billing rule", second: "billing rule" },
          describeStatement(site.code),
          `${codeInForceRuleId(madeFor)} names the rule made from the lifetime of code ${madeFor.code.text}: give this rule another name.`,
        );
        continue;
      }
      const first = seen.get(site.rule.id.text);
      if (first) {
        this.diagnostics.push(
          diagnostic(
            catalogue.duplicateName,
            this.symbols.file,
            site.rule.id.span,
            { name: site.rule.id.text, first: "billing rule", second: "billing rule" },
            {
              context: describeStatement(site.code),
              related: [{ file: this.symbols.file, span: first.id.span, message: "first declared here" }],
            },
          ),
        );
        continue;
      }
      seen.set(site.rule.id.text, site.rule);
      const id = site.rule.id.text;
      const statement =
        this.symbols.outline.get(id) ?? this.symbols.definitions.get(id) ?? this.symbols.exceptions.get(id);
      if (statement) {
        this.diagnostics.push(
          diagnostic(
            catalogue.duplicateName,
            this.symbols.file,
            site.rule.id.span,
            { name: id, first: statement.kind, second: "billing rule" },
            {
              context: describeStatement(site.code),
              hint: "Give the rule a name of its own.",
              related: [
                {
                  file: this.symbols.file,
                  span: statement.kind === "definition" ? statement.name.span : statement.id.span,
                  message: "first declared here",
                },
              ],
            },
          ),
        );
        continue;
      }
      this.checkRule(site);
    }
    for (const code of this.symbols.codes) {
      const rules = [...code.rules, ...code.billing.flatMap((note) => note.rules)];
      checkModifierContradictions(
        code,
        rules,
        (rule) => this.lifetimes.get(rule.id.text) ?? { from: 0 },
        this.symbols,
        this.diagnostics,
      );
    }
  }

  /** Each code's own lifetime, and each of its billing sentences within it. */
  private checkCodeLifetimes(): void {
    for (const code of this.symbols.codes) {
      const context = describeStatement(code);
      const lifetime = resolveLifetime(code, this.symbols, context, this.diagnostics);
      this.lifetimes.set(codeLifetimeKey(code), lifetime);
      code.billing.forEach((note, index) => {
        const own = this.lifetimes.get(billingKey(code, index));
        if (own === undefined || rangeWithin(own, lifetime)) return;
        this.report(
          catalogue.ruleOutlivesParent,
          note.added?.span ?? note.removed?.span ?? note.text.span,
          { rule: `the billing sentence of ${codeLabel(code)}`, parent: `code ${codeLabel(code)}` },
          context,
          "Keep the sentence's `added in` / `removed in` within the code's.",
        );
      });
    }
  }

  /** A rule's lifetime: its own, within what it sits under (its billing sentence, else its code). */
  private ruleLifetime({ rule, code, noteIndex }: BillingRuleSite, context: string): RevisionRange {
    const parentKey = noteIndex !== undefined ? billingKey(code, noteIndex) : codeLifetimeKey(code);
    const parent = this.lifetimes.get(parentKey) ?? { from: 0 };
    if (rule.added === undefined && rule.removed === undefined) return parent;
    const own = resolveLifetime(rule, this.symbols, context, this.diagnostics);
    if (rangeWithin(own, parent)) return own;
    this.report(
      catalogue.ruleOutlivesParent,
      rule.added?.span ?? rule.removed?.span ?? rule.id.span,
      {
        rule: `rule ${rule.id.text}`,
        parent: noteIndex !== undefined ? `its billing sentence` : `code ${codeLabel(code)}`,
      },
      context,
      "Keep the rule's `added in` / `removed in` within the lifetime of what it sits under.",
    );
    return parent;
  }

  private checkRule(site: BillingRuleSite): void {
    const { rule, code } = site;
    const context = `rule ${rule.id.text} of code ${codeLabel(code)}`;
    // A rule lives as long as the billing sentence it carries out (already resolved by the policy
    // checker), or its code, unless it says when it was added or removed.
    this.lifetimes.set(rule.id.text, this.ruleLifetime(site, context));
    this.addReads(rule.id.text, emptyReads());
    if (rule.from && this.symbols.outline.get(rule.from.text)?.kind !== "note") {
      const notes = [...this.symbols.outline.values()].filter((s) => s.kind === "note").map((s) => s.id.text);
      this.report(
        catalogue.unknownName,
        rule.from.span,
        { name: rule.from.text, kind: "note" },
        context,
        didYouMean(rule.from.text, notes),
      );
    }
    const body = rule.body;
    if (isClaimRuleBody(body)) {
      checkClaimRule(body, {
        symbols: this.symbols,
        diagnostics: this.diagnostics,
        resolutions: this.resolutions,
        rule,
        code,
        context,
        addReads: (reads) => this.addReads(rule.id.text, reads),
        checkLimit: (limit) => this.checkNumeric(limit, rule.id.text, context),
      });
      return;
    }
    switch (body.kind) {
      case "billedOnlyWhen":
      case "notBilledWhen":
        this.addReads(
          rule.id.text,
          checkExpression(body.condition, {
            symbols: this.symbols,
            context,
            diagnostics: this.diagnostics,
            resolutions: this.resolutions,
            scope: "claim",
          }),
        );
        return;
      case "requiresModifier":
        if (!modifierFormat.test(body.modifier.text)) {
          this.report(
            catalogue.invalidLiteral,
            body.modifier.span,
            { text: body.modifier.text, expected: "modifier" },
            context,
            "A modifier is two letters or digits, such as SD.",
          );
        }
        return;
      case "billedWithEach":
      case "unitsAtLeastGroup":
        if (!this.symbols.codeGroups.has(body.group.text)) {
          this.report(
            catalogue.unknownName,
            body.group.span,
            { name: body.group.text, kind: "code group" },
            context,
            didYouMean(body.group.text, this.symbols.codeGroups.keys()) ??
              `Declare it: \`code group ${body.group.text} "...": <codes>\`.`,
          );
        }
        return;
      case "unitsAtMost":
        this.checkNumeric(body.limit, rule.id.text, context);
        if (body.per) checkUnitPeriod(body.per, this.diagnostics, this.symbols.file, context);
        return;
    }
  }

  /** Checks a unit limit's arithmetic; returns its unit (units.ts), or undefined when it has none. */
  private checkNumeric(expression: Ast.NumericExpression, owner: string, context: string): NumberUnit | undefined {
    switch (expression.kind) {
      case "number":
        return bareNumber;
      case "binary": {
        const left = this.checkNumeric(expression.left, owner, context);
        const right = this.checkNumeric(expression.right, owner, context);
        if (expression.operator === "/" && expression.right.kind === "number" && expression.right.value === 0) {
          this.report(catalogue.divisionByZero, expression.span, {}, context);
        }
        if (left === undefined || right === undefined) return undefined;
        return this.arithmeticUnit(expression, left, right, context);
      }
      case "name": {
        const fact = this.symbols.facts.get(expression.name.text);
        if (!fact || !fact.forClaims) {
          const numbers = [...this.symbols.facts.values()]
            .filter((f) => f.forClaims && f.type.kind === "number")
            .map((f) => f.name.text);
          this.report(
            catalogue.unknownName,
            expression.span,
            { name: expression.name.text, kind: "number fact of a claim" },
            context,
            didYouMean(expression.name.text, numbers),
          );
          return undefined;
        }
        if (fact.type.kind !== "number") {
          this.report(
            catalogue.typeMismatch,
            expression.span,
            { subject: expression.name.text, is: describeFactType(fact.type), needs: { by: "unitLimit" } },
            context,
          );
          return undefined;
        }
        const reads = emptyReads();
        reads.facts.add(fact.name.text);
        this.addReads(owner, reads);
        this.resolutions.set(expression.name, { kind: "fact", fact });
        return factUnit(fact);
      }
    }
  }

  /**
   * The unit of `left <operator> right`: `+` and `-` need one unit (a bare literal takes the other's),
   * `*` and `/` keep the unit of a number multiplied or divided by a bare one (units.ts). Reports
   * PC110 or PC111 and gives undefined when there is none.
   */
  private arithmeticUnit(
    expression: Extract<Ast.NumericExpression, { kind: "binary" }>,
    left: NumberUnit,
    right: NumberUnit,
    context: string,
  ): NumberUnit | undefined {
    if (expression.operator === "+" || expression.operator === "-") {
      if (left.kind === "measured" && right.kind === "measured" && !unitsAgree(left, right)) {
        this.report(
          catalogue.unitMismatch,
          expression.span,
          {
            operation: "addOrSubtract",
            left: unitSide(numericSource(expression.left), left),
            right: unitSide(numericSource(expression.right), right),
          },
          context,
          unitHint(left, right),
        );
        return undefined;
      }
      return sumUnit(left, right);
    }
    const unit = productUnit(expression.operator, left, right);
    if (unit === undefined) {
      this.report(
        catalogue.unnamedUnit,
        expression.span,
        {
          operation: expression.operator === "*" ? "product" : "quotient",
          left: unitSide(numericSource(expression.left), left),
          right: unitSide(numericSource(expression.right), right),
        },
        context,
        "Multiply or divide a number with a unit by a plain number only: `claim.minutes / 15`.",
      );
    }
    return unit;
  }
}

/** A unit limit's arithmetic as text, each inner operation in parentheses: `(claim.minutes - 120) / 15`. */
function numericSource(expression: Ast.NumericExpression): string {
  switch (expression.kind) {
    case "number":
      return String(expression.value);
    case "name":
      return expression.name.text;
    case "binary": {
      const side = (inner: Ast.NumericExpression): string =>
        inner.kind === "binary" ? `(${numericSource(inner)})` : numericSource(inner);
      return `${side(expression.left)} ${expression.operator} ${side(expression.right)}`;
    }
  }
}

/** Checks the coding table's rules; `lifetimes` and `addReads` receive what each rule id needs. */
export function checkBilling(
  symbols: PolicySymbols,
  diagnostics: Diagnostic[],
  lifetimes: Map<string, RevisionRange>,
  resolutions: Resolutions,
  addReads: (owner: string, reads: ExpressionReads) => void,
): void {
  new BillingChecker(symbols, diagnostics, lifetimes, resolutions, addReads).run();
}
