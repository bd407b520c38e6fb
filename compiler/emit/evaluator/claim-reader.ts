// The generated readers of a policy's claim, which checkClaim calls first (issue 12): a fast one for a
// well-formed claim, which walks the claim's keys by name and checks each fact with the runtime's
// small typed checkers, building no issue (runtime/well-formed-claims.ts finishes the date, lines and
// options); and the generic one, which reads the claim with the readers of runtime/claims.ts and names
// every problem. The fast one answers undefined at the first doubt and the generic one reads the claim
// again, so what a malformed claim is told never depends on the fast path.

import { StructureKind, type StatementStructures } from "ts-morph";
import type { FactModel, PolicyModel } from "../../model/policy-model.js";
import { docText, stringLiteral } from "../code-text.js";
import { claimFieldName } from "../../naming/generated-names.js";
import { factValueType, readFactStatement, valuesConstName } from "./fact-code.js";
import type { LocalNames } from "./local-names.js";

/** The interface of the claim's facts as the rules read them. */
const FACT_VALUES = "ClaimFactValues";

/** The checker of a claim fact's value, `claim[key]`; undefined for a type no checker reads. */
function checked(fact: FactModel): string | undefined {
  const type = fact.type;
  switch (type.kind) {
    case "boolean":
      return "truthOf(claim[key])";
    case "number":
      return `numberIn(claim[key], ${type.min ?? "-Infinity"}, ${type.max ?? "Infinity"})`;
    case "date":
      return "dateOf(claim[key])";
    case "oneOf":
      return `choiceOf(claim[key], ${valuesConstName(fact)})`;
    case "setOf":
      return `choicesOf(claim[key], ${valuesConstName(fact)})`;
    case "list":
    case "code":
    case "codes":
      return undefined;
  }
}

/** What a fact the claim leaves out reads as: unknown, the middle truth for a yes-or-no fact. */
function unknownValue(fact: FactModel): string {
  return fact.type.kind === "boolean" ? "1" : "undefined";
}

export class ClaimReaderEmitter {
  /** Whether every claim fact has a checker, and so the claim a fast reader. */
  readonly fast: boolean;

  constructor(
    private readonly model: PolicyModel,
    private readonly names: LocalNames,
    private readonly useRuntime: (name: string) => void,
  ) {
    this.fast = model.claimFacts.every((fact) => checked(fact) !== undefined);
  }

  private local(fact: FactModel): string {
    return this.names.get("fact", fact.name);
  }

  /** The runtime types the readers name. */
  runtimeTypes(): string[] {
    // A claim without facts of its own has none to check, or to find unlisted.
    return this.fast && this.model.claimFacts.length > 0 ? ["ClaimRead", "Malformed", "NotListed"] : ["ClaimRead"];
  }

  /** Whether a reader types a fact's value as a truth (a yes-or-no claim fact). */
  get typesTruth(): boolean {
    return this.model.claimFacts.some((fact) => fact.type.kind === "boolean");
  }

  /** The expression checkClaim reads its claim with: a `ClaimRead<ClaimFactValues>`. */
  readCall(): string {
    return this.fast ? "readWellFormedClaim(claim, options) ?? readClaim(claim, options)" : "readClaim(claim, options)";
  }

  /** `const fact_claim_x = read.facts.x;` for each claim fact, from the read held in `read`. */
  factLocals(read: string): string[] {
    return this.model.claimFacts.map(
      (fact) => `const ${this.local(fact)} = ${read}.facts.${claimFieldName(fact.name)};`,
    );
  }

  /** The interface of the claim's facts, and the readers. */
  statements(): (string | StatementStructures)[] {
    return [this.factValues(), ...(this.fast ? [this.wellFormedReader()] : []), this.genericReader()];
  }

  private factValues(): StatementStructures {
    return {
      kind: StructureKind.Interface,
      name: FACT_VALUES,
      properties: this.model.claimFacts.map((fact) => ({
        name: claimFieldName(fact.name),
        type: factValueType(fact),
        isReadonly: true,
      })),
      docs: [
        docText("The claim's facts as its rules read them: a yes-or-no fact as a truth, unknown as undefined or 1."),
      ],
    };
  }

