// Stage 4a, second half: the claim checker of a policy, added to its evaluator module. The types of a
// claim, the table of billing rules, and `checkClaim`, whose rules are compiled to straight-line code:
// the claim's lines sorted by code once, then each rule in force tested on the lines of its code.

import {
  StructureKind,
  VariableDeclarationKind,
  type OptionalKind,
  type PropertySignatureStructure,
  type StatementStructures,
} from "ts-morph";
import type { BillingRuleModel, Condition, FactModel, NumericModel, PolicyModel } from "../../model/policy-model.js";
import { docText, stringLiteral } from "../code-text.js";
import { commentedUnion, propertyType, union, valuesConstName, valuesTypeName } from "./fact-code.js";
import { ConditionCompiler, noReads } from "./conditions.js";
import { inForceTest } from "./in-force.js";
import { data, expandedList, expandedObject } from "./literal.js";
import type { LocalNames } from "./local-names.js";
import { claimFieldName } from "../../naming/generated-names.js";
import { claimRuleCode, unitsAtLeastPerDateCode, type ClaimRuleEmitContext } from "./emit-claim-rules.js";
import { isClaimRule } from "../../model/claim-rules.js";
import { ClaimReaderEmitter } from "./claim-reader.js";

/** A claim rule reads only claim facts and the date: the checker refuses anything else. */
function unreachable(what: string): never {
  throw new Error(`policyc: internal error: a billing rule reads ${what}`);
}

function field(fact: FactModel): string {
  return claimFieldName(fact.name);
}

export class ClaimCheckerEmitter {
  private readonly conditions: ConditionCompiler;
  private readonly reader: ClaimReaderEmitter;

  constructor(
    private readonly model: PolicyModel,
    private readonly names: LocalNames,
    /** Registers a value the module imports from the runtime. */
    private readonly useRuntime: (name: string) => void,
  ) {
    this.reader = new ClaimReaderEmitter(model, names, useRuntime);
    this.conditions = new ConditionCompiler({
      fact: (name) => this.factLocal(name),
      definition: (name) => unreachable(`a definition (${name})`),
      part: (id) => unreachable(`a part (${id})`),
      met: (id) => unreachable(`a statement referred to (${id})`),
      serviceDate: () => "asOf",
    });
    this.claimRules = {
      model,
      linesOf: (code) => this.linesOf(code),
      truth: (condition) => {
        this.typesTruth = true;
        return this.truth(condition);
      },
      missingFacts: (rule) => this.missingFacts(rule),
      numeric: (expression) => this.numeric(expression),
      unknownTests: (expression) => this.numericFacts(expression).map((fact) => this.unknownTest(fact)),
      useRuntime: (name) => this.useRuntime(name),
      readDecision: () => {
        this.readsDecision = true;
        this.typesTruth = true;
      },
    };
  }

  private factLocal(name: string): string {
    return this.names.get("fact", name);
  }

  /** Whether the checkClaim written so far types a local with Truth (a rule's condition does). */
  typesTruth = false;

  /** Whether a rule reads the coverage decision given in `options.decision`. */
  private readsDecision = false;

  /** What the code of the rules in emit-claim-rules.ts needs of this emitter. */
  private readonly claimRules: ClaimRuleEmitContext;

  /** The truth of a billing rule's condition, importing the runtime helpers it calls. */
  private truth(condition: Condition): string {
    const reads = noReads();
    const truth = this.conditions.truth(condition, reads);
    for (const helper of reads.helpers) this.useRuntime(helper);
    return truth;
  }

  private linesOf(code: string): string {
    return this.names.get("lines", code);
  }

