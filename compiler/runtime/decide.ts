// The decision procedure, the same for every policy. The generated module declares each statement
// with its logic; this computes, for each rule, whether it applies and whether its condition holds
// (as truths), and for each exception whether it applies, then turns those into the outcome, the
// reasons, the missing facts and the trace.
//
//   a requirement denies  when it applies and is not met;
//   an exclusion denies   when it applies and its condition holds;
//   a denial is set aside when an exception that overrides that rule applies;
//   coverage is denied    when any denial stands: not_covered if one surely does, pending if one
//                         might, covered if none can.

import { reasonFor } from "./reason-readings.js";
import {
  crdCoverage,
  crdWithLimitations,
  type DefinitionTraceEntry,
  type DefinitionCall,
  type Limitation,
  type MetThrough,
  exclusionStatus,
  requirementStatus,
  type Decision,
  type DecisionCommon,
  type MissingFact,
  type Outcome,
  type PolicyIdentity,
  type Reason,
  type RuleStatus,
  type ServicesNotCovered,
  type TraceEntry,
} from "./decision.js";
import type { ExplainScope } from "./explain.js";
import { PolicyInputError, revisionInForce, type InputIssue } from "./input.js";
import type { RuleRole } from "./policy-table.js";
import type { PeriodPlan, PreparedException, PreparedPolicy, PreparedReference, PreparedRule } from "./prepare.js";
import { explainScope } from "./explain-scope.js";
import { metThrough, qualifyingPath, NO_PATH } from "./qualify.js";
import { statementCalls, withCalls } from "./definition-calls.js";
import { readFacts } from "./read-facts.js";
import { rankMissingFacts } from "./rank-questions.js";
import { release, takeWorkspace, type Workspace } from "./workspace.js";
import { both, either, not, type Truth } from "./truth.js";

/** Which policy, and which of its revisions, decided: one frozen record per revision, made when the policy loads. */
export function policyIdentity(
  policy: Pick<PreparedPolicy<never, string, string, string>, "identities">,
  revision: number,
): PolicyIdentity {
  const identity = policy.identities[revision];
  if (identity === undefined) throw new RangeError(`policyc runtime: no revision at position ${revision}`);
  return identity;
}

/** What one evaluation computed, by position in the prepared policy's arrays, and the values it read. */
type Truths = Workspace;

function denial(role: RuleRole, applies: Truth, holds: Truth): Truth {
  if (role === "requirement") return both(applies, not(holds));
  if (role === "exclusion") return both(applies, holds);
  return 0;
}

function statusOf(role: RuleRole, applies: Truth, holds: Truth): RuleStatus {
  return role === "requirement" || role === "part"
    ? requirementStatus(applies, holds)
    : exclusionStatus(applies, holds);
}

function truthStatus(value: Truth): RuleStatus {
  return value === 2 ? "met" : value === 0 ? "not_met" : "pending";
}

/**
 * The period of service dates `asOf` falls in: after the last period that starts on or before it;
 * that of `revision`, the revision in force on `asOf`, when the revisions are in date order.
 */
function periodOn<S>(policy: PreparedPolicy<S, string, string, string>, revision: number, asOf: string): PeriodPlan<S> {
  const ofRevision = policy.periodOfRevision?.[revision];
  if (ofRevision !== undefined) return policy.periods[ofRevision]!;
  let found = 0;
  for (let index = 0; index < policy.periodStarts.length; index++)
    if (policy.periodStarts[index]! <= asOf) found = index;
  const period = policy.periods[found];
  if (period === undefined) throw new RangeError(`policyc runtime: no period for ${asOf}`);
  return period;
}

