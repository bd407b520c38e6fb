// How the names of a policy become names in its generated module: the type of a fact's values, the
// interface of a group of facts, the constants that hold allowed values and keys. The evaluator
// emitter names its declarations with these functions, and the checker uses them to refuse a policy
// whose names would collide in the module (check/generated-names.ts), so both agree by construction.

/** `member.residence` -> `MemberResidence`. */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== "")
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}

/** `therapy.kind` -> `TherapyKind`: the exported type of a one-of or set fact's values. */
export function valuesTypeName(factName: string): string {
  return pascalCase(factName);
}

/** `claim.therapies` -> `CLAIM_THERAPIES_VALUES`: the claim checker's constant holding a claim fact's allowed values. */
export function valuesConstName(factName: string): string {
  return `${factName.replace(/\./g, "_").toUpperCase()}_VALUES`;
}

/** `["member"]` -> `MemberFacts`; the root group is `Facts`. */
export function groupInterfaceName(path: readonly string[]): string {
  return path.length === 0 ? "Facts" : `${pascalCase(path.join("."))}Facts`;
}

/**
 * `2023-08` -> `REVISION_2023_08`, `2023-08-b` -> `REVISION_2023_08_B`, `v7` -> `REVISION_V7`: the
 * constant of a revision, by its name (the checker refuses two names spelt alike here). It cannot meet
 * a name made from a fact's: those end in `_VALUES`, or have no underscore at all.
 */
export function revisionConstName(approved: string): string {
  return `REVISION_${approved.replace(/[^0-9A-Za-z]+/g, "_").toUpperCase()}`;
}

/** A claim fact's field in a claim: `claim.therapies` -> `therapies`. */
export function claimFieldName(factName: string): string {
  return factName.replace(/^claim\./, "");
}

/** The fields every claim has; no claim fact may take their names. */
export const claimFields = ["serviceDate", "lines"] as const;

/**
 * Module-level names every generated module declares whatever the policy says (the evaluator's and
 * the claim checker's), and the PascalCase names it may import from the runtime. A name derived from
 * the policy must be none of these. NOTE: test/generated-names.test.ts checks this list against the
 * runtime's exports and the emitted modules, so it cannot fall behind them.
 */
export const fixedModuleNames: ReadonlySet<string> = new Set([
  // Declared by the evaluator and the claim checker.
  "Facts",
  "FactName",
  "FactValues",
  "DefinitionValues",
  "PartId",
  "ReferredId",
  "ReferredSectionId",
  "Scope",
  "RuleId",
  "ExceptionId",
  "PolicyDecision",
  "Claim",
  "BillingRuleId",
  "PolicyClaimCheck",
  "CLAIM_KEYS",
  "ClaimFactValues",
  // Types, classes and constants the runtime exports, which the module may import by name.
  "BillingRuleEntry",
  "BillingRuleKind",
  "ClaimCheck",
  "ClaimCheckOptions",
  "ClaimDecision",
  "ClaimFinding",
  "ClaimFindings",
  "ClaimLine",
  "FactSlots",
  "GroupReader",
  "Malformed",
  "Condition",
  "RecordQuantifier",
  "RecordValues",
  "RecordJoin",
  "AppliedArgument",
  "DefinitionCall",
  "CallArgument",
  "IdentifyingFields",
  "CrdCoverageInformation",
  "CrdDetail",
  "Decision",
  "DefinitionEntry",
  "DefinitionTraceEntry",
  "EvaluateOptions",
  "ExceptionEntry",
  "FactEntry",
  "FactType",
  "Group",
  "InputIssue",
  "Lifetime",
  "Limitation",
  "LimitationEntry",
  "MAX_UNITS_PER_LINE",
  "MetThrough",
  "MissingFact",
  "NO_PATH",
  "NOT_A_FACT",
  "NormalizedLine",
  "Outcome",
  "PolicyDeclaration",
  "PolicyIdentity",
  "PolicyInputError",
  "PolicyScope",
  "PreparedLimitation",
  "PreparedPolicy",
  "PreparedReference",
  "QualifyingPath",
  "QuestionGroup",
  "QuestionGroupEntry",
  "Reason",
  "ReasonEntry",
  "Revision",
  "RuleEntry",
  "RuleVersionEntry",
  "RuleKind",
  "RuleRole",
  "RuleStatus",
  "SectionEntry",
  "ServicesNotCovered",
  "StatementReferenceEntry",
  "Term",
  "TraceEntry",
  "TruthStep",
  "Truth",
  "ClaimRead",
  "MALFORMED",
  "NOT_LISTED",
  "NotListed",
  // The contract for integrators (docs/contract.md).
  "CoveredDecision",
  "NotCoveredDecision",
  "PendingDecision",
  "DecisionCommon",
  "CrdCovered",
  "CrdNotCovered",
  "CrdConditional",
  "InputIssueCode",
  "INPUT_ISSUE_CODES",
  "ParsedFacts",
  "FactMetadata",
  "FactMetadataOf",
  "FactWords",
  "OptionMetadata",
  "TypeMetadata",
]);

/**
 * Property names every JavaScript object has (`Object.getOwnPropertyNames(Object.prototype)`): a fact,
 * group or claim field with one of these names would read the inherited property when absent.
 */
export const objectPropertyNames: ReadonlySet<string> = new Set([
  "__proto__",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
  "constructor",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "toString",
  "valueOf",
]);
