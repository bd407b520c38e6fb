// The reference decision of a policy model, straight from its conditions: which rules apply and hold
// on the date, which exceptions set which denials aside, and from that the Decision contract
// (runtime/decision.ts, decide.ts: outcome, reasons, missing facts, services, trace), without the runtime.

import type { Condition, ExceptionModel, PolicyModel, RuleModel } from "../../../compiler/model/policy-model.js";
import type {
  CrdCoverageInformation,
  Decision,
  DecisionCommon,
  DefinitionTraceEntry,
  Limitation,
  MetThrough,
  MissingFact,
  Outcome,
  Reason,
  RuleStatus,
  ServicesNotCovered,
  TraceEntry,
} from "../../../compiler/runtime/decision.js";
import {
  FALSE,
  TRUE,
  UNKNOWN,
  allOf,
  anyOf,
  factsAwaited,
  not,
  truthOf,
  type ConditionScope,
  type FactValue,
  type Truth,
} from "./conditions.js";
import { identityOf, inForce, onDate, revisionOn, type Refusal } from "./revisions.js";
import { readingsReliedOn, type ReadingsReliedOn } from "../../../compiler/model/readings-relied-on.js";
import { rankedMissingFacts } from "./rank-questions.js";
import { referenceCalls } from "./calls.js";

/** Facts as a caller hands them in: nested groups (`{ member: { age: 30 } }`); absent or null is unknown. */
export type NestedFacts = Readonly<Record<string, unknown>>;

/** The value at a dotted name, or undefined when it, or a group on the way, is absent or null. */
function valueAt(facts: NestedFacts, name: string): FactValue | undefined {
  let value: unknown = facts;
  for (const key of name.split(".")) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value === null || value === undefined ? undefined : (value as FactValue);
}

/** The scope of a policy's coverage conditions for one case on one date (`revision` is in force then). */
function coverageScope(model: PolicyModel, facts: NestedFacts, serviceDate: string, revision: number): ConditionScope {
  const definitions = new Map(model.definitions.map((definition) => [definition.name, definition.condition]));
  const rules = new Map(model.rules.map((rule) => [rule.id, rule.condition]));
  const known = <T>(map: ReadonlyMap<string, T>, key: string, what: string): T => {
    const found = map.get(key);
    if (found === undefined) throw new Error(`reference: ${model.reference} has no ${what} ${key}`);
    return found;
  };
  // A statement referred to as met. A criterion: it applies (in force, a part's criteria too, and its
  // sections apply) and it is met. A section: it and the sections around it apply, and each criterion
  // numbered under it (not a part) is met or does not apply.
  const sectionConditions = (id: string): Condition[] =>
    model.outline.flatMap((entry) =>
      entry.kind === "section" && entry.appliesWhen !== undefined && (id === entry.id || id.startsWith(`${entry.id}.`))
        ? [entry.appliesWhen]
        : [],
    );
  const rule = (id: string): RuleModel => {
    const found = model.rules.find((candidate) => candidate.id === id);
    if (found === undefined) throw new Error(`reference: ${model.reference} has no criterion ${id}`);
    return found;
  };
  const criteriaOf = (section: string): RuleModel[] =>
    model.rules.filter((candidate) => candidate.role === "requirement" && candidate.id.startsWith(`${section}.`));
  const applies = (criterion: RuleModel): Truth => {
    for (let owner: RuleModel | undefined = criterion; owner !== undefined;)
      if (!inForce(owner.inForce, revision)) return FALSE;
      else owner = owner.partOf === undefined ? undefined : rule(owner.partOf);
    return allOf(sectionConditions(criterion.id).map((condition) => truthOf(condition, scope)));
  };
  const scope: ConditionScope = {
    serviceDate,
    valueOf: (fact) => valueAt(facts, fact),
    definition: (name) => known(definitions, name, "definition"),
    part: (id) => known(rules, id, "criterion"),
    valueSet: (name) => {
      const found = model.valueSets.find((candidate) => candidate.name === name);
      if (found === undefined) throw new Error(`reference: ${model.reference} has no value set ${name}`);
      return found.entries;
    },
    statement: (target, id) => {
      if (target === "criterion") {
        const criterion = rule(id);
        return allOf([applies(criterion), truthOf(criterion.condition, scope)]);
      }
      return allOf([
        ...sectionConditions(id).map((condition) => truthOf(condition, scope)),
        ...criteriaOf(id).map((criterion) => anyOf([not(applies(criterion)), truthOf(criterion.condition, scope)])),
      ]);
    },
    statementConditions: (target, id) =>
      target === "criterion"
        ? [...sectionConditions(id), rule(id).condition]
        : [
            ...sectionConditions(id),
            ...criteriaOf(id).flatMap((criterion) => [...sectionConditions(criterion.id), criterion.condition]),
          ],
  };
  return scope;
}

