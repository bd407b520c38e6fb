// Stage 4a of the pipeline: the policy model in, the TypeScript source of its evaluator out (not yet
// formatted; format.ts runs prettier on it). Built as ts-morph structures: types for the facts and
// the decision, the policy table the runtime reads, and `evaluate`, whose conditions are compiled to
// straight-line code over three-valued truths.

import {
  Project,
  StructureKind,
  VariableDeclarationKind,
  type OptionalKind,
  type PropertySignatureStructure,
  type StatementStructures,
} from "ts-morph";
import type { Condition, FactModel, PolicyModel, RuleModel } from "../../model/policy-model.js";
import { docText, lineCommentText, stringLiteral } from "../code-text.js";
import { groupInterfaceName, groupKeysConstName } from "../../naming/generated-names.js";
import { propertyType, readFactStatement, union, valuesConstName, valuesTypeName } from "./fact-code.js";
import { ConditionCompiler } from "./conditions.js";
import { LocalNames } from "./local-names.js";
import { inForceTest } from "./in-force.js";
import { ClaimCheckerEmitter } from "./emit-claim-checker.js";
import { allCoverageConditions, nestedConditions } from "../../model/walk-conditions.js";

const RUNTIME = "../runtime/index.js";

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

function keysConstName(group: FactGroup): string {
  return groupKeysConstName(group.path);
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
  }
}

/** Everything the conditions reach: definitions, and sections whose `applies when` some rule needs. */
function usedNames(model: PolicyModel): { definitions: Set<string>; sections: Set<string> } {
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
    for (const { section, condition } of rule.applicability) {
      sections.add(section);
      visit(condition);
    }
  }
  for (const exception of model.exceptions) visit(exception.condition);
  return { definitions, sections };
}

class EvaluatorEmitter {
  private readonly names = new LocalNames();
  private readonly conditions: ConditionCompiler;
  private readonly root: FactGroup;
  private readonly used: { definitions: Set<string>; sections: Set<string> };
  private readonly runtimeValues = new Set<string>(["decide", "PolicyInputError", "readRoot", "revisionInForce"]);
  private readonly rulesById: ReadonlyMap<string, RuleModel>;

  constructor(private readonly model: PolicyModel) {
    this.conditions = new ConditionCompiler(this.names, model.facts);
    this.root = groupFacts(model.facts);
    this.used = usedNames(model);
    this.rulesById = new Map(model.rules.map((rule) => [rule.id, rule]));
  }

  private ruleApplies(rule: RuleModel): string {
    const sections = rule.applicability.map(({ section }) => this.names.get("section", section));
    const applies =
      sections.length === 0 ? "2" : sections.length === 1 ? sections[0]! : `Math.min(${sections.join(", ")})`;
    const inForce = inForceTest(rule.inForce);
    return inForce === undefined ? applies : `${inForce} ? ${applies} : 0`;
  }

  // ----- types -----------------------------------------------------------------------------------

