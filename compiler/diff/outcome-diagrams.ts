// One version's decision on one service date, as decision diagrams: the model and the fact levels
// in, the diagram of its outcome and of each rule's and exception's part in it out. Follows the
// runtime's procedure (runtime/decide.ts) step for step: a requirement denies when it applies and
// is not met, an exclusion when it applies and holds, a denial stands unless an exception that
// overrides the rule applies; the case is refused when a fact has a value this version does not know.

import { isCodeOf, isCodeSystem, type CodeSystem } from "../runtime/codes.js";
import type { FactModel, FactType, PolicyModel } from "../model/policy-model.js";
import { isCalendarDate } from "../runtime/input.js";
import type { BinaryOperation, DiagramStore, Node } from "./decision-diagram.js";
import { inForceOn, versionOn } from "../model/versions.js";
import { AND, ConditionDiagrams, OR } from "./condition-diagrams.js";
import { SET_KNOWN, SET_UNKNOWN, type FactLevels } from "./fact-levels.js";

/** Terminal values of an outcome diagram. */
export const outcomeCodes = ["covered", "not_covered", "pending", "refused"] as const;
export type OutcomeCode = (typeof outcomeCodes)[number];

export interface OutcomeDiagrams {
  /** Terminals index `outcomeCodes`. */
  readonly outcome: Node;
  /** Per rule that can deny, by id, in the model's order: its denial standing (truths). */
  readonly blocks: ReadonlyMap<string, Node>;
  /** Per such rule: its denial, set aside or not (truths). */
  readonly denies: ReadonlyMap<string, Node>;
  /** Per exception in force: whether it applies (truths). */
  readonly exceptions: ReadonlyMap<string, Node>;
  /**
   * Per services exclusion in force, by id: whether its services are not covered (truths), before
   * the outcome is known; the decision lists them only when it does not deny.
   */
  readonly services: ReadonlyMap<string, Node>;
}

/** Refused (1) over anything, else the outcome of the denial's truth. */
const OUTCOME: BinaryOperation = {
  name: "outcome",
  apply: (refused, denied) => (refused === 1 ? 3 : denied === 2 ? 1 : denied === 0 ? 0 : 2),
};

/** The revision in force on `asOf`: the last whose effective date is on or before it, or -1. */
export function revisionOn(model: PolicyModel, asOf: string): number {
  let revision = -1;
  model.revisions.forEach((entry, index) => {
    if (entry.effective <= asOf) revision = index;
  });
  return revision;
}

/** Whether the runtime's reader takes `value` for a fact of this type (runtime/input.ts). */
function accepts(type: FactType, value: boolean | number | string | readonly string[]): boolean {
  switch (type.kind) {
    case "boolean":
      return typeof value === "boolean";
    case "number":
      return (
        typeof value === "number" &&
        Number.isFinite(value) &&
        value >= (type.min ?? -Infinity) &&
        value <= (type.max ?? Infinity)
      );
    case "date":
      return typeof value === "string" && isCalendarDate(value);
    case "oneOf":
      return typeof value === "string" && type.values.some((declared) => declared.name === value);
    case "setOf":
      return Array.isArray(value) && value.every((member) => type.values.some((declared) => declared.name === member));
    case "list":
      return false;
    case "code":
      return typeof value === "string" && isCodeSystem(type.system) && isCodeOf(type.system, value);
    case "codes":
      return (
        Array.isArray(value) &&
        isCodeSystem(type.system) &&
        value.every((member) => typeof member === "string" && isCodeOf(type.system as CodeSystem, member))
      );
  }
}

/** 1 where some fact this version declares has a value it refuses, else 0. */
function refusals(store: DiagramStore, levels: FactLevels, facts: readonly FactModel[]): Node {
  let refused = store.terminal(0);
  for (const fact of facts) {
    const variable = levels.byName.get(fact.name);
    if (variable === undefined) continue;
    let here: Node;
    if (variable.kind === "classes") {
      here = store.variable(variable.level, [
        ...variable.classes.map((value) => (accepts(fact.type, value.value) ? 0 : 1)),
        0,
      ]);
    } else {
      const type = fact.type;
      const known =
        type.kind !== "setOf"
          ? store.terminal(1)
          : variable.members
              .filter((member) => !type.values.some((declared) => declared.name === member.value))
              .reduce((any, member) => store.apply(OR, any, store.variable(member.level, [0, 1])), store.terminal(0));
      here = store.node(
        variable.level,
        [SET_KNOWN, SET_UNKNOWN].map((value) => (value === SET_KNOWN ? known : store.terminal(0))),
      );
    }
    refused = store.apply(OR, refused, here);
  }
  return refused;
}

/** The diagrams of `model`'s decision for service date `asOf`. */
export function outcomeDiagrams(
  store: DiagramStore,
  levels: FactLevels,
  model: PolicyModel,
  asOf: string,
): OutcomeDiagrams {
  const revision = revisionOn(model, asOf);
  const conditions = new ConditionDiagrams(store, levels, model, asOf);
  const never = store.terminal(0);
  const exceptions = new Map<string, Node>();
  for (const exception of model.exceptions)
    if (inForceOn(exception.inForce, model.revisions, asOf))
      exceptions.set(exception.id, conditions.truth(exception.condition));
  const blocks = new Map<string, Node>();
  const denies = new Map<string, Node>();
  const services = new Map<string, Node>();
  let denied = never;
  for (const rule of model.rules) {
    if (rule.role !== "requirement" && rule.role !== "exclusion" && rule.role !== "servicesExclusion") continue;
    // The version in force on the date decides (a retroactive revision changes only what it changes).
    const version = versionOn(rule, model.revisions, asOf);
    if (version === undefined) continue;
    const applies = conditions.and(rule.applicability.map(({ condition }) => conditions.truth(condition)));
    const holds = conditions.truth(version.condition);
    if (rule.role === "servicesExclusion") {
      services.set(rule.id, store.apply(AND, applies, holds));
      continue;
    }
    const denial = store.apply(AND, applies, rule.role === "requirement" ? conditions.not(holds) : holds);
    if (denial === never) continue;
    const waiver = conditions.or(rule.overriddenBy.map((id) => exceptions.get(id) ?? never));
    const standing = store.apply(AND, denial, conditions.not(waiver));
    denies.set(rule.id, denial);
    blocks.set(rule.id, standing);
    denied = store.apply(OR, denied, standing);
  }
  // Before the version's first effective date every case is refused, as the runtime refuses the date.
  const refused = revision < 0 ? store.terminal(1) : refusals(store, levels, model.facts);
  return { outcome: store.apply(OUTCOME, refused, denied), blocks, denies, exceptions, services };
}
