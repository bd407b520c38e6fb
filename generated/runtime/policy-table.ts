// DO NOT EDIT. Copied by policyc from compiler/runtime/policy-table.ts.
// What a generated evaluator declares about its policy, statement by statement and keyed by id:
// the revisions, the facts (a schema the runtime reads input with), the definitions, the sections
// that apply only to some cases, the rules and the exceptions. Each statement carries its words, its
// lifetime, what sets it aside, its logic compiled (for speed) and the same logic as data (so that a
// pending decision can say which unknown facts it needs). Nothing here refers to anything by position.

import type { DurationUnit } from "./calendar.js";
import type { RuleKind } from "./decision.js";
import type { Truth } from "./truth.js";
import type { CodeSystem, ValueSet } from "./codes.js";

/** A revision of the policy: the month it was approved, and the day it took effect. */
export interface Revision {
  readonly approved: string;
  readonly effective: string;
  /** SHA-256 of the policy's published text of this revision, when the build read one. */
  readonly publishedTextHash?: string;
}

/** In force from the revision `from` until just before the revision `until`. */
export interface Lifetime {
  readonly from: Revision;
  readonly until?: Revision;
}

export type FactType =
  | { readonly kind: "boolean" }
  | { readonly kind: "number"; readonly unit?: string; readonly min?: number; readonly max?: number }
  | { readonly kind: "date" }
  | { readonly kind: "oneOf" | "setOf"; readonly values: readonly string[] }
  /** A list of records, each with these fields (at most MAX_RECORDS of them, runtime/records.ts). */
  | {
      readonly kind: "list";
      readonly fields: readonly { readonly name: string; readonly type: Exclude<FactType, { kind: "list" }> }[];
    }
  | { readonly kind: "code" | "codes"; readonly system: CodeSystem };

export interface FactEntry<FactName extends string = string> {
  /** Dotted, as the policy writes it: `member.age` is the field `age` of the group `member`. */
  readonly name: FactName;
  readonly type: FactType;
  readonly description: string;
  /** The question to ask to learn it. */
  readonly question: string;
}

/** A value compared in a condition: a fact, a literal, the service date, or a date moved by a duration. */
export type Term =
  | { readonly kind: "fact"; readonly fact: string }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "date" | "text"; readonly value: string }
  | { readonly kind: "serviceDate" }
  | { readonly kind: "shifted"; readonly date: Term; readonly amount: number; readonly unit: DurationUnit }
  /** A field of the record a quantifier names `variable`. */
  | { readonly kind: "field"; readonly variable: string; readonly field: string };

/**
 * The field of a nested quantifier's records its filter equates with `key`, a value of an enclosing
 * record; or the date field it requires to lie from `from` to `to`, dates read from an enclosing record.
 */
export type RecordJoin =
  { readonly field: string; readonly key: Term } | { readonly field: string; readonly from: Term; readonly to: Term };

/** What a call gives a parameter: the record a quantifier names `variable` (of `list`), or a value. */
export type AppliedArgument =
  | {
      readonly parameter: string;
      readonly variable: string;
      readonly list: string;
      /** The list's declared identifying fields; absent: those holding a date or a named value. */
      readonly identifiedBy?: readonly string[];
    }
  | { readonly parameter: string; readonly value: Term };

/** What a quantifier asks of a list's records (runtime/records.ts gives each its meaning). */
export type RecordQuantifier =
  | { readonly kind: "some" | "none"; readonly filter: Condition }
  | { readonly kind: "every"; readonly filter: Condition; readonly test: Condition }
  | {
      readonly kind: "count";
      readonly filter: Condition;
      readonly operator: "<" | "<=" | ">" | ">=" | "=" | "!=";
      readonly than: Term;
    }
  | { readonly kind: "latest" | "earliest"; readonly by: string; readonly filter: Condition; readonly test: Condition };

