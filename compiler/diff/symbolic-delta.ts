// The decision delta between two versions of a policy, computed symbolically: per period of service
// dates, each version's outcome as a decision diagram over the fact levels, their product as one
// diagram of (before, after) cells, the cases of each cell counted exactly by weighted model counting
// over the same space the enumeration (delta.ts) walks, per-criterion shares, and one example per cell
// that names only the facts that matter. No evaluator is run, and no case is enumerated.

import type { PolicyModel } from "../model/policy-model.js";
import { DiagramStore, ModelCounter, type BinaryOperation, type Node } from "./decision-diagram.js";
import type { ChangedRegion, DeltaOutcome, PeriodDelta, Side } from "./delta.js";
import { factSpace, periods, type Period, type ValueClass } from "./fact-space.js";
import { factLevels, factOrder, SET_KNOWN, SET_UNKNOWN, type FactLevels } from "./fact-levels.js";
import { outcomeCodes, outcomeDiagrams, type OutcomeDiagrams } from "./outcome-diagrams.js";
import { servicesChangedAlone } from "./services-delta.js";

/** The cases of one period that go from one outcome to another (`before` may equal `after`). */
export interface OutcomeCell {
  readonly period: Period;
  readonly before: DeltaOutcome;
  readonly after: DeltaOutcome;
  readonly cases: bigint;
}

/**
 * For one rule and period: the cases covered before that it denies after (in the newer version), and
 * the cases it denied before (in the older) that are covered after. A case may be denied by several.
 */
export interface CriterionShare {
  readonly id: string;
  readonly period: Period;
  /** The cases of the period. */
  readonly cases: bigint;
  readonly coveredThenDenied: bigint;
  readonly deniedThenCovered: bigint;
}

export interface SymbolicDelta {
  readonly periods: readonly PeriodDelta[];
  /** Facts compared with another fact: split only at literal thresholds, as in the enumeration. */
  readonly approximate: readonly string[];
  /** The lists of records among `approximate`: each condition over them is one question (record-questions.ts). */
  readonly lists: readonly string[];
  /** The cells of each period that have cases, the changed and the unchanged. */
  readonly cells: readonly OutcomeCell[];
  readonly criteria: readonly CriterionShare[];
  /** Per changed cell and period, an example; `cases` is the cell's. */
  readonly examples: readonly ChangedRegion[];
  readonly cases: bigint;
  readonly changed: bigint;
  /**
   * The cases whose outcome is the same but whose services not covered differ (a services
   * exclusion's status changed while coverage stands); not among `changed`.
   */
  readonly servicesChanged: bigint;
  /** Diagram nodes made, over all periods: the size of the work. */
  readonly nodes: number;
}

/** Reports the progress of a long computation: a step done out of a total, and what it was. */
export type Progress = (done: number, total: number, what: string) => void;

const outcomeCount = outcomeCodes.length;

const PAIR: BinaryOperation = { name: "pair", apply: (before, after) => before * outcomeCount + after };
const BOTH: BinaryOperation = { name: "both", apply: Math.min, absorbing: 0, identity: 1 };

/** The level values of an example: a known value's index, or undefined for "any". */
type Assignment = (number | undefined)[];

/** The terminal values `root` may reach under `assignment`, a level left undefined taking every value. */
function reachable(store: DiagramStore, root: Node, assignment: Assignment): Set<number> {
  const found = new Set<number>();
  const seen = new Set<Node>();
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (seen.has(node)) continue;
    seen.add(node);
    if (store.isTerminal(node)) {
      found.add(store.value(node));
      continue;
    }
    const index = assignment[store.level(node)];
    if (index === undefined) stack.push(...store.kids(node));
    else stack.push(store.kids(node)[index]!);
  }
  return found;
}

/**
 * A path to the cell in `indicator` (terminal 1) that names as few facts as it can: at each test it
 * takes "unknown" when the cell is still reached (three-valued logic then decides for every value of
 * the fact), else the value with the most cases. Levels it never tests stay "any".
 */
