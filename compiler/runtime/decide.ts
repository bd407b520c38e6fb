// The decision procedure, the same for every policy. A generated evaluator computes, for each rule,
// whether it applies and whether its condition holds (as truths), and for each exception whether it
// applies; this turns those into the outcome, the reasons, the missing facts and the trace.
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
  type RuleKind,
  type RuleStatus,
  type ServicesNotCovered,
  type TraceEntry,
} from "./decision.js";

export type RuleRole = "requirement" | "part" | "exclusion" | "servicesExclusion";

export interface RuleEntry<RuleId extends string, FactName extends string, ExceptionId extends string> {
  readonly id: RuleId;
  readonly kind: Exclude<RuleKind, "exception">;
  readonly role: RuleRole;
  readonly text: string;
  /** Indexes of the exceptions that may set this rule aside. */
  readonly overriddenBy: readonly number[];
  readonly overriddenByIds: readonly ExceptionId[];
  readonly facts: readonly FactName[];
  /** For a servicesExclusion: the section whose services are excluded, and its title. */
  readonly services?: { readonly section: string; readonly title: string };
}

export interface ExceptionEntry<FactName extends string, ExceptionId extends string> {
  readonly id: ExceptionId;
  readonly title: string;
  readonly requiresPriorApproval: boolean;
  readonly facts: readonly FactName[];
  /** In force from this revision index, until just before `until`. */
  readonly from: number;
  readonly until?: number;
}

export interface FactEntry<FactName extends string, RuleId extends string> {
  readonly name: FactName;
  readonly question: string;
  readonly description: string;
  readonly readBy: readonly RuleId[];
}

export interface PolicyTable<RuleId extends string, FactName extends string, ExceptionId extends string> {
  readonly reference: string;
  readonly title: string;
  readonly sourceHash: string;
  readonly revisions: readonly { readonly approved: string; readonly effective: string }[];
  readonly rules: readonly RuleEntry<RuleId, FactName, ExceptionId>[];
  readonly exceptions: readonly ExceptionEntry<FactName, ExceptionId>[];
  readonly facts: readonly FactEntry<FactName, RuleId | ExceptionId>[];
}

/** What the generated code can explain: why a rule's applicability, condition, or an exception is unknown. */
export type Explain = (
  what: "applies" | "holds" | "exception",
  index: number,
  mark: (factIndex: number) => void,
) => void;

export interface RuleValues {
  /** Per rule: does it apply on this date to this case (0, 1, 2)? Not in force is 0. */
  readonly applies: readonly number[];
  /** Per rule: is it met (requirement, part) or does its condition hold (the others)? */
  readonly holds: readonly number[];
  /** Per exception: does it apply? Not in force is 0. */
  readonly exceptions: readonly number[];
}

/** Which policy, and which of its revisions, decided. */
export function policyIdentity(
  table: Pick<PolicyTable<string, string, string>, "reference" | "title" | "sourceHash" | "revisions">,
  revision: number,
): PolicyIdentity {
  return {
    reference: table.reference,
    title: table.title,
    revision: table.revisions[revision]?.approved ?? "",
    revisionEffective: table.revisions[revision]?.effective ?? "",
    sourceHash: table.sourceHash,
  };
}

function denial(role: RuleRole, applies: number, holds: number): number {
  if (role === "requirement") return Math.min(applies, 2 - holds);
  if (role === "exclusion") return Math.min(applies, holds);
  return 0;
}

function statusOf(role: RuleRole, applies: number, holds: number): RuleStatus {
  return role === "requirement" || role === "part"
    ? requirementStatus(applies, holds)
    : exclusionStatus(applies, holds);
}

function truthStatus(value: number): RuleStatus {
  return value === 2 ? "met" : value === 0 ? "not_met" : "unknown";
}