/** A condition as data, exactly as the compiled logic beside it computes it. */
export type Condition =
  | { readonly kind: "constant"; readonly value: boolean }
  | { readonly kind: "fact"; readonly fact: string }
  | { readonly kind: "oneOf"; readonly fact: string; readonly values: readonly string[] }
  | {
      readonly kind: "compare";
      readonly operator: "<" | "<=" | ">" | ">=" | "=" | "!=";
      readonly left: Term;
      readonly right: Term;
    }
  /** `from <= date <= to`: a window of days, its bounds computed from its anchor. */
  | { readonly kind: "between"; readonly date: Term; readonly from: Term; readonly to: Term }
  | {
      readonly kind: "contains";
      readonly fact: string;
      readonly mode: "all" | "any";
      readonly values: readonly string[];
    }
  | { readonly kind: "not"; readonly operand: Condition }
  | { readonly kind: "and" | "or"; readonly operands: readonly Condition[] }
  | { readonly kind: "atLeast"; readonly count: number; readonly operands: readonly Condition[] }
  | { readonly kind: "definition"; readonly name: string }
  | { readonly kind: "part"; readonly id: string }
  /** A yes-or-no field of a named record is yes, or a set field holds all (any) of `values`. */
  | {
      readonly kind: "field";
      readonly variable: string;
      readonly field: string;
      readonly test:
        | { readonly kind: "yes" }
        | { readonly kind: "contains"; readonly mode: "all" | "any"; readonly values: readonly string[] };
    }
  | {
      readonly kind: "records";
      readonly list: string;
      readonly variable: string;
      readonly quantifier: RecordQuantifier;
      /** Set for a nested quantifier its filter joins on a field (runtime/record-index.ts). */
      readonly join?: RecordJoin;
    }
  /** A fact of codes is in a value set: its one code, or any of its codes. */
  | { readonly kind: "inValueSet"; readonly fact: string; readonly mode: "one" | "any"; readonly valueSet: ValueSet }
  /** A call of a definition with parameters: its arguments, and its body with each parameter read as its argument. */
  | {
      readonly kind: "applied";
      readonly definition: string;
      readonly label: string;
      readonly arguments: readonly AppliedArgument[];
      readonly condition: Condition;
    }
  /** Another criterion, or a section, is met (see StatementReferenceEntry). */
  | { readonly kind: "statement"; readonly target: "criterion" | "section"; readonly id: string };

/**
 * What compiled logic reads: the facts, the definitions and parts (each computed once), the
 * statements referred to as met (`met["I.3"]`), the service date.
 */
export interface PolicyScope<FactValues, DefinitionValues, PartId extends string, ReferredId extends string = never> {
  readonly facts: FactValues;
  readonly definitions: DefinitionValues;
  readonly parts: { readonly [id in PartId]: Truth };
  readonly met: { readonly [id in ReferredId]: Truth };
  readonly asOf: string;
}

/**
 * A statement some criterion refers to as met, with the criteria that decide it:
 * - a criterion (`criteria` is itself): met when it applies and is met on the service date;
 * - a section: met when it and `sections` apply, and each of `criteria` is met or does not apply.
 */
export interface StatementReferenceEntry<RuleId extends string = string> {
  readonly id: string;
  readonly target: "criterion" | "section";
  readonly criteria: readonly RuleId[];
  /** For a section: it and its enclosing sections that have an `applies when`. */
  readonly sections: readonly string[];
}

/** A `limited to`: in force on a covered decision whose coverage went through one of `criteria`. */
export interface LimitationEntry<RuleId extends string = string> {
  readonly id: string;
  readonly text: string;
  readonly criteria: readonly RuleId[];
}

export interface DefinitionEntry<S, Name extends string = string> {
  readonly name: Name;
  readonly label: string;
  readonly when: Condition;
  readonly truth: (scope: S) => Truth;
}

/** A section whose rules apply only to some cases (`applies when`). */
export interface SectionEntry<S> {
  readonly id: string;
  readonly title: string;
  readonly appliesWhen: Condition;
  readonly applies: (scope: S) => Truth;
}

/**
 * What a rule does to the decision:
 * - `requirement`: coverage needs it met (a criterion);
 * - `part`: a numbered part of a criterion, evaluated only through it;
 * - `exclusion`: coverage is denied when its condition holds (an exclusion, or a note that denies);
 * - `servicesExclusion`: the services of a section are not covered when its condition holds.
 */
export type RuleRole = "requirement" | "part" | "exclusion" | "servicesExclusion";

