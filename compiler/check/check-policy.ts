// Stage 2 of the pipeline: a parsed policy in, a CheckedPolicy (the AST plus side tables) and every
// diagnostic out. Keeps going after the first problem so the author sees them all at once.

import type * as Ast from "../syntax/ast.js";
import { catalogue } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import {
  billingKey,
  collectSymbols,
  describeStatement,
  parentId,
  type OutlineStatement,
  type PolicySymbols,
} from "./symbols.js";
import { checkExpression, emptyReads, type ExpressionReads, type ExpressionSite } from "./expressions.js";
import type { Resolution, Resolutions } from "./resolutions.js";
import { checkRevisionLog, rangeWithin, resolveLifetime, type RevisionRange } from "./revisions.js";
import { checkException } from "./exceptions.js";
import { checkBilling } from "./billing.js";
import { isValidMonth } from "./literals.js";
import { checkGeneratedNames } from "./generated-names.js";
import { checkDependencies } from "./dependencies.js";
import { maxNestingDepth } from "../syntax/nesting.js";

export interface CheckedPolicy {
  readonly source: Ast.SourceFile;
  readonly symbols: PolicySymbols;
  /** When each outline statement, exception and billing note is in force, by id (`S9379#0` for billing). */
  readonly lifetimes: ReadonlyMap<string, RevisionRange>;
  /** What each definition, outline statement and exception reads, by name or id. */
  readonly reads: ReadonlyMap<string, ExpressionReads>;
  /** What every name in every condition stands for: lowering reads this and resolves nothing itself. */
  readonly resolutions: ReadonlyMap<Ast.Word, Resolution>;
}

export { billingKey } from "./symbols.js";

/** Which kinds of statement may sit directly under which: a criterion under a section or a criterion... */
const allowedParents: Readonly<Record<OutlineStatement["kind"], readonly OutlineStatement["kind"][]>> = {
  section: ["section"],
  criterion: ["section", "criterion"],
  exclusion: ["section"],
  note: ["section", "criterion"],
  service: ["section"],
};

/**
 * A published text is named relative to the policy's folder and stays inside it: parts of letters,
 * digits, `.`, `-` and `_` joined by `/`, each starting with a letter or digit (so no `..`, no hidden
 * file, no absolute path, no backslash).
 */
function isPublishedTextName(name: string): boolean {
  return name.length <= 200 && name.split("/").every((part) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(part));
}

/** For each group of facts (`member`), the first fact in it (`member.age`). */
function groupMembers(symbols: PolicySymbols): Map<string, string> {
  const members = new Map<string, string>();
  for (const name of symbols.facts.keys()) {
    // A name of more parts than the nesting limit has PC007 already; its groups are not listed.
    if (name.split(".").length > maxNestingDepth) continue;
    for (let dot = name.indexOf("."); dot >= 0; dot = name.indexOf(".", dot + 1)) {
      const group = name.slice(0, dot);
      if (!members.has(group)) members.set(group, name);
    }
  }
  return members;
}

class PolicyChecker {
  readonly diagnostics: Diagnostic[] = [];
  readonly lifetimes = new Map<string, RevisionRange>();
  readonly reads = new Map<string, ExpressionReads>();
  readonly resolutions: Resolutions = new Map();
  readonly symbols: PolicySymbols;
  /** For each group of facts, a fact in it: a fact may not also name a group. */
  private readonly groupMembers: ReadonlyMap<string, string>;

  constructor(private readonly source: Ast.SourceFile) {
    this.symbols = collectSymbols(source, this.diagnostics);
    this.groupMembers = groupMembers(this.symbols);
  }

  private report(
    entry: (typeof catalogue)[keyof typeof catalogue],
    span: Ast.Span,
    message: string,
    context?: string,
    hint?: string,
  ): void {
    this.diagnostics.push(
      diagnostic(entry, this.source.path, span, message, {
        ...(context !== undefined && { context }),
        ...(hint !== undefined && { hint }),
      }),
    );
  }