/** What each rule and exception comes to on the case: the truths the decision is made of. */
interface RuleTruths {
  /** Per rule: does it apply to this case on this date? A rule not in force does not. */
  readonly applies: readonly Truth[];
  /** Per rule: is it met (a criterion), or does its condition hold (the others)? */
  readonly holds: readonly Truth[];
  /** Per exception: does it apply on this date? */
  readonly exceptions: readonly Truth[];
}

/** The criterion a part belongs to, followed up to a criterion that is not itself a part. */
function owningCriterion(model: PolicyModel, rule: RuleModel): RuleModel {
  let owner = rule;
  while (owner.role === "part") {
    const next = model.rules.find((candidate) => candidate.id === owner.partOf);
    if (next === undefined) throw new Error(`reference: part ${owner.id} belongs to no criterion`);
    owner = next;
  }
  return owner;
}

function ruleTruths(model: PolicyModel, scope: ConditionScope, revision: number): RuleTruths {
  // A rule applies when it is in force and every enclosing section's `applies when` holds. A part
  // is read only through its criterion, so it applies exactly when that criterion does.
  const appliesOnItsOwn = (rule: RuleModel): Truth =>
    inForce(rule.inForce, revision)
      ? allOf(rule.applicability.map(({ condition }) => truthOf(condition, scope)))
      : FALSE;
  return {
    // A part not in force (added after its criterion) does not apply, whatever its criterion does.
    applies: model.rules.map((rule) =>
      inForce(rule.inForce, revision) ? appliesOnItsOwn(owningCriterion(model, rule)) : FALSE,
    ),
    holds: model.rules.map((rule) => truthOf(rule.condition, scope)),
    exceptions: model.exceptions.map((exception) =>
      inForce(exception.inForce, revision) ? truthOf(exception.condition, scope) : FALSE,
    ),
  };
}

/** Does the rule deny coverage? A requirement when it applies and is not met; an exclusion when it applies and holds. */
function denialOf(rule: RuleModel, applies: Truth, holds: Truth): Truth {
  if (rule.role === "requirement") return allOf([applies, not(holds)]);
  if (rule.role === "exclusion") return allOf([applies, holds]);
  return FALSE; // parts count only through their criterion; excluded services leave coverage alone
}

function statusOf(value: Truth): RuleStatus {
  return value === TRUE ? "met" : value === FALSE ? "not_met" : "pending";
}

/** A criterion is `met` when it applies and is satisfied; an exclusion or note is `met` when it fires. */
function ruleStatus(rule: RuleModel, applies: Truth, holds: Truth): RuleStatus {
  if (applies === FALSE) return "not_applicable";
  const isCriterion = rule.role === "requirement" || rule.role === "part";
  // Where it is unknown whether a criterion applies, it is still satisfied if it is met anyway.
  return statusOf(isCriterion ? anyOf([not(applies), holds]) : allOf([applies, holds]));
}

function crdOf(outcome: Outcome, priorApprovalRequired: boolean): CrdCoverageInformation {
  if (outcome === "covered") return { covered: "covered", paNeeded: priorApprovalRequired ? "auth-needed" : "no-auth" };
  if (outcome === "not_covered") return { covered: "not-covered" };
  return { covered: "conditional", paNeeded: "conditional", docNeeded: "clinical" };
}