  addTypes(out: (string | StatementStructures)[]): void {
    for (const fact of this.model.claimFacts) {
      if (fact.type.kind !== "oneOf" && fact.type.kind !== "setOf") continue;
      out.push({
        kind: StructureKind.TypeAlias,
        name: valuesTypeName(fact),
        isExported: true,
        type: union(fact.type.values.map((v) => v.name)),
        docs: [docText(`The values of \`${fact.name}\`: ${fact.description}`)],
      });
    }
    const properties: OptionalKind<PropertySignatureStructure>[] = [
      {
        name: "serviceDate",
        type: "string",
        isReadonly: true,
        docs: ["The date of service, YYYY-MM-DD: the rules in force that day apply."],
      },
      { name: "lines", type: "readonly ClaimLine[]", isReadonly: true, docs: ["The claim's lines."] },
      ...this.model.claimFacts.map((fact) => ({
        name: field(fact),
        type: propertyType(fact),
        hasQuestionToken: true,
        isReadonly: true,
        docs: [docText(`${fact.description} Ask: "${fact.question}"`)],
      })),
    ];
    out.push({
      kind: StructureKind.Interface,
      name: "Claim",
      isExported: true,
      properties,
      docs: [docText(`A claim under ${this.model.reference}: leave out (or set to null) a fact that is unknown.`)],
    });
    out.push({
      kind: StructureKind.TypeAlias,
      name: "BillingRuleId",
      isExported: true,
      type: commentedUnion(
        this.model.billingRules.map((rule) => ({ id: rule.id, comment: `${rule.code}: ${rule.kind}` })),
      ),
    });
    out.push({
      kind: StructureKind.TypeAlias,
      name: "PolicyClaimCheck",
      isExported: true,
      type: "ClaimCheck<BillingRuleId>",
      docs: [docText(`The check of a claim under ${this.model.reference}.`)],
    });
  }

  addConstants(out: (string | StatementStructures)[]): void {
    const entries = this.model.billingRules.map((rule) =>
      expandedObject([
        { name: "id", code: stringLiteral(rule.id) },
        { name: "code", code: stringLiteral(rule.code) },
        { name: "kind", code: stringLiteral(rule.kind) },
        { name: "message", code: stringLiteral(rule.message) },
        { name: "source", code: data(rule.source) },
      ]),
    );
    out.push(
      `/** ${docText(`The billing rules of ${this.model.reference}'s coding table, as checkClaim reports them.`)} */\n` +
        `export const billingRules: readonly BillingRuleEntry<BillingRuleId>[] = ${expandedList(entries)};`,
    );
    const keys = ["serviceDate", "lines", ...this.model.claimFacts.map(field)];
    out.push({
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [
        { name: "CLAIM_KEYS", initializer: `new Set<string>(${JSON.stringify(keys)})` },
        ...this.model.claimFacts.flatMap((fact) =>
          fact.type.kind === "oneOf" || fact.type.kind === "setOf"
            ? [
                {
                  name: valuesConstName(fact),
                  initializer: `new Set<${valuesTypeName(fact)}>(${JSON.stringify(fact.type.values.map((v) => v.name))})`,
                },
              ]
            : [],
        ),
      ],
    });
  }

  /** A claim fact that is unknown: undefined, or the middle truth for a yes-or-no fact. */
  private unknownTest(factName: string): string {
    const fact = this.model.claimFacts.find((f) => f.name === factName);
    const local = this.factLocal(factName);
    return fact?.type.kind === "boolean" ? `${local} === 1` : `${local} === undefined`;
  }

  private numeric(expression: NumericModel): string {
    switch (expression.kind) {
      case "number":
        return String(expression.value);
      case "fact":
        return this.factLocal(expression.fact);
      case "binary":
        return `(${this.numeric(expression.left)} ${expression.operator} ${this.numeric(expression.right)})`;
    }
  }

  private numericFacts(expression: NumericModel): string[] {
    if (expression.kind === "fact") return [expression.fact];
    if (expression.kind === "binary")
      return [...this.numericFacts(expression.left), ...this.numericFacts(expression.right)];
    return [];
  }

  private missingFacts(rule: BillingRuleModel): string[] {
    // Named as the claim's fields are, since that is what the caller fills in.
    return [
      "const missing: string[] = [];",
      ...rule.facts.map(
        (fact) => `if (${this.unknownTest(fact)}) missing.push(${stringLiteral(fact.replace(/^claim\./, ""))});`,
      ),
    ];
  }

