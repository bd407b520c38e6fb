// The policy model: the one intermediate form that the evaluator emitter and the docs emitter both
// read, so the docs can never describe other logic than the code runs. Produced by lower.ts from a
// checked policy; plain readonly data with names resolved and sugar (`unless`, `is no`) removed.

import type { FhirMappingData } from "../fhir/mapping.js";

export type FactType =
  | { readonly kind: "boolean" }
  | { readonly kind: "number"; readonly unit?: string; readonly min?: number; readonly max?: number }
  | { readonly kind: "date" }
  | { readonly kind: "oneOf" | "setOf"; readonly values: readonly EnumValue[] }
  /**
   * A list of records (docs/language.md, "Records and lists"); at most `maxRecords` of them in an
   * input. `identifiedBy`: the fields a call's record argument is shown by, when the author declared them.
   */
  | { readonly kind: "list"; readonly fields: readonly RecordField[]; readonly identifiedBy?: readonly string[] }
  /** One code (`code`) or a set of codes (`codes`) of a code system (runtime/codes.ts). */
  | { readonly kind: "code" | "codes"; readonly system: string };

/** A field of the records of a list fact: its name, how it reads, and its type (never a list). */
export interface RecordField {
  readonly name: string;
  readonly label: string;
  readonly type: Exclude<FactType, { readonly kind: "list" }>;
}

export interface EnumValue {
  readonly name: string;
  readonly label: string;
}

export interface FactModel {
  /** Dotted name, as written in the policy: `member.age`. */
  readonly name: string;
  readonly type: FactType;
  readonly description: string;
  readonly question: string;
  /** Ids of the rules and exceptions that read the fact, directly or through a definition. */
  readonly readBy: readonly string[];
}

/** A value compared in a condition: a fact, a literal, or the service date (`asOf`). */
export type Term =
  | { readonly kind: "fact"; readonly fact: string }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "date"; readonly value: string }
  | { readonly kind: "text"; readonly value: string }
  | { readonly kind: "serviceDate" }
  /** A date moved by a duration: `service date - 30 days` is `serviceDate` by -30 days. */
  | { readonly kind: "shifted"; readonly date: DateTerm; readonly by: Duration }
  /** A field of the record a quantifier names `variable`: `study.pressure`. */
  | { readonly kind: "field"; readonly variable: string; readonly field: string }
  /**
   * A value parameter of a definition (`limit`), in the definition's own condition only, which the
   * docs say; a call's condition reads its argument in its place, so nothing evaluates this.
   */
  | { readonly kind: "parameter"; readonly name: string };

/** A term that is a date as it stands: a date fact, a date field of a record, a date, the service date. */
export type DateTerm = Extract<Term, { readonly kind: "fact" | "field" | "date" | "serviceDate" | "parameter" }>;

export type DurationUnit = "days" | "weeks" | "months" | "years";

/**
 * A whole number of days, weeks, months or years; negative moves back. Calendar rules (the runtime's
 * calendar.ts): days and weeks are exact, months and years keep the day of the month, clamped to the
 * last day of a shorter month.
 */
export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

/**
 * The days a date must lie within, counted from an anchor date, both ends included:
 * - `within`: `before` is from anchor - length to anchor, `after` from anchor to anchor + length,
 *   `around` (`within 2 days of`) from anchor - length to anchor + length; `length` is positive;
 * - `days`: `between day 61 and day 90 after` is from anchor + 61 days to anchor + 90 days
 *   (`before`: anchor - 90 days to anchor - 61 days).
 */
export type DateWindow =
  | { readonly kind: "within"; readonly side: "before" | "after" | "around"; readonly length: Duration }
  | { readonly kind: "days"; readonly side: "before" | "after"; readonly first: number; readonly last: number };

export type ComparisonOperator = "<" | "<=" | ">" | ">=" | "=" | "!=";