/** One rule's standing in the decision. */
interface RuleFinding {
  readonly rule: RuleModel;
  readonly applies: Truth;
  readonly holds: Truth;
  readonly denial: Truth;
  /** The exceptions that override the rule, in the order the policy declares them, with their truths. */
  readonly overriders: readonly { readonly exception: ExceptionModel; readonly applies: Truth }[];
  /** Is the denial set aside by an exception? */
  readonly waived: Truth;
  /** Does the rule's denial stand? */
  readonly standing: Truth;
}

function findings(model: PolicyModel, truths: RuleTruths): RuleFinding[] {
  return model.rules.map((rule, index) => {
    const applies = truths.applies[index] ?? FALSE;
    const holds = truths.holds[index] ?? FALSE;
    const denial = denialOf(rule, applies, holds);
    const overriders = model.exceptions.flatMap((exception, j) =>
      exception.overrides.includes(rule.id) ? [{ exception, applies: truths.exceptions[j] ?? FALSE }] : [],
    );
    const waived = anyOf(overriders.map(({ applies: exceptionApplies }) => exceptionApplies));
    return { rule, applies, holds, denial, overriders, waived, standing: allOf([denial, not(waived)]) };
  });
}

/** The exception that surely set aside a sure denial: the first of its overriders that surely applies. */
function setAsideBy(finding: RuleFinding): string | undefined {
  if (finding.denial !== TRUE || finding.waived !== TRUE) return undefined;
  return finding.overriders.find(({ applies }) => applies === TRUE)?.exception.id;
}

function reasonOf(
  id: string,
  kind: Reason["kind"],
  text: string,
  status: RuleStatus,
  overriddenBy: string | undefined,
  readings: readonly string[],
): Reason {
  return overriddenBy === undefined
    ? { id, kind, text, status, readings }
    : { id, kind, text, status, overriddenBy, readings };
}

/**
 * The readings a reason naming the rule of `finding` (as it stands on the service date) relies on:
 * its fixed ones, then those of each exception that may set it aside and applies or may apply.
 */
function ruleReadings(undated: PolicyModel, relied: ReadingsReliedOn, finding: RuleFinding): readonly string[] {
  const declared = undated.rules.find((candidate) => candidate.id === finding.rule.id) ?? finding.rule;
  const exceptions = finding.overriders.flatMap(({ exception, applies }) =>
    applies === FALSE ? [] : relied.exception(exception.id),
  );
  return [...new Set([...relied.rule(declared, finding.rule), ...exceptions])];
}

export interface ReferenceOptions {
  readonly asOf: string;
  readonly trace?: boolean;
}