export interface RuleEntry<S, RuleId extends string, FactName extends string, ExceptionId extends string> {
  readonly id: RuleId;
  readonly kind: Exclude<RuleKind, "exception">;
  readonly role: RuleRole;
  /** The policy's own words. */
  readonly text: string;
  readonly inForce: Lifetime;
  /** The category the policy files it under, which says which exceptions may set it aside. */
  readonly category?: string;
  /** The enclosing sections with an `applies when`, outermost first: the rule applies when they all do. */
  readonly sections: readonly string[];
  /** For a part: the criterion it belongs to (it applies when that criterion does). */
  readonly partOf?: RuleId;
  /** The exceptions that may set this rule aside. */
  readonly overriddenBy: readonly ExceptionId[];
  /** Every fact it reads, through definitions, parts and its sections. */
  readonly facts: readonly FactName[];
  /** For a servicesExclusion: the section whose services are not covered, and its title. */
  readonly services?: { readonly section: string; readonly title: string };
  /** For a requirement or part, when it is met; for the others, when coverage is denied. */
  readonly when: Condition;
  readonly holds: (scope: S) => Truth;
  /** The readings a reason naming it relies on (see Reason.readings); absent when none. */
  readonly readings?: readonly string[];
  /**
   * Its earlier versions, oldest first, for a rule whose words or logic changed: the fields above are
   * its current version, in force from the last earlier one's `until`.
   */
  readonly earlier?: readonly RuleVersionEntry<S>[];
}

/** An earlier version of a rule: its lifetime, the words and category it had, and its logic. */
export interface RuleVersionEntry<S> {
  readonly inForce: Lifetime;
  readonly text: string;
  readonly category?: string;
  readonly when: Condition;
  readonly holds: (scope: S) => Truth;
  /** The readings a reason naming this version relies on; absent when none. */
  readonly readings?: readonly string[];
}

export interface ExceptionEntry<S, FactName extends string, ExceptionId extends string> {
  readonly id: ExceptionId;
  readonly title: string;
  readonly requiresPriorApproval: boolean;
  readonly inForce: Lifetime;
  readonly facts: readonly FactName[];
  readonly when: Condition;
  readonly applies: (scope: S) => Truth;
  /** The readings the exception relies on when applied; absent when none. */
  readonly readings?: readonly string[];
}

/** Everything a generated evaluator declares; `definePolicy` prepares it for evaluation once, at load. */
export interface PolicyDeclaration<S, RuleId extends string, FactName extends string, ExceptionId extends string> {
  readonly reference: string;
  readonly title: string;
  readonly sourceHash: string;
  /** SHA-256 of the policy's meaning (its model), which a comment or a change of layout keeps. */
  readonly modelHash: string;
  /** The compiler that generated the evaluator: `policyc` and its version. */
  readonly compiler: string;
  /** The policy's own readings, which every decision relies on; absent when none. */
  readonly readings?: readonly string[];
  /** Oldest first. */
  readonly revisions: readonly Revision[];
  readonly facts: readonly FactEntry<FactName>[];
  /** In dependency order: a definition comes after those it uses. */
  readonly definitions: readonly DefinitionEntry<S>[];
  readonly sections: readonly SectionEntry<S>[];
  /** In the policy's order. */
  readonly rules: readonly RuleEntry<S, RuleId, FactName, ExceptionId>[];
  readonly exceptions: readonly ExceptionEntry<S, FactName, ExceptionId>[];
  /** The statements criteria refer to as met (`criterion I.3`, `section I`); absent when none. */
  readonly statementReferences?: readonly StatementReferenceEntry<RuleId>[];
  /** Every `limited to`, in source order; absent when none. */
  readonly limitations?: readonly LimitationEntry<RuleId>[];
  /** The facts asked together as one question, from the policy's structure; absent when none. */
  readonly questionGroups?: readonly QuestionGroupEntry<FactName>[];
}

/**
 * Facts asked as one question (QuestionGroup in decision.ts says when):
 * - `reasons`: criterion `id`'s reasons, each a part tested by one yes-or-no fact, in the policy's order;
 * - `dated`: the yes-or-no fact `id` (its question is the group's) and the `dates` asked only when
 *   it is answered `when`.
 */
export type QuestionGroupEntry<FactName extends string = string> =
  | {
      readonly kind: "reasons";
      readonly id: string;
      readonly text: string;
      readonly reasons: readonly ReasonEntry<FactName>[];
    }
  | { readonly kind: "dated"; readonly id: FactName; readonly when: boolean; readonly dates: readonly FactName[] };

/** A reason of a `reasons` question: the part, its words, its fact, and the fact's answer when it applies. */
export interface ReasonEntry<FactName extends string = string> {
  readonly id: string;
  readonly text: string;
  readonly fact: FactName;
  readonly answer: boolean;
}