  private wellFormedReader(): StatementStructures {
    const facts = this.model.claimFacts;
    for (const name of [
      "isListedGroup",
      "wellFormedClaim",
      ...(facts.length > 0 ? ["MALFORMED", "NOT_LISTED", "unlisted"] : []),
    ])
      this.useRuntime(name);
    for (const fact of facts) this.useRuntime(checked(fact)!.split("(")[0]!);
    // One test per key: `if (key === ...) ...; else if ...`, as the group readers have it.
    const tests = [
      'if (key === "serviceDate") serviceDate = claim[key];',
      'else if (key === "lines") lines = claim[key];',
      ...facts.map(
        (fact) =>
          `else if (key === ${stringLiteral(claimFieldName(fact.name))}) ${this.local(fact)} = ${checked(fact)!};`,
      ),
      "else return undefined;",
    ];
    const malformed = facts.map((fact) => `${this.local(fact)} === MALFORMED`);
    return {
      kind: StructureKind.Function,
      name: "readWellFormedClaim",
      parameters: [
        { name: "claim", type: "Claim" },
        { name: "options", type: "ClaimCheckOptions" },
      ],
      returnType: `ClaimRead<${FACT_VALUES}> | undefined`,
      statements: [
        "try {",
        "if (!isListedGroup(claim)) return undefined;",
        "let serviceDate: unknown;",
        "let lines: unknown;",
        ...facts.map((fact) => `let ${this.local(fact)}: ${factValueType(fact)} | Malformed | NotListed = NOT_LISTED;`),
        // for-in, not Object.keys: no list is made; isListedGroup saw that every key it lists is the claim's own.
        "for (const key in claim) {",
        ...tests,
        "}",
        // A fact left out is unknown, unless the claim holds it without listing it: the generic reader reads that.
        ...facts.map(
          (fact) =>
            `if (${this.local(fact)} === NOT_LISTED) ${this.local(fact)} = unlisted(claim, ${stringLiteral(claimFieldName(fact.name))}, ${unknownValue(fact)});`,
        ),
        ...(malformed.length > 0 ? [`if (${malformed.join(" || ")}) return undefined;`] : []),
        `return wellFormedClaim(serviceDate, lines, options, policy.effectiveDates, ${this.factsObject()});`,
        "} catch {",
        "// A getter or a Proxy's trap threw: the generic reader reports it by name.",
        "return undefined;",
        "}",
      ],
      docs: [
        docText(
          "Reads a well-formed claim and its options: each field by name, each fact checked by its type, no issue built. " +
            "Undefined at the first doubt (a key that is no field, a malformed value, a field held but not listed, a getter " +
            "that throws): readClaim then reads the claim again, naming each problem.",
        ),
      ],
    };
  }

  private factsObject(): string {
    const facts = this.model.claimFacts;
    if (facts.length === 0) return "{}";
    return `{ ${facts.map((fact) => `${claimFieldName(fact.name)}: ${this.local(fact)}`).join(", ")} }`;
  }

  private genericReader(): StatementStructures {
    for (const name of ["PolicyInputError", "claimRevision", "readClaimLines", "readRoot", "readServiceDate"])
      this.useRuntime(name);
    return {
      kind: StructureKind.Function,
      name: "readClaim",
      parameters: [
        { name: "claim", type: "Claim" },
        { name: "options", type: "ClaimCheckOptions" },
      ],
      returnType: `ClaimRead<${FACT_VALUES}>`,
      statements: [
        "const issues: InputIssue[] = [];",
        'const claimRoot = readRoot(claim, CLAIM_KEYS, issues, "(claim)");',
        "const serviceDate = readServiceDate(claimRoot, issues);",
        "const lines = readClaimLines(claimRoot, issues);",
        ...this.model.claimFacts.map((fact) =>
          readFactStatement(
            fact,
            this.local(fact),
            "claimRoot",
            claimFieldName(fact.name),
            claimFieldName(fact.name),
            this.useRuntime,
          ),
        ),
        "const { asOf, revision, decision } = claimRevision(options, serviceDate, policy.effectiveDates, issues);",
        // A claim without a service date has an issue already; the test also tells TypeScript it has one.
        "if (issues.length > 0 || serviceDate === undefined) throw new PolicyInputError(policy.reference, issues);",
        `return { serviceDate, lines, asOf, revision, decision, facts: ${this.factsObject()} };`,
      ],
      docs: [
        docText(
          "Reads a claim and its options with the generic readers, which name every bad field: throws PolicyInputError " +
            "when there is any.",
        ),
      ],
    };
  }
}
