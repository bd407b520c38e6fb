// A policy's declaration made ready to evaluate, once, when its module loads: every reference by id
// turned into a position in the runtime's own arrays (the generated code never holds a position),
// the facts grouped as the input nests them, and the order in which parts must be computed.

import { callPlanOf, type CallPlan, type DefinitionIndex } from "./definition-calls.js";
import type { CodeSystem } from "./codes.js";
import type {
  Condition,
  DefinitionEntry,
  Term,
  FactEntry,
  Lifetime,
  PolicyDeclaration,
  Revision,
  RuleEntry,
  SectionEntry,
} from "./policy-table.js";
import type {
  DefinitionTraceEntry,
  Limitation,
  MissingFact,
  PolicyIdentity,
  Reason,
  RuleKind,
  RuleStatus,
  TraceEntry,
} from "./decision.js";
import type { Truth } from "./truth.js";
import type { ExplainIndex } from "./explain.js";
import { viewMaker } from "./named-values.js";
import { fieldPlans, type FieldPlan } from "./records.js";
import { slotsMaker, type AnyGroupReader } from "./group-readers.js";
import { missingFactEntries, questionKeysOf, type QuestionKeys } from "./question-groups.js";

/** A group of facts as the input nests it: `member` holds `age`; the root holds the groups. */
export interface FactGroupPlan {
  /** The group's dotted path (`member`), empty for the root. */
  readonly path: string;
  /** The group's key in its parent. */
  readonly key: string;
  /** Every key the group may hold: its facts' and its subgroups'. */
  readonly keys: ReadonlySet<string>;
  readonly facts: readonly FactPlan[];
  readonly groups: readonly FactGroupPlan[];
  /** Its facts by key, and its subgroups' places in `groups` by key: what the reader looks a caller's key up in. */
  readonly factByKey: ReadonlyMap<string, FactPlan>;
  readonly groupByKey: ReadonlyMap<string, number>;
  /** The facts of the group and of its subgroups, at any depth: what its generated reader reads. */
  readonly subtreeFacts: readonly FactPlan[];
  /** The generated module's reader of this group and its subgroups (group-readers.ts), when it has one: tried first. */
  readonly reader: AnyGroupReader | undefined;
  /** For the root, when any group has a reader: makes the named slots the readers write into. */
  readonly slots: ((values: unknown[]) => object) | undefined;
  /** For the root: each fact unknown, by position (a yes-or-no fact is the truth 1), where readers start from. */
  readonly unknownValues: readonly unknown[];
}

/** The generated module's group readers, by the group's dotted path (`member`; `""` for the root). */
export type GroupReaders = { readonly [path: string]: AnyGroupReader };

// NOTE: the prepared forms below copy what evaluation reads into objects of one shape each (every
// field present, undefined when absent): the declaration's entries differ in their optional fields,
// and reading a field from objects of many shapes is slow in V8.

export interface FactPlan {
  readonly name: string;
  /** Its position in the fact table, and in the values read. */
  readonly position: number;
  /** The fact's key in its group: `age` for `member.age`. */
  readonly key: string;
  readonly kind: FactEntry["type"]["kind"];
  readonly min: number;
  readonly max: number;
  /** For a one-of or set fact, its values. */
  readonly values: ReadonlySet<string> | undefined;
  /** For a list fact, the fields of its records (none for any other fact). */
  readonly fields: readonly FieldPlan[];
  /** For a fact of codes, their system. */
  readonly system: CodeSystem | undefined;
}

/** One of each, by the status it reports. */
export interface ByStatus<T> {
  readonly met: T;
  readonly not_met: T;
  readonly pending: T;
  readonly not_applicable: T;
}

