// Stage 2 of the pipeline: a parsed policy in, a CheckedPolicy (the AST plus side tables) and every
// diagnostic out. Keeps going after the first problem so the author sees them all at once.

import type * as Ast from "../syntax/ast.js";
import { catalogue, type CatalogueEntry } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { outlineTypeWord, type RequiredClause } from "../diagnostics/message-arguments.js";
import { didYouMean } from "../diagnostics/suggest.js";
import {
  billingKey,
  collectSymbols,
  describeStatement,
  parentId,
  type OutlineStatement,
  type PolicySymbols,
} from "./symbols.js";
import { checkReferences } from "./references.js";
import { checkReadingAlternatives } from "./reading-alternatives.js";
import { checkReadingsThatDecideNothing } from "./readings-that-decide-nothing.js";
import { checkExpression, emptyReads, type ExpressionReads, type ExpressionSite } from "./expressions.js";
import type { Resolution, Resolutions } from "./resolutions.js";
import { checkRevisionLog, rangeWithin, resolveLifetime, type RevisionRange } from "./revisions.js";
import { checkChangesTakeEffect, checkPartsInForce, checkVersionLifetimes, type VersionLifetimes } from "./versions.js";
import { checkException, checkExceptionReach } from "./exceptions.js";
import { checkRevisionLogAgainstLifetimes } from "./revision-log.js";
import { checkBilling } from "./billing.js";
import { isValidMonth } from "./literals.js";
import { checkGeneratedNames } from "./generated-names.js";
import { checkDependencies } from "./dependencies.js";
import { maxNestingDepth } from "../syntax/nesting.js";
import { besidePolicyReader, type PolicyFileReader } from "../files/beside-policy.js";
import { checkValueSets, type ValueSetContents } from "./value-sets.js";
import { checkFhirMapping } from "./fhir-mapping.js";

export interface CheckedPolicy {
  readonly source: Ast.SourceFile;
  readonly symbols: PolicySymbols;
  /** When each outline statement, exception and billing note is in force, by id (`S9379#0` for billing). */
  readonly lifetimes: ReadonlyMap<string, RevisionRange>;
  /** What each definition, outline statement and exception reads, by name or id. */
  readonly reads: ReadonlyMap<string, ExpressionReads>;
  /** What every name in every condition stands for: lowering reads this and resolves nothing itself. */
  readonly resolutions: ReadonlyMap<Ast.Word, Resolution>;
  /** When each version of a criterion or exclusion with earlier versions is in force, by its id. */
  readonly versions: ReadonlyMap<string, VersionLifetimes>;
  /** Each value set read and checked, by name. */
  readonly valueSets: ReadonlyMap<string, ValueSetContents>;
  /** The text of each value set file read, by its path, for rendering diagnostics in it. */
  readonly valueSetTexts: ReadonlyMap<string, string>;
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
  readonly versions = new Map<string, VersionLifetimes>();
  readonly symbols: PolicySymbols;
  /** For each group of facts, a fact in it: a fact may not also name a group. */
  private readonly groupMembers: ReadonlyMap<string, string>;

  constructor(
    private readonly source: Ast.SourceFile,
    private readonly read: PolicyFileReader,
  ) {
    this.symbols = collectSymbols(source, this.diagnostics);
    this.groupMembers = groupMembers(this.symbols);
  }

  private report<Arguments>(
    entry: CatalogueEntry<Arguments>,
    span: Ast.Span,
    args: NoInfer<Arguments>,
    context?: string,
    hint?: string,
  ): void {
    this.diagnostics.push(
      diagnostic(entry, this.source.path, span, args, {
        ...(context !== undefined && { context }),
        ...(hint !== undefined && { hint }),
      }),
    );
  }

