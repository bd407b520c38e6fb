// DO NOT EDIT. Copied by policyc from compiler/runtime/decision.ts.
// The shapes every generated evaluator returns. Generic in the policy's own id types so that each
// policy's module exports exact unions of its rule ids, fact names and exception ids.

import type { Truth } from "./truth.js";

export type Outcome = "covered" | "not_covered" | "pending";

/**
 * What evaluation found for one rule. For a criterion, `met` means it is satisfied. For an
 * exclusion or a denying note, `met` means its condition holds, so it denies coverage.
 */
export type RuleStatus = "met" | "not_met" | "pending" | "not_applicable";

export type RuleKind = "criterion" | "exclusion" | "note" | "exception";

export interface Reason<RuleId extends string = string, ExceptionId extends string = string> {
  readonly id: RuleId | ExceptionId;
  readonly kind: RuleKind;
  /** The policy's own words. */
  readonly text: string;
  readonly status: RuleStatus;
  /** Set when an exception set this rule aside. */
  readonly overriddenBy?: ExceptionId;
  /**
   * The readings this reason relied on, as the register of readings in the policy's docs cites them
   * (each id is the anchor of its row: `reading-criterion-I.A.5-1`): the statement's own, those of
   * the statements it is numbered under, of the definitions and parts it uses, and of the exceptions
   * that may set it aside. The policy's own readings are in `policy.readings`.
   */
  readonly readings: readonly string[];
  /**
   * The calls of definitions its condition made on the case, each with what it was given (nothing, for
   * a definition without parameters) and its truth (runtime/definition-calls.ts); absent when it makes none.
   */
  readonly calls?: readonly DefinitionCall[];
}

/**
 * A call of a definition on a case: "qualifying_rest_study (the study was at rest ...) for record 2
 * of oxygen.studies (performed 2024-05-22, method arterial_blood_gas): met"; a definition without
 * parameters that a condition names is a call with no arguments.
 */
export interface DefinitionCall {
  readonly definition: string;
  /** How the definition reads in a sentence. */
  readonly label: string;
  /** One per parameter, in the parameters' order (none for a definition without parameters). */
  readonly arguments: readonly CallArgument[];
  readonly status: "met" | "not_met" | "pending";
}

/**
 * What a call gave a parameter: a record, by its list, its index in the list (from 0) and its
 * identifying fields (those its list declares, `identified by`, or else those holding a date or a
 * named value, as given); or a value (null: unknown).
 */
export type CallArgument =
  | {
      readonly parameter: string;
      readonly record: {
        readonly list: string;
        readonly index: number;
        readonly fields: Readonly<IdentifyingFields>;
      };
    }
  | { readonly parameter: string; readonly value: number | string | null };

/** A record's identifying fields as given, by name: a date or a named value; a number or a yes or no when declared. */
export type IdentifyingFields = Record<string, string | number | boolean>;

export interface MissingFact<FactName extends string = string, RuleId extends string = string> {
  readonly fact: FactName;
  /** The question to ask to learn it. */
  readonly question: string;
  readonly description: string;
  /** The rules and exceptions that read it. */
  readonly readBy: readonly RuleId[];
  /** Set when the fact is asked together with others as one question: the question they share. */
  readonly group?: QuestionGroup;
  /** Set for a fact worth asking only once another is answered: ask it when `fact` is `answer`. */
  readonly askWhen?: { readonly fact: FactName; readonly answer: boolean };
  /**
   * Set for a fact asked as one of a criterion's reasons (`group.kind` is `reasons`): the reason's
   * part and words, and the fact's value when the reason applies ("The medication is not available
   * in an oral form." applies when `drug.available_in_oral_form` is false).
   */
  readonly reason?: { readonly id: string; readonly text: string; readonly answer: boolean };
}

/**
 * A question several facts are asked in, from the policy's structure:
 * - `reasons`: the reasons of one criterion met by any (or at least N) of them, each a part tested
 *   by one yes-or-no fact, asked as one "which of these apply?"; `id` is the criterion's, `text`
 *   its words, and each fact's `reason` says which reason it is;
 * - `dated`: a yes-or-no fact and the date it says exists (`enrollment ended`, then when), asked as
 *   one; `id` is the yes-or-no fact's name, `text` its question.
 */
export interface QuestionGroup {
  readonly kind: "reasons" | "dated";
  readonly id: string;
  readonly text: string;
}

export interface ServicesNotCovered<RuleId extends string = string> {
  /** The section whose services are not covered: "I.F". */
  readonly section: string;
  readonly title: string;
  /** `not_covered` when decided, `pending` while a fact it needs is unknown. */
  readonly status: "not_covered" | "pending";
  readonly reason: Reason<RuleId>;
}

export interface TraceEntry<
  RuleId extends string = string,
  FactName extends string = string,
  ExceptionId extends string = string,