/** Runs every statement's compiled logic on the facts read into `truths`: definitions, sections, then rules (each after what it reads), then exceptions. */
function computeTruths<S>(policy: PreparedPolicy<S, string, string, string>, truths: Workspace, asOf: string): void {
  const { steps, references } = policy;
  const { rules, ruleInForce, exceptionInForce } = truths.period as PeriodPlan<S>;
  const { definitionValues, partValues, metValues, sections, applies, holds, exceptions } = truths;
  const count = rules.length;
  truths.scope.asOf = asOf;
  // NOTE: the generated module types its scope exactly; here it is the same object, seen generically.
  const scope = truths.scope as unknown as S;
  for (let index = 0; index < definitionValues.length; index++)
    definitionValues[index] = policy.definitions[index]!.truth(scope);
  for (let index = 0; index < sections.length; index++) sections[index] = policy.sections[index]!.applies(scope);

  // Whether each rule applies first: the logic of a rule that does not apply on this date, or in
  // none of its sections, cannot change the decision, so it is not run (its status is not_applicable).
  for (let index = 0; index < count; index++) {
    const rule = rules[index]!;
    if (rule.role === "part") continue;
    let truth: Truth = ruleInForce[index] === true ? 2 : 0;
    for (let k = 0; k < rule.sections.length; k++) truth = both(truth, sections[rule.sections[k]!]!);
    applies[index] = truth;
  }
  // A part added after its criterion (or removed before it) does not apply outside its lifetime.
  for (const index of policy.partOrder)
    applies[index] = ruleInForce[index] === true ? applies[rules[index]!.criterion]! : 0;
  // Each rule after the parts and statements it reads; a part's value and a referred statement's are
  // kept where the compiled logic reads them (`parts`, `met`).
  for (let position = 0; position < steps.length; position++) {
    const step = steps[position]!;
    const index = step.rule;
    if (index < 0) {
      metValues[step.met] = sectionMet(references[step.met]!, truths);
      continue;
    }
    const value: Truth = applies[index] === 0 ? 0 : rules[index]!.holds(scope);
    holds[index] = value;
    if (step.part >= 0) partValues[step.part] = value;
    if (step.met >= 0) metValues[step.met] = both(applies[index]!, value);
  }

  for (let index = 0; index < exceptions.length; index++) {
    const exception = policy.exceptions[index]!;
    exceptions[index] = exceptionInForce[index] === true ? exception.applies(scope) : 0;
  }
}

/** A section referred to as met: it applies, and each of its criteria is met or does not apply. */
function sectionMet(reference: PreparedReference, truths: Workspace): Truth {
  let value: Truth = 2;
  for (const section of reference.sections) value = both(value, truths.sections[section]!);
  for (const rule of reference.criteria) value = both(value, either(not(truths.applies[rule]!), truths.holds[rule]!));
  return value;
}

const NONE: readonly never[] = Object.freeze([]);

/** The first exception, in the rule's own order, that surely applies and sets aside rule `i`; call it only when one does. */
function firstApplied<S, ExceptionId extends string>(
  policy: PreparedPolicy<S, string, string, ExceptionId>,
  truths: Truths,
  i: number,
): ExceptionId {
  for (const j of truths.period.rules[i]!.overriddenBy)
    if (truths.exceptions[j] === 2) return policy.exceptions[j]!.id as ExceptionId;
  throw new Error("policyc runtime: a rule was set aside by no exception");
}

/** The exceptions that surely apply and set aside a rule that surely denies, in the policy's order. */
function appliedExceptions<S>(
  policy: PreparedPolicy<S, string, string, string>,
  truths: Truths,
  denies: readonly Truth[],
): PreparedException<S>[] {
  const applied = new Set<number>();
  truths.period.rules.forEach((rule, i) => {
    if (denies[i] === 2) for (const j of rule.overriddenBy) if (truths.exceptions[j] === 2) applied.add(j);
  });
  return [...applied].sort((a, b) => a - b).map((j) => policy.exceptions[j]!);
}

/**
 * Decides a case: reads the options and the facts (throwing PolicyInputError, naming every bad
 * field, when any is malformed), runs the policy's logic and decides.
 */
export function evaluatePolicy<
  S,
  RuleId extends string,
  FactName extends string,
  ExceptionId extends string,
  SectionId extends string = never,
>(
  policy: PreparedPolicy<S, RuleId, FactName, ExceptionId>,
  input: unknown,
  options: unknown,
): Decision<RuleId, FactName, ExceptionId, SectionId> {
  const issues: InputIssue[] = [];
  const { asOf, revision, trace } = revisionInForce(options, policy.effectiveDates, issues);
  const generic = policy as PreparedPolicy<S, string, string, string>;
  const workspace = takeWorkspace(generic);
  try {
    readFacts(input, policy.input, workspace.factValues, issues);
    if (issues.length > 0) throw new PolicyInputError(policy.reference, issues);
    workspace.period = periodOn(generic, revision, asOf) as PeriodPlan<unknown>;
    computeTruths(generic, workspace, asOf);
    return decide<S, RuleId, FactName, ExceptionId, SectionId>(policy, revision, asOf, workspace, trace);
  } finally {
    release(workspace);
  }
}

function decide<
  S,
  RuleId extends string,
  FactName extends string,
  ExceptionId extends string,
  SectionId extends string,
