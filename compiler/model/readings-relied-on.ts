// Which readings a reason relies on, so that a decision can cite them (issue 13: "each decision lists
// the readings it relied on"). A reason names a statement; the readings it relies on are those of
// the statement itself (of the version in force), of the statements it is numbered under (a section's
// "and/or", a criterion's reading of its parts) and of the definitions and parts its condition uses:
// all fixed, listed here. An exception's readings (its own and its definitions') are added by the
// evaluator on a case where the exception applies or may apply (runtime/reason-readings.ts), since
// only then did they decide whether the statement could be set aside. The policy's own readings
// (when each revision takes effect) decide which version is in force: every decision relies on them.
// NOTE: a revision's readings (a revision's missing text) decide nothing, so no reason cites them.

import type { Condition, PolicyModel, RuleModel, RuleVersionModel } from "./policy-model.js";
import { readingRegister, statementKind, type RegisteredReadingId } from "./reading-register.js";
import { nestedConditions } from "./walk-conditions.js";

export interface ReadingsReliedOn {
  /** The policy's own readings, cited by every decision. */
  readonly policy: readonly string[];
  /** The fixed readings a reason naming this rule relies on, for the version `version` of it. */
  rule(rule: RuleModel, version: RuleVersionModel | RuleModel): string[];
  /** The readings of an exception: its own and those of the definitions it uses. */
  exception(id: string): string[];
}

/** The readings each reason of `model` relies on, by the ids of the register (reading-register.ts). */
export function readingsReliedOn(model: PolicyModel): ReadingsReliedOn {
  const register = readingRegister(model);
  const byOwner = new Map<string, RegisteredReadingId[]>();
  for (const reading of register) {
    const key = `${reading.kind} ${reading.owner}`;
    byOwner.set(key, [...(byOwner.get(key) ?? []), reading]);
  }
  /** The ids of the readings of `owner` (of `kind`) among `texts`, or all of them. */
  const idsOf = (kind: string, owner: string, texts?: readonly string[]): string[] =>
    (byOwner.get(`${kind} ${owner}`) ?? [])
      .filter((reading) => texts === undefined || texts.includes(reading.text))
      .map((reading) => reading.id);

  const outline = new Map(model.outline.map((entry) => [entry.id, entry]));
  const rules = new Map(model.rules.map((rule) => [rule.id, rule]));
  const definitions = new Map(model.definitions.map((definition) => [definition.name, definition]));

  /** The readings of the statements `id` is numbered under, outermost first. */
  const enclosing = (id: string): string[] => {
    const chain: string[] = [];
    for (let parent = outline.get(id)?.parent; parent !== undefined; parent = outline.get(parent)?.parent)
      chain.unshift(parent);
    return chain.flatMap((ancestor) => idsOf(statementKind(model, ancestor), ancestor));
  };

  /** The readings of the definitions and parts `condition` uses, through the definitions it uses. */
  const used = (condition: Condition, seen: Set<string>): string[] =>
    [...nestedConditions(condition)].flatMap((inner): string[] => {
      const name = inner.kind === "definition" ? inner.name : inner.kind === "applied" ? inner.definition : undefined;
      if (name !== undefined) {
        const definition = definitions.get(name);
        if (definition === undefined || seen.has(`definition ${name}`)) return [];
        seen.add(`definition ${name}`);
        return [...idsOf("definition", name), ...used(definition.condition, seen)];
      }
      if (inner.kind === "part" && !seen.has(`part ${inner.id}`)) {
        seen.add(`part ${inner.id}`);
        const part = rules.get(inner.id);
        return part === undefined ? [] : [...idsOf(part.kind, part.id, part.readings), ...used(part.condition, seen)];
      }
      return [];
    });

  const exceptionReadings = (id: string): string[] => {
    const exception = model.exceptions.find((candidate) => candidate.id === id);
    return exception === undefined ? [] : [...idsOf("exception", id), ...used(exception.condition, new Set())];
  };

  return {
    policy: idsOf("policy", model.reference),
    rule: (rule, version) =>
      distinct([
        ...idsOf(rule.kind, rule.id, version.readings),
        ...enclosing(rule.id),
        ...used(version.condition, new Set()),
      ]),
    exception: (id) => distinct(exceptionReadings(id)),
  };
}

function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
