// Seed cases: complete facts that reach a policy's interesting outcomes (covered; covered through each
// exception; a section's services excluded) on each revision, found by a seeded random walk scored by
// the reference. Random facts almost never meet twenty criteria at once; cases near seeds do.

import type { PolicyModel } from "../../../compiler/model/policy-model.js";
import type { Decision } from "../../../compiler/runtime/decision.js";
import { seededRandom } from "../random-facts.js";
import type { FactValue } from "../reference/conditions.js";
import { referenceDecision } from "../reference/decision.js";
import { inForce } from "../reference/revisions.js";
import { nestFacts } from "./arbitraries.js";
import { candidatesOf, type ValueSpace } from "./value-space.js";

export interface SeedCase {
  /** What the case was searched for: `covered`, `exception EPSDT`, `services of I.F`. */
  readonly target: string;
  readonly facts: ReadonlyMap<string, FactValue>;
  readonly asOf: string;
}

/** How far a decision is from a target: 0 when it is reached. */
type Distance = (decision: Decision) => number;

/** Each rule that surely denies counts; a pending decision (never here: the facts are complete) counts one. */
function denials(decision: Decision): number {
  return decision.outcome === "covered" ? 0 : decision.outcome === "pending" ? 1 : decision.reasons.length;
}

function targets(model: PolicyModel, revision: number): { target: string; distance: Distance }[] {
  const exceptions = model.exceptions
    .filter((exception) => inForce(exception.inForce, revision))
    .map((exception) => ({
      target: `exception ${exception.id}`,
      distance: (decision: Decision) => {
        if (decision.exceptionsApplied.includes(exception.id)) return denials(decision);
        // Still to do: make it apply (it shows `met` in the trace), then make a rule it overrides deny.
        const applies = decision.trace?.some((entry) => entry.id === exception.id && entry.status === "met") === true;
        return denials(decision) + (applies ? 1 : 2);
      },
    }));
  const services = model.rules
    .filter((rule) => rule.role === "servicesExclusion" && inForce(rule.inForce, revision))
    .map((rule) => ({
      target: `services of ${rule.servicesOf ?? rule.id}`,
      distance: (decision: Decision) =>
        denials(decision) +
        (decision.servicesNotCovered.some((s) => s.reason.id === rule.id && s.status === "not_covered") ? 0 : 1),
    }));
  return [{ target: "covered", distance: denials }, ...exceptions, ...services];
}

/**
 * A random walk from random complete facts: change one fact to another candidate, keep the change
 * unless it moves away from the target (now and then keep it anyway, to leave a dead end), restart
 * a few times. Deterministic: the same seed gives the same walk.
 */
function walk(
  model: PolicyModel,
  space: ValueSpace,
  asOf: string,
  distance: Distance,
  seed: number,
): Map<string, FactValue> | undefined {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const measure = (facts: ReadonlyMap<string, FactValue>) => {
    const decision = referenceDecision(model, nestFacts(facts, new Map()), { asOf, trace: true });
    if ("refused" in decision) throw new Error(`seed cases: ${asOf} is before ${model.reference} took effect`);
    return distance(decision);
  };
  if (model.facts.length === 0) return undefined;
  for (let restart = 0; restart < 4; restart++) {
    const facts = new Map(model.facts.map((fact) => [fact.name, pick(candidatesOf(space, fact.name))]));
    let current = measure(facts);
    for (let step = 0; step < 600 && current > 0; step++) {
      const fact = pick(model.facts).name;
      const before = facts.get(fact)!;
      facts.set(fact, pick(candidatesOf(space, fact)));
      const after = measure(facts);
      if (after <= current || random() < 0.05) current = after;
      else facts.set(fact, before);
    }
    if (current === 0) return facts;
  }
  return undefined;
}

/** The seed cases of a policy: each target that a walk reaches, on each revision's effective date. */
export function findSeedCases(model: PolicyModel, space: ValueSpace): SeedCase[] {
  const seeds: SeedCase[] = [];
  model.revisions.forEach((revision, index) => {
    targets(model, index).forEach(({ target, distance }, targetIndex) => {
      const facts = walk(model, space, revision.effective, distance, 7919 * (index + 1) + targetIndex);
      if (facts !== undefined) seeds.push({ target, facts, asOf: revision.effective });
    });
  });
  return seeds;
}