export interface PreparedRule<S> {
  readonly id: string;
  readonly kind: RuleEntry<S, string, string, string>["kind"];
  readonly role: RuleEntry<S, string, string, string>["role"];
  readonly text: string;
  readonly facts: readonly string[];
  readonly services: { readonly section: string; readonly title: string } | undefined;
  readonly when: Condition;
  /** How the definitions `when` calls are found on a case, when it calls any: its reasons then say what each call was given. */
  readonly calls: CallPlan | undefined;
  readonly holds: (scope: S) => Truth;
  readonly from: number;
  readonly until: number;
  /** Positions in `sections` of the sections it applies within. */
  readonly sections: readonly number[];
  /** For a part, the position of the criterion (not a part) it belongs to; its own position otherwise. */
  readonly criterion: number;
  /** Positions in `exceptions` of the exceptions that may set it aside. */
  readonly overriddenBy: readonly number[];
  /**
   * Its reason and its trace entry (when no exception set it aside), for each status, made once and
   * frozen: every decision that reports the rule with that status shares them.
   */
  readonly reasons: ByStatus<Reason>;
  /**
   * Its reasons on a case where every exception that may set it aside applies or may apply (the
   * common case of a rule with exceptions): with their readings after its own, made once
   * (reason-readings.ts); its plain reasons when they add none.
   */
  readonly reasonsWithExceptions: ByStatus<Reason>;
  readonly traceEntries: ByStatus<TraceEntry>;
  /** The readings a reason naming it relies on (frozen, shared). */
  readonly readings: readonly string[];
}

/**
 * What a period of service dates is judged by: each rule with the words and logic of its version in
 * force then (the very objects of `rules` for a rule that never changed), whether each rule and
 * exception is in force.
 */
export interface PeriodPlan<S> {
  readonly rules: readonly PreparedRule<S>[];
  readonly ruleInForce: readonly boolean[];
  readonly exceptionInForce: readonly boolean[];
  /** The condition of each part as it stands then, by id. */
  readonly partsById: ReadonlyMap<string, Condition>;
  /** Per rule: whether its condition then names a part or another statement (the qualifying path descends only into those). */
  readonly namesStatements: readonly boolean[];
  /** Per rule: whether its condition then names a definition, a part or another statement (what a trace says it was met through). */
  readonly namesAnything: readonly boolean[];
}

/**
 * One step of computing the rules' truths, in dependency order: a rule (its parts and the statements
 * it refers to come before it), or a section referred to as met, once its criteria are computed.
 */
export interface TruthStep {
  /** The rule computed at this step; -1 for a section referred to as met. */
  readonly rule: number;
  /** Its position in the parts' values when it is a part, else -1. */
  readonly part: number;
  /** Its position in `references` (and the values read as `met`) when referred to, else -1. */
  readonly met: number;
}

/** A statement referred to as met (StatementReferenceEntry), with positions for ids. */
export interface PreparedReference {
  readonly id: string;
  readonly target: "criterion" | "section";
  /** Positions in `rules`. */
  readonly criteria: readonly number[];
  /** Positions in `sections`. */
  readonly sections: readonly number[];
}

/** A `limited to`, as a covered decision reports it (frozen, shared), and the rules that bring it in. */
export interface PreparedLimitation {
  readonly reported: Limitation<string, string>;
  readonly criteria: readonly number[];
}

/** A change to a statement: from revision `revision` on, it stands as `state` (undefined: not in force). */
interface StatementEvent<T> {
  readonly revision: number;
  readonly state: T | undefined;
}

/**
 * What a statement stands as in a period, given the revisions in effect then (their effective date on
 * or before the period's start): the state set by the latest of those revisions, in log order, that
 * changed it. NOTE: judging each statement by its own changes, not the whole policy by the latest
 * revision, is what lets a revision take effect retroactively without carrying along the changes of
 * the revisions listed between (docs/language.md, "Revisions").
 */
function stateIn<T>(events: readonly StatementEvent<T>[], inEffect: readonly boolean[]): T | undefined {
  let state: T | undefined;
  let latest = -1;
  for (const event of events)
    if (inEffect[event.revision] === true && event.revision > latest) {
      latest = event.revision;
      state = event.state;
    }
  return state;
}

