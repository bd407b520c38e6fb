// DO NOT EDIT. Copied by policyc from compiler/runtime/decide.ts.
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

import {
  crdCoverage,
  exclusionStatus,
  requirementStatus,
  type Decision,
  type MissingFact,
  type Outcome,
  type PolicyIdentity,
  type Reason,
  type RuleStatus,
  type ServicesNotCovered,
  type TraceEntry,
} from "./decision.js";
import { markUnknownFacts, type ExplainScope } from "./explain.js";
import { PolicyInputError, revisionInForce, type InputIssue } from "./input.js";
import type { Condition, RuleRole } from "./policy-table.js";
import type { PeriodPlan, PreparedException, PreparedPolicy, PreparedRule } from "./prepare.js";
import { readFacts } from "./read-facts.js";
import { and, not, or, type Truth } from "./truth.js";

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
interface Truths {
  /** The rules as they stand in the revision in force: each with the words and logic of its version then. */
  readonly rules: readonly PreparedRule<never>[];
  readonly partsById: ReadonlyMap<string, Condition>;
  readonly exceptionInForce: readonly boolean[];
  readonly applies: Truth[];
  readonly holds: Truth[];
  readonly exceptions: Truth[];
  readonly facts: Readonly<Record<string, unknown>>;
  readonly definitions: Readonly<Record<string, unknown>>;
  readonly parts: Readonly<Record<string, unknown>>;
  readonly asOf: string;
}

function denial(role: RuleRole, applies: Truth, holds: Truth): Truth {
  if (role === "requirement") return and(applies, not(holds));
  if (role === "exclusion") return and(applies, holds);
  return 0;
}

function statusOf(role: RuleRole, applies: Truth, holds: Truth): RuleStatus {
  return role === "requirement" || role === "part"
    ? requirementStatus(applies, holds)
    : exclusionStatus(applies, holds);
}

function truthStatus(value: Truth): RuleStatus {
  return value === 2 ? "met" : value === 0 ? "not_met" : "unknown";
}

/** The period of service dates `asOf` falls in: after the last period that starts on or before it. */
function periodOn<S>(policy: PreparedPolicy<S, string, string, string>, asOf: string): PeriodPlan<S> {
  let found = 0;
  for (let index = 0; index < policy.periodStarts.length; index++)
    if (policy.periodStarts[index]! <= asOf) found = index;
  const period = policy.periods[found];
  if (period === undefined) throw new RangeError(`policyc runtime: no period for ${asOf}`);
  return period;
}

/** Runs every statement's compiled logic on the facts: definitions, parts, rules, then exceptions. */
function computeTruths<S>(
  policy: PreparedPolicy<S, string, string, string>,
  factValues: unknown[],
  asOf: string,
  period: PeriodPlan<S>,
): Truths {
  const { partOrder } = policy;
  const { rules, ruleInForce, exceptionInForce } = period;
  const count = rules.length;
  const holds = new Array<Truth>(count);
  const definitionValues = new Array<Truth>(policy.definitions.length);
  const partValues = new Array<Truth>(partOrder.length);
  const facts = policy.factView(factValues);
  const definitions = policy.definitionView(definitionValues);
  const parts = policy.partView(partValues);
  // NOTE: the generated module types its scope exactly; here it is the same object, seen generically.
  const scope = { facts, definitions, parts, asOf } as unknown as S;
  for (let index = 0; index < definitionValues.length; index++)
    definitionValues[index] = policy.definitions[index]!.truth(scope);
  const sectionCount = policy.sections.length;
  const sections = new Array<Truth>(sectionCount);
  for (let index = 0; index < sectionCount; index++) sections[index] = policy.sections[index]!.applies(scope);

  // Whether each rule applies first: the logic of a rule that does not apply on this date, or in
  // none of its sections, cannot change the decision, so it is not run (its status is not_applicable).
  const applies = new Array<Truth>(count);
  for (let index = 0; index < count; index++) {
    const rule = rules[index]!;
    if (rule.role === "part") continue;
    let truth: Truth = ruleInForce[index] === true ? 2 : 0;
    for (const section of rule.sections) truth = and(truth, sections[section]!);
    applies[index] = truth;
  }
  // Parts, deepest first, before the criteria that read them; their values are in the order they are
  // computed (partView reads them so).
  for (let position = 0; position < partOrder.length; position++) {
    const index = partOrder[position]!;
    const part = rules[index]!;
    // A part added after its criterion (or removed before it) does not apply outside its lifetime.
    const applying = ruleInForce[index] === true ? applies[part.criterion]! : 0;
    applies[index] = applying;
    partValues[position] = holds[index] = applying === 0 ? 0 : rules[index]!.holds(scope);
  }
  for (let index = 0; index < count; index++) {
    const rule = rules[index]!;
    if (rule.role !== "part") holds[index] = applies[index] === 0 ? 0 : rule.holds(scope);
  }

  const exceptionCount = policy.exceptions.length;
  const exceptions = new Array<Truth>(exceptionCount);
  for (let index = 0; index < exceptionCount; index++) {
    const exception = policy.exceptions[index]!;
    exceptions[index] = exceptionInForce[index] === true ? exception.applies(scope) : 0;
  }
  return {
    rules,
    partsById: period.partsById,
    exceptionInForce,
    applies,
    holds,
    exceptions,
    facts,
    definitions,
    parts,
    asOf,
  };
}