  run(): CheckedPolicy {
    this.checkHeader();
    checkRevisionLog(this.symbols, this.diagnostics);
    for (const fact of this.symbols.facts.values()) this.checkFact(fact);
    checkGeneratedNames(this.symbols, this.diagnostics);
    for (const definition of this.symbols.definitions.values()) {
      this.addReads(definition.name.text, checkExpression(definition.body, this.site(describeStatement(definition))));
      if (definition.definedByNote && this.symbols.outline.get(definition.definedByNote.text)?.kind !== "note") {
        this.report(
          catalogue.unknownName,
          definition.definedByNote.span,
          `No note is numbered \`${definition.definedByNote.text}\`.`,
          describeStatement(definition),
        );
      }
    }
    // Every lifetime first: a statement's is checked against its parent's, wherever the parent stands.
    for (const statement of this.symbols.outline.values()) {
      this.lifetimes.set(
        statement.id.text,
        resolveLifetime(statement, this.symbols, describeStatement(statement), this.diagnostics),
      );
    }
    for (const statement of this.symbols.outline.values()) this.checkOutlineStatement(statement);
    for (const exception of this.symbols.exceptions.values()) {
      const context = describeStatement(exception);
      this.lifetimes.set(exception.id.text, resolveLifetime(exception, this.symbols, context, this.diagnostics));
      if (exception.appliesWhen)
        this.addReads(exception.id.text, checkExpression(exception.appliesWhen, this.site(context)));
      checkException(exception, this.symbols, this.diagnostics);
    }
    this.symbols.codes.forEach((code) => {
      code.billing.forEach((note, index) => {
        this.lifetimes.set(
          billingKey(code, index),
          resolveLifetime(note, this.symbols, describeStatement(code), this.diagnostics),
        );
      });
    });
    checkBilling(this.symbols, this.diagnostics, this.lifetimes, this.resolutions, (owner, reads) =>
      this.addReads(owner, reads),
    );
    checkDependencies(this.symbols, this.reads, this.diagnostics);
    this.checkSubcriteriaUsed();
    this.warnUnused();
    return {
      source: this.source,
      symbols: this.symbols,
      lifetimes: this.lifetimes,
      reads: this.reads,
      resolutions: this.resolutions,
    };
  }

  /** Where an expression of `context` is checked; `owningCriterion` for a criterion's own condition. */
  private site(context: string, owningCriterion?: string): ExpressionSite {
    return {
      symbols: this.symbols,
      context,
      diagnostics: this.diagnostics,
      resolutions: this.resolutions,
      ...(owningCriterion !== undefined && { owningCriterion }),
    };
  }

  private addReads(owner: string, reads: ExpressionReads): void {
    const existing = this.reads.get(owner) ?? emptyReads();
    for (const fact of reads.facts) existing.facts.add(fact);
    for (const definition of reads.definitions) existing.definitions.add(definition);
    for (const criterion of reads.criteria) existing.criteria.add(criterion);
    this.reads.set(owner, existing);
  }

  private checkHeader(): void {
    const header = this.symbols.header;
    const start: Ast.Span = { offset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };
    if (!header) {
      this.report(
        catalogue.missingClause,
        start,
        "This file has no `policy` statement.",
        undefined,
        "Start it with `policy <reference number>` and its title.",
      );
      return;
    }
    const context = describeStatement(header);
    const required: [keyof Ast.PolicyHeader, string][] = [
      ["title", 'title "..."'],
      ["plan", 'plan "..."'],
      ["description", 'description "..."'],
      ["lastReview", "last review YYYY-MM"],
    ];
    for (const [field, example] of required) {
      if (header[field] === undefined) {
        this.report(
          catalogue.missingClause,
          header.reference.span,
          `The policy has no \`${example.split(" ")[0]}\`.`,
          context,
          `Add \`${example}\`.`,
        );
      }
    }
    if (header.lastReview && !isValidMonth(header.lastReview.text)) {
      this.report(
        catalogue.invalidLiteral,
        header.lastReview.span,
        `${header.lastReview.text} is not a month (YYYY-MM, month 01 to 12).`,
        context,
      );
    }
    if (header.publishedText && !isPublishedTextName(header.publishedText.value)) {
      this.report(
        catalogue.publishedTextOutside,
        header.publishedText.span,
        `The published text ${JSON.stringify(header.publishedText.value)} is not a file name inside the policy's folder.`,
        context,
        "Name a file beside the policy (or in a folder under it), such as `abc-cp-1.published.txt`: letters, digits, `.`, `-` and `_`, parts joined by `/`, no `..` and no leading `/`.",
      );
    }
    if (this.symbols.revisions.length === 0) {
      this.report(
        catalogue.missingClause,
        header.reference.span,
        "The policy has no revision log.",
        context,
        'Add at least `revision YYYY-MM "Original approval." effective YYYY-MM-DD`.',
      );
    }
  }