> {
  readonly id: RuleId | ExceptionId;
  readonly kind: RuleKind;
  readonly status: RuleStatus;
  readonly facts: readonly FactName[];
  readonly overriddenBy?: ExceptionId;
  /**
   * For a criterion or part that is met, when its condition names definitions, parts or other
   * statements: those it was met through (each that held on the way, as the qualifying path walks).
   */
  readonly metThrough?: readonly MetThrough[];
  /** The calls of definitions its condition made (as in `Reason.calls`). */
  readonly calls?: readonly DefinitionCall[];
}

/** What a criterion was met through: "I.B met through definition `low_oxygen`", "II.A met through criterion I.3". */
export interface MetThrough {
  readonly kind: "definition" | "part" | "criterion" | "section";
  /** The definition's name, or the statement's number. */
  readonly id: string;
}

/** A definition in the trace: its truth on the case (`met` when it holds) and the facts it reads. */
export interface DefinitionTraceEntry<FactName extends string = string> {
  readonly name: string;
  /** How the definition reads in a sentence: "the treatment is self-administered". */
  readonly label: string;
  readonly status: "met" | "not_met" | "pending";
  readonly facts: readonly FactName[];
}

export interface PolicyIdentity {
  readonly reference: string;
  readonly title: string;
  /** The revision in force on the service date (the latest in the log in effect then), by its name. */
  readonly revision: string;
  readonly revisionEffective: string;
  /** SHA-256 of the policy source the evaluator was generated from. */
  readonly sourceHash: string;
  /**
   * SHA-256 of the policy's meaning: every statement's words, logic, lifetime and readings, the
   * facts and the codes. A comment or a change of layout changes `sourceHash` and keeps this.
   */
  readonly modelHash: string;
  /** SHA-256 of the policy's published text of this revision, when the build read one. */
  readonly publishedTextHash?: string;
  /** The compiler that generated the evaluator: `policyc` and its version. */
  readonly compiler: string;
  /** The policy's own readings, which every decision relies on (when each revision takes effect, say): ids as in `Reason.readings`. */
  readonly readings: readonly string[];
}

/** A `limited to` of the policy, in force on a covered decision because coverage went through its statement. */
export interface Limitation<RuleId extends string = string, SectionId extends string = never> {
  /** The statement that carries it: a criterion (or part), or a section. */
  readonly id: RuleId | SectionId;
  /** The policy's words: "Covered only during sleep." */
  readonly text: string;
}

/**
 * The outcome in the terms of Da Vinci CRD's coverage-information extension:
 * `covered` -> covered, `not_covered` -> not-covered, `pending` -> conditional (more information is
 * needed, and `docNeeded` says it is clinical). A covered decision with limitations is covered with
 * conditions: `covered` stays `covered` and `detail` carries one CRD coverage detail `instructions`
 * per limitation, its value the limitation's words. NOTE: CRD's `conditional` means "decision cannot
 * be made without more information", which a limited coverage is not; the structured details
 * (`allowed-quantity`, `allowed-period`) need quantities the language does not have yet (issue 14).
 */
export type CrdCoverageInformation = CrdCovered | CrdNotCovered | CrdConditional;

/** CRD's record of a covered decision: prior authorization needed or not, and its limitations as details. */
export interface CrdCovered {
  readonly covered: "covered";
  readonly paNeeded: "auth-needed" | "no-auth";
  readonly detail?: readonly CrdDetail[];
}

export interface CrdNotCovered {
  readonly covered: "not-covered";
}

/** CRD's record of a pending decision: more (clinical) information is needed. */
export interface CrdConditional {
  readonly covered: "conditional";
  readonly paNeeded: "conditional";
  readonly docNeeded: "clinical";
}

/** A CRD coverage-information `detail`: its code (CRD's coverage detail codes) and its value. */
export interface CrdDetail {
  readonly code: "instructions";
  readonly value: string;
}

/**
 * A decision, discriminated by `outcome`: checking `outcome === "pending"` narrows to a
 * PendingDecision, whose `missingFacts` lists what to ask; a covered or not-covered decision's is empty.
 */
export type Decision<
  RuleId extends string = string,
  FactName extends string = string,
  ExceptionId extends string = string,
  /** The sections some criterion refers to as met (`section I`), which may stand in `qualifiedUnder`. */
  SectionId extends string = never,
> =
  | CoveredDecision<RuleId, FactName, ExceptionId, SectionId>
  | NotCoveredDecision<RuleId, FactName, ExceptionId, SectionId>
  | PendingDecision<RuleId, FactName, ExceptionId, SectionId>;

export interface CoveredDecision<
  RuleId extends string = string,
  FactName extends string = string,
  ExceptionId extends string = string,
  SectionId extends string = never,
> extends DecisionCommon<RuleId, FactName, ExceptionId, SectionId> {
  readonly outcome: "covered";
  readonly crd: CrdCovered;
  readonly missingFacts: readonly [];
}

export interface NotCoveredDecision<
  RuleId extends string = string,
  FactName extends string = string,
  ExceptionId extends string = string,
  SectionId extends string = never,
> extends DecisionCommon<RuleId, FactName, ExceptionId, SectionId> {
  readonly outcome: "not_covered";
  readonly crd: CrdNotCovered;
  readonly missingFacts: readonly [];
}