/** The decision the policy model gives for `facts` on `options.asOf`, or the refusal of a date before the policy. */
export function referenceDecision(
  undated: PolicyModel,
  facts: NestedFacts,
  options: ReferenceOptions,
): Decision | Refusal {
  const revision = revisionOn(undated, options.asOf);
  if (revision === undefined) return { refused: ["asOf"] };
  const model = onDate(undated, options.asOf);
  const relied = readingsReliedOn(undated);
  const scope = coverageScope(model, facts, options.asOf, revision);
  const truths = ruleTruths(model, scope, revision);
  const ruled = findings(model, truths);

  const denied = anyOf(ruled.map(({ standing }) => standing));
  const outcome: Outcome = denied === TRUE ? "not_covered" : denied === UNKNOWN ? "pending" : "covered";

  // An exception is applied when it surely applies and sets aside a rule that surely denies.
  const applied = model.exceptions.filter(
    (exception, j) =>
      truths.exceptions[j] === TRUE &&
      ruled.some(({ denial, rule }) => denial === TRUE && exception.overrides.includes(rule.id)),
  );
  const priorApprovalRequired = outcome === "covered" && applied.some((exception) => exception.requiresPriorApproval);

  const reasons: Reason[] = [];
  for (const finding of ruled) {
    const { rule, applies, holds, standing } = finding;
    if (rule.role !== "requirement" && rule.role !== "exclusion") continue;
    const overriddenBy = setAsideBy(finding);
    // Not covered: the sure denials. Pending: the undecided ones. Covered: the criteria that applied
    // and were met, and the rules an exception set aside.
    const decisive =
      outcome === "not_covered"
        ? standing === TRUE
        : outcome === "pending"
          ? standing === UNKNOWN
          : (rule.role === "requirement" && applies === TRUE) || overriddenBy !== undefined;
    if (decisive) {
      const status = ruleStatus(rule, applies, holds);
      const reason = reasonOf(
        rule.id,
        rule.kind,
        rule.text,
        status,
        overriddenBy,
        ruleReadings(undated, relied, finding),
      );
      const calls = status === "not_applicable" ? [] : referenceCalls(model, rule.condition, scope);
      reasons.push(calls.length === 0 ? reason : { ...reason, calls });
    }
  }
  if (outcome === "covered") {
    for (const exception of applied) {
      const reason = reasonOf(
        exception.id,
        "exception",
        exception.title,
        "met",
        undefined,
        relied.exception(exception.id),
      );
      const calls = referenceCalls(model, exception.condition, scope);
      reasons.push(calls.length === 0 ? reason : { ...reason, calls });
    }
  }

  const path = outcome === "covered" ? qualifyingPath(model, scope, truths) : { qualifiedUnder: [], limitations: [] };
  const crd = crdOf(outcome, priorApprovalRequired);
  // NOTE: built as one literal, like the runtime's: the union's invariants hold by construction.
  const decision: DecisionCommon = {
    outcome,
    crd:
      path.limitations.length === 0 || crd.covered !== "covered"
        ? crd
        : { ...crd, detail: path.limitations.map((limitation) => ({ code: "instructions", value: limitation.text })) },
    qualifiedUnder: path.qualifiedUnder,
    limitations: path.limitations,
    reasons,
    missingFacts: outcome === "pending" ? missingFacts(undated, model, scope, ruled) : [],
    servicesNotCovered:
      outcome === "not_covered"
        ? []
        : servicesNotCovered(model, ruled, (finding) => ruleReadings(undated, relied, finding)),
    exceptionsApplied: applied.map((exception) => exception.id),
    priorApprovalRequired,
    asOf: options.asOf,
    policy: identityOf(undated, revision),
  };
  return (
    options.trace === true
      ? {
          ...decision,
          trace: trace(model, revision, truths, ruled, scope),
          definitionTrace: definitionTrace(undated, scope),
        }
      : decision
  ) as Decision;
}

/**
 * A covered decision's qualifying path: from each criterion that applied and was met, down through
 * what was met (every operand of an `and`; the operands of an `or` or `at least` that hold), the
 * named operands of an `or` or `at least` that hold (parts, criteria and sections referred to), in the
 * order the policy states them; and the limitations of the statements gone through.
 */
function qualifyingPath(
  model: PolicyModel,
  scope: ConditionScope,
  truths: RuleTruths,
): { qualifiedUnder: string[]; limitations: Limitation[] } {
  const through = new Set<string>();
  const qualified = new Set<string>();
  const indexOf = (id: string) => model.rules.findIndex((rule) => rule.id === id);
  const met = (id: string) => truths.applies[indexOf(id)] === TRUE && truths.holds[indexOf(id)] === TRUE;
  const goThrough = (rule: RuleModel): void => {
    if (through.has(rule.id)) return;
    through.add(rule.id);
    walk(rule.condition);
  };
  const walk = (condition: Condition): void => {
    switch (condition.kind) {
      case "and":
        condition.operands.forEach(walk);
        return;
      case "or":
      case "atLeast":
        for (const operand of condition.operands) {
          if (truthOf(operand, scope) !== TRUE) continue;
          if (operand.kind === "part" || operand.kind === "statement") qualified.add(operand.id);
          walk(operand);
        }
        return;
      case "part": {
        const part = model.rules[indexOf(condition.id)];
        if (
          part !== undefined &&
          truths.applies[indexOf(condition.id)] !== FALSE &&
          truthOf(part.condition, scope) === TRUE
        )
          goThrough(part);
        return;
      }
      case "statement": {
        if (scope.statement(condition.target, condition.id) !== TRUE) return;
        const criteria =
          condition.target === "criterion"
            ? model.rules.filter((rule) => rule.id === condition.id)
            : model.rules.filter((rule) => rule.role === "requirement" && rule.id.startsWith(`${condition.id}.`));
        for (const criterion of criteria) if (met(criterion.id)) goThrough(criterion);
        return;
      }
      default:
        return;
    }
  };
  for (const rule of model.rules) if (rule.role === "requirement" && met(rule.id)) goThrough(rule);
  const order = model.outline.map((entry) => entry.id);
  const limitations = model.outline.flatMap((entry): Limitation[] => {
    const limitedTo =
      entry.kind === "section" ? entry.limitedTo : model.rules.find((rule) => rule.id === entry.id)?.limitedTo;
    if (limitedTo === undefined) return [];
    const reached = [...through].some(
      (id) => id === entry.id || (entry.kind === "section" && id.startsWith(`${entry.id}.`)),
    );
    return reached ? [{ id: entry.id, text: limitedTo }] : [];
  });
  return { qualifiedUnder: order.filter((id) => qualified.has(id)), limitations };
}

