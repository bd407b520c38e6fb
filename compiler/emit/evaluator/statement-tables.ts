// The tables of an evaluator module, one entry per statement and keyed by id, never by position: the
// revisions (named constants), the facts (the schema the runtime reads input with), the definitions,
// the sections that apply only to some cases, the rules and the exceptions. Each entry holds the
// statement's words, lifetime, category and what sets it aside, with its logic twice: compiled (a
// closure over the scope, for speed) and as data (`when`, from which a pending decision's missing
// facts are found).

import type { Condition, PolicyModel, RuleModel } from "../../model/policy-model.js";
import { docText, stringLiteral } from "../code-text.js";
import { nestedConditions } from "../../model/walk-conditions.js";
import { scopeClosure } from "./scope-closure.js";
import { ConditionData } from "./condition-data.js";
import { lifetimeLiteral } from "./in-force.js";
import { revisionConstName } from "../../naming/generated-names.js";
import { data, expandedList, expandedObject, type CodeField } from "./literal.js";
import { modelHash } from "../../model/model-hash.js";
import { compilerName } from "../../version.js";
import { readingsReliedOn, type ReadingsReliedOn } from "../../model/readings-relied-on.js";
import { questionGroupFields } from "./question-groups.js";

/** The module-level names of the tables. */
export const tableNames = {
  facts: "factTable",
  definitions: "definitionTable",
  sections: "sectionTable",
  rules: "ruleTable",
  exceptions: "exceptionTable",
} as const;

/** Every definition and section some statement's logic reaches. */
function reached(model: PolicyModel): { definitions: Set<string>; sections: Set<string> } {
  const definitions = new Set<string>();
  const byName = new Map(model.definitions.map((definition) => [definition.name, definition]));
  const visit = (condition: Condition): void => {
    for (const nested of nestedConditions(condition)) {
      if (nested.kind !== "definition" || definitions.has(nested.name)) continue;
      definitions.add(nested.name);
      const definition = byName.get(nested.name);
      if (definition) visit(definition.condition);
    }
  };
  const sections = new Set<string>();
  for (const rule of model.rules) {
    visit(rule.condition);
    // An earlier version may use a definition the current one does not.
    for (const version of rule.earlier) visit(version.condition);
    for (const { section, condition } of rule.applicability) {
      sections.add(section);
      visit(condition);
    }
  }
  for (const exception of model.exceptions) visit(exception.condition);
  for (const reference of model.statementReferences) for (const section of reference.sections) sections.add(section);
  return { definitions, sections };
}

export class StatementTables {
  /** The runtime helpers the compiled logic calls (`and`, `not`...). */
  readonly helpers = new Set<string>();
  /** Writes conditions as data, and learns which builders the module imports. */
  readonly conditionData = new ConditionData();
  private readonly reached: { definitions: Set<string>; sections: Set<string> };
  private readonly readings: ReadingsReliedOn;

  constructor(
    private readonly model: PolicyModel,
    /** SHA-256 of each revision's published text the build read, by revision name. */
    private readonly publishedTextHashes: ReadonlyMap<string, string>,
  ) {
    this.reached = reached(model);
    this.readings = readingsReliedOn(model);
  }

  /** `readings: [...]`, the ids of the readings a reason relies on, only when there are some. */
  private readingsField(ids: readonly string[]): CodeField[] {
    return ids.length === 0 ? [] : [{ name: "readings", code: data(ids) }];
  }

  /** The definitions the logic uses, in dependency order. */
  usedDefinitions(): string[] {
    return this.model.definitions.flatMap((d) => (this.reached.definitions.has(d.name) ? [d.name] : []));
  }

  private publishedTextHashField(revision: string): CodeField[] {
    const hash = this.publishedTextHashes.get(revision);
    return hash === undefined ? [] : [{ name: "publishedTextHash", code: stringLiteral(hash) }];
  }

