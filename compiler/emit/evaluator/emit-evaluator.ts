// Stage 4a of the pipeline: the policy model in, the TypeScript source of its evaluator out (not yet
// formatted; format.ts runs prettier on it). Built as ts-morph structures: types for the facts and
// the decision, the policy table the runtime reads, and `evaluate`, whose conditions are compiled to
// straight-line code over three-valued truths.

import {
  Project,
  StructureKind,
  type OptionalKind,
  type PropertySignatureStructure,
  type StatementStructures,
} from "ts-morph";
import type { FactModel, PolicyModel, RuleModel } from "../../model/policy-model.js";
import { docText, lineCommentText, stringLiteral } from "../code-text.js";
import { groupInterfaceName } from "../../naming/generated-names.js";
import {
  commentedUnion,
  factValueType,
  fieldType,
  propertyType,
  recordTypeName,
  recordValuesTypeName,
  union,
  valuesTypeName,
} from "./fact-code.js";
import { LocalNames } from "./local-names.js";
import { ClaimCheckerEmitter } from "./emit-claim-checker.js";
import { StatementTables } from "./statement-tables.js";

const RUNTIME = "../runtime/index.js";
import { valueSetTable } from "./value-set-table.js";
import { fhirMappingTable } from "./fhir-mapping-table.js";
import { exportedFactMetadata, factWordsStatement } from "./fact-metadata.js";
import { GROUP_READERS, GroupReadersEmitter, type ReadGroup } from "./group-readers.js";

const CONDITION_DATA = "../runtime/condition-data.js";

/** Facts grouped by the parts of their names: `member.age` sits in group `member`. */
interface FactGroup {
  readonly path: readonly string[];
  readonly facts: FactModel[];
  readonly groups: Map<string, FactGroup>;
}

function groupFacts(facts: readonly FactModel[]): FactGroup {
  const root: FactGroup = { path: [], facts: [], groups: new Map() };
  for (const fact of facts) {
    const parts = fact.name.split(".");
    let group = root;
    for (const part of parts.slice(0, -1)) {
      let next = group.groups.get(part);
      if (!next) {
        next = { path: [...group.path, part], facts: [], groups: new Map() };
        group.groups.set(part, next);
      }
      group = next;
    }
    group.facts.push(fact);
  }
  return root;
}

function allGroups(group: FactGroup): FactGroup[] {
  return [group, ...[...group.groups.values()].flatMap(allGroups)];
}

function lastPart(name: string): string {
  return name.split(".").at(-1) ?? name;
}

function interfaceName(group: FactGroup): string {
  return groupInterfaceName(group.path);
}

/** What a rule id stands for, beside it in the RuleId union: `criterion`, `part of I.C.4`, `note`. */
function ruleDescription(rule: RuleModel): string {
  if (rule.partOf !== undefined) return `part of ${rule.partOf}`;
  return rule.role === "servicesExclusion"
    ? `${rule.kind}: services of ${rule.servicesOf ?? "?"} not covered`
    : rule.kind;
}