/**
 * Every definition some rule (any version, its sections included) or exception uses, directly or
 * through another definition, in the model's order, with its truth and the facts it reads.
 */
function definitionTrace(model: PolicyModel, scope: ConditionScope): DefinitionTraceEntry[] {
  const byName = new Map(model.definitions.map((definition) => [definition.name, definition.condition]));
  const used = new Set<string>();
  const facts = (condition: Condition, into: Set<string>): void => {
    switch (condition.kind) {
      case "fact":
      case "oneOf":
      case "contains":
        into.add(condition.fact);
        return;
      case "compare":
      case "dateWindow":
        for (const term of condition.kind === "compare"
          ? [condition.left, condition.right]
          : [condition.date, condition.anchor]) {
          const read = term.kind === "shifted" ? term.date : term;
          if (read.kind === "fact") into.add(read.fact);
        }
        return;
      case "not":
        facts(condition.operand, into);
        return;
      case "and":
      case "or":
      case "atLeast":
        for (const operand of condition.operands) facts(operand, into);
        return;
      case "definition":
        used.add(condition.name);
        facts(byName.get(condition.name) ?? { kind: "constant", value: false }, into);
        return;
      default:
        return;
    }
  };
  const ignored = new Set<string>();
  for (const rule of model.rules)
    for (const condition of [
      rule.condition,
      ...rule.earlier.map((version) => version.condition),
      ...rule.applicability.map((entry) => entry.condition),
    ])
      facts(condition, ignored);
  for (const exception of model.exceptions) facts(exception.condition, ignored);
  const order = model.facts.map((fact) => fact.name);
  return model.definitions.flatMap((definition): DefinitionTraceEntry[] => {
    if (!used.has(definition.name)) return [];
    const read = new Set<string>();
    facts(definition.condition, read);
    const truth = truthOf(definition.condition, scope);
    return [
      {
        name: definition.name,
        label: definition.label,
        status: truth === TRUE ? "met" : truth === FALSE ? "not_met" : "pending",
        facts: order.filter((fact) => read.has(fact)),
      },
    ];
  });
}

/** The services a section excludes on this case (surely, or maybe), when coverage is not denied outright. */
function servicesNotCovered(
  model: PolicyModel,
  ruled: readonly RuleFinding[],
  readingsOf: (finding: RuleFinding) => readonly string[],
): ServicesNotCovered[] {
  const titles = new Map(
    model.outline.flatMap((entry) => (entry.kind === "section" ? [[entry.id, entry.title] as const] : [])),
  );
  return ruled.flatMap((finding) => {
    const { rule, applies, holds } = finding;
    if (rule.role !== "servicesExclusion" || rule.servicesOf === undefined) return [];
    const status = ruleStatus(rule, applies, holds);
    if (status === "not_met" || status === "not_applicable") return [];
    return [
      {
        section: rule.servicesOf,
        title: titles.get(rule.servicesOf) ?? rule.servicesOf,
        status: status === "met" ? "not_covered" : "pending",
        reason: reasonOf(rule.id, rule.kind, rule.text, status, undefined, readingsOf(finding)),
      },
    ];
  });
}