  private checkFact(fact: Ast.FactDeclaration): void {
    const context = describeStatement(fact);
    const name = fact.name.text;
    // NOTE: each part starts with a letter, because parts become property names and, joined, the
    // names of generated types (`_1.x` would make the type `1X`, which is not a name).
    if (!/^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*$/.test(name)) {
      this.report(
        catalogue.syntaxError,
        fact.name.span,
        `The fact name \`${name}\` has a part that is not a word starting with a letter.`,
        context,
        "Start each part with a letter, then use letters, digits and underscores, with dots between parts, such as `member.age`.",
      );
    }
    const group = this.groupMembers.get(name);
    if (group) {
      this.report(
        catalogue.duplicateName,
        fact.name.span,
        `\`${name}\` is both a fact and the group of the fact \`${group}\`.`,
        context,
        "Rename one of them.",
      );
    }
    if (!fact.description)
      this.report(
        catalogue.missingClause,
        fact.name.span,
        "This fact has no description.",
        context,
        'Add `description "..."` saying what it records.',
      );
    if (!fact.question)
      this.report(
        catalogue.missingClause,
        fact.name.span,
        "This fact has no question to ask when it is unknown.",
        context,
        'Add `ask "...?"`.',
      );
    const type = fact.type;
    if (type.kind === "number" && type.min !== undefined && type.max !== undefined && type.min > type.max) {
      this.report(
        catalogue.invalidRange,
        type.span,
        `The range from ${type.min} to ${type.max} holds no number.`,
        context,
        "Put the smaller bound first.",
      );
    }
    if (type.kind !== "oneOf" && type.kind !== "setOf") return;
    const seen = new Set<string>();
    for (const value of type.values) {
      if (value.name.text === "unknown") {
        this.report(
          catalogue.reservedValue,
          value.name.span,
          "`unknown` cannot be a value: in cases it means the fact is not known.",
          context,
          "Choose another word, such as `not_known`.",
        );
      }
      if (value.name.text.includes(".")) {
        this.report(
          catalogue.syntaxError,
          value.name.span,
          `The value \`${value.name.text}\` has a dot; values are single words.`,
          context,
          "Use underscores instead.",
        );
      }
      if (seen.has(value.name.text)) {
        this.report(
          catalogue.duplicateName,
          value.name.span,
          `The value \`${value.name.text}\` is listed twice.`,
          context,
        );
      }
      seen.add(value.name.text);
    }
    if (type.values.length < 2 && type.kind === "oneOf") {
      this.report(
        catalogue.invalidCount,
        type.span,
        "A fact that is one of a single value can never vary.",
        context,
        "List at least two values, or use `yes or no`.",
      );
    }
  }

  private checkCategory(category: Ast.Word | undefined, context: string): void {
    if (!category || this.symbols.categories.has(category.text)) return;
    this.report(
      catalogue.unknownCategory,
      category.span,
      `No category is named \`${category.text}\`.`,
      context,
      didYouMean(category.text, this.symbols.categories.keys()) ?? `Declare it: \`category ${category.text} "..."\`.`,
    );
  }

  private checkOutlineStatement(statement: OutlineStatement): void {
    const context = describeStatement(statement);
    const id = statement.id.text;
    this.checkParent(statement, this.lifetimes.get(id) ?? { from: 0 }, context);

    switch (statement.kind) {
      case "section":
        if (statement.appliesWhen) this.addReads(id, checkExpression(statement.appliesWhen, this.site(context)));
        return;
      case "criterion":
        this.checkCategory(statement.category, context);
        if (!statement.metWhen) {
          this.report(
            catalogue.missingClause,
            statement.id.span,
            "This criterion does not say when it is met.",
            context,
            "Add `met when <condition>`.",
          );
          return;
        }
        this.addReads(id, checkExpression(statement.metWhen, this.site(context, id)));
        return;
      case "exclusion":
        this.checkCategory(statement.category, context);
        if (!statement.notCovered) {
          this.report(
            catalogue.missingClause,
            statement.id.span,
            "This exclusion does not say when it applies.",
            context,
            "Add `not covered when <condition>`.",
          );
          return;
        }
        this.addReads(id, checkExpression(statement.notCovered.condition, this.site(context)));
        return;
      case "note":
        this.checkCategory(statement.category, context);
        if (statement.notCovered && statement.excludesServices) {
          this.report(
            catalogue.duplicateClause,
            statement.excludesServices.span,
            "A note either denies coverage (`not covered`) or excludes some services (`excludes services of`), not both.",
            context,
            "Split it into two notes.",
          );
        }
        if (statement.notCovered)
          this.addReads(id, checkExpression(statement.notCovered.condition, this.site(context)));
        if (statement.excludesServices) {
          const excluded = statement.excludesServices;
          const section = this.symbols.outline.get(excluded.section.text);
          if (section?.kind !== "section") {
            this.report(
              section ? catalogue.typeMismatch : catalogue.unknownName,
              excluded.section.span,
              section
                ? `\`${excluded.section.text}\` is a ${section.kind}, not a section of services.`
                : `No section is numbered \`${excluded.section.text}\`.`,
              context,
            );
          }
          this.addReads(id, checkExpression(excluded.condition, this.site(context)));
        }
        return;
      case "service":
        return;
    }
  }