/** A condition in three-valued logic: an unknown fact makes a leaf unknown, never false. */
export type Condition =
  | { readonly kind: "constant"; readonly value: boolean }
  /** A yes-or-no fact is yes. */
  | { readonly kind: "fact"; readonly fact: string }
  /** A one-of fact is one of these values. */
  | { readonly kind: "oneOf"; readonly fact: string; readonly values: readonly string[] }
  | { readonly kind: "compare"; readonly operator: ComparisonOperator; readonly left: Term; readonly right: Term }
  /** A set fact holds all (or any) of these values. */
  | {
      readonly kind: "contains";
      readonly fact: string;
      readonly mode: "all" | "any";
      readonly values: readonly string[];
    }
  /** A date lies within a window of days counted from an anchor date (bounds included). */
  | { readonly kind: "dateWindow"; readonly date: Term; readonly anchor: DateTerm; readonly window: DateWindow }
  /**
   * A fact of codes is in a value set: its one code (`one`) is covered by the set, or at least one
   * of its codes (`any`) is; unknown when the fact is unknown.
   */
  | { readonly kind: "inValueSet"; readonly fact: string; readonly mode: "one" | "any"; readonly valueSet: string }
  | { readonly kind: "not"; readonly operand: Condition }
  | { readonly kind: "and" | "or"; readonly operands: readonly Condition[] }
  | { readonly kind: "atLeast"; readonly count: number; readonly operands: readonly Condition[] }
  | { readonly kind: "definition"; readonly name: string }
  /** A part of the criterion being evaluated (I.C.4.a within I.C.4). */
  | { readonly kind: "part"; readonly id: string }
  /** A test of a field of a named record: a yes-or-no field is yes, a set field holds values. */
  | { readonly kind: "field"; readonly variable: string; readonly field: string; readonly test: FieldTest }
  /**
   * A definition with parameters given its arguments: `qualifying_rest_study(abg)`,
   * `at_or_below(abg.pressure, 55)`. `condition` is the definition's body with each parameter read as
   * its argument, which every emitter runs; the trace and the docs name the call.
   */
  | {
      readonly kind: "applied";
      readonly definition: string;
      /** The definition's label. */
      readonly label: string;
      /** One per parameter, in the parameters' order. */
      readonly arguments: readonly AppliedArgument[];
      readonly condition: Condition;
    }
  /** A condition over the records of a list fact, each named `variable` within it. */
  | {
      readonly kind: "records";
      readonly list: string;
      readonly variable: string;
      readonly quantifier: RecordQuantifier;
    }
  /**
   * Another criterion, or a section, is met (`criterion I.3`, `section I`): see StatementReferenceModel
   * for what that means on a service date.
   */
  | { readonly kind: "statement"; readonly target: "criterion" | "section"; readonly id: string };

/** What a call gives a parameter: a record a quantifier around the call names, or a value. */
export type AppliedArgument =
  | {
      readonly kind: "record";
      readonly parameter: string;
      readonly variable: string;
      readonly list: string;
      /** The list's declared identifying fields (absent: those of its records holding a date or a named value). */
      readonly identifiedBy?: readonly string[];
    }
  | { readonly kind: "value"; readonly parameter: string; readonly term: Term };

/** A parameter of a definition: a record of a list (`study: oxygen.studies`) or a value (`limit: number unit "mm Hg"`). */
export type ParameterModel =
  | { readonly kind: "record"; readonly name: string; readonly list: string }
  | {
      readonly kind: "value";
      readonly name: string;
      readonly type:
        | { readonly kind: "number"; readonly unit?: string }
        | { readonly kind: "date" }
        | { readonly kind: "oneOf"; readonly values: readonly EnumValue[] };
    };

export type FieldTest =
  | { readonly kind: "yes" }
  | { readonly kind: "contains"; readonly mode: "all" | "any"; readonly values: readonly string[] };

/**
 * What a quantifier asks of the records; `filter` says which records count (a constant true when the
 * author wrote no `where`). The three-valued meaning is in docs/language.md and runtime/records.ts.
 */
