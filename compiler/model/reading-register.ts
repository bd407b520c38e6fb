// The readings of a policy as its register numbers them: each by the statement it reads and its
// place among that statement's readings (`I.A.5, reading 1`), with the id a decision cites it by,
// which is also its anchor in the docs' register (`reading-criterion-I.A.5-1`). One numbering for
// the docs (emit/docs/readings.ts) and the evaluator (which readings a reason relied on).

import { stableAnchor } from "../naming/stable-anchor.js";
import type { PolicyModel, RuleModel } from "./policy-model.js";
import { ruleVersions } from "./versions.js";

export interface RegisteredReadingId {
  /** What it reads: `criterion`, `section`, `exception`, `definition`, `billing rule`, `policy`... */
  readonly kind: string;
  /** The id of what it reads: `I.A.5`, an exception's id, the policy's reference. */
  readonly owner: string;
  /** Its place among the readings of what it reads, from 1. */
  readonly number: number;
  readonly text: string;
  /** The key of its anchor in the docs: `reading criterion I.A.5 1`. */
  readonly key: string;
  /** How a decision cites it, the anchor of its row in the register: `reading-criterion-I.A.5-1`. */
  readonly id: string;
}

/** What a statement of the outline is called: a rule by its kind, any other entry by its own. */
export function statementKind(model: PolicyModel, id: string): string {
  const rule = model.rules.find((candidate) => candidate.id === id);
  if (rule) return rule.kind;
  const entry = model.outline.find((candidate) => candidate.id === id);
  return entry?.kind === "rule" ? "criterion" : (entry?.kind ?? "statement");
}

/** A rule's readings over all its versions, each once: a reading kept through several versions is one reading. */
export function ruleReadings(rule: RuleModel): string[] {
  return [...new Set(ruleVersions(rule).flatMap((version) => version.readings))];
}

/**
 * Every reading, in the register's order: the policy's, each revision's, the outline's statements',
 * the exceptions', the definitions', the codes', the billing rules' and the prose's.
 */
export function readingRegister(model: PolicyModel): RegisteredReadingId[] {
  const found: RegisteredReadingId[] = [];
  const add = (kind: string, owner: string, readings: readonly string[]) =>
    readings.forEach((text, index) => {
      const key = `reading ${kind} ${owner} ${String(index + 1)}`;
      found.push({ kind, owner, number: index + 1, text, key, id: stableAnchor(key) });
    });
  const rules = new Map(model.rules.map((rule) => [rule.id, rule]));
  add("policy", model.reference, model.readings);
  for (const revision of model.revisions) add("revision", revision.approved, revision.readings);
  for (const entry of model.outline) {
    const rule = rules.get(entry.id);
    if (rule) add(rule.kind, entry.id, ruleReadings(rule));
    else if (entry.kind !== "rule") add(statementKind(model, entry.id), entry.id, entry.readings);
  }
  for (const exception of model.exceptions) add("exception", exception.id, exception.readings);
  for (const definition of model.definitions) add("definition", definition.name, definition.readings);
  for (const code of model.codes) add("code", code.code, code.readings);
  for (const rule of model.billingRules) add("billing rule", rule.id, rule.readings);
  for (const prose of model.prose) add("prose", prose.id, prose.readings);
  return found;
}
