// Reading a case's facts with the policy's fact table: every group a plain object holding only known
// keys, every fact of its declared type (see input.ts), all problems reported together. Yes-or-no
// facts become truths; any other fact its value, or undefined when unknown. The values go into an
// array by the fact's position in the table, which the generated logic reads by name (named-values.ts).

import { readBoolean, readChoice, readChoiceSet, readDate, readGroup, readNumber, readRoot } from "./input.js";
import type { Group, InputIssue } from "./input.js";
import type { FactGroupPlan, FactPlan } from "./prepare.js";

const NO_VALUES: ReadonlySet<string> = new Set();

function readFact(plan: FactPlan, group: Group | undefined, issues: InputIssue[]): unknown {
  const { name, key } = plan;
  switch (plan.kind) {
    case "boolean":
      return readBoolean(group, key, name, issues);
    case "number":
      return readNumber(group, key, name, plan.min, plan.max, issues);
    case "date":
      return readDate(group, key, name, issues);
    case "oneOf":
      return readChoice(group, key, name, plan.values ?? NO_VALUES, issues);
    case "setOf":
      return readChoiceSet(group, key, name, plan.values ?? NO_VALUES, issues);
  }
}

function readGroupFacts(plan: FactGroupPlan, group: Group | undefined, into: unknown[], issues: InputIssue[]): void {
  for (const fact of plan.facts) into[fact.position] = readFact(fact, group, issues);
  for (const child of plan.groups)
    readGroupFacts(child, readGroup(group, child.key, child.path, child.keys, issues), into, issues);
}

/** The facts of `input`, each at its position in the fact table (`count` of them). */
export function readFacts(input: unknown, plan: FactGroupPlan, count: number, issues: InputIssue[]): unknown[] {
  const values = new Array<unknown>(count);
  readGroupFacts(plan, readRoot(input, plan.keys, issues), values, issues);
  return values;
}