>(
  policy: PreparedPolicy<S, RuleId, FactName, ExceptionId>,
  revision: number,
  asOf: string,
  truths: Truths,
  withTrace: boolean,
): Decision<RuleId, FactName, ExceptionId, SectionId> {
  const rules = truths.period.rules;
  const { denies, waived } = truths;
  const count = rules.length;
  let denied: Truth = 0;
  for (let i = 0; i < count; i++) {
    const rule = rules[i]!;
    const ruleDenies = denial(rule.role, truths.applies[i]!, truths.holds[i]!);
    denies[i] = ruleDenies;
    // Whether an exception sets a rule aside is read only where the rule denies or may deny.
    if (ruleDenies === 0) {
      waived[i] = 0;
      continue;
    }
    let waiver: Truth = 0;
    // An index, not for-of: this loop runs for every rule of every decision.
    const overriddenBy = rule.overriddenBy;
    for (let k = 0; k < overriddenBy.length; k++) waiver = either(waiver, truths.exceptions[overriddenBy[k]!]!);
    waived[i] = waiver;
    denied = either(denied, both(ruleDenies, not(waiver)));
  }
  const outcome: Outcome = denied === 2 ? "not_covered" : denied === 0 ? "covered" : "pending";

  // An exception is applied when it surely applies and sets aside a rule that surely denies; in most
  // cases none surely applies, and nothing is gathered.
  const appliedInOrder = truths.exceptions.includes(2) ? appliedExceptions(policy, truths, denies) : NONE;
  const priorApprovalRequired =
    outcome === "covered" && appliedInOrder.some((exception) => exception.requiresPriorApproval);

  const reasons: Reason<RuleId, ExceptionId>[] = [];
  const services: ServicesNotCovered<RuleId>[] = [];
  // Made once, and only when a statement's calls must be walked (explain-scope.ts).
  let callScope: ExplainScope | undefined;
  const scopeForCalls = (): ExplainScope => (callScope ??= explainScope(policy, truths));
  for (let i = 0; i < count; i++) {
    const rule = rules[i]!;
    const role = rule.role;
    if (role === "part") continue;
    if (role === "servicesExclusion") {
      if (rule.services === undefined || outcome === "not_covered") continue;
      const status = exclusionStatus(truths.applies[i]!, truths.holds[i]!);
      if (status === "not_met" || status === "not_applicable") continue;
      services.push({
        section: rule.services.section,
        title: rule.services.title,
        status: status === "met" ? "not_covered" : "pending",
        reason: reasonFor(rule, status, undefined, policy.exceptions, truths.exceptions) as Reason<RuleId>,
      });
      continue;
    }
    // Whether this rule is among the reasons, decided before anything is built for it: most are not.
    const blocks = both(denies[i]!, not(waived[i]!));
    const setAside = denies[i] === 2 && waived[i] === 2;
    const decisive =
      outcome === "not_covered"
        ? blocks === 2
        : outcome === "pending"
          ? blocks === 1
          : (role === "requirement" && truths.applies[i] === 2) || setAside;
    if (!decisive) continue;
    const status = statusOf(role, truths.applies[i]!, truths.holds[i]!);
    const overriddenBy = setAside ? firstApplied(policy, truths, i) : undefined;
    const reason = reasonFor(rule, status, overriddenBy, policy.exceptions, truths.exceptions) as Reason<
      RuleId,
      ExceptionId
    >;
    // A condition calling definitions says, in the reason, what each call was given.
    const calls = rule.calls;
    reasons.push(
      status !== "not_applicable" && calls !== undefined
        ? withCalls(reason, statementCalls(calls, truths.definitionValues, scopeForCalls))
        : reason,
    );
  }
  // The exceptions a covered decision rests on are among its reasons; a denial's reasons are its denials.
  if (outcome === "covered") {
    for (const exception of appliedInOrder) {
      const reason = exception.appliedReason as Reason<RuleId, ExceptionId>;
      reasons.push(
        exception.calls !== undefined
          ? withCalls(reason, statementCalls(exception.calls, truths.definitionValues, scopeForCalls))
          : reason,
      );
    }
  }

  const missingFacts = outcome === "pending" ? findMissingFacts(policy, truths) : [];

  // Covered: the alternatives coverage went through, and the limitations they bring (qualify.ts).
  const path = outcome === "covered" && policy.tracesPath ? qualifyingPath(policy, truths) : NO_PATH;
  // NOTE: the ids come from the policy's own declaration, whose types the generated module states.
  const qualifiedUnder = path.qualifiedUnder as readonly (RuleId | SectionId)[];
  const limitations = path.limitations as readonly Limitation<RuleId, SectionId>[];
  const crd = crdWithLimitations(crdCoverage(outcome, priorApprovalRequired), limitations);
  const exceptionsApplied = appliedInOrder.map((exception) => exception.id as ExceptionId);
  const identity = policyIdentity(policy, revision);
  // NOTE: two literals rather than a copy with `trace` added: spreading an object is slow in V8.
  // The union's invariants hold by construction (`crd` from the outcome, `missingFacts` empty unless
  // pending), which TypeScript cannot follow through one literal: hence the assertion.
  const decision: DecisionCommon<RuleId, FactName, ExceptionId, SectionId> = withTrace
    ? {
        outcome,
        crd,
        qualifiedUnder,
        limitations,
        reasons,
        missingFacts,
        servicesNotCovered: services,
        exceptionsApplied,
        priorApprovalRequired,
        asOf,
        policy: identity,
        trace: buildTrace(policy, truths),
        definitionTrace: truths.definitionValues.map(
          (truth, index) => policy.definitionTraceEntries[index]![truth] as DefinitionTraceEntry<FactName>,
        ),
      }
    : {
        outcome,
        crd,
        qualifiedUnder,
        limitations,
        reasons,
        missingFacts,
        servicesNotCovered: services,
        exceptionsApplied,
        priorApprovalRequired,
        asOf,
        policy: identity,
      };
  return decision as Decision<RuleId, FactName, ExceptionId, SectionId>;
}