export interface PreparedException<S> {
  readonly id: string;
  readonly title: string;
  /** The reason a covered decision gives when the exception was applied (frozen, shared). */
  readonly appliedReason: Reason;
  /** Its trace entry for each status (frozen, shared). */
  readonly traceEntries: ByStatus<TraceEntry>;
  readonly requiresPriorApproval: boolean;
  /** Its readings (frozen, shared): what a reason relies on when the exception applied or may apply. */
  readonly readings: readonly string[];
  readonly facts: readonly string[];
  readonly when: Condition;
  /** How the definitions `when` calls are found on a case, when it calls any: its reason and trace entry then say what each call was given. */
  readonly calls: CallPlan | undefined;
  readonly applies: (scope: S) => Truth;
  readonly from: number;
  readonly until: number;
}

export interface PreparedPolicy<S, RuleId extends string, FactName extends string, ExceptionId extends string> {
  readonly declaration: PolicyDeclaration<S, RuleId, FactName, ExceptionId>;
  readonly reference: string;
  readonly title: string;
  readonly sourceHash: string;
  readonly revisions: readonly Revision[];
  /** Per revision, in the order of `revisions`: the policy's identity as a decision reports it (frozen, shared). */
  readonly identities: readonly PolicyIdentity[];
  readonly effectiveDates: readonly string[];
  readonly rules: readonly PreparedRule<S>[];
  /**
   * The periods a service date falls in: the distinct effective dates, in date order (a date is in
   * the period of the last one on or before it). See `periods` for what each period is judged by.
   */
  readonly periodStarts: readonly string[];
  /**
   * Per revision: the position in `periodStarts` of its effective date, the period of any date that
   * revision is in force on. Undefined when the revisions are not in date order (then a date's
   * period is looked up by its date).
   */
  readonly periodOfRevision: readonly number[] | undefined;
  /** Per period: the rules as they stand then, in the order of `rules`. */
  readonly periods: readonly PeriodPlan<S>[];
  /** Positions in `rules` of the parts, in the order `steps` computes them (each before what reads it). */
  readonly partOrder: readonly number[];
  /** Every rule and referred statement, each after what it reads. */
  readonly steps: readonly TruthStep[];
  readonly references: readonly PreparedReference[];
  readonly limitations: readonly PreparedLimitation[];
  /** Whether a covered decision looks for its qualifying path: some alternative is named, or some statement is limited. */
  readonly tracesPath: boolean;
  /** Each rule's position by id. */
  readonly rulePosition: ReadonlyMap<string, number>;
  /** Where each rule or referred section stands in the source, for listing them in source order. */
  readonly sourceRank: ReadonlyMap<string, number>;
  readonly sections: readonly SectionEntry<S>[];
  readonly exceptions: readonly PreparedException<S>[];
  readonly definitions: readonly DefinitionEntry<S>[];
  /** Per definition, in the order of `definitions`: its trace entry for each truth (frozen, shared). */
  readonly definitionTraceEntries: readonly (readonly DefinitionTraceEntry[])[];
  /** Where the values each condition names are kept, for finding a pending decision's missing facts. */
  readonly explainIndex: ExplainIndex;
  readonly facts: readonly FactEntry<FactName>[];
  /** Views of the values computed for a case, by name (see named-values.ts). */
  readonly factView: (values: readonly unknown[]) => Readonly<Record<string, unknown>>;
  readonly definitionView: (values: readonly unknown[]) => Readonly<Record<string, unknown>>;
  /** The parts' values are in the order they are computed, `partOrder`. */
  readonly partView: (values: readonly unknown[]) => Readonly<Record<string, unknown>>;
  /** The referred statements' values, in the order of `references`. */
  readonly metView: (values: readonly unknown[]) => Readonly<Record<string, unknown>>;
  /** Per fact, in the order of `facts`: how a pending decision asks for it (frozen, shared). */
  readonly missingFacts: readonly MissingFact<FactName, RuleId | ExceptionId>[];
  /** Per fact, by position: the question it is asked in (question-groups.ts), as a number (see `questionKeysOf`). */
  readonly questionKeys: QuestionKeys;
  readonly input: FactGroupPlan;
}

const statuses: readonly RuleStatus[] = ["met", "not_met", "pending", "not_applicable"];