  private ruleCode(rule: BillingRuleModel): string[] {
    if (isClaimRule(rule)) return claimRuleCode(rule, this.claimRules);
    const lines = this.linesOf(rule.code);
    const id = stringLiteral(rule.id);
    switch (rule.kind) {
      case "billedOnlyWhen":
      case "notBilledWhen": {
        const broken = rule.kind === "billedOnlyWhen" ? 0 : 2;
        this.typesTruth = true;
        return [
          `if (${lines}.length > 0) {`,
          `const holds: Truth = ${this.truth(rule.condition)};`,
          `if (holds === ${broken}) findings.violated(${id}, ${lines});`,
          "else if (holds === 1) {",
          ...this.missingFacts(rule),
          `findings.couldNotCheck(${id}, ${lines}, missing);`,
          "}",
          "}",
        ];
      }
      case "requiresModifier":
        this.useRuntime("linesWithoutModifier");
        return [
          `const without = linesWithoutModifier(lines, ${lines}, ${stringLiteral(rule.modifier)});`,
          `if (without.length > 0) findings.violated(${id}, without, ${stringLiteral(`modifier ${rule.modifier} missing`)});`,
        ];
      case "billedWithEach":
      case "unitsAtLeastGroup":
        return unitsAtLeastPerDateCode(rule, this.claimRules);
      case "unitsAtMost": {
        this.useRuntime("totalUnits");
        const facts = this.numericFacts(rule.limit);
        const rounding = { up: "Math.ceil", down: "Math.floor", none: "" }[rule.rounding];
        const value = `${rounding}(${this.numeric(rule.limit)})`;
        const unknown = facts.map((fact) => this.unknownTest(fact));
        return [
          `if (${lines}.length > 0) {`,
          ...(unknown.length > 0
            ? [
                `if (${unknown.join(" || ")}) {`,
                ...this.missingFacts(rule),
                `findings.couldNotCheck(${id}, ${lines}, missing);`,
                "} else {",
              ]
            : ["{"]),
          `const allowed = Math.max(0, ${value});`,
          `const billed = totalUnits(lines, ${lines});`,
          `if (billed > allowed) findings.violated(${id}, ${lines}, \`billed \${billed} units; at most \${allowed} allowed\`);`,
          "}",
          "}",
        ];
      }
    }
  }

  /** The runtime types the claim's readers name. */
  runtimeTypes(): string[] {
    return this.reader.runtimeTypes();
  }

  addCheckClaim(out: (string | StatementStructures)[]): void {
    for (const name of ["ClaimFindings", "policyIdentity"]) this.useRuntime(name);
    const codes = this.model.codes.map((code) => code.code);
    const sortLines = [
      ...codes.map((code) => `const ${this.linesOf(code)}: number[] = [];`),
      "const linesNotGoverned: number[] = [];",
      // An indexed loop, not forEach: no closure per claim. The lines have no gap (a claim with one is refused).
      "for (let index = 0; index < lines.length; index++) {",
      "switch (lines[index]!.code) {",
      ...codes.flatMap((code) => [`case ${stringLiteral(code)}:`, `${this.linesOf(code)}.push(index);`, "break;"]),
      "default:",
      "linesNotGoverned.push(index);",
      "}",
      "}",
    ];
    const rules = this.model.billingRules.flatMap((rule) => {
      const body = this.ruleCode(rule);
      const inForce = inForceTest(this.model, rule.inForce, "asOf");
      return [
        `// ${rule.id}: ${rule.kind} (${rule.code})`,
        ...(inForce === undefined ? ["{", ...body, "}"] : [`if (${inForce}) {`, ...body, "}"]),
      ];
    });
    // The rules' code is written: whether it reads the service date (a line without a date of its own is on it).
    const readsServiceDate = rules.some((line) => /\bserviceDate\b/.test(line));
    if (this.reader.typesTruth) this.typesTruth = true;
    out.push(...this.reader.statements());
    out.push({
      kind: StructureKind.Function,
      name: "checkClaim",
      isExported: true,
      parameters: [
        { name: "claim", type: "Claim" },
        { name: "options", type: "ClaimCheckOptions", initializer: "{}" },
      ],
      returnType: "PolicyClaimCheck",
      statements: [
        `const read = ${this.reader.readCall()};`,
        `const { ${[...(readsServiceDate ? ["serviceDate"] : []), "lines", "asOf", "revision", ...(this.readsDecision ? ["decision"] : [])].join(", ")} } = read;`,
        ...this.reader.factLocals("read"),
        ...sortLines,
        "const findings = new ClaimFindings(billingRules);",
        ...rules,
        "return findings.result(policyIdentity(policy, revision), asOf, linesNotGoverned);",
      ],
      docs: [
        docText(
          `Checks a claim against ${this.model.reference}'s coding table, with the rules in force on its service date (or on \`options.asOf\`).\n\n` +
            "Throws PolicyInputError, naming every bad field, when the claim is malformed: never a verdict.",
        ),
      ],
    });
  }
}