export interface PendingDecision<
  RuleId extends string = string,
  FactName extends string = string,
  ExceptionId extends string = string,
  SectionId extends string = never,
> extends DecisionCommon<RuleId, FactName, ExceptionId, SectionId> {
  readonly outcome: "pending";
  readonly crd: CrdConditional;
  /**
   * The unknown facts that can still change the outcome (none when every unknown one is out of reach),
   * the questions that can decide the case alone first (rank-questions.ts), facts asked together next
   * to each other.
   */
  readonly missingFacts: readonly MissingFact<FactName, RuleId | ExceptionId>[];
}

/** What every decision holds, whatever its outcome. */
export interface DecisionCommon<
  RuleId extends string = string,
  FactName extends string = string,
  ExceptionId extends string = string,
  SectionId extends string = never,
> {
  readonly outcome: Outcome;
  readonly crd: CrdCoverageInformation;
  /**
   * Only when covered: the named alternatives coverage went through, in source order. For each `any
   * of`, `at least N of` or `or` on the way to coverage (in a criterion that was met, and in each met
   * alternative below it), its operands that name a part, a criterion or a section (`criterion I.3`,
   * `section II`) and were met. Empty when nothing branched, and when not covered.
   */
  readonly qualifiedUnder: readonly (RuleId | SectionId)[];
  /** Only when covered: the `limited to` of each statement coverage went through, in source order. */
  readonly limitations: readonly Limitation<RuleId, SectionId>[];
  /** Not covered: what denies. Covered: what was met (and what an exception set aside). Pending: what is undecided. */
  readonly reasons: readonly Reason<RuleId, ExceptionId>[];
  /** Only when pending: the unknown facts that can still change the outcome. */
  readonly missingFacts: readonly MissingFact<FactName, RuleId | ExceptionId>[];
  /** Services excluded even though the therapy itself may be covered (nursing for TPN, say). */
  readonly servicesNotCovered: readonly ServicesNotCovered<RuleId>[];
  /** Exceptions that set aside a rule that would otherwise have denied coverage. */
  readonly exceptionsApplied: readonly ExceptionId[];
  /** True when the decision is covered only through an exception that keeps prior approval. */
  readonly priorApprovalRequired: boolean;
  readonly asOf: string;
  readonly policy: PolicyIdentity;
  /** Every rule with its status and the facts it read; present when asked for with `trace: true`. */
  readonly trace?: readonly TraceEntry<RuleId, FactName, ExceptionId>[];
  /** Every definition the rules use, with its truth and the facts it reads; present with `trace: true`. */
  readonly definitionTrace?: readonly DefinitionTraceEntry<FactName>[];
}

export interface EvaluateOptions {
  /** The service date, YYYY-MM-DD. The rules in force on that date decide. */
  readonly asOf: string;
  /** Include the full trace (slower). */
  readonly trace?: boolean | null | undefined;
}

// Frozen and shared by every decision: a decision's parts are read, never written.
const CRD_COVERED_NO_AUTH: CrdCovered = Object.freeze({ covered: "covered", paNeeded: "no-auth" });
const CRD_COVERED_AUTH_NEEDED: CrdCovered = Object.freeze({ covered: "covered", paNeeded: "auth-needed" });
const CRD_NOT_COVERED: CrdNotCovered = Object.freeze({ covered: "not-covered" });
const CRD_CONDITIONAL: CrdConditional = Object.freeze({
  covered: "conditional",
  paNeeded: "conditional",
  docNeeded: "clinical",
});

/** The covered CRD record with the limitations as coverage conditions (one `detail` per limitation). */
export function crdWithLimitations(
  base: CrdCoverageInformation,
  limitations: readonly Limitation<string, string>[],
): CrdCoverageInformation {
  if (limitations.length === 0 || base.covered !== "covered") return base;
  const detail = limitations.map((limitation): CrdDetail =>
    Object.freeze({ code: "instructions", value: limitation.text }),
  );
  return Object.freeze({ ...base, detail: Object.freeze(detail) });
}

export function crdCoverage(outcome: Outcome, priorApprovalRequired: boolean): CrdCoverageInformation {
  switch (outcome) {
    case "covered":
      return priorApprovalRequired ? CRD_COVERED_AUTH_NEEDED : CRD_COVERED_NO_AUTH;
    case "not_covered":
      return CRD_NOT_COVERED;
    case "pending":
      return CRD_CONDITIONAL;
  }
}

/** Status of a rule that must be met: `applies` and `met` are truths. */
export function requirementStatus(applies: Truth, met: Truth): RuleStatus {
  if (applies === 0) return "not_applicable";
  const satisfied = Math.max(2 - applies, met);
  return satisfied === 2 ? "met" : satisfied === 0 ? "not_met" : "pending";
}

/** Status of a rule that denies when it holds: `applies` and `holds` are truths. */
export function exclusionStatus(applies: Truth, holds: Truth): RuleStatus {
  if (applies === 0) return "not_applicable";
  const fires = Math.min(applies, holds);
  return fires === 2 ? "met" : fires === 0 ? "not_met" : "pending";
}