function examplePath(store: DiagramStore, counter: ModelCounter, levels: FactLevels, indicator: Node): Assignment {
  const assignment: Assignment = new Array<number | undefined>(levels.domains.length).fill(undefined);
  const unknownAt = new Map<number, number>();
  for (const fact of levels.facts) unknownAt.set(fact.level, fact.kind === "classes" ? fact.unknown : SET_UNKNOWN);
  const cases = (node: Node, from: number) =>
    counter.below(node, "cell", (value) => value === 1) * counter.gap(from, store.level(node));
  let node = indicator;
  while (!store.isTerminal(node)) {
    const level = store.level(node);
    const kids = store.kids(node);
    const unknown = unknownAt.get(level);
    const unknownKid = unknown === undefined ? undefined : kids[unknown];
    if (unknownKid !== undefined && unknown !== undefined && cases(unknownKid, level + 1) > 0n) {
      assignment[level] = unknown;
      node = unknownKid;
      continue;
    }
    let best = -1;
    let bestCases = 0n;
    kids.forEach((kid, index) => {
      const weight = counter.weightOf(level, index);
      const here = weight * cases(kid, level + 1);
      if (here > bestCases) {
        best = index;
        bestCases = here;
      }
    });
    if (best < 0) throw new Error("policyc diff: an example of an empty cell");
    assignment[level] = best;
    node = kids[best]!;
  }
  // A fact the path does not test is left unknown, as the runtime would be given it; a member of a
  // known set stays "any" (a set is known or unknown as a whole).
  for (const [level, unknown] of unknownAt) if (assignment[level] === undefined) assignment[level] = unknown;
  return assignment;
}

/** The facts an example names, in declaration order, as a reviewer reads them. */
function exampleFacts(levels: FactLevels, assignment: Assignment): ChangedRegion["facts"] {
  const facts: { name: string; value: ValueClass }[] = [];
  for (const fact of levels.facts) {
    const index = assignment[fact.level];
    if (fact.kind === "classes") {
      if (index === undefined || index === fact.unknown) continue;
      const value = fact.classes[index];
      if (value !== undefined) facts.push({ name: fact.name, value });
      continue;
    }
    if (index !== SET_KNOWN) continue;
    const held = fact.members.filter((member) => assignment[member.level] === 1).map((member) => member.value);
    const lacked = fact.members.filter((member) => assignment[member.level] === 0).map((member) => member.value);
    const open = fact.members.length - held.length - lacked.length;
    const label = [
      ...(held.length > 0 ? [`holds ${held.join(", ")}`] : []),
      ...(lacked.length > 0 ? [`lacks ${lacked.join(", ")}`] : []),
    ].join("; ");
    facts.push({
      name: fact.name,
      value: { value: held, label: label || "known", ...(open > 0 && { covers: "any other values" }), weight: 1n },
    });
  }
  return facts;
}

/** What a side of an example rests on: the rules that surely deny, or the exceptions it is covered through. */
function sideOf(
  store: DiagramStore,
  model: PolicyModel,
  diagrams: OutcomeDiagrams,
  outcome: DeltaOutcome,
  assignment: Assignment,
): Side {
  const surely = (node: Node) => {
    const values = reachable(store, node, assignment);
    return values.size === 1 && values.has(2);
  };
  if (outcome === "not_covered")
    return { outcome, because: [...diagrams.blocks].filter(([, node]) => surely(node)).map(([id]) => id) };
  if (outcome === "covered") {
    // As the runtime: an exception is applied when it surely applies and sets aside a rule that surely denies.
    const denied = new Set([...diagrams.denies].filter(([, node]) => surely(node)).map(([id]) => id));
    const setAside = new Set(model.rules.filter((rule) => denied.has(rule.id)).flatMap((rule) => rule.overriddenBy));
    const applied = [...diagrams.exceptions].filter(([id, node]) => setAside.has(id) && surely(node));
    return { outcome, because: applied.map(([id]) => id) };
  }
  return { outcome, because: [] };
}

