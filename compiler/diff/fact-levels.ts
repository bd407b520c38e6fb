// The variables of the decision diagrams for one period: the axes of the fact space (fact-space.ts)
// laid out as levels, each with its values and how many cases each value stands for. A fact is one
// level whose values are its classes plus "unknown"; a set fact is a level "known or unknown" above a
// yes/no level per member. Unknown weighs no case, so counts are over the same space as enumeration.

import type { PolicyModel } from "../model/policy-model.js";
import type { FactAxis, ValueClass } from "./fact-space.js";

/** How a fact is laid out in levels. */
export type FactVariable =
  | {
      readonly kind: "classes";
      readonly name: string;
      readonly level: number;
      readonly classes: readonly ValueClass[];
      /** The index of "unknown" among the level's values: after the classes. */
      readonly unknown: number;
    }
  | {
      readonly kind: "set";
      readonly name: string;
      /** Value 0: the set is known (its members below say what it holds); value 1: unknown. */
      readonly level: number;
      /** One level per value the set may hold: value 0 absent, 1 present. */
      readonly members: readonly { readonly value: string; readonly level: number }[];
    };

export interface FactLevels {
  /** The facts in the order of the axes (the models' declaration order). */
  readonly facts: readonly FactVariable[];
  readonly byName: ReadonlyMap<string, FactVariable>;
  /** Per level: how many values, and the cases each stands for. */
  readonly domains: readonly number[];
  readonly weights: readonly (readonly bigint[])[];
}

export const SET_KNOWN = 0;
export const SET_UNKNOWN = 1;

/**
 * The order of the facts in the diagrams: as the rules read them, the newer version's first, so that
 * facts tested together sit together (the size of a diagram depends on it); facts no rule reads last.
 */
export function factOrder(old: PolicyModel, next: PolicyModel): string[] {
  const order = new Set<string>();
  for (const model of [next, old]) {
    for (const rule of model.rules) for (const fact of rule.facts) order.add(fact);
    for (const exception of model.exceptions) for (const fact of exception.facts) order.add(fact);
  }
  for (const model of [next, old]) for (const fact of model.facts) order.add(fact.name);
  return [...order];
}

/** The levels of `axes`, placed in `order` (names missing from it go last). */
export function factLevels(axes: readonly FactAxis[], order: readonly string[]): FactLevels {
  const rank = new Map(order.map((name, index) => [name, index]));
  const placed = [...axes].sort(
    (a, b) => (rank.get(a.name) ?? Infinity) - (rank.get(b.name) ?? Infinity) || a.name.localeCompare(b.name),
  );
  const domains: number[] = [];
  const weights: bigint[][] = [];
  const byName = new Map<string, FactVariable>();
  for (const axis of placed) {
    const level = domains.length;
    if (axis.members !== undefined) {
      domains.push(2);
      weights.push([1n, 0n]);
      const members = axis.members.map((value) => {
        domains.push(2);
        weights.push([1n, 1n]);
        return { value, level: domains.length - 1 };
      });
      byName.set(axis.name, { kind: "set", name: axis.name, level, members });
      continue;
    }
    domains.push(axis.classes.length + 1);
    weights.push([...axis.classes.map((value) => value.weight), 0n]);
    byName.set(axis.name, {
      kind: "classes",
      name: axis.name,
      level,
      classes: axis.classes,
      unknown: axis.classes.length,
    });
  }
  const facts = axes.map((axis) => byName.get(axis.name)!);
  return { facts, byName, domains, weights };
}