function byStatus<T>(make: (status: RuleStatus) => T): ByStatus<T> {
  const [met, notMet, pending, notApplicable] = statuses.map((status) => Object.freeze(make(status)));
  return Object.freeze({ met: met!, not_met: notMet!, pending: pending!, not_applicable: notApplicable! });
}

function traceEntries(id: string, kind: RuleKind, facts: readonly string[]): ByStatus<TraceEntry> {
  return byStatus((status) => ({ id, kind, status, facts }));
}

const NO_READINGS: readonly string[] = Object.freeze([]);

/** A statement's readings, frozen: shared by every reason that names it. */
function frozenReadings(readings: readonly string[] | undefined): readonly string[] {
  return readings === undefined || readings.length === 0 ? NO_READINGS : Object.freeze([...readings]);
}

function policyError(reference: string, problem: string): Error {
  return new Error(`policyc runtime: the declaration of ${reference} ${problem}; rebuild it with \`npm run build\`.`);
}

interface MutableGroup {
  readonly path: string;
  readonly key: string;
  readonly facts: FactPlan[];
  readonly groups: Map<string, MutableGroup>;
}

function frozenGroup(group: MutableGroup, readers: GroupReaders): FactGroupPlan {
  const groups = [...group.groups.values()].map((child) => frozenGroup(child, readers));
  return {
    path: group.path,
    key: group.key,
    keys: new Set([...group.facts.map((fact) => fact.key), ...group.groups.keys()]),
    facts: group.facts,
    groups,
    factByKey: new Map(group.facts.map((fact) => [fact.key, fact])),
    groupByKey: new Map(groups.map((child, index) => [child.key, index])),
    subtreeFacts: [...group.facts, ...groups.flatMap((child) => child.subtreeFacts)],
    reader: Object.hasOwn(readers, group.path) ? readers[group.path] : undefined,
    slots: undefined,
    unknownValues: [],
  };
}

/** The facts nested as the input holds them, each group in the order its first fact is declared. */
function inputPlan(facts: readonly FactEntry[], readers: GroupReaders): FactGroupPlan {
  const root: MutableGroup = { path: "", key: "", facts: [], groups: new Map() };
  facts.forEach((entry, position) => {
    const parts = entry.name.split(".");
    let group = root;
    for (const part of parts.slice(0, -1)) {
      let next = group.groups.get(part);
      if (next === undefined) {
        next = { path: group.path === "" ? part : `${group.path}.${part}`, key: part, facts: [], groups: new Map() };
        group.groups.set(part, next);
      }
      group = next;
    }
    const type = entry.type;
    group.facts.push({
      name: entry.name,
      position,
      key: parts.at(-1) ?? "",
      kind: type.kind,
      min: type.kind === "number" ? (type.min ?? -Infinity) : -Infinity,
      max: type.kind === "number" ? (type.max ?? Infinity) : Infinity,
      values: type.kind === "oneOf" || type.kind === "setOf" ? new Set(type.values) : undefined,
      fields: fieldPlans(type),
      system: type.kind === "code" || type.kind === "codes" ? type.system : undefined,
    });
  });
  const plan = frozenGroup(root, readers);
  const slots = Object.keys(readers).length > 0 ? slotsMaker(facts.map((fact) => fact.name)) : undefined;
  const unknownValues = facts.map((fact) => (fact.type.kind === "boolean" ? 1 : undefined));
  return { ...plan, slots, unknownValues };
}

/**
 * Each definition's trace entries, by truth (0, 1, 2), with the facts it reads (through the
 * definitions it uses) in the fact table's order. `definitions` is in dependency order.
 */