const NONE: readonly never[] = Object.freeze([]);

/** The first exception, in the rule's own order, that surely applies and sets aside rule `i`; call it only when one does. */
function firstApplied<S, ExceptionId extends string>(
  policy: PreparedPolicy<S, string, string, ExceptionId>,
  truths: Truths,
  i: number,
): ExceptionId {
  for (const j of truths.rules[i]!.overriddenBy)
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
  truths.rules.forEach((rule, i) => {
    if (denies[i] === 2) for (const j of rule.overriddenBy) if (truths.exceptions[j] === 2) applied.add(j);
  });
  return [...applied].sort((a, b) => a - b).map((j) => policy.exceptions[j]!);
}

/**
 * Decides a case: reads the options and the facts (throwing PolicyInputError, naming every bad
 * field, when any is malformed), runs the policy's logic and decides.
 */
export function evaluatePolicy<S, RuleId extends string, FactName extends string, ExceptionId extends string>(
  policy: PreparedPolicy<S, RuleId, FactName, ExceptionId>,
  input: unknown,
  options: unknown,
): Decision<RuleId, FactName, ExceptionId> {
  const issues: InputIssue[] = [];
  const { asOf, revision, trace } = revisionInForce(options, policy.effectiveDates, issues);
  const facts = readFacts(input, policy.input, policy.facts.length, issues);
  if (issues.length > 0) throw new PolicyInputError(policy.reference, issues);
  const period = periodOn(policy, asOf);
  const truths = computeTruths(policy as PreparedPolicy<S, string, string, string>, facts, asOf, period);
  // NOTE: the revision a decision reports is the latest in the log in effect on the date, which
  // `revisionInForce` found from the same effective dates as the period.
  return decide(policy, revision, asOf, truths, trace);
}

function decide<S, RuleId extends string, FactName extends string, ExceptionId extends string>(
  policy: PreparedPolicy<S, RuleId, FactName, ExceptionId>,
  revision: number,
  asOf: string,
  truths: Truths,
  withTrace: boolean,
): Decision<RuleId, FactName, ExceptionId> {
  const { rules } = truths;
  const count = rules.length;
  const denies = new Array<Truth>(count);
  const waived = new Array<Truth>(count);
  let denied: Truth = 0;
  for (let i = 0; i < count; i++) {
    const rule = rules[i]!;
    const ruleDenies = denial(rule.role, truths.applies[i]!, truths.holds[i]!);
    let waiver: Truth = 0;
    for (const j of rule.overriddenBy) waiver = or(waiver, truths.exceptions[j]!);
    denies[i] = ruleDenies;
    waived[i] = waiver;
    denied = or(denied, and(ruleDenies, not(waiver)));
  }
  const outcome: Outcome = denied === 2 ? "not_covered" : denied === 0 ? "covered" : "pending";

  // An exception is applied when it surely applies and sets aside a rule that surely denies; in most
  // cases none surely applies, and nothing is gathered.
  const appliedInOrder = truths.exceptions.includes(2) ? appliedExceptions(policy, truths, denies) : NONE;
  const priorApprovalRequired =
    outcome === "covered" && appliedInOrder.some((exception) => exception.requiresPriorApproval);

  const overriddenBy = (i: number): ExceptionId | undefined =>
    denies[i] === 2 && waived[i] === 2 ? firstApplied(policy, truths, i) : undefined;

  const reasons: Reason<RuleId, ExceptionId>[] = [];
  const services: ServicesNotCovered<RuleId>[] = [];
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
        status: status === "met" ? "not_covered" : "undetermined",
        reason: { id: rule.id, kind: rule.kind, text: rule.text, status },
      });
      continue;
    }
    // Whether this rule is among the reasons, decided before anything is built for it: most are not.
    const blocks = and(denies[i]!, not(waived[i]!));
    const setAside = denies[i] === 2 && waived[i] === 2;
    const decisive =
      outcome === "not_covered"
        ? blocks === 2
        : outcome === "pending"
          ? blocks === 1
          : (role === "requirement" && truths.applies[i] === 2) || setAside;
    if (!decisive) continue;
    const id = rule.id as RuleId;
    const status = statusOf(role, truths.applies[i]!, truths.holds[i]!);
    reasons.push(
      setAside
        ? { id, kind: rule.kind, text: rule.text, status, overriddenBy: firstApplied(policy, truths, i) }
        : { id, kind: rule.kind, text: rule.text, status },
    );
  }
  // The exceptions a covered decision rests on are among its reasons; a denial's reasons are its denials.
  if (outcome === "covered") {
    for (const exception of appliedInOrder) {
      reasons.push({ id: exception.id as ExceptionId, kind: "exception", text: exception.title, status: "met" });
    }
  }

  const missingFacts = outcome === "pending" ? findMissingFacts(policy, truths, denies, waived) : [];

  const crd = crdCoverage(outcome, priorApprovalRequired);
  const exceptionsApplied = appliedInOrder.map((exception) => exception.id as ExceptionId);
  const identity = policyIdentity(policy, revision);
  // NOTE: two literals rather than a copy with `trace` added: spreading an object is slow in V8.
  return withTrace
    ? {
        outcome,
        crd,
        reasons,
        missingFacts,
        servicesNotCovered: services,
        exceptionsApplied,
        priorApprovalRequired,
        asOf,
        policy: identity,
        trace: buildTrace(policy, truths, overriddenBy),
      }
    : {
        outcome,
        crd,
        reasons,
        missingFacts,
        servicesNotCovered: services,
        exceptionsApplied,
        priorApprovalRequired,
        asOf,
        policy: identity,
      };
}