  run(): CheckedPolicy {
    this.checkHeader();
    checkRevisionLog(this.symbols, this.diagnostics);
    checkRevisionLogAgainstLifetimes(this.symbols, this.diagnostics);
    for (const fact of this.symbols.facts.values()) this.checkFact(fact);
    const valueSets = checkValueSets(this.symbols, this.read, this.diagnostics);
    checkGeneratedNames(this.symbols, this.diagnostics);
    for (const definition of this.symbols.definitions.values()) {
      this.addReads(
        definition.name.text,
        checkExpression(definition.body, {
          ...this.site(describeStatement(definition)),
          parameters: definition.parameters,
          definition: definition.name.text,
        }),
      );
      if (definition.definedByNote && this.symbols.outline.get(definition.definedByNote.text)?.kind !== "note") {
        this.report(
          catalogue.unknownName,
          definition.definedByNote.span,
          { name: definition.definedByNote.text, kind: "note" },
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
    for (const statement of this.symbols.outline.values()) {
      this.checkOutlineStatement(statement);
      const versions = statement.kind === "criterion" || statement.kind === "exclusion" ? statement.versions : [];
      const changes = [statement.added, ...versions.map((version) => version.before), statement.removed];
      checkChangesTakeEffect(
        statement.id.text,
        changes.filter((word) => word !== undefined),
        this.symbols,
        describeStatement(statement),
        this.diagnostics,
      );
    }
    for (const exception of this.symbols.exceptions.values()) {
      const context = describeStatement(exception);
      this.lifetimes.set(exception.id.text, resolveLifetime(exception, this.symbols, context, this.diagnostics));
      if (exception.appliesWhen)
        this.addReads(exception.id.text, checkExpression(exception.appliesWhen, this.site(context)));
      checkException(exception, this.symbols, this.diagnostics);
      checkExceptionReach(exception, this.symbols, this.diagnostics);
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
    checkReferences(this.symbols, this.reads, this.lifetimes, this.diagnostics);
    checkReadingAlternatives(this.source, this.symbols, this.diagnostics);
    checkReadingsThatDecideNothing(this.source, this.symbols, this.diagnostics);
    checkFhirMapping(this.source, this.symbols, this.diagnostics);
    this.checkSubcriteriaUsed();
    this.warnUnused();
    return {
      source: this.source,
      symbols: this.symbols,
      lifetimes: this.lifetimes,
      reads: this.reads,
      resolutions: this.resolutions,
      versions: this.versions,
      valueSets: valueSets.contents,
      valueSetTexts: valueSets.texts,
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
    for (const reference of reads.references) existing.references.add(reference);
    this.reads.set(owner, existing);
  }

  private checkHeader(): void {
    const header = this.symbols.header;
    const start: Ast.Span = { offset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };
    if (!header) {
      this.report(
        catalogue.missingClause,
        start,
        { statement: "file", clause: "policy" },
        undefined,
        "Start it with `policy <reference number>` and its title.",
      );
      return;
    }
    const context = describeStatement(header);
    const required: [keyof Ast.PolicyHeader, RequiredClause, string][] = [
      ["title", "title", 'title "..."'],
      ["plan", "plan", 'plan "..."'],
      ["description", "description", 'description "..."'],
      ["lastReview", "last review", "last review YYYY-MM"],
    ];
    for (const [field, clause, example] of required) {
      if (header[field] === undefined) {
        this.report(
          catalogue.missingClause,
          header.reference.span,
          { statement: "policy", clause },
          context,
          `Add \`${example}\`.`,
        );
      }
    }
    if (header.lastReview && !isValidMonth(header.lastReview.text)) {
      this.report(
        catalogue.invalidLiteral,
        header.lastReview.span,
        { text: header.lastReview.text, expected: "month" },
        context,
      );
    }
    // Every published text, the header's (the latest revision's) and each revision's, by one rule.
    const texts = [
      { text: header.publishedText, context },
      ...this.symbols.revisions.map((revision) => ({
        text: revision.publishedText,
        context: `revision ${revision.approved.text}`,
      })),
    ];
    for (const { text, context: where } of texts) {
      if (!text || isPublishedTextName(text.value)) continue;
      this.report(
        catalogue.publishedTextOutside,
        text.span,
        { path: text.value, way: "name" },
        where,
        "Name a file beside the policy (or in a folder under it), such as `abc-cp-1.published.txt`: letters, digits, `.`, `-` and `_`, parts joined by `/`, no `..` and no leading `/`.",
      );
    }
    if (this.symbols.revisions.length === 0) {
      this.report(
        catalogue.missingClause,
        header.reference.span,
        { statement: "policy", clause: "revision" },
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
        catalogue.malformedName,
        fact.name.span,
        { name, of: "fact" },
        context,
        "Start each part with a letter, then use letters, digits and underscores, with dots between parts, such as `member.age`.",
      );
    }
    const member = this.groupMembers.get(name);
    const memberFact = member === undefined ? undefined : this.symbols.facts.get(member);
    if (memberFact) {
      this.diagnostics.push(
        diagnostic(
          catalogue.duplicateName,
          this.source.path,
          fact.name.span,
          { name, first: "fact", second: "group of facts" },
          {
            context,
            hint: "Rename one of them.",
            related: [
              {
                file: this.source.path,
                span: memberFact.name.span,
                message: `\`${memberFact.name.text}\` is in the group`,
              },
            ],
          },
        ),
      );
    }
    if (!fact.description)
      this.report(
        catalogue.missingClause,
        fact.name.span,
        { statement: "fact", clause: "description" },
        context,
        'Add `description "..."` saying what it records.',
      );
    if (!fact.question)
      this.report(
        catalogue.missingClause,
        fact.name.span,
        { statement: "fact", clause: "ask" },
        context,
        'Add `ask "...?"`.',
      );
    if (fact.type.kind === "list") this.checkListType(fact, fact.type, context);
    else this.checkFactType(fact.type, context);
  }

  /** A list fact: a coverage fact only, each field named once, each field's type as a fact's. */
  private checkListType(
    fact: Ast.FactDeclaration,
    type: Extract<Ast.FactType, { kind: "list" }>,
    context: string,
  ): void {
    if (fact.forClaims)
      this.report(
        catalogue.listFactOfClaim,
        type.span,
        { name: fact.name.text },
        context,
        "Give each value a claim fact of its own.",
      );
    const seen = new Set<string>();
    for (const field of type.fields) {
      if (seen.has(field.name.text))
        this.report(
          catalogue.duplicateRecordField,
          field.name.span,
          { field: field.name.text, list: fact.name.text },
          context,
          "Remove one of them, or rename it.",
        );
      seen.add(field.name.text);
      if (field.type.kind === "code" || field.type.kind === "codes")
        this.report(
          catalogue.recordFieldOfCodes,
          field.type.span,
          { field: field.name.text, list: fact.name.text },
          context,
          'Give the codes a fact of their own (`fact diagnosis.primary: code in system "ICD-10-CM"`).',
        );
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(field.name.text))
        this.report(
          catalogue.malformedName,
          field.name.span,
          { name: field.name.text, of: "value" },
          context,
          "Start the field's name with a letter, then use letters, digits and underscores.",
        );
      this.checkFactType(field.type, context);
    }
    this.checkIdentifyingFields(fact, type, context);
  }

  /** `identified by ...`: each a field of the records, holding one value, named once. */
  private checkIdentifyingFields(
    fact: Ast.FactDeclaration,
    type: Extract<Ast.FactType, { kind: "list" }>,
    context: string,
  ): void {
    const named = new Set<string>();
    for (const name of type.identifiedBy ?? []) {
      const field = type.fields.find((candidate) => candidate.name.text === name.text);
      const fieldNames = type.fields.map((candidate) => candidate.name.text);
      const args = { field: name.text, list: fact.name.text };
      if (field === undefined)
        this.report(
          catalogue.unfitIdentifyingField,
          name.span,
          { ...args, problem: "not a field" },
          context,
          didYouMean(name.text, fieldNames) ?? `The fields are: ${fieldNames.join(", ")}.`,
        );
      else if (field.type.kind === "setOf")
        this.report(
          catalogue.unfitIdentifyingField,
          name.span,
          { ...args, problem: "a set" },
          context,
          "Identify the records by a date, a value of a list, a number or a yes or no.",
        );
      else if (named.has(name.text))
        this.report(
          catalogue.unfitIdentifyingField,
          name.span,
          { ...args, problem: "named twice" },
          context,
          "Name it once.",
        );
      named.add(name.text);
    }
  }

  private checkFactType(type: Ast.FactType, context: string): void {
    if (type.kind === "number" && type.min !== undefined && type.max !== undefined && type.min > type.max) {
      this.report(
        catalogue.impossibleRange,
        type.span,
        { min: type.min, max: type.max },
        context,
        "Put the smaller bound first.",
      );
    }
    if (type.kind !== "oneOf" && type.kind !== "setOf") return;
    const seen = new Set<string>();
    for (const value of type.values) {
      if (value.name.text === "unknown") {
        this.report(catalogue.reservedValue, value.name.span, {}, context, "Choose another word, such as `not_known`.");
      }
      if (value.name.text.includes(".")) {
        this.report(
          catalogue.malformedName,
          value.name.span,
          { name: value.name.text, of: "value" },
          context,
          "Use underscores instead.",
        );
      }
      if (seen.has(value.name.text)) {
        this.report(
          catalogue.duplicateName,
          value.name.span,
          { name: value.name.text, first: "value", second: "value" },
          context,
        );
      }
      seen.add(value.name.text);
    }
    if (type.values.length < 2 && type.kind === "oneOf") {
      this.report(
        catalogue.impossibleCount,
        type.span,
        { count: { kind: "singleValue" } },
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
      { name: category.text },
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
            { statement: "criterion", clause: "met when" },
            context,
            "Add `met when <condition>`.",
          );
          return;
        }
        this.checkVersions(statement, statement.metWhen, context);
        return;
      case "exclusion":
        this.checkCategory(statement.category, context);
        if (!statement.notCovered) {
          this.report(
            catalogue.missingClause,
            statement.id.span,
            { statement: "exclusion", clause: "not covered when" },
            context,
            "Add `not covered when <condition>`.",
          );
          return;
        }
        this.checkVersions(statement, statement.notCovered.condition, context);
        return;
      case "note":
        this.checkCategory(statement.category, context);
        if (statement.notCovered && statement.excludesServices) {
          this.report(
            catalogue.noteDeniesAndExcludes,
            statement.excludesServices.span,
            {},
            context,
            "Split it into two notes.",
          );
        }
        if (statement.notCovered)
          this.addReads(id, checkExpression(statement.notCovered.condition, this.site(context)));
        if (statement.excludesServices) {
          const excluded = statement.excludesServices;
          const section = this.symbols.outline.get(excluded.section.text);
          if (!section) {
            this.report(
              catalogue.unknownName,
              excluded.section.span,
              { name: excluded.section.text, kind: "section" },
              context,
            );
          } else if (section.kind !== "section") {
            this.report(
              catalogue.typeMismatch,
              excluded.section.span,
              { subject: excluded.section.text, is: outlineTypeWord(section.kind), needs: { by: "excludedServices" } },
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

  /**
   * A criterion's or exclusion's condition and its versions': each version's lifetime, category and
   * condition (its names resolved and recorded like the current version's), and the parts each reads
   * in force whenever it is. A version without a condition reads the one of the version above it.
   */
  private checkVersions(statement: Ast.Criterion | Ast.Exclusion, condition: Ast.Expression, context: string): void {
    const id = statement.id.text;
    const lifetimes = checkVersionLifetimes(
      statement,
      this.lifetimes.get(id) ?? { from: 0 },
      this.symbols,
      context,
      this.diagnostics,
    );
    if (statement.versions.length > 0) this.versions.set(id, lifetimes);
    const owning = statement.kind === "criterion" ? id : undefined;
    const partsRead = (reads: ExpressionReads): string[] =>
      [...reads.criteria].filter((criterion) => parentId(criterion) === id);
    const reads = checkExpression(condition, this.site(context, owning));
    this.addReads(id, reads);
    let parts = { at: condition.span, read: partsRead(reads) };
    this.checkPartsOf(id, parts, lifetimes.current, context);
    for (const version of statement.versions) {
      this.checkCategory(version.category, context);
      const written =
        "metWhen" in version ? version.metWhen : "notCovered" in version ? version.notCovered?.condition : undefined;
      if (written) {
        const versionReads = checkExpression(written, this.site(context, owning));
        this.addReads(id, versionReads);
        parts = { at: written.span, read: partsRead(versionReads) };
      }
      const range = lifetimes.earlier.get(version);
      if (range) this.checkPartsOf(id, parts, range, context);
    }
  }

  private checkPartsOf(
    id: string,
    parts: { readonly at: Ast.Span; readonly read: readonly string[] },
    range: RevisionRange,
    context: string,
  ): void {
    checkPartsInForce(id, parts.at, range, parts.read, this.lifetimes, this.symbols, context, this.diagnostics);
  }

  private checkParent(statement: OutlineStatement, lifetime: RevisionRange, context: string): void {
    const parent = parentId(statement.id.text);
    if (parent === undefined) {
      if (statement.kind !== "section") {
        this.report(
          catalogue.missingParent,
          statement.id.span,
          { id: statement.id.text, allowed: allowedParents[statement.kind], problem: { kind: "none" } },
          context,
          `Number it under its section, such as \`I.A.${statement.id.text}\`.`,
        );
      }
      return;
    }
    const parentStatement = this.symbols.outline.get(parent);
    const allowed = allowedParents[statement.kind];
    if (!parentStatement || !allowed.includes(parentStatement.kind)) {
      this.report(
        catalogue.missingParent,
        statement.id.span,
        {
          id: statement.id.text,
          allowed,
          problem: parentStatement
            ? { kind: "wrongKind", parent, parentKind: parentStatement.kind }
            : { kind: "undeclared", parent },
        },
        context,
        parentStatement ? undefined : `Declare \`section ${parent} "..."\`, or correct the number.`,
      );
      return;
    }
    const parentLifetime = this.lifetimes.get(parent);
    // NOTE: a part may come later than its criterion (a branch added by a revision), or go earlier;
    // the versions of the criterion that read it must then be in force only while it is (PC073).
    if (parentLifetime && !rangeWithin(lifetime, parentLifetime)) {
      this.report(
        catalogue.lifetimeOutsideParent,
        statement.id.span,
        { id: statement.id.text, parent },
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
        { parent, part: statement.id.text },
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
        { fact: fact.name.text },
        describeStatement(fact),
        "Use it in a condition, or remove it.",
      );
    }
    for (const definition of this.symbols.definitions.values()) {
      if (readDefinitions.has(definition.name.text)) continue;
      this.report(
        catalogue.unusedDefinition,
        definition.name.span,
        { definition: definition.name.text },
        describeStatement(definition),
        "Use it in a condition, or remove it.",
      );
    }
  }
}

/**
 * Checks a parsed policy; `read` reads the files it names beside itself (its value sets), by default
 * from the working folder, as `policyc` run there would.
 */
export function checkPolicy(
  source: Ast.SourceFile,
  read: PolicyFileReader = besidePolicyReader(process.cwd(), source.path),
): { checked: CheckedPolicy; diagnostics: Diagnostic[] } {
  const checker = new PolicyChecker(source, read);
  const checked = checker.run();
  return { checked, diagnostics: checker.diagnostics };
}
