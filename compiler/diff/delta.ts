// The decision delta by enumeration, kept as the test oracle of the symbolic delta (symbolic-delta.ts)
// on small fact spaces: which cases change outcome between two versions of a policy, by running both
// generated evaluators. NOTE: a subspace decided with a fact unknown is counted whole, so the cases a
// version refuses for a value of a fact no condition reads are missed (see the diff's property test).
// A recursive case split over the facts: at each step the facts not yet chosen are left unknown, and
// three-valued evaluation decides whole subspaces at once (a covered or not covered decision with
// unknown facts stays so whatever they turn out to be). Only where a version is still pending is a
// fact it asks about split into its classes (fact-space.ts).

import type { PolicyModel } from "../model/policy-model.js";
import type { DecisionLike, LoadedEvaluator } from "./evaluators.js";
import { factSpace, periods, type FactAxis, type Period, type ValueClass } from "./fact-space.js";

/** An outcome, or `refused` when a version rejects the case (a value it does not know). */
export type DeltaOutcome = "covered" | "not_covered" | "pending" | "refused";

export interface Side {
  readonly outcome: DeltaOutcome;
  /** The ids that deny (not covered), or the exceptions it was covered through. */
  readonly because: readonly string[];
}

/** A set of cases that all change the same way: some facts chosen, the others any value. */
export interface ChangedRegion {
  readonly period: Period;
  readonly facts: readonly { readonly name: string; readonly value: ValueClass }[];
  readonly before: Side;
  readonly after: Side;
  readonly cases: bigint;
}

export interface PeriodDelta {
  readonly period: Period;
  readonly cases: bigint;
  readonly changed: bigint;
}

export interface DecisionDelta {
  readonly periods: readonly PeriodDelta[];
  readonly axes: readonly FactAxis[];
  readonly approximate: readonly string[];
  readonly regions: readonly ChangedRegion[];
  readonly cases: bigint;
  readonly changed: bigint;
  /** Evaluator runs it took. */
  readonly evaluations: number;
}

function side(run: () => DecisionLike): Side & { missing: readonly string[] } {
  try {
    const decision = run();
    const because =
      decision.outcome === "not_covered"
        ? decision.reasons.filter((reason) => reason.overriddenBy === undefined).map((reason) => reason.id)
        : decision.outcome === "covered"
          ? decision.exceptionsApplied
          : [];
    return { outcome: decision.outcome, because, missing: decision.missingFacts.map((fact) => fact.fact) };
  } catch (error) {
    if (error instanceof Error && error.name === "PolicyInputError")
      return { outcome: "refused", because: [], missing: [] };
    throw error;
  }
}

/** The facts object of one version: nested by the parts of each name, only the facts it declares. */
function factsObject(chosen: ReadonlyMap<string, ValueClass>, declared: ReadonlySet<string>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of chosen) {
    if (!declared.has(name)) continue;
    const parts = name.split(".");
    let group = root;
    for (const part of parts.slice(0, -1)) {
      const next = (group[part] as Record<string, unknown> | undefined) ?? {};
      group[part] = next;
      group = next;
    }
    group[parts.at(-1) ?? name] = value.value;
  }
  return root;
}

class DeltaSearch {
  evaluations = 0;
  readonly regions: ChangedRegion[] = [];
  private readonly oldFacts: ReadonlySet<string>;
  private readonly newFacts: ReadonlySet<string>;

  constructor(
    old: PolicyModel,
    next: PolicyModel,
    private readonly evaluators: readonly [LoadedEvaluator, LoadedEvaluator],
  ) {
    this.oldFacts = new Set(old.facts.map((fact) => fact.name));
    this.newFacts = new Set(next.facts.map((fact) => fact.name));
  }

  /** Both versions on the facts chosen, the others unknown. */
  run(chosen: ReadonlyMap<string, ValueClass>, asOf: string) {
    this.evaluations += 2;
    const [before, after] = this.evaluators;
    return {
      before: side(() => before.evaluate(factsObject(chosen, this.oldFacts), { asOf })),
      after: side(() => after.evaluate(factsObject(chosen, this.newFacts), { asOf })),
    };
  }