/** The exact decision delta between two versions (old first), computed on their models alone. */
export function symbolicDelta(old: PolicyModel, next: PolicyModel, progress?: Progress): SymbolicDelta {
  const all = periods(old, next);
  const order = factOrder(old, next);
  const results: PeriodDelta[] = [];
  const cells: OutcomeCell[] = [];
  const criteria: CriterionShare[] = [];
  const examples: ChangedRegion[] = [];
  const approximate = new Set<string>();
  let nodes = 0;
  let servicesChanged = 0n;
  for (const [index, period] of all.entries()) {
    const space = factSpace(old, next, period, { subsets: false });
    for (const fact of space.approximate) approximate.add(fact);
    const levels = factLevels(space.axes, order);
    const store = new DiagramStore(levels.domains);
    const counter = new ModelCounter(store, levels.weights);
    const before = outcomeDiagrams(store, levels, old, period.from);
    const after = outcomeDiagrams(store, levels, next, period.from);
    const pair = store.apply(PAIR, before.outcome, after.outcome);
    const cases = counter.all;
    let changed = 0n;
    for (const code of store.terminals(pair)) {
      const beforeOutcome = outcomeCodes[Math.floor(code / outcomeCount)]!;
      const afterOutcome = outcomeCodes[code % outcomeCount]!;
      const inCell = counter.count(pair, `pair${code}`, (value) => value === code);
      if (inCell === 0n) continue;
      cells.push({ period, before: beforeOutcome, after: afterOutcome, cases: inCell });
      if (beforeOutcome === afterOutcome) continue;
      changed += inCell;
      const indicator = store.map(`cell${code}`, (value) => (value === code ? 1 : 0), pair);
      const assignment = examplePath(store, counter, levels, indicator);
      examples.push({
        period,
        facts: exampleFacts(levels, assignment),
        before: sideOf(store, old, before, beforeOutcome, assignment),
        after: sideOf(store, next, after, afterOutcome, assignment),
        cases: inCell,
      });
    }
    const shares = new Map<string, { coveredThenDenied: bigint; deniedThenCovered: bigint }>();
    const share = (id: string) => {
      const found = shares.get(id) ?? { coveredThenDenied: 0n, deniedThenCovered: 0n };
      shares.set(id, found);
      return found;
    };
    const surely = (name: string, node: Node) => store.map(name, (truth) => (truth === 2 ? 1 : 0), node);
    const cell = (from: number, to: number) =>
      store.map(`cell${from * outcomeCount + to}`, (value) => (value === from * outcomeCount + to ? 1 : 0), pair);
    const covered = outcomeCodes.indexOf("covered");
    const notCovered = outcomeCodes.indexOf("not_covered");
    const lost = cell(covered, notCovered);
    const gained = cell(notCovered, covered);
    if (lost !== store.terminal(0))
      for (const [id, blocks] of after.blocks) {
        const both = store.apply(BOTH, lost, surely("surely", blocks));
        const count = counter.count(both, "one", (value) => value === 1);
        if (count > 0n) share(id).coveredThenDenied = count;
      }
    if (gained !== store.terminal(0))
      for (const [id, blocks] of before.blocks) {
        const both = store.apply(BOTH, gained, surely("surely", blocks));
        const count = counter.count(both, "one", (value) => value === 1);
        if (count > 0n) share(id).deniedThenCovered = count;
      }
    for (const [id, counts] of shares) criteria.push({ id, period, cases, ...counts });
    servicesChanged += servicesChangedAlone(store, counter, pair, before, after);
    results.push({ period, cases, changed });
    nodes += store.size;
    progress?.(index + 1, all.length, `service dates from ${period.from}: ${store.size} diagram nodes`);
  }
  return {
    periods: results,
    approximate: [...approximate].sort(),
    lists: [
      ...new Set([...old.facts, ...next.facts].filter((fact) => fact.type.kind === "list").map((fact) => fact.name)),
    ]
      .filter((name) => approximate.has(name))
      .sort(),
    cells,
    criteria,
    examples,
    cases: results.reduce((sum, p) => sum + p.cases, 0n),
    changed: results.reduce((sum, p) => sum + p.changed, 0n),
    servicesChanged,
    nodes,
  };
}