export type RecordQuantifier =
  /** Some (no) record passes the filter. */
  | { readonly kind: "some" | "none"; readonly filter: Condition }
  /** Every record that passes the filter passes the test. */
  | { readonly kind: "every"; readonly filter: Condition; readonly test: Condition }
  /** The number of records that pass the filter, compared with `than`. */
  | { readonly kind: "count"; readonly filter: Condition; readonly operator: ComparisonOperator; readonly than: Term }
  /** Of the records that pass the filter, the one with the latest (earliest) date `by` passes the test. */
  | { readonly kind: "latest" | "earliest"; readonly by: string; readonly filter: Condition; readonly test: Condition };

/** Indexes into the revision log: in force from `from` until just before `until`. */
export interface RevisionRange {
  readonly from: number;
  readonly until?: number;
}

export interface RevisionModel {
  readonly approved: string;
  readonly reviewed?: string;
  readonly effective: string;
  readonly text: string;
  readonly readings: readonly string[];
  /** Ids of the statements this revision added or removed. */
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Ids of the statements whose words or logic this revision changed (it ended one of their versions). */
  readonly changed: readonly string[];
  /** The file holding the policy as published in this revision, relative to the policy's folder. */
  readonly publishedText?: string;
}

export interface DefinitionModel {
  readonly name: string;
  readonly label: string;
  /** For a definition with parameters: each a record of a list or a value (absent for the others). */
  readonly parameters?: readonly ParameterModel[];
  readonly condition: Condition;
  readonly definedByNote?: string;
  readonly readings: readonly string[];
}

/**
 * What a rule does to the decision:
 * - `requirement`: coverage needs it met (a criterion);
 * - `part`: a numbered part of a criterion, evaluated only through it;
 * - `exclusion`: coverage is denied when its condition holds (an exclusion, or a note that denies);
 * - `servicesExclusion`: the services of a section are not covered when its condition holds.
 */
export type RuleRole = "requirement" | "part" | "exclusion" | "servicesExclusion";

/**
 * How a rule's condition was written, so that the docs say it the author's way:
 * - `when`: as `condition` stands (`met when X`, `not covered when X`, `not covered when not X`);
 * - `unless`: `not covered unless X`, with X here as written; the rule's `condition` is `not X`.
 * NOTE: the docs once recovered `unless` from a `not` at the top of the condition, which also matched
 * an exclusion written `not covered when not X` (or `when X is no`).
 */
export type WrittenCondition =
  { readonly keyword: "when" } | { readonly keyword: "unless"; readonly condition: Condition };

/**
 * One version of a rule: its words, logic, category and readings, in force over `inForce`. A rule's
 * own fields are its current version; `earlier` lists the others. `ruleVersions` (versions.ts) gives
 * them all, oldest first, for an emitter that reads every version alike.
 */
export interface RuleVersionModel {
  readonly inForce: RevisionRange;
  readonly text: string;
  readonly condition: Condition;
  readonly written: WrittenCondition;
  readonly category?: string;
  readonly readings: readonly string[];
}

export interface RuleModel {
  readonly id: string;
  readonly kind: "criterion" | "exclusion" | "note";
  readonly role: RuleRole;
  /** The policy's own words. */
  readonly text: string;
  readonly items: readonly { readonly label: string; readonly text: string }[];
  /** For a requirement, when it is met; for the others, when coverage is denied. What the evaluator runs. */
  readonly condition: Condition;
  /** How the author wrote the condition (see WrittenCondition), for the docs. */
  readonly written: WrittenCondition;
  /** Conditions of the enclosing sections (`applies when`), outermost first. */
  readonly applicability: readonly { readonly section: string; readonly condition: Condition }[];
  readonly inForce: RevisionRange;
  readonly category?: string;
  readonly readings: readonly string[];
  /** For a servicesExclusion: the section whose services are not covered. */
  readonly servicesOf?: string;
  /** For a part: the criterion it belongs to. */
  readonly partOf?: string;
  /** `limited to "..."`: what coverage through this criterion is limited to (every version). */
  readonly limitedTo?: string;
  /** Every fact the rule reads, through definitions, parts and applicability, in declaration order. */
  readonly facts: readonly string[];
  /** Ids of the exceptions that override the rule (may set it aside), in the exceptions' order. */
  readonly overriddenBy: readonly string[];
  /**
   * Its earlier versions, oldest first, each with the words and logic it had (empty for a rule that
   * never changed). The current version, the rule's own fields, is in force from the last one's end.
   */
  readonly earlier: readonly RuleVersionModel[];
}