  revisionConstants(): string[] {
    return this.model.revisions.map(
      (revision) =>
        `/** ${docText(`Revision ${revision.approved}, in force from ${revision.effective}.`)} */\n` +
        `const ${revisionConstName(revision.approved)}: Revision = ${expandedObject([
          { name: "approved", code: stringLiteral(revision.approved) },
          { name: "effective", code: stringLiteral(revision.effective) },
          ...this.publishedTextHashField(revision.approved),
        ])};`,
    );
  }

  private table(name: string, type: string, doc: string, entries: readonly string[]): string {
    return `/** ${docText(doc)} */\nconst ${name}: readonly ${type}[] = ${expandedList(entries)};`;
  }

  definitionTable(): string {
    const used = new Set(this.usedDefinitions());
    const entries = this.model.definitions.flatMap((definition) =>
      used.has(definition.name)
        ? [
            expandedObject([
              { name: "name", code: stringLiteral(definition.name) },
              { name: "label", code: stringLiteral(definition.label) },
              { name: "when", code: this.conditionData.write(definition.condition) },
              { name: "truth", code: scopeClosure(definition.condition, this.helpers) },
            ]),
          ]
        : [],
    );
    return this.table(
      tableNames.definitions,
      "DefinitionEntry<Scope>",
      "The definitions the rules use, each computed once per decision, in dependency order.",
      entries,
    );
  }

  sectionTable(): string {
    const entries = this.model.outline.flatMap((entry) =>
      entry.kind === "section" && entry.appliesWhen && this.reached.sections.has(entry.id)
        ? [
            expandedObject([
              { name: "id", code: stringLiteral(entry.id) },
              { name: "title", code: stringLiteral(entry.title) },
              { name: "appliesWhen", code: this.conditionData.write(entry.appliesWhen) },
              { name: "applies", code: scopeClosure(entry.appliesWhen, this.helpers) },
            ]),
          ]
        : [],
    );
    return this.table(
      tableNames.sections,
      "SectionEntry<Scope>",
      "The sections whose rules apply only to some cases.",
      entries,
    );
  }

  private ruleEntry(rule: RuleModel, sectionTitles: ReadonlyMap<string, string>): string {
    const fields: CodeField[] = [
      { name: "id", code: stringLiteral(rule.id) },
      { name: "kind", code: stringLiteral(rule.kind) },
      { name: "role", code: stringLiteral(rule.role) },
      { name: "text", code: stringLiteral(rule.text) },
      { name: "inForce", code: lifetimeLiteral(this.model, rule.inForce) },
      ...(rule.category === undefined ? [] : [{ name: "category", code: stringLiteral(rule.category) }]),
      { name: "sections", code: data(rule.applicability.map(({ section }) => section)) },
      ...(rule.partOf === undefined ? [] : [{ name: "partOf", code: stringLiteral(rule.partOf) }]),
      { name: "overriddenBy", code: data(rule.overriddenBy) },
      { name: "facts", code: data(rule.facts) },
      ...(rule.servicesOf === undefined
        ? []
        : [
            {
              name: "services",
              code: data({ section: rule.servicesOf, title: sectionTitles.get(rule.servicesOf) ?? rule.servicesOf }),
            },
          ]),
      ...this.readingsField(this.readings.rule(rule, rule)),
      { name: "when", code: this.conditionData.write(rule.condition) },
      { name: "holds", code: scopeClosure(rule.condition, this.helpers) },
      // Last, and only for a rule that changed, so that a new version adds lines to its rule alone.
      ...(rule.earlier.length === 0 ? [] : [{ name: "earlier", code: this.earlierVersions(rule) }]),
    ];
    return expandedObject(fields);
  }

  /** A rule's earlier versions, oldest first, each with its lifetime, words, category and logic. */
  private earlierVersions(rule: RuleModel): string {
    return expandedList(
      rule.earlier.map((version) =>
        expandedObject([
          { name: "inForce", code: lifetimeLiteral(this.model, version.inForce) },
          { name: "text", code: stringLiteral(version.text) },
          ...(version.category === undefined ? [] : [{ name: "category", code: stringLiteral(version.category) }]),
          ...this.readingsField(this.readings.rule(rule, version)),
          { name: "when", code: this.conditionData.write(version.condition) },
          { name: "holds", code: scopeClosure(version.condition, this.helpers) },
        ]),
      ),
    );
  }