function definitionTraceEntries<S>(
  definitions: readonly DefinitionEntry<S>[],
  facts: readonly FactEntry[],
): (readonly DefinitionTraceEntry[])[] {
  const order = new Map(facts.map((fact, index) => [fact.name, index]));
  const read = new Map<string, ReadonlySet<string>>();
  return definitions.map((definition) => {
    const found = new Set<string>();
    const term = (value: Term): void => {
      if (value.kind === "fact") found.add(value.fact);
      else if (value.kind === "shifted") term(value.date);
    };
    for (const inner of nested(definition.when)) {
      if (inner.kind === "fact" || inner.kind === "oneOf" || inner.kind === "contains") found.add(inner.fact);
      else if (inner.kind === "compare") [inner.left, inner.right].forEach(term);
      else if (inner.kind === "between") [inner.date, inner.from, inner.to].forEach(term);
      else if (inner.kind === "definition") for (const fact of read.get(inner.name) ?? []) found.add(fact);
    }
    read.set(definition.name, found);
    const reads = Object.freeze([...found].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)));
    const entry = (status: DefinitionTraceEntry["status"]): DefinitionTraceEntry =>
      Object.freeze({ name: definition.name, label: definition.label, status, facts: reads });
    return Object.freeze([entry("not_met"), entry("pending"), entry("met")]);
  });
}

/** Every condition nested in `condition`, itself included. */
function* nested(condition: Condition): Generator<Condition> {
  yield condition;
  if (condition.kind === "not") yield* nested(condition.operand);
  else if (condition.kind === "and" || condition.kind === "or" || condition.kind === "atLeast")
    for (const operand of condition.operands) yield* nested(operand);
}

/** A part or another statement, named in a condition. */
function isNamed(condition: Condition): boolean {
  return condition.kind === "part" || condition.kind === "statement";
}

function namesAnything(condition: Condition): boolean {
  for (const inner of nested(condition)) if (isNamed(inner) || inner.kind === "definition") return true;
  return false;
}

function namesStatements(condition: Condition): boolean {
  for (const inner of nested(condition)) if (isNamed(inner)) return true;
  return false;
}

/** Some `or` or `at least N of` in the condition has an operand that names a part or a statement. */
function branchesOverNames(condition: Condition): boolean {
  for (const inner of nested(condition))
    if ((inner.kind === "or" || inner.kind === "atLeast") && inner.operands.some(isNamed)) return true;
  return false;
}

/**
 * The order the rules' truths are computed in: each rule after the parts and statements its
 * conditions (every version) read, each referred section after its criteria; otherwise in the
 * policy's order. The checker refuses cycles (PC121); one here is a declaration built by hand.
 */
function truthSteps<S>(
  rules: readonly RuleEntry<S, string, string, string>[],
  references: readonly PreparedReference[],
  rulePosition: ReadonlyMap<string, number>,
  referencePosition: ReadonlyMap<string, number>,
  reference: string,
): TruthStep[] {
  const count = rules.length;
  const metOfRule = new Array<number>(count).fill(-1);
  references.forEach((entry, slot) => {
    if (entry.target === "criterion") metOfRule[entry.criteria[0]!] = slot;
  });
  // Nodes: a rule is its position; a referred section is count + its slot.
  const needs = (node: number): number[] => {
    if (node >= count) return [...references[node - count]!.criteria];
    const entry = rules[node]!;
    const found: number[] = [];
    for (const when of [entry.when, ...(entry.earlier ?? []).map((version) => version.when)])
      for (const inner of nested(when)) {
        if (inner.kind === "part") found.push(rulePosition.get(inner.id) ?? -1);
        else if (inner.kind === "statement") {
          const slot = referencePosition.get(inner.id) ?? -1;
          const target = references[slot];
          found.push(target === undefined ? -1 : target.target === "criterion" ? target.criteria[0]! : count + slot);
        }
      }
    if (found.includes(-1)) throw policyError(reference, `has ${entry.id} read a statement it does not declare`);
    return found;
  };
  const state = new Uint8Array(count + references.length); // 0 new, 1 on the path, 2 done
  const steps: TruthStep[] = [];
  let parts = 0;
  const visit = (start: number): void => {
    const stack: { node: number; next: number[]; index: number }[] = [{ node: start, next: needs(start), index: 0 }];
    state[start] = 1;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const node = frame.next[frame.index++];
      if (node === undefined) {
        stack.pop();
        state[frame.node] = 2;
        const rule = frame.node < count ? frame.node : -1;
        steps.push({
          rule,
          part: rule >= 0 && rules[rule]!.role === "part" ? parts++ : -1,
          met: rule >= 0 ? metOfRule[rule]! : frame.node - count,
        });
        continue;
      }
      if (state[node] === 2) continue;
      if (state[node] === 1) throw policyError(reference, "has statements that are met through each other");
      state[node] = 1;
      stack.push({ node, next: needs(node), index: 0 });
    }
  };
  for (let node = 0; node < count + references.length; node++) if (state[node] === 0) visit(node);
  return steps;
}