export interface ExceptionModel {
  readonly id: string;
  readonly title: string;
  readonly condition: Condition;
  readonly overrides: readonly string[];
  readonly mayOverride: readonly string[];
  readonly neverOverrides: readonly string[];
  readonly requiresPriorApproval: boolean;
  readonly inForce: RevisionRange;
  readonly text?: string;
  readonly priorApprovalText?: string;
  readonly readings: readonly string[];
  readonly facts: readonly string[];
}

/**
 * Where a numbered statement sits in the outline, from the checker's parent relation: the statement
 * it is numbered under (none for a top-level section), those numbered directly under it in source
 * order, and its depth (1 for a top-level section, 2 for what is directly under one...).
 */
export interface OutlinePlace {
  readonly parent?: string;
  readonly children: readonly string[];
  readonly depth: number;
}

/** Every numbered statement of the policy, in source order, with its place, for the docs. */
export type OutlineEntry = OutlineStatementModel & OutlinePlace;

/** What a numbered statement is: a section, a rule (see PolicyModel.rules), a note or a service. */
export type OutlineStatementModel =
  | {
      readonly kind: "section";
      readonly id: string;
      readonly title: string;
      readonly appliesWhen?: Condition;
      /** `limited to "..."`: what coverage through the section's criteria is limited to. */
      readonly limitedTo?: string;
      readonly inForce: RevisionRange;
      readonly readings: readonly string[];
    }
  | { readonly kind: "rule"; readonly id: string }
  | {
      readonly kind: "note" | "service";
      readonly id: string;
      readonly text: string;
      readonly items: readonly { readonly label: string; readonly text: string }[];
      readonly inForce: RevisionRange;
      readonly readings: readonly string[];
    };

export interface CategoryModel {
  readonly name: string;
  readonly description: string;
}

export interface ProseModel {
  readonly id: string;
  readonly title: string;
  readonly text?: string;
  readonly notEncodedBecause?: string;
  readonly readings: readonly string[];
}

export interface BillingNoteModel {
  readonly text: string;
  readonly inForce: RevisionRange;
}

export interface CodeModel {
  readonly code: string;
  readonly modifier?: string;
  readonly description: string;
  readonly billing: readonly BillingNoteModel[];
  readonly readings: readonly string[];
  /** Ids of the billing rules of this code, in source order (see PolicyModel.billingRules). */
  readonly rules: readonly string[];
}

/** Arithmetic over a claim's number facts, for unit limits. */
export type NumericModel =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "fact"; readonly fact: string }
  | {
      readonly kind: "binary";
      readonly operator: "+" | "-" | "*" | "/";
      readonly left: NumericModel;
      readonly right: NumericModel;
    };

export interface CodeGroupModel {
  readonly name: string;
  readonly description: string;
  readonly codes: readonly string[];
}

/**
 * A rule of the coding table, checked against claims:
 * - `billedOnlyWhen`: the code's lines are errors unless `condition` holds;
 * - `notBilledWhen`: the code's lines are errors when `condition` holds;
 * - `requiresModifier`: each line of the code must carry `modifier`;
 * - `billedWithEach`: each line of a code in `group` needs this code on the claim, for at least as
 *   many units as that line;
 * - `unitsAtLeastGroup`: a claim that bills codes of `group` bills this code for at least as many
 *   units as all their lines together;
 * - `unitsAtMost`: the units of the code on the claim, together, are at most `limit` (rounded up,
 *   down, or not at all).
 */
export type BillingRuleModel = BillingRuleCommon & BillingRuleLogic;