function describeFactType(fact: FactModel): string {
  const type = fact.type;
  switch (type.kind) {
    case "boolean":
      return "Yes (true) or no (false).";
    case "number": {
      const unit = type.unit ? ` in ${type.unit}` : "";
      const range = type.min !== undefined && type.max !== undefined ? `, from ${type.min} to ${type.max}` : "";
      return `A number${unit}${range}.`;
    }
    case "date":
      return "A date, YYYY-MM-DD.";
    case "oneOf":
      return `One of: ${type.values.map((v) => `\`${v.name}\` (${v.label})`).join(", ")}.`;
    case "setOf":
      return `Any of: ${type.values.map((v) => `\`${v.name}\` (${v.label})`).join(", ")}.`;
    case "list":
      return `A list of at most ${MAX_RECORDS_WORDS} records, each with: ${type.fields.map((field) => `\`${field.name}\` (${field.label})`).join(", ")}.`;
    case "code":
      return `A code of ${type.system}, as its code tables write it (capital letters).`;
    case "codes":
      return `A list of codes of ${type.system}, as its code tables write them (capital letters).`;
  }
}

/** How the docs of a generated module state the bound of runtime/records.ts (MAX_RECORDS). */
const MAX_RECORDS_WORDS = "10,000";

class EvaluatorEmitter {
  private readonly root: FactGroup;
  private readonly tables: StatementTables;
  private readonly groupReaders: GroupReadersEmitter;
  private readonly runtimeValues = new Set<string>(["definePolicy", "evaluatePolicy"]);

  constructor(
    private readonly model: PolicyModel,
    publishedTextHashes: ReadonlyMap<string, string>,
  ) {
    this.root = groupFacts(model.facts);
    this.tables = new StatementTables(model, publishedTextHashes);
    const readGroup = (group: FactGroup): ReadGroup => ({
      path: group.path,
      facts: group.facts,
      subgroups: [...group.groups.values()].map(readGroup),
    });
    this.groupReaders = new GroupReadersEmitter(readGroup(this.root));
  }

  // ----- types -----------------------------------------------------------------------------------

  private addTypes(out: (string | StatementStructures)[]): void {
    for (const fact of this.model.facts) {
      if (fact.type.kind !== "oneOf" && fact.type.kind !== "setOf") continue;
      out.push({
        kind: StructureKind.TypeAlias,
        name: valuesTypeName(fact),
        isExported: true,
        type: union(fact.type.values.map((value) => value.name)),
        docs: [docText(`The values of \`${fact.name}\`: ${fact.description}`)],
      });
    }
    for (const fact of this.model.facts) {
      if (fact.type.kind !== "list") continue;
      for (const as of ["input", "logic"] as const)
        out.push({
          kind: StructureKind.Interface,
          name: as === "input" ? recordTypeName(fact) : recordValuesTypeName(fact),
          isExported: true,
          properties: fact.type.fields.map((field) => ({
            name: field.name,
            type: fieldType(field, as),
            hasQuestionToken: as === "input",
            isReadonly: true,
            docs: [docText(`${field.label}.`)],
          })),
          docs: [
            docText(
              as === "input"
                ? `A record of \`${fact.name}\`. Leave out (or set to null) any field that is unknown.`
                : `A record of \`${fact.name}\` as the rules read it: a yes-or-no field as a truth, any other as its value or undefined.`,
            ),
          ],
        });
    }
    for (const group of allGroups(this.root)) {
      const properties: OptionalKind<PropertySignatureStructure>[] = [
        ...[...group.groups.values()].map((child) => ({
          name: lastPart(child.path.join(".")),
          type: `${interfaceName(child)} | null | undefined`,
          hasQuestionToken: true,
          isReadonly: true,
        })),
        ...group.facts.map((fact) => ({
          name: lastPart(fact.name),
          type: propertyType(fact),
          hasQuestionToken: true,
          isReadonly: true,
          docs: [docText(`${fact.description}\n\n${describeFactType(fact)} Ask: "${fact.question}"`)],
        })),
      ];
      out.push({
        kind: StructureKind.Interface,
        name: interfaceName(group),
        isExported: true,
        properties,
        docs: [
          group.path.length === 0
            ? docText(
                `The facts of ${this.model.reference} ${this.model.title}. Leave out (or set to null) any fact that is unknown.`,
              )
            : docText(`Facts under \`${group.path.join(".")}\`.`),
        ],
      });
    }
    out.push({ kind: StructureKind.TypeAlias, name: "FactName", isExported: true, type: "keyof FactValues" });
    out.push({
      kind: StructureKind.TypeAlias,
      name: "RuleId",
      isExported: true,
      type: commentedUnion(this.model.rules.map((rule) => ({ id: rule.id, comment: ruleDescription(rule) }))),
    });
    out.push({
      kind: StructureKind.TypeAlias,
      name: "ExceptionId",
      isExported: true,
      type: commentedUnion(this.model.exceptions.map((exception) => ({ id: exception.id, comment: "exception" }))),
    });
    const referredSections = this.model.statementReferences.filter((reference) => reference.target === "section");
    if (referredSections.length > 0)
      out.push({
        kind: StructureKind.TypeAlias,
        name: "ReferredSectionId",
        isExported: true,
        type: commentedUnion(
          referredSections.map((reference) => ({ id: reference.id, comment: "section referred to as met" })),
        ),
      });
    out.push({
      kind: StructureKind.TypeAlias,
      name: "PolicyDecision",
      isExported: true,
      type: `Decision<RuleId, FactName, ExceptionId${referredSections.length > 0 ? ", ReferredSectionId" : ""}>`,
      docs: [docText(`A decision of ${this.model.reference}.`)],
    });
  }

  /** The types of what the compiled logic reads: the facts by name, the definitions, the parts. */
  private addScopeTypes(out: (string | StatementStructures)[]): void {
    out.push({
      kind: StructureKind.Interface,
      name: "FactValues",
      isExported: true,
      properties: this.model.facts.map((fact) => ({
        name: stringLiteral(fact.name),
        type: factValueType(fact),
        isReadonly: true,
      })),
      docs: [
        docText(
          "The facts as the rules read them: a yes-or-no fact as a truth, any other as its value, or undefined when unknown.",
        ),
      ],
    });
    out.push({
      kind: StructureKind.Interface,
      name: "DefinitionValues",
      isExported: true,
      properties: this.tables
        .usedDefinitions()
        .map((name) => ({ name: stringLiteral(name), type: "Truth", isReadonly: true })),
      docs: [docText("The truth of each definition the rules use, computed once per decision.")],
    });
    const parts = this.model.rules.filter((rule) => rule.role === "part");
    out.push({
      kind: StructureKind.TypeAlias,
      name: "PartId",
      isExported: true,
      type: commentedUnion(parts.map((rule) => ({ id: rule.id, comment: ruleDescription(rule) }))),
    });
    const referred = this.model.statementReferences;
    if (referred.length > 0)
      out.push({
        kind: StructureKind.TypeAlias,
        name: "ReferredId",
        isExported: true,
        type: commentedUnion(
          referred.map((reference) => ({ id: reference.id, comment: `${reference.target} referred to as met` })),
        ),
      });
    out.push({
      kind: StructureKind.TypeAlias,
      name: "Scope",
      isExported: true,
      type: `PolicyScope<FactValues, DefinitionValues, PartId${referred.length > 0 ? ", ReferredId" : ""}>`,
      docs: [docText("What a statement's compiled logic reads.")],
    });
  }

  private addTables(out: (string | StatementStructures)[]): void {
    const valueSets = valueSetTable(this.model.valueSets);
    if (valueSets.length > 0) this.runtimeValues.add("valueSet");
    out.push(
      ...valueSets,
      ...this.tables.revisionConstants(),
      factWordsStatement(this.model),
      this.tables.definitionTable(),
      this.tables.sectionTable(),
      this.tables.ruleTable(),
      this.tables.exceptionTable(),
      ...this.groupReaders.statements(),
      this.tables.policyDeclaration(this.groupReaders.any ? GROUP_READERS : undefined),
      ...fhirMappingTable(this.model.fhir),
    );
    for (const helper of this.tables.helpers) this.runtimeValues.add(helper);
    for (const checker of this.groupReaders.runtimeValues()) this.runtimeValues.add(checker);
  }

  private addEvaluate(out: (string | StatementStructures)[]): void {
    out.push({
      kind: StructureKind.Function,
      name: "evaluate",
      isExported: true,
      parameters: [
        { name: "facts", type: "Facts" },
        { name: "options", type: "EvaluateOptions" },
      ],
      returnType: "PolicyDecision",
      statements: ["return evaluatePolicy(policy, facts, options);"],
      docs: [
        docText(
          `Decides ${this.model.reference} ${this.model.title} for the facts of one case on the service date \`options.asOf\`.\n\n` +
            "Throws PolicyInputError, naming every bad field, when a fact or the date is malformed or the date is before the policy took effect.",
        ),
      ],
    });
  }

  /** `parseFacts`, evaluate's validation for untrusted input, and the reader of a FHIR QuestionnaireResponse. */
  private addContract(out: (string | StatementStructures)[]): void {
    this.runtimeValues.add("parsePolicyFacts");
    this.runtimeValues.add("questionnaireResponseFacts");
    this.runtimeValues.add("factMetadataOf");
    out.push(exportedFactMetadata(this.model));
    out.push({
      kind: StructureKind.Function,
      name: "parseFacts",
      isExported: true,
      parameters: [{ name: "input", type: "unknown" }],
      returnType: "ParsedFacts<Facts>",
      statements: ["return parsePolicyFacts<Facts>(policy, input);"],
      docs: [
        docText(
          `Reads untrusted input (parsed JSON, say) as facts of ${this.model.reference}, with evaluate's own validation: ` +
            "`{ ok: true, facts }`, the known facts as plain data, or `{ ok: false, issues }`, every bad field. Never throws.",
        ),
      ],
    });
    out.push({
      kind: StructureKind.Function,
      name: "factsFromQuestionnaireResponse",
      isExported: true,
      parameters: [{ name: "response", type: "unknown" }],
      returnType: "ParsedFacts<Facts>",
      statements: ["return questionnaireResponseFacts<Facts>(policy, factMetadata, response);"],
      docs: [
        docText(
          `Reads a FHIR R4 QuestionnaireResponse to this policy's Questionnaire (generated/<policy>/fhir/) as facts: ` +
            "each answered question whose linkId is a fact's name. An unknown linkId, an answer of the wrong type or a " +
            "value evaluate would refuse is an issue pointing into the response. Never throws.",
        ),
      ],
    });
  }

  emit(project: Project, fileName: string): string {
    const names = new LocalNames();
    const claims = new ClaimCheckerEmitter(this.model, names, (name) => this.runtimeValues.add(name));
    // NOTE: one structure printed once; adding declarations to a ts-morph file one by one re-prints it each time.
    const body: (string | StatementStructures)[] = [];
    this.addTypes(body);
    this.addScopeTypes(body);
    claims.addTypes(body);
    this.runtimeValues.add("factTableOf");
    this.addTables(body);
    claims.addConstants(body);
    this.addEvaluate(body);
    this.addContract(body);
    claims.addCheckClaim(body);
    const types = [
      "BillingRuleEntry",
      "ClaimCheck",
      "ClaimCheckOptions",
      "ClaimLine",
      "Decision",
      "DefinitionEntry",
      "EvaluateOptions",
      "ExceptionEntry",
      "FactEntry",
      "FactMetadataOf",
      "FactSlots",
      "FactWords",
      "Group",
      "GroupReader",
      "InputIssue",
      "ParsedFacts",
      "PolicyScope",
      "PreparedPolicy",
      "Revision",
      "RuleEntry",
      "SectionEntry",
      "Truth",
    ];
    // Truth only when a fact, a definition or a claim rule is typed with it: an unused import fails strict builds.
    const usesTruth =
      this.model.facts.some(
        (fact) =>
          fact.type.kind === "boolean" ||
          (fact.type.kind === "list" && fact.type.fields.some((field) => field.type.kind === "boolean")),
      ) ||
      this.tables.usedDefinitions().length > 0 ||
      claims.typesTruth;
    const readerTypes = new Set(["FactSlots", "Group", "GroupReader"]);
    const usedTypes = [
      ...types.filter((name) => (name !== "Truth" || usesTruth) && (!readerTypes.has(name) || this.groupReaders.any)),
      ...claims.runtimeTypes(),
    ].sort();
    const statements: (string | StatementStructures)[] = [
      `// DO NOT EDIT. Generated by policyc from ${lineCommentText(this.model.sourcePath)}; run \`npm run build\` after editing the policy.`,
      `// ${lineCommentText(`${this.model.reference} ${this.model.title}`)}, source sha256 ${this.model.sourceHash}.`,
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: RUNTIME,
        namedImports: [...[...this.runtimeValues].sort(), ...usedTypes.map((name) => ({ name, isTypeOnly: true }))],
      },
      ...(this.tables.conditionData.builders.size > 0
        ? [
            {
              kind: StructureKind.ImportDeclaration as const,
              moduleSpecifier: CONDITION_DATA,
              namedImports: [...this.tables.conditionData.builders].sort(),
            },
          ]
        : []),
      ...body,
    ];
    return project.createSourceFile(fileName, { statements }, { overwrite: true }).getFullText();
  }
}

/** The evaluator module of one policy, as unformatted TypeScript. */
/**
 * The evaluator module of `model`. `publishedTextHashes` (SHA-256 of each revision's published text,
 * by revision name) go into the decisions' identity; the build passes those it read.
 */
export function emitEvaluator(
  model: PolicyModel,
  project: Project,
  fileName: string,
  publishedTextHashes: ReadonlyMap<string, string> = new Map(),
): string {
  return new EvaluatorEmitter(model, publishedTextHashes).emit(project, fileName);
}

/** A ts-morph project that only builds text: no file system, no type checking. */
export function createEmitProject(): Project {
  return new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, skipFileDependencyResolution: true });
}