  private checkParent(statement: OutlineStatement, lifetime: RevisionRange, context: string): void {
    const parent = parentId(statement.id.text);
    if (parent === undefined) {
      if (statement.kind !== "section") {
        this.report(
          catalogue.missingParent,
          statement.id.span,
          `A ${statement.kind} needs a number under a section, such as \`I.A.${statement.id.text}\`.`,
          context,
        );
      }
      return;
    }
    const parentStatement = this.symbols.outline.get(parent);
    const allowed = allowedParents[statement.kind];
    if (!parentStatement || !allowed.includes(parentStatement.kind)) {
      const found = parentStatement
        ? `, and \`${parent}\` is a ${parentStatement.kind}`
        : `, but no ${allowed.join(" or ")} \`${parent}\` is declared`;
      this.report(
        catalogue.missingParent,
        statement.id.span,
        `\`${statement.id.text}\` sits under \`${parent}\`${found}.`,
        context,
        parentStatement ? undefined : `Declare \`section ${parent} "..."\`, or correct the number.`,
      );
      return;
    }
    const parentLifetime = this.lifetimes.get(parent);
    const isPart = statement.kind === "criterion" && parentStatement.kind === "criterion";
    if (
      isPart &&
      parentLifetime &&
      (lifetime.from !== parentLifetime.from || lifetime.until !== parentLifetime.until)
    ) {
      this.report(
        catalogue.invalidLifetime,
        statement.id.span,
        `\`${statement.id.text}\` is a part of criterion \`${parent}\` and must be in force exactly when it is.`,
        context,
        `Give it the same \`added in\` and \`removed in\` as \`${parent}\`.`,
      );
    } else if (parentLifetime && !rangeWithin(lifetime, parentLifetime)) {
      this.report(
        catalogue.invalidLifetime,
        statement.id.span,
        `\`${statement.id.text}\` is in force in revisions where its parent \`${parent}\` is not.`,
        context,
        "Give it an `added in` no earlier than its parent's.",
      );
    }
  }

  private checkSubcriteriaUsed(): void {
    for (const statement of this.symbols.outline.values()) {
      const parent = parentId(statement.id.text);
      if (statement.kind !== "criterion" || parent === undefined) continue;
      if (this.symbols.outline.get(parent)?.kind !== "criterion") continue;
      if (this.reads.get(parent)?.criteria.has(statement.id.text)) continue;
      this.report(
        catalogue.unreferencedSubcriterion,
        statement.id.span,
        `Criterion \`${parent}\` does not use its part \`${statement.id.text}\`, so it decides nothing.`,
        describeStatement(statement),
        `Refer to it in the \`met when\` of \`${parent}\`, for example \`at least one of (${statement.id.text}, ...)\`.`,
      );
    }
  }

  private warnUnused(): void {
    // NOTE: after an error, a name that failed to resolve would show up as unused too: noise.
    if (this.diagnostics.some((d) => d.severity === "error")) return;
    const readFacts = new Set<string>();
    const readDefinitions = new Set<string>();
    for (const reads of this.reads.values()) {
      for (const fact of reads.facts) readFacts.add(fact);
      for (const definition of reads.definitions) readDefinitions.add(definition);
    }
    for (const fact of this.symbols.facts.values()) {
      if (readFacts.has(fact.name.text)) continue;
      this.report(
        catalogue.unusedFact,
        fact.name.span,
        `No criterion, exclusion, note or exception reads the fact \`${fact.name.text}\`.`,
        describeStatement(fact),
        "Use it in a condition, or remove it.",
      );
    }
    for (const definition of this.symbols.definitions.values()) {
      if (readDefinitions.has(definition.name.text)) continue;
      this.report(
        catalogue.unusedDefinition,
        definition.name.span,
        `Nothing uses the definition \`${definition.name.text}\`.`,
        describeStatement(definition),
        "Use it in a condition, or remove it.",
      );
    }
  }
}

export function checkPolicy(source: Ast.SourceFile): { checked: CheckedPolicy; diagnostics: Diagnostic[] } {
  const checker = new PolicyChecker(source);
  const checked = checker.run();
  return { checked, diagnostics: checker.diagnostics };
}