export function decide<RuleId extends string, FactName extends string, ExceptionId extends string>(
  table: PolicyTable<RuleId, FactName, ExceptionId>,
  revision: number,
  asOf: string,
  values: RuleValues,
  explain: Explain,
  withTrace: boolean,
): Decision<RuleId, FactName, ExceptionId> {
  const { rules, exceptions } = table;
  const count = rules.length;
  const denies: number[] = new Array<number>(count);
  const waived: number[] = new Array<number>(count);
  let denied = 0;
  for (let i = 0; i < count; i++) {
    const rule = rules[i]!;
    const applies = values.applies[i]!;
    const holds = values.holds[i]!;
    const ruleDenies = denial(rule.role, applies, holds);
    let waiver = 0;
    for (const j of rule.overriddenBy) waiver = Math.max(waiver, values.exceptions[j]!);
    denies[i] = ruleDenies;
    waived[i] = waiver;
    denied = Math.max(denied, Math.min(ruleDenies, 2 - waiver));
  }
  const outcome: Outcome = denied === 2 ? "not_covered" : denied === 0 ? "covered" : "pending";

  // An exception is applied when it surely applies and sets aside a rule that surely denies.
  const applied = new Set<number>();
  for (let i = 0; i < count; i++) {
    if (denies[i] !== 2) continue;
    for (const j of rules[i]!.overriddenBy) if (values.exceptions[j] === 2) applied.add(j);
  }
  const appliedIds = [...applied].sort((a, b) => a - b);
  const priorApprovalRequired = outcome === "covered" && appliedIds.some((j) => exceptions[j]!.requiresPriorApproval);

  const overriddenBy = (i: number): ExceptionId | undefined => {
    if (denies[i] !== 2 || waived[i] !== 2) return undefined;
    const rule = rules[i]!;
    const index = rule.overriddenBy.findIndex((j) => values.exceptions[j] === 2);
    return rule.overriddenByIds[index];
  };

  const reasons: Reason<RuleId, ExceptionId>[] = [];
  const services: ServicesNotCovered<RuleId>[] = [];
  for (let i = 0; i < count; i++) {
    const rule = rules[i]!;
    const applies = values.applies[i]!;
    const holds = values.holds[i]!;
    const status = statusOf(rule.role, applies, holds);
    if (
      rule.role === "servicesExclusion" &&
      rule.services &&
      outcome !== "not_covered" &&
      status !== "not_met" &&
      status !== "not_applicable"
    ) {
      const reason: Reason<RuleId, ExceptionId> = { id: rule.id, kind: rule.kind, text: rule.text, status };
      services.push({
        section: rule.services.section,
        title: rule.services.title,
        status: status === "met" ? "not_covered" : "undetermined",
        reason,
      });
    }
    if (rule.role !== "requirement" && rule.role !== "exclusion") continue;
    const blocks = Math.min(denies[i]!, 2 - waived[i]!);
    const exception = overriddenBy(i);
    const decisive =
      outcome === "not_covered"
        ? blocks === 2
        : outcome === "pending"
          ? blocks === 1
          : (rule.role === "requirement" && applies === 2) || exception !== undefined;
    if (!decisive) continue;
    reasons.push(
      exception === undefined
        ? { id: rule.id, kind: rule.kind, text: rule.text, status }
        : { id: rule.id, kind: rule.kind, text: rule.text, status, overriddenBy: exception },
    );
  }
  // The exceptions a covered decision rests on are among its reasons; a denial's reasons are its denials.
  if (outcome === "covered") {
    for (const j of appliedIds) {
      const exception = exceptions[j]!;
      reasons.push({ id: exception.id, kind: "exception", text: exception.title, status: "met" });
    }
  }

  const missingFacts = outcome === "pending" ? findMissingFacts(table, values, denies, waived, explain) : [];

  const decision: Decision<RuleId, FactName, ExceptionId> = {
    outcome,
    crd: crdCoverage(outcome, priorApprovalRequired),
    reasons,
    missingFacts,
    servicesNotCovered: services,
    exceptionsApplied: appliedIds.map((j) => exceptions[j]!.id),
    priorApprovalRequired,
    asOf,
    policy: policyIdentity(table, revision),
  };
  return withTrace ? { ...decision, trace: buildTrace(table, revision, values, overriddenBy) } : decision;
}

/**
 * The unknown facts that can still change the outcome: those under an undecided denial, found by
 * following only the parts of each condition that are themselves unknown.
 */
function findMissingFacts<RuleId extends string, FactName extends string, ExceptionId extends string>(
  table: PolicyTable<RuleId, FactName, ExceptionId>,
  values: RuleValues,
  denies: readonly number[],
  waived: readonly number[],
  explain: Explain,
): MissingFact<FactName, RuleId | ExceptionId>[] {
  const marked = new Set<number>();
  const mark = (factIndex: number) => marked.add(factIndex);
  const explainedExceptions = new Set<number>();
  table.rules.forEach((rule, i) => {
    if (Math.min(denies[i]!, 2 - waived[i]!) !== 1) return;
    if (denies[i] === 1) {
      if (values.applies[i] === 1) explain("applies", i, mark);
      if (values.holds[i] === 1) explain("holds", i, mark);
    }
    if (waived[i] === 1) {
      for (const j of rule.overriddenBy) {
        if (values.exceptions[j] === 1 && !explainedExceptions.has(j)) {
          explainedExceptions.add(j);
          explain("exception", j, mark);
        }
      }
    }
  });
  return [...marked]
    .sort((a, b) => a - b)
    .map((index) => {
      const fact = table.facts[index]!;
      return { fact: fact.name, question: fact.question, description: fact.description, readBy: fact.readBy };
    });
}

function buildTrace<RuleId extends string, FactName extends string, ExceptionId extends string>(
  table: PolicyTable<RuleId, FactName, ExceptionId>,
  revision: number,
  values: RuleValues,
  overriddenBy: (i: number) => ExceptionId | undefined,
): TraceEntry<RuleId, FactName, ExceptionId>[] {
  const entries: TraceEntry<RuleId, FactName, ExceptionId>[] = table.rules.map((rule, i) => {
    const status = statusOf(rule.role, values.applies[i]!, values.holds[i]!);
    const exception = overriddenBy(i);
    return exception === undefined
      ? { id: rule.id, kind: rule.kind, status, facts: rule.facts }
      : { id: rule.id, kind: rule.kind, status, facts: rule.facts, overriddenBy: exception };
  });
  table.exceptions.forEach((exception, j) => {
    const inForce = revision >= exception.from && (exception.until === undefined || revision < exception.until);
    const status = inForce ? truthStatus(values.exceptions[j]!) : "not_applicable";
    entries.push({ id: exception.id, kind: "exception", status, facts: exception.facts });
  });
  return entries;
}