/** What each kind of billing rule checks, with exactly the fields that kind needs. */
export type BillingRuleLogic =
  | { readonly kind: "billedOnlyWhen" | "notBilledWhen"; readonly condition: Condition }
  | { readonly kind: "requiresModifier"; readonly modifier: string }
  | { readonly kind: "billedWithEach"; readonly group: CodeGroupModel }
  | { readonly kind: "unitsAtLeastGroup"; readonly group: CodeGroupModel }
  | { readonly kind: "unitsAtMost"; readonly limit: NumericModel; readonly rounding: "up" | "down" | "none" }
  | ClaimRuleLogic;

/**
 * The kinds of rule that coding rules as written need (claim-rules.ts holds their words):
 * - `billedOnlyWhenDecided` / `notBilledWhenDecided`: the code's lines are errors unless (or when)
 *   `when` holds, a guard that tests the coverage decision for the same service (and maybe claim facts);
 * - `requiresOneOfModifiers`: while `when` holds, each line of the code carries one of `modifiers`;
 * - `mustNotHaveModifier`: while `when` holds, no line of the code carries any of `modifiers`;
 * - `notBilledWith`: the code is not billed on a claim (one date of service) that bills `partner`;
 * - `groupUnitsAtMost`: the units of every code of `group` on the claim, together, are at most `limit`;
 * - `codeInForce`: made from a code's own `added in` / `removed in`, not written: a line of the code
 *   is an error on a date of service outside `valid`;
 * - `unitsPerPeriod`: the units of the code (or of every code of `group`) on lines dated in one
 *   `period`, a calendar day or month of the lines' own dates, together, are at most `limit`.
 */
export type ClaimRuleLogic =
  | { readonly kind: "billedOnlyWhenDecided" | "notBilledWhenDecided"; readonly when: BillingGuardModel }
  | {
      readonly kind: "requiresOneOfModifiers" | "mustNotHaveModifier";
      readonly modifiers: readonly string[];
      readonly when: BillingGuardModel;
    }
  | { readonly kind: "notBilledWith"; readonly partner: BillingPartnerModel }
  | {
      readonly kind: "groupUnitsAtMost";
      readonly group: CodeGroupModel;
      readonly limit: NumericModel;
      readonly rounding: "up" | "down" | "none";
    }
  | { readonly kind: "codeInForce"; readonly valid: RevisionRange }
  | {
      readonly kind: "unitsPerPeriod";
      /** The group whose codes' units count together; the rule's own code alone when absent. */
      readonly group?: CodeGroupModel;
      readonly limit: NumericModel;
      readonly rounding: "up" | "down" | "none";
      readonly period: "day" | "month";
    };

/** A test of the coverage decision for the same service, which checkClaim may be given. */
export type DecisionTestModel =
  | { readonly kind: "coverage"; readonly outcome: "covered" | "not_covered" | "pending" }
  /** The decision's qualifying path holds this statement (`qualifiedUnder` of the decision). */
  | { readonly kind: "qualifiedUnder"; readonly statement: string };

/**
 * When a rule applies: always, while a condition over claim facts holds, on a decision, or on both
 * joined by `and`, `or` and `not` (three-valued, as conditions are: a decision not given leaves a
 * join unknown only when the rest does not settle it). A part that tests no decision is one `claim`.
 */
export type BillingGuardModel =
  | { readonly kind: "always" }
  | { readonly kind: "claim"; readonly condition: Condition }
  | { readonly kind: "decision"; readonly test: DecisionTestModel }
  | { readonly kind: "and" | "or"; readonly operands: readonly BillingGuardModel[] }
  | { readonly kind: "not"; readonly operand: BillingGuardModel };

/** What a code must not be billed with: one code, or any code of a group. */
export type BillingPartnerModel =
  { readonly kind: "code"; readonly code: string } | { readonly kind: "group"; readonly group: CodeGroupModel };

interface BillingRuleCommon {
  readonly id: string;
  readonly code: string;
  /** The policy text the rule carries out: the code's description, one of its billing sentences, or a note. */
  readonly source: { readonly kind: "code" | "billing" | "note"; readonly id: string; readonly text: string };
  /** What a billing specialist reads when the rule is broken. */
  readonly message: string;
  readonly inForce: RevisionRange;
  readonly readings: readonly string[];
  /** The claim facts the rule reads. */
  readonly facts: readonly string[];
}