/**
 * Prepares a policy's declaration for evaluation; throws when it refers to an id it does not declare.
 * `groupReaders` are the generated module's readers of its groups of facts, by path (group-readers.ts).
 */
export function definePolicy<S, RuleId extends string, FactName extends string, ExceptionId extends string>(
  declaration: PolicyDeclaration<S, RuleId, FactName, ExceptionId>,
  groupReaders: GroupReaders = {},
): PreparedPolicy<S, RuleId, FactName, ExceptionId> {
  const { reference } = declaration;
  const revisionPosition = new Map(declaration.revisions.map((revision, index) => [revision, index]));
  const range = (inForce: Lifetime, id: string): { from: number; until: number } => {
    const from = revisionPosition.get(inForce.from);
    const until = inForce.until === undefined ? declaration.revisions.length : revisionPosition.get(inForce.until);
    if (from === undefined || until === undefined)
      throw policyError(reference, `gives ${id} a revision it does not list`);
    return { from, until };
  };
  const position = <T>(items: readonly T[], idOf: (item: T) => string): Map<string, number> =>
    new Map(items.map((item, index) => [idOf(item), index]));
  const sectionPosition = position(declaration.sections, (section) => section.id);
  const exceptionPosition = position(declaration.exceptions, (exception) => exception.id);
  const definitionIndex: DefinitionIndex = {
    definitionPosition: position(declaration.definitions, (definition) => definition.name),
    definitionsByName: new Map(declaration.definitions.map((definition) => [definition.name, definition])),
  };
  const rulePosition = position(declaration.rules, (rule) => rule.id);
  const lookUp = (positions: ReadonlyMap<string, number>, id: string, owner: string): number => {
    const found = positions.get(id);
    if (found === undefined) throw policyError(reference, `has ${owner} refer to ${id}, which it does not declare`);
    return found;
  };

  /** The criterion (not a part) a rule belongs to, and how many parts deep it sits: its chain walked once. */
  const placeOf = (index: number): { criterion: number; depth: number } => {
    let criterion = index;
    let depth = 0;
    for (let rule = declaration.rules[criterion]; rule?.partOf !== undefined; rule = declaration.rules[criterion]) {
      if (++depth > declaration.rules.length) throw policyError(reference, `has parts that contain each other`);
      criterion = lookUp(rulePosition, rule.partOf, rule.id);
    }
    return { criterion, depth };
  };
  const places = declaration.rules.map((_, index) => placeOf(index));

  /** A rule's reasons, and the same with the readings of its exceptions (each once) after its own when they add any. */
  const reasonsOf = (
    entry: { id: string; kind: RuleKind; overriddenBy: readonly string[] },
    text: string,
    readings: readonly string[],
  ): { reasons: ByStatus<Reason>; reasonsWithExceptions: ByStatus<Reason> } => {
    const reasons = byStatus((status): Reason => ({ id: entry.id, kind: entry.kind, text, status, readings }));
    const added = entry.overriddenBy
      .flatMap((id) => declaration.exceptions[lookUp(exceptionPosition, id, entry.id)]!.readings ?? [])
      .filter((reading, k, all) => !readings.includes(reading) && all.indexOf(reading) === k);
    if (added.length === 0) return { reasons, reasonsWithExceptions: reasons };
    const withExceptions = Object.freeze([...readings, ...added]);
    return {
      reasons,
      reasonsWithExceptions: byStatus((status): Reason => ({
        id: entry.id,
        kind: entry.kind,
        text,
        status,
        readings: withExceptions,
      })),
    };
  };

  const rules = declaration.rules.map((entry, index): PreparedRule<S> => {
    const readings = frozenReadings(entry.readings);
    const { from, until } = range(entry.inForce, entry.id);
    const { reasons, reasonsWithExceptions } = reasonsOf(entry, entry.text, readings);
    // NOTE: every rule (and every earlier version, below) is one literal with the same keys in the same
    // order, so that the decision's loops over rules meet one object shape (no spread: it makes others).
    return {
      id: entry.id,
      kind: entry.kind,
      role: entry.role,
      text: entry.text,
      facts: entry.facts,
      services: entry.services,
      when: entry.when,
      calls: callPlanOf(entry.when, definitionIndex),
      holds: entry.holds,
      from,
      until,
      sections: entry.sections.map((section) => lookUp(sectionPosition, section, entry.id)),
      criterion: places[index]!.criterion,
      overriddenBy: entry.overriddenBy.map((exception) => lookUp(exceptionPosition, exception, entry.id)),
      readings,
      reasons,
      reasonsWithExceptions,
      traceEntries: traceEntries(entry.id, entry.kind, entry.facts),
    };
  });
  // Each rule's changes: its versions, oldest first, each from where the one before ends; then its removal.
  const ruleEvents = declaration.rules.map((entry, index): StatementEvent<PreparedRule<S>>[] => {
    const rule = rules[index]!;
    const earlier = entry.earlier ?? [];
    const versions = [
      ...earlier.map((version): PreparedRule<S> => {
        const readings = frozenReadings(version.readings);
        const { reasons, reasonsWithExceptions } = reasonsOf(entry, version.text, readings);
        return {
          id: rule.id,
          kind: rule.kind,
          role: rule.role,
          text: version.text,
          facts: rule.facts,
          services: rule.services,
          when: version.when,
          calls: callPlanOf(version.when, definitionIndex),
          holds: version.holds,
          from: rule.from,
          until: rule.until,
          sections: rule.sections,
          criterion: rule.criterion,
          overriddenBy: rule.overriddenBy,
          readings,
          reasons,
          reasonsWithExceptions,
          traceEntries: rule.traceEntries,
        };
      }),
      rule,
    ];
    const starts = [rule.from, ...earlier.map((version) => range(version.inForce, rule.id).until)];
    return [
      ...versions.map((state, k) => ({ revision: starts[k]!, state })),
      ...(rule.until < declaration.revisions.length ? [{ revision: rule.until, state: undefined }] : []),
    ];
  });
  const periodStarts = [...new Set(declaration.revisions.map((revision) => revision.effective))].sort();
  const exceptions = declaration.exceptions.map((entry): PreparedException<S> => ({
    id: entry.id,
    readings: frozenReadings(entry.readings),
    title: entry.title,
    appliedReason: Object.freeze({
      id: entry.id,
      kind: "exception",
      text: entry.title,
      status: "met",
      readings: frozenReadings(entry.readings),
    }),
    traceEntries: traceEntries(entry.id, "exception", entry.facts),
    requiresPriorApproval: entry.requiresPriorApproval,
    facts: entry.facts,
    when: entry.when,
    calls: callPlanOf(entry.when, definitionIndex),
    applies: entry.applies,
    ...range(entry.inForce, entry.id),
  }));
  const parts = rules.flatMap((rule, index) => (rule.role === "part" ? [index] : []));
  const referenceEntries = declaration.statementReferences ?? [];
  const referencePosition = position(referenceEntries, (reference) => reference.id);
  const references = referenceEntries.map((entry): PreparedReference => ({
    id: entry.id,
    target: entry.target,
    criteria: entry.criteria.map((id) => lookUp(rulePosition, id, entry.id)),
    sections: entry.sections.map((id) => lookUp(sectionPosition, id, entry.id)),
  }));
  const steps = truthSteps(declaration.rules, references, rulePosition, referencePosition, reference);
  const partOrder = steps.flatMap((step) => (step.part >= 0 ? [step.rule] : []));
  const limitations = (declaration.limitations ?? []).map((entry): PreparedLimitation => ({
    reported: Object.freeze({ id: entry.id, text: entry.text }),
    criteria: entry.criteria.map((id) => lookUp(rulePosition, id, entry.id)),
  }));
  const sourceRank = new Map<string, number>(declaration.rules.map((rule, index) => [rule.id, 2 * index + 1]));
  for (const reference of references)
    if (reference.target === "section") sourceRank.set(reference.id, 2 * Math.min(...reference.criteria, rules.length));

  const readBy = new Map<string, (RuleId | ExceptionId)[]>();
  for (const owner of [...declaration.rules, ...declaration.exceptions])
    for (const fact of owner.facts) {
      // Pushed, not copied: a fact may be read by thousands of statements.
      const readers = readBy.get(fact);
      if (readers === undefined) readBy.set(fact, [owner.id]);
      else readers.push(owner.id);
    }

  const factReaders = declaration.facts.map((fact) => Object.freeze(readBy.get(fact.name) ?? []));
  const missingFacts = missingFactEntries(declaration.facts, factReaders, declaration.questionGroups);
  return {
    declaration,
    reference,
    title: declaration.title,
    sourceHash: declaration.sourceHash,
    revisions: declaration.revisions,
    identities: declaration.revisions.map((revision) =>
      Object.freeze({
        reference,
        title: declaration.title,
        revision: revision.approved,
        revisionEffective: revision.effective,
        sourceHash: declaration.sourceHash,
        modelHash: declaration.modelHash,
        ...(revision.publishedTextHash !== undefined && { publishedTextHash: revision.publishedTextHash }),
        compiler: declaration.compiler,
        readings: frozenReadings(declaration.readings),
      }),
    ),
    effectiveDates: declaration.revisions.map((revision) => revision.effective),
    rules,
    periodStarts,
    periodOfRevision: declaration.revisions.every(
      (revision, index) => index === 0 || declaration.revisions[index - 1]!.effective <= revision.effective,
    )
      ? declaration.revisions.map((revision) => periodStarts.indexOf(revision.effective))
      : undefined,
    periods: periodStarts.map((start): PeriodPlan<S> => {
      const inEffect = declaration.revisions.map((revision) => revision.effective <= start);
      const states = ruleEvents.map((events) => stateIn(events, inEffect));
      const atPeriod = states.map((state, index) => state ?? rules[index]!);
      return {
        rules: atPeriod,
        ruleInForce: states.map((state) => state !== undefined),
        exceptionInForce: exceptions.map(
          (exception) =>
            stateIn(
              [
                { revision: exception.from, state: true },
                ...(exception.until < declaration.revisions.length
                  ? [{ revision: exception.until, state: undefined }]
                  : []),
              ],
              inEffect,
            ) === true,
        ),
        partsById: new Map(parts.map((index) => [atPeriod[index]!.id, atPeriod[index]!.when])),
        namesStatements: atPeriod.map((rule) => namesStatements(rule.when)),
        namesAnything: atPeriod.map((rule) => namesAnything(rule.when)),
      };
    }),
    partOrder,
    steps,
    references,
    limitations,
    tracesPath:
      limitations.length > 0 ||
      declaration.rules.some((rule) =>
        [rule.when, ...(rule.earlier ?? []).map((version) => version.when)].some(branchesOverNames),
      ),
    rulePosition,
    sourceRank,
    sections: declaration.sections,
    exceptions,
    definitions: declaration.definitions,
    definitionTraceEntries: definitionTraceEntries(declaration.definitions, declaration.facts),
    explainIndex: {
      factPosition: position(declaration.facts, (fact) => fact.name),
      ...definitionIndex,
      partPosition: position(partOrder, (index) => rules[index]!.id),
      metPosition: referencePosition,
    },
    facts: declaration.facts,
    factView: viewMaker(declaration.facts.map((fact) => fact.name)),
    definitionView: viewMaker(declaration.definitions.map((definition) => definition.name)),
    partView: viewMaker(partOrder.map((index) => rules[index]!.id)),
    metView: viewMaker(references.map((reference) => reference.id)),
    missingFacts,
    questionKeys: questionKeysOf(missingFacts),
    input: inputPlan(declaration.facts, groupReaders),
  };
}