  ruleTable(): string {
    const sectionTitles = new Map(
      this.model.outline.flatMap((entry) => (entry.kind === "section" ? [[entry.id, entry.title] as const] : [])),
    );
    return this.table(
      tableNames.rules,
      "RuleEntry<Scope, RuleId, FactName, ExceptionId>",
      `The rules of ${this.model.reference}, in the policy's order: its criteria, exclusions and notes that decide.`,
      this.model.rules.map((rule) => this.ruleEntry(rule, sectionTitles)),
    );
  }

  exceptionTable(): string {
    const entries = this.model.exceptions.map((exception) =>
      expandedObject([
        { name: "id", code: stringLiteral(exception.id) },
        { name: "title", code: stringLiteral(exception.title) },
        { name: "requiresPriorApproval", code: String(exception.requiresPriorApproval) },
        { name: "inForce", code: lifetimeLiteral(this.model, exception.inForce) },
        { name: "facts", code: data(exception.facts) },
        ...this.readingsField(this.readings.exception(exception.id)),
        { name: "when", code: this.conditionData.write(exception.condition) },
        { name: "applies", code: scopeClosure(exception.condition, this.helpers) },
      ]),
    );
    return this.table(
      tableNames.exceptions,
      "ExceptionEntry<Scope, FactName, ExceptionId>",
      "The exceptions that may set rules aside.",
      entries,
    );
  }

  /** `export const policy = definePolicy({...})`: the declaration, prepared once when the module loads. */
  /** The statements referred to as met and the limitations, each only when the policy has some. */
  private referenceFields(): CodeField[] {
    const { statementReferences, limitations } = this.model;
    const ids = (list: readonly string[]) => `[${list.map(stringLiteral).join(", ")}]`;
    return [
      ...(statementReferences.length > 0
        ? [
            {
              name: "statementReferences",
              code: expandedList(
                statementReferences.map((reference) =>
                  expandedObject([
                    { name: "id", code: stringLiteral(reference.id) },
                    { name: "target", code: stringLiteral(reference.target) },
                    { name: "criteria", code: ids(reference.criteria) },
                    { name: "sections", code: ids(reference.sections) },
                  ]),
                ),
              ),
            },
          ]
        : []),
      ...(limitations.length > 0
        ? [
            {
              name: "limitations",
              code: expandedList(
                limitations.map((limitation) =>
                  expandedObject([
                    { name: "id", code: stringLiteral(limitation.id) },
                    { name: "text", code: stringLiteral(limitation.text) },
                    { name: "criteria", code: ids(limitation.criteria) },
                  ]),
                ),
              ),
            },
          ]
        : []),
    ];
  }

  /** The prepared policy; `groupReaders` names the table of the module's group readers, when it has one. */
  policyDeclaration(groupReaders?: string): string {
    const fields: CodeField[] = [
      { name: "reference", code: stringLiteral(this.model.reference) },
      { name: "title", code: stringLiteral(this.model.title) },
      { name: "sourceHash", code: stringLiteral(this.model.sourceHash) },
      { name: "modelHash", code: stringLiteral(modelHash(this.model)) },
      { name: "compiler", code: stringLiteral(compilerName) },
      ...this.readingsField(this.readings.policy),
      {
        name: "revisions",
        code: expandedList(this.model.revisions.map((revision) => revisionConstName(revision.approved))),
      },
      { name: "facts", code: tableNames.facts },
      { name: "definitions", code: tableNames.definitions },
      { name: "sections", code: tableNames.sections },
      { name: "rules", code: tableNames.rules },
      { name: "exceptions", code: tableNames.exceptions },
      ...this.referenceFields(),
      ...questionGroupFields(this.model),
    ];
    const doc = `${this.model.reference} ${this.model.title}, prepared for evaluation.`;
    return `/** ${docText(doc)} */\nexport const policy: PreparedPolicy<Scope, RuleId, FactName, ExceptionId> = definePolicy(${expandedObject(fields)}${groupReaders === undefined ? "" : `, ${groupReaders}`});`;
  }
}