  private addTypes(out: StatementStructures[]): void {
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
    for (const group of allGroups(this.root)) {
      const properties: OptionalKind<PropertySignatureStructure>[] = [
        ...[...group.groups.values()].map((child) => ({
          name: lastPart(child.path.join(".")),
          type: `${interfaceName(child)} | null`,
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
    out.push({
      kind: StructureKind.TypeAlias,
      name: "FactName",
      isExported: true,
      type: union(this.model.facts.map((fact) => fact.name)),
    });
    out.push({
      kind: StructureKind.TypeAlias,
      name: "RuleId",
      isExported: true,
      type: union(this.model.rules.map((rule) => rule.id)),
    });
    out.push({
      kind: StructureKind.TypeAlias,
      name: "ExceptionId",
      isExported: true,
      type: union(this.model.exceptions.map((exception) => exception.id)),
    });
    out.push({
      kind: StructureKind.TypeAlias,
      name: "PolicyDecision",
      isExported: true,
      type: "Decision<RuleId, FactName, ExceptionId>",
      docs: [docText(`A decision of ${this.model.reference}.`)],
    });
  }

  // ----- data ------------------------------------------------------------------------------------

  private addConstants(out: StatementStructures[]): void {
    const sectionTitles = new Map(
      this.model.outline.flatMap((entry) => (entry.kind === "section" ? [[entry.id, entry.title] as const] : [])),
    );
    const exceptionIndex = new Map(this.model.exceptions.map((exception, index) => [exception.id, index]));
    const table = {
      reference: this.model.reference,
      title: this.model.title,
      sourceHash: this.model.sourceHash,
      revisions: this.model.revisions.map((revision) => ({
        approved: revision.approved,
        effective: revision.effective,
      })),
      rules: this.model.rules.map((rule) => {
        const overriders = this.model.exceptions.filter((exception) => exception.overrides.includes(rule.id));
        return {
          id: rule.id,
          kind: rule.kind,
          role: rule.role,
          text: rule.text,
          overriddenBy: overriders.map((exception) => exceptionIndex.get(exception.id) ?? -1),
          overriddenByIds: overriders.map((exception) => exception.id),
          facts: rule.facts,
          ...(rule.servicesOf !== undefined && {
            services: { section: rule.servicesOf, title: sectionTitles.get(rule.servicesOf) ?? rule.servicesOf },
          }),
        };
      }),
      exceptions: this.model.exceptions.map((exception) => ({
        id: exception.id,
        title: exception.title,
        requiresPriorApproval: exception.requiresPriorApproval,
        facts: exception.facts,
        from: exception.inForce.from,
        ...(exception.inForce.until !== undefined && { until: exception.inForce.until }),
      })),
      facts: this.model.facts.map((fact) => ({
        name: fact.name,
        question: fact.question,
        description: fact.description,
        readBy: fact.readBy,
      })),
    };
    out.push({
      kind: StructureKind.VariableStatement,
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [
        docText(
          `${this.model.reference} ${this.model.title}: its rules, exceptions and facts, as the runtime reads them.`,
        ),
      ],
      declarations: [
        { name: "policy", type: "PolicyTable<RuleId, FactName, ExceptionId>", initializer: JSON.stringify(table) },
      ],
    });

    const constants = [
      ...allGroups(this.root).map((group) => ({
        name: keysConstName(group),
        initializer: `new Set<string>(${JSON.stringify([...group.groups.keys(), ...group.facts.map((fact) => lastPart(fact.name))])})`,
      })),
      ...this.model.facts.flatMap((fact) =>
        fact.type.kind === "oneOf" || fact.type.kind === "setOf"
          ? [
              {
                name: valuesConstName(fact),
                initializer: `new Set<${valuesTypeName(fact)}>(${JSON.stringify(fact.type.values.map((v) => v.name))})`,
              },
            ]
          : [],
      ),
      {
        name: "EFFECTIVE_DATES",
        initializer: JSON.stringify(this.model.revisions.map((revision) => revision.effective)),
      },
    ];
    out.push({
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: constants,
    });
  }

  // ----- evaluate --------------------------------------------------------------------------------

  private readFacts(): string[] {
    const lines: string[] = [`const root = readRoot(facts, ${keysConstName(this.root)}, issues);`];
    this.runtimeValues.add("readRoot");
    const visit = (group: FactGroup, local: string) => {
      for (const fact of group.facts) lines.push(this.readFact(fact, local));
      for (const [key, child] of group.groups) {
        const childLocal = this.names.get("group", child.path.join("."));
        this.runtimeValues.add("readGroup");
        lines.push(
          `const ${childLocal} = readGroup(${local}, ${stringLiteral(key)}, ${stringLiteral(child.path.join("."))}, ${keysConstName(child)}, issues);`,
        );
        visit(child, childLocal);
      }
    };
    visit(this.root, "root");
    return lines;
  }

  private readFact(fact: FactModel, group: string): string {
    return readFactStatement(fact, this.conditions.fact(fact.name), group, lastPart(fact.name), fact.name, (name) =>
      this.runtimeValues.add(name),
    );
  }

  private computeValues(): string[] {
    const lines: string[] = ["// Definitions, each computed once."];
    for (const definition of this.model.definitions) {
      if (!this.used.definitions.has(definition.name)) continue;
      lines.push(
        `const ${this.names.get("def", definition.name)}: number = ${this.conditions.truth(definition.condition)};`,
      );
    }
    lines.push("// Sections that apply only to some cases.");
    for (const entry of this.model.outline) {
      if (entry.kind !== "section" || !entry.appliesWhen || !this.used.sections.has(entry.id)) continue;
      lines.push(`const ${this.names.get("section", entry.id)}: number = ${this.conditions.truth(entry.appliesWhen)};`);
    }
    lines.push("// Each rule: does it apply on this date, and does it hold?");
    for (const rule of this.rulesInComputingOrder()) {
      if (rule.role !== "part")
        lines.push(`const ${this.names.get("applies", rule.id)}: number = ${this.ruleApplies(rule)};`);
      lines.push(`const ${this.names.get("holds", rule.id)}: number = ${this.conditions.truth(rule.condition)};`);
    }
    lines.push("// Exceptions: does each apply on this date?");
    for (const exception of this.model.exceptions) {
      const inForce = inForceTest(exception.inForce);
      const truth = this.conditions.truth(exception.condition);
      lines.push(
        `const ${this.names.get("exception", exception.id)}: number = ${inForce === undefined ? truth : `${inForce} ? ${truth} : 0`};`,
      );
    }
    return lines;
  }

  /**
   * The rules in an order where each comes after the parts it reads, whatever their order in the
   * source: parts (deepest first, since a part may have parts of its own), then the other rules.
   */
  private rulesInComputingOrder(): RuleModel[] {
    const parts = new Map(this.model.rules.filter((rule) => rule.role === "part").map((rule) => [rule.id, rule]));
    const ordered: RuleModel[] = [];
    const placed = new Set<string>();
    const place = (rule: RuleModel): void => {
      if (placed.has(rule.id)) return;
      placed.add(rule.id);
      for (const nested of nestedConditions(rule.condition)) {
        const part = nested.kind === "part" ? parts.get(nested.id) : undefined;
        if (part) place(part);
      }
      ordered.push(rule);
    };
    for (const part of parts.values()) place(part);
    for (const rule of this.model.rules) if (rule.role !== "part") ordered.push(rule);
    return ordered;
  }

  /** The `applies` local of a rule: its own, or for a part (of a part...) its criterion's. */
  private appliesOf(rule: RuleModel): string {
    let criterion = rule;
    while (criterion.partOf !== undefined) {
      const parent = this.rulesById.get(criterion.partOf);
      if (!parent) break;
      criterion = parent;
    }
    return this.names.get("applies", criterion.id);
  }

  private explainFunction(): string[] {
    const lines: string[] = ["const explain: Explain = (what, index, mark) => {"];
    for (const definition of this.model.definitions) {
      if (!this.used.definitions.has(definition.name)) continue;
      lines.push(
        `const ${this.names.get("explain_def", definition.name)} = (): void => {`,
        ...this.conditions.explain(definition.condition),
        "};",
      );
    }
    for (const rule of this.model.rules) {
      if (rule.role !== "part") continue;
      lines.push(
        `const ${this.names.get("explain_part", rule.id)} = (): void => {`,
        ...this.conditions.explain(rule.condition),
        "};",
      );
    }
    const appliesCases = this.model.rules.flatMap((rule, index) => {
      const body = rule.applicability.flatMap(({ section, condition }) => [
        `if (${this.names.get("section", section)} === 1) {`,
        ...this.conditions.explain(condition),
        "}",
      ]);
      return body.length === 0 ? [] : [`case ${index}: {`, ...body, "return;", "}"];
    });
    const holdsCases = this.model.rules.flatMap((rule, index) => [
      `case ${index}: {`,
      ...this.conditions.explain(rule.condition),
      "return;",
      "}",
    ]);
    const exceptionCases = this.model.exceptions.flatMap((exception, index) => [
      `case ${index}: {`,
      ...this.conditions.explain(exception.condition),
      "return;",
      "}",
    ]);
    lines.push(
      'if (what === "applies") {',
      ...(appliesCases.length > 0 ? ["switch (index) {", ...appliesCases, "}"] : []),
      "return;",
      "}",
      'if (what === "holds") {',
      "switch (index) {",
      ...holdsCases,
      "}",
      "return;",
      "}",
      ...(exceptionCases.length > 0 ? ["switch (index) {", ...exceptionCases, "}"] : []),
      "};",
    );
    return lines;
  }

  private valueArrays(): string {
    const applies = this.model.rules.map((rule) => this.appliesOf(rule));
    const holds = this.model.rules.map((rule) => this.names.get("holds", rule.id));
    const exceptions = this.model.exceptions.map((exception) => this.names.get("exception", exception.id));
    return `{ applies: [${applies.join(", ")}], holds: [${holds.join(", ")}], exceptions: [${exceptions.join(", ")}] }`;
  }

  private addEvaluate(out: StatementStructures[]): void {
    const statements = [
      "const issues: InputIssue[] = [];",
      "const { asOf, revision, trace } = revisionInForce(options, EFFECTIVE_DATES, issues);",
      ...this.readFacts(),
      "if (issues.length > 0) throw new PolicyInputError(policy.reference, issues);",
      ...this.computeValues(),
      ...this.explainFunction(),
      `return decide(policy, revision, asOf, ${this.valueArrays()}, explain, trace);`,
    ];
    if (this.usesAtLeast()) this.runtimeValues.add("atLeast");
    out.push({
      kind: StructureKind.Function,
      name: "evaluate",
      isExported: true,
      parameters: [
        { name: "facts", type: "Facts" },
        { name: "options", type: "EvaluateOptions" },
      ],
      returnType: "PolicyDecision",
      statements,
      docs: [
        docText(
          `Decides ${this.model.reference} ${this.model.title} for the facts of one case on the service date \`options.asOf\`.\n\n` +
            "Throws PolicyInputError, naming every bad field, when a fact or the date is malformed or the date is before the policy took effect.",
        ),
      ],
    });
  }

  /** Whether any condition, a billing rule's too, uses `at least N of` (so that `atLeast` must be imported). */
  private usesAtLeast(): boolean {
    const billing = this.model.billingRules.flatMap((rule) =>
      rule.condition ? [...nestedConditions(rule.condition)] : [],
    );
    return [...allCoverageConditions(this.model), ...billing].some((condition) => condition.kind === "atLeast");
  }

  emit(project: Project, fileName: string): string {
    const claims = new ClaimCheckerEmitter(this.model, this.names, (name) => this.runtimeValues.add(name));
    // NOTE: one structure printed once; adding declarations to a ts-morph file one by one re-prints it each time.
    const body: StatementStructures[] = [];
    this.addTypes(body);
    claims.addTypes(body);
    this.addConstants(body);
    claims.addConstants(body);
    this.addEvaluate(body);
    claims.addCheckClaim(body);
    const types = [
      "BillingRuleEntry",
      "ClaimCheck",
      "ClaimCheckOptions",
      "ClaimLine",
      "Decision",
      "EvaluateOptions",
      "Explain",
      "InputIssue",
      "PolicyTable",
    ];
    const statements: (string | StatementStructures)[] = [
      `// DO NOT EDIT. Generated by policyc from ${lineCommentText(this.model.sourcePath)}; run \`npm run build\` after editing the policy.`,
      `// ${lineCommentText(`${this.model.reference} ${this.model.title}`)}, source sha256 ${this.model.sourceHash}.`,
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: RUNTIME,
        namedImports: [...[...this.runtimeValues].sort(), ...types.map((name) => ({ name, isTypeOnly: true }))],
      },
      ...body,
    ];
    return project.createSourceFile(fileName, { statements }, { overwrite: true }).getFullText();
  }
}

/** The evaluator module of one policy, as unformatted TypeScript. */
export function emitEvaluator(model: PolicyModel, project: Project, fileName: string): string {
  return new EvaluatorEmitter(model).emit(project, fileName);
}

/** A ts-morph project that only builds text: no file system, no type checking. */
export function createEmitProject(): Project {
  return new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true, skipFileDependencyResolution: true });
}
