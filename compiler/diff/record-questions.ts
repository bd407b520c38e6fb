// Conditions over records, as the review's decision diagrams take them. A list of records has no
// finite set of values to enumerate, so each distinct quantifier of either version (`some s in
// oxygen.studies where ...`) is one question of its own, yes, no or unknown, and the cases are
// counted over those answers. NOTE: an approximation, said in the review: two quantifiers over one
// list are counted as independent, so answers no list of records could give together are counted too.

import { canonicalJson } from "../model/model-hash.js";
import type { Condition, PolicyModel } from "../model/policy-model.js";
import { allCoverageConditions } from "../model/walk-conditions.js";

export type RecordsCondition = Extract<Condition, { kind: "records" }>;

const prefix = "records ";

/** The question's name in the fact space: the same quantifier in both versions is one question. */
export function recordQuestionKey(condition: RecordsCondition): string {
  return `${prefix}${canonicalJson(condition)}`;
}

/** The quantifier a question's name stands for; undefined for the name of a fact. */
export function recordQuestionOf(name: string): RecordsCondition | undefined {
  return name.startsWith(prefix) ? (JSON.parse(name.slice(prefix.length)) as RecordsCondition) : undefined;
}

/** Every quantifier of the models, each once, by its key. */
export function recordQuestions(models: readonly PolicyModel[]): Map<string, RecordsCondition> {
  const found = new Map<string, RecordsCondition>();
  for (const model of models)
    for (const condition of allCoverageConditions(model))
      if (condition.kind === "records") found.set(recordQuestionKey(condition), condition);
  return found;
}