/**
 * The unknown facts that can still change the outcome: those under an undecided denial, found by
 * following only the parts of each condition that are themselves unknown, in the same walk that
 * ranks them (rank-questions.ts).
 */
function findMissingFacts<S, RuleId extends string, FactName extends string, ExceptionId extends string>(
  policy: PreparedPolicy<S, RuleId, FactName, ExceptionId>,
  truths: Truths,
): MissingFact<FactName, RuleId | ExceptionId>[] {
  return rankMissingFacts(policy, truths, explainScope(policy, truths));
}

/** A rule's trace entry on this case alone: set aside by an exception, or met through what it names. */
function tracedEntry<RuleId extends string, FactName extends string, ExceptionId extends string>(
  rule: PreparedRule<unknown>,
  status: RuleStatus,
  exception: ExceptionId | undefined,
  through: readonly MetThrough[],
  calls: readonly DefinitionCall[],
): TraceEntry<RuleId, FactName, ExceptionId> {
  // NOTE: the optional fields added one by one, not spread in: spreading an object is slow in V8.
  const entry: {
    -readonly [Key in keyof TraceEntry<RuleId, FactName, ExceptionId>]: TraceEntry<RuleId, FactName, ExceptionId>[Key];
  } = { id: rule.id as RuleId, kind: rule.kind, status, facts: rule.facts as readonly FactName[] };
  if (exception !== undefined) entry.overriddenBy = exception;
  if (through.length > 0) entry.metThrough = through;
  if (calls.length > 0) entry.calls = calls;
  return entry;
}

function buildTrace<S, RuleId extends string, FactName extends string, ExceptionId extends string>(
  policy: PreparedPolicy<S, RuleId, FactName, ExceptionId>,
  truths: Truths,
): TraceEntry<RuleId, FactName, ExceptionId>[] {
  const entries: TraceEntry<RuleId, FactName, ExceptionId>[] = [];
  const rules = truths.period.rules;
  let scope: ExplainScope | undefined;
  const scopeOnce = (): ExplainScope => (scope ??= explainScope(policy, truths));
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    const status = statusOf(rule.role, truths.applies[i]!, truths.holds[i]!);
    const setAside = truths.denies[i] === 2 && truths.waived[i] === 2;
    const exception = setAside ? firstApplied(policy, truths, i) : undefined;
    // A criterion met through what its condition names says so (the qualifying path's walk, qualify.ts).
    const calls =
      status !== "not_applicable" && rule.calls !== undefined
        ? statementCalls(rule.calls, truths.definitionValues, scopeOnce)
        : NONE;
    const through =
      truths.holds[i] === 2 &&
      status === "met" &&
      (rule.role === "requirement" || rule.role === "part") &&
      truths.period.namesAnything[i] === true
        ? metThrough(truths, scopeOnce(), i)
        : NONE;
    entries.push(
      exception === undefined && through.length === 0
        ? withCalls(rule.traceEntries[status] as TraceEntry<RuleId, FactName, ExceptionId>, calls)
        : tracedEntry(rule, status, exception, through, calls),
    );
  }
  for (let j = 0; j < policy.exceptions.length; j++) {
    const exception = policy.exceptions[j]!;
    const inForce = truths.period.exceptionInForce[j] === true;
    const status = inForce ? truthStatus(truths.exceptions[j]!) : "not_applicable";
    const entry = exception.traceEntries[status] as TraceEntry<RuleId, FactName, ExceptionId>;
    const calls =
      status !== "not_applicable" && exception.calls !== undefined
        ? statementCalls(exception.calls, truths.definitionValues, scopeOnce)
        : NONE;
    entries.push(withCalls(entry, calls));
  }
  return entries;
}
