// Membership in a model's value sets, for the readers of a model that decide a condition themselves
// (case coverage, the review diff): the same rule as the runtime's (runtime/codes.ts).

import { inValueSet } from "../runtime/codes.js";
import type { Condition, PolicyModel, ValueSetModel } from "./policy-model.js";

export function valueSetOf(model: PolicyModel, name: string): ValueSetModel {
  const found = model.valueSets.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`policyc: no value set ${name}`);
  return found;
}

/** Whether a known value of the fact makes the membership condition hold. */
export function isMember(
  model: PolicyModel,
  condition: Extract<Condition, { kind: "inValueSet" }>,
  value: unknown,
): boolean {
  const { entries } = valueSetOf(model, condition.valueSet);
  if (condition.mode === "one") return typeof value === "string" && inValueSet(entries, value);
  return Array.isArray(value) && value.some((code) => typeof code === "string" && inValueSet(entries, code));
}