export interface ReferenceModel {
  readonly number: number;
  readonly text: string;
  readonly link?: string;
}

/**
 * A statement some criterion refers to as met, and the criteria that decide it. On a service date:
 * - `criterion I.3` is met when I.3 is in force, applies and is met; not met when it is not in force,
 *   does not apply, or is not met; unknown otherwise (`criteria` is `["I.3"]`);
 * - `section I` is met when the section applies (its `applies when`, and its enclosing sections') and
 *   each of its criteria (`criteria`: those numbered under it that are not parts) is met or does
 *   not apply on that date (not in force counts as not applying).
 */
export interface StatementReferenceModel {
  readonly id: string;
  readonly target: "criterion" | "section";
  readonly criteria: readonly string[];
  /** For a section: it and its enclosing sections that have an `applies when`, outermost first. */
  readonly sections: readonly string[];
}

/** A `limited to`: in force on a covered decision whose coverage went through one of `criteria`. */
export interface LimitationModel {
  /** The statement that carries it: a criterion (or part), or a section. */
  readonly id: string;
  readonly text: string;
  /** The criterion itself, or for a section the criteria numbered under it (parts included). */
  readonly criteria: readonly string[];
}

export interface PolicyModel {
  readonly reference: string;
  readonly title: string;
  readonly plan: string;
  readonly description: string;
  readonly lastReview: string;
  readonly publishedText?: string;
  readonly readings: readonly string[];
  /** The policy file, relative to the project root, with forward slashes. */
  readonly sourcePath: string;
  /** SHA-256 of the policy source text (line endings normalised), in hex. */
  readonly sourceHash: string;
  readonly revisions: readonly RevisionModel[];
  readonly categories: readonly CategoryModel[];
  /** The facts of a coverage decision, in declaration order. */
  readonly facts: readonly FactModel[];
  /** In dependency order: a definition comes after those it uses. */
  readonly definitions: readonly DefinitionModel[];
  /** In source order. */
  readonly rules: readonly RuleModel[];
  readonly exceptions: readonly ExceptionModel[];
  readonly outline: readonly OutlineEntry[];
  /** Every statement a criterion refers to as met, in source order. */
  readonly statementReferences: readonly StatementReferenceModel[];
  /** Every `limited to`, in source order. */
  readonly limitations: readonly LimitationModel[];
  readonly prose: readonly ProseModel[];
  readonly codes: readonly CodeModel[];
  readonly references: readonly ReferenceModel[];
  /** The facts a claim carries for the billing rules (`claim.therapy`), in declaration order. */
  readonly claimFacts: readonly FactModel[];
  readonly codeGroups: readonly CodeGroupModel[];
  readonly billingRules: readonly BillingRuleModel[];
  /** Text of the published policy that is not policy content, for the traceability check. */
  readonly layout: readonly LayoutModel[];
  /** The value sets, in source order, each with its entries sorted by code. */
  readonly valueSets: readonly ValueSetModel[];
  /** The FHIR mapping (`fhir`): the order codes that make the policy apply and where facts come from. */
  readonly fhir?: FhirMappingData;
}

/**
 * A value set: a named list of codes of one system, read from a file beside the policy, with where
 * the list comes from. Its entries are sorted by code (runtime/codes.ts: `codeKey`), and none
 * overlaps another; an entry covers its codes and their children.
 */
export interface ValueSetModel {
  readonly name: string;
  readonly label: string;
  readonly system: string;
  /** The file, relative to the policy's folder, as the policy names it. */
  readonly file: string;
  readonly source: string;
  readonly version: string;
  readonly readings: readonly string[];
  readonly entries: readonly ValueSetEntryModel[];
}

/** A code (`first` = `last`) or a range of codes, as the file writes them, with the row's label. */
export interface ValueSetEntryModel {
  readonly first: string;
  readonly last: string;
  readonly label: string;
}

// ----- traceability ------------------------------------------------------------------------------

/** A `layout` statement: published text set aside as not policy content, and why. */
export interface LayoutModel {
  readonly text: string;
  readonly notEncodedBecause: string;
}