/**
 * The unknown facts that could still change a pending outcome: for each denial left undecided,
 * those its applicability or its condition waits on, and those an undecided exception that could
 * set it aside waits on. Ranked as rank-questions.ts says.
 */
function missingFacts(
  undated: PolicyModel,
  model: PolicyModel,
  scope: ConditionScope,
  ruled: readonly RuleFinding[],
): MissingFact[] {
  const awaited = new Set<string>();
  const awaitFacts = (condition: Condition) => factsAwaited(condition, scope, awaited);
  for (const { rule, applies, holds, denial, overriders, waived, standing } of ruled) {
    if (standing !== UNKNOWN) continue;
    if (denial === UNKNOWN) {
      // Only criteria and exclusions deny, and neither is a part: their applicability is their own.
      if (applies === UNKNOWN) for (const { condition } of rule.applicability) awaitFacts(condition);
      if (holds === UNKNOWN) awaitFacts(rule.condition);
    }
    if (waived === UNKNOWN) {
      for (const { exception, applies: exceptionApplies } of overriders)
        if (exceptionApplies === UNKNOWN) awaitFacts(exception.condition);
    }
  }
  const undecided = ruled.filter(({ standing }) => standing === UNKNOWN);
  return rankedMissingFacts(undated, model.facts, awaited, undecided, scope);
}

/** Every rule with its status, then every exception: whether it applied, or not_applicable when not in force. */
/**
 * What a met criterion was met through: down every operand of an `and` and the met operands of an
 * `or` or `at least`, each definition, part or referred statement that holds, first seen first.
 */
function metThrough(condition: Condition, scope: ConditionScope): MetThrough[] {
  const found: MetThrough[] = [];
  const add = (kind: MetThrough["kind"], id: string) => {
    if (!found.some((entry) => entry.kind === kind && entry.id === id)) found.push({ kind, id });
  };
  const walk = (inner: Condition): void => {
    if (inner.kind === "and") inner.operands.forEach(walk);
    else if (inner.kind === "or" || inner.kind === "atLeast")
      inner.operands.filter((operand) => truthOf(operand, scope) === TRUE).forEach(walk);
    else if (inner.kind === "definition" && truthOf(inner, scope) === TRUE) add("definition", inner.name);
    else if (inner.kind === "part" && truthOf(inner, scope) === TRUE) add("part", inner.id);
    else if (inner.kind === "statement" && truthOf(inner, scope) === TRUE) add(inner.target, inner.id);
  };
  walk(condition);
  return found;
}

function trace(
  model: PolicyModel,
  revision: number,
  truths: RuleTruths,
  ruled: readonly RuleFinding[],
  scope: ConditionScope,
): TraceEntry[] {
  const rules = ruled.map((finding): TraceEntry => {
    const { rule, applies, holds } = finding;
    const status = ruleStatus(rule, applies, holds);
    const overriddenBy = setAsideBy(finding);
    const through =
      status === "met" && holds === TRUE && (rule.role === "requirement" || rule.role === "part")
        ? metThrough(rule.condition, scope)
        : [];
    const calls = status === "not_applicable" ? [] : referenceCalls(model, rule.condition, scope);
    return {
      id: rule.id,
      kind: rule.kind,
      status,
      facts: rule.facts,
      ...(overriddenBy !== undefined && { overriddenBy }),
      ...(through.length > 0 && { metThrough: through }),
      ...(calls.length > 0 && { calls }),
    };
  });
  const exceptions = model.exceptions.map((exception, j): TraceEntry => {
    const status = inForce(exception.inForce, revision) ? statusOf(truths.exceptions[j] ?? FALSE) : "not_applicable";
    const calls = status === "not_applicable" ? [] : referenceCalls(model, exception.condition, scope);
    return {
      id: exception.id,
      kind: "exception",
      status,
      facts: exception.facts,
      ...(calls.length > 0 && { calls }),
    };
  });
  return [...rules, ...exceptions];
}