  private weight(axes: readonly FactAxis[], chosen: ReadonlyMap<string, ValueClass>): bigint {
    let total = 1n;
    for (const axis of axes) {
      if (chosen.has(axis.name)) continue;
      total *= axis.classes.reduce((sum, c) => sum + c.weight, 0n);
    }
    return total;
  }

  /** Cases of the subspace `chosen` that change; records each decided subspace that changes. */
  explore(period: Period, axes: readonly FactAxis[], chosen: Map<string, ValueClass>): bigint {
    const { before, after } = this.run(chosen, period.from);
    if (before.outcome !== "pending" && after.outcome !== "pending") {
      if (before.outcome === after.outcome) return 0n;
      const cases =
        this.weight(axes, chosen) * [...chosen.values()].reduce((product, value) => product * value.weight, 1n);
      this.regions.push({
        period,
        facts: axes.flatMap((axis) => {
          const value = chosen.get(axis.name);
          return value ? [{ name: axis.name, value }] : [];
        }),
        before: { outcome: before.outcome, because: before.because },
        after: { outcome: after.outcome, because: after.because },
        cases,
      });
      return cases;
    }
    const askedBoth = new Set(before.missing.filter((fact) => after.missing.includes(fact)));
    const asked = new Set([...before.missing, ...after.missing]);
    const free = axes.filter((axis) => !chosen.has(axis.name) && axis.classes.length > 0);
    // Split on a fact a pending version asks about: one both ask first, then the fewest classes.
    const candidates = free.filter((axis) => asked.has(axis.name));
    const pool = candidates.length > 0 ? candidates : free;
    const score = (axis: FactAxis) => (askedBoth.has(axis.name) ? 0 : 1000) - axis.classes.length;
    const next = [...pool].sort((a, b) => score(a) - score(b))[0];
    if (!next) return 0n;
    let changed = 0n;
    for (const value of next.classes) {
      chosen.set(next.name, value);
      changed += this.explore(period, axes, chosen);
    }
    chosen.delete(next.name);
    return changed;
  }
}

/** The exact decision delta between two versions, given their evaluators (old first). */
export function decisionDelta(
  old: PolicyModel,
  next: PolicyModel,
  evaluators: readonly [LoadedEvaluator, LoadedEvaluator],
): DecisionDelta {
  const search = new DeltaSearch(old, next, evaluators);
  const results: PeriodDelta[] = [];
  let axesShown: readonly FactAxis[] = [];
  const approximate = new Set<string>();
  for (const period of periods(old, next)) {
    const space = factSpace(old, next, period);
    axesShown = space.axes;
    for (const fact of space.approximate) approximate.add(fact);
    const cases = space.axes.reduce(
      (product, axis) => product * axis.classes.reduce((sum, c) => sum + c.weight, 0n),
      1n,
    );
    const changed = search.explore(period, space.axes, new Map());
    results.push({ period, cases, changed });
  }
  return {
    periods: results,
    axes: axesShown,
    approximate: [...approximate],
    regions: search.regions,
    cases: results.reduce((sum, p) => sum + p.cases, 0n),
    changed: results.reduce((sum, p) => sum + p.changed, 0n),
    evaluations: search.evaluations,
  };
}

/**
 * The smallest description of a changed region: facts are dropped one at a time, last chosen first,
 * as long as both versions still decide as before with the fact unknown.
 */
export function minimalExample(
  region: ChangedRegion,
  evaluators: readonly [LoadedEvaluator, LoadedEvaluator],
  old: PolicyModel,
  next: PolicyModel,
): ChangedRegion {
  const search = new DeltaSearch(old, next, evaluators);
  const chosen = new Map(region.facts.map((fact) => [fact.name, fact.value]));
  for (const fact of [...region.facts].reverse()) {
    const value = chosen.get(fact.name);
    if (!value) continue;
    chosen.delete(fact.name);
    const { before, after } = search.run(chosen, region.period.from);
    if (before.outcome !== region.before.outcome || after.outcome !== region.after.outcome)
      chosen.set(fact.name, value);
  }
  return { ...region, facts: region.facts.filter((fact) => chosen.has(fact.name)) };
}