/**
 * The unknown facts that can still change the outcome: those under an undecided denial, found by
 * following only the parts of each condition that are themselves unknown.
 */
function findMissingFacts<S, RuleId extends string, FactName extends string, ExceptionId extends string>(
  policy: PreparedPolicy<S, RuleId, FactName, ExceptionId>,
  truths: Truths,
  denies: readonly Truth[],
  waived: readonly Truth[],
): MissingFact<FactName, RuleId | ExceptionId>[] {
  const marks: string[] = [];
  const scope: ExplainScope = {
    facts: truths.facts,
    definitions: truths.definitions,
    parts: truths.parts,
    asOf: truths.asOf,
    definitionsByName: policy.definitionsByName,
    partsById: truths.partsById,
  };
  const explained = new Set<number>();
  truths.rules.forEach((rule, i) => {
    if (and(denies[i]!, not(waived[i]!)) !== 1) return;
    if (denies[i] === 1) {
      if (truths.applies[i] === 1)
        for (const section of rule.sections) markUnknownFacts(policy.sections[section]!.appliesWhen, scope, marks);
      if (truths.holds[i] === 1) markUnknownFacts(rule.when, scope, marks);
    }
    if (waived[i] === 1) {
      for (const j of rule.overriddenBy) {
        if (truths.exceptions[j] === 1 && !explained.has(j)) {
          explained.add(j);
          markUnknownFacts(policy.exceptions[j]!.when, scope, marks);
        }
      }
    }
  });
  const marked = new Set<number>();
  for (const fact of marks) {
    const position = policy.factPosition.get(fact);
    if (position !== undefined) marked.add(position);
  }
  return [...marked]
    .sort((a, b) => a - b)
    .map((position) => {
      const fact = policy.facts[position]!;
      return {
        fact: fact.name,
        question: fact.question,
        description: fact.description,
        readBy: policy.readBy[position]!,
      };
    });
}

function buildTrace<S, RuleId extends string, FactName extends string, ExceptionId extends string>(
  policy: PreparedPolicy<S, RuleId, FactName, ExceptionId>,
  truths: Truths,
  overriddenBy: (i: number) => ExceptionId | undefined,
): TraceEntry<RuleId, FactName, ExceptionId>[] {
  const entries: TraceEntry<RuleId, FactName, ExceptionId>[] = truths.rules.map((rule, i) => {
    const { id, kind, role, facts } = rule;
    const status = statusOf(role, truths.applies[i]!, truths.holds[i]!);
    const exception = overriddenBy(i);
    return exception === undefined
      ? { id: id as RuleId, kind, status, facts: facts as readonly FactName[] }
      : { id: id as RuleId, kind, status, facts: facts as readonly FactName[], overriddenBy: exception };
  });
  policy.exceptions.forEach((exception, j) => {
    const inForce = truths.exceptionInForce[j] === true;
    const status = inForce ? truthStatus(truths.exceptions[j]!) : "not_applicable";
    const { id, facts } = exception;
    entries.push({ id: id as ExceptionId, kind: "exception", status, facts: facts as readonly FactName[] });
  });
  return entries;
}
