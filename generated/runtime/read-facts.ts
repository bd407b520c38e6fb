// DO NOT EDIT. Copied by policyc from compiler/runtime/read-facts.ts.
// Reading a case's facts with the policy's fact table: every group a plain object holding only known
// keys, every fact of its declared type (see input.ts), all problems reported together. Yes-or-no
// facts become truths; any other fact its value, or undefined when unknown. The values go into an
// array by the fact's position in the table, which the generated logic reads by name (named-values.ts).
//
// Each group is read in two passes. The first walks the keys the caller gave (Object.keys: own,
// enumerable, string) and puts each value where its fact's value goes; the second validates every
// fact of the group in the table's order. So a key is looked up once, in the order the caller wrote
// it, rather than every fact probed with a lookup by name; and problems are still reported in the
// table's order: a group's unknown keys, then its facts, then its subgroups.
//
// A group the generated module has a reader for (group-readers.ts) is read with it first: each key
// by name, each value checked by its type, no issue built. Only when it finds something wrong is the
// group read again as above, to name each problem; so the issues are the same either way.

import { plainObject, unknownKeyIssue } from "./fields.js";
import { NOT_A_FACT, booleanValue, choiceSetValue, choiceValue, dateValue, numberValue } from "./input.js";
import { inputIssue } from "./issue-builders.js";
import type { InputIssue } from "./issues.js";
import { codeSetValue, codeValue } from "./code-input.js";
import type { FactGroupPlan, FactPlan } from "./prepare.js";
import { NOT_READ, hasPlainPrototype, listedValue } from "./untrusted.js";
import { recordListValue } from "./records.js";
import { MALFORMED, type AnyGroupReader } from "./group-readers.js";
import { objectPrototypeIsClean } from "./well-formed.js";
import type { Group } from "./input.js";

const NO_VALUES: ReadonlySet<string> = new Set();
const NO_GROUPS: readonly unknown[] = [];

/** A group as an issue names it: its dotted path, or `(facts)` for the whole. */
function fieldName(path: string): string {
  return path === "" ? "(facts)" : path;
}

function factValue(plan: FactPlan, value: unknown, issues: InputIssue[]): unknown {
  switch (plan.kind) {
    case "boolean":
      return booleanValue(value, plan.name, issues);
    case "number":
      return numberValue(value, plan.name, plan.min, plan.max, issues);
    case "date":
      return dateValue(value, plan.name, issues);
    case "oneOf":
      return choiceValue(value, plan.name, plan.values ?? NO_VALUES, issues);
    case "setOf":
      return choiceSetValue(value, plan.name, plan.values ?? NO_VALUES, issues);
    case "list":
      return recordListValue(value, plan.name, plan.fields, issues);
    case "code":
      return codeValue(value, plan.name, plan.system ?? "ICD-10-CM", issues);
    case "codes":
      return codeSetValue(value, plan.name, plan.system ?? "ICD-10-CM", issues);
  }
}

/** Pass one: the value of each key `group` holds, at its fact's position in `into` or its subgroup's in `children`. */
function collectKeys(
  plan: FactGroupPlan,
  group: object,
  into: unknown[],
  children: unknown[],
  issues: InputIssue[],
): void {
  let keys: readonly string[];
  try {
    keys = Object.keys(group);
  } catch {
    issues.push(inputIssue("unreadable", fieldName(plan.path), NOT_READ));
    return;
  }
  for (const key of keys) {
    const fact = plan.factByKey.get(key);
    if (fact !== undefined) {
      into[fact.position] = listedValue(group, key);
      continue;
    }
    const child = plan.groupByKey.get(key);
    if (child !== undefined) children[child] = listedValue(group, key);
    else issues.push(unknownKeyIssue(plan.path, key, plan.keys, NOT_A_FACT, fieldName(plan.path)));
  }
}

/**
 * Reads `group` with its generated reader into `slots` (named views of `into`): true when it is well
 * formed, each fact then where it belongs (a yes-or-no fact not given is unknown, 1). False otherwise,
 * with the group's facts put back to nothing, for the full reader.
 */
function readWellFormedGroup(
  plan: FactGroupPlan,
  reader: AnyGroupReader,
  group: object,
  into: unknown[],
  slots: object,
): boolean {
  let wellFormed: boolean;
  try {
    // NOTE: `slots` are the views the generated reader types exactly; here they are seen generically.
    wellFormed = reader(group as Group, slots as never);
  } catch {
    // A getter or a Proxy's trap threw: the full reader reports it by name.
    wellFormed = false;
  }
  const facts = plan.subtreeFacts;
  for (let index = 0; index < facts.length && wellFormed; index++) {
    const fact = facts[index]!;
    const value = into[fact.position];
    if (value === MALFORMED) wellFormed = false;
    else if (value === undefined && fact.kind === "boolean") into[fact.position] = 1;
  }
  if (!wellFormed) for (const fact of facts) into[fact.position] = undefined;
  return wellFormed;
}

/** Reads a group (undefined when absent) and its subgroups into `into`, where nothing of theirs is yet. */
function readGroupFacts(
  plan: FactGroupPlan,
  group: object | undefined,
  into: unknown[],
  issues: InputIssue[],
  slots: object | undefined,
): void {
  const reader = plan.reader;
  let subgroupSlots = slots;
  if (reader !== undefined && slots !== undefined) {
    if (group === undefined) {
      // An absent group: each of its facts unknown, as the full reader would find.
      for (const fact of plan.subtreeFacts) if (fact.kind === "boolean") into[fact.position] = 1;
      return;
    }
    if (readWellFormedGroup(plan, reader, group, into, slots)) return;
    // Its subgroups' readers were tried with it: read them with the full reader straight away.
    subgroupSlots = undefined;
  }
  const children = plan.groups.length === 0 ? NO_GROUPS : new Array<unknown>(plan.groups.length);
  if (group !== undefined) collectKeys(plan, group, into, children as unknown[], issues);
  for (const fact of plan.facts) into[fact.position] = factValue(fact, into[fact.position], issues);
  for (let index = 0; index < plan.groups.length; index++) {
    const child = plan.groups[index]!;
    const value = children[index];
    // An absent or null group leaves its facts unknown.
    const childGroup = value === undefined || value === null ? undefined : plainObject(value, child.path, issues);
    readGroupFacts(child, childGroup, into, issues, subgroupSlots);
  }
}

/** Each array of values' named slots, made once (a workspace's arrays are reused by every evaluation). */
const slotsOfValues = new WeakMap<unknown[], object>();
/** The last array looked up, and its slots: most evaluations reuse one workspace, and skip the WeakMap. */
let lastValues: unknown[] | undefined;
let lastSlots: object | undefined;

function slotsOf(plan: FactGroupPlan, values: unknown[]): object | undefined {
  // A generated reader walks a group with for-in, which lists inherited enumerable keys too: it is
  // used only while Object.prototype has none, so that every key it meets is the caller's own.
  if (plan.slots === undefined || !objectPrototypeIsClean()) return undefined;
  if (values === lastValues) return lastSlots;
  let slots = slotsOfValues.get(values);
  if (slots === undefined) {
    slots = plan.slots(values);
    slotsOfValues.set(values, slots);
  }
  lastValues = values;
  lastSlots = slots;
  return slots;
}

/** Reads the facts of `input` into `values`, each at its position in the fact table. */
export function readFacts(input: unknown, plan: FactGroupPlan, values: unknown[], issues: InputIssue[]): void {
  const slots = slotsOf(plan, values);
  const reader = plan.reader;
  if (slots !== undefined && reader !== undefined) {
    // The whole input has a generated reader: every fact unknown, then each the reader finds.
    const unknown = plan.unknownValues;
    for (let position = 0; position < values.length; position++) values[position] = unknown[position];
    if (readWellFormedInput(reader, input, slots) && !values.includes(MALFORMED)) return;
  }
  // The first pass leaves a fact the input does not hold where it was: nothing must be there yet.
  // (A loop, not fill(): for a few dozen places the builtin's call costs more than the stores.)
  for (let position = 0; position < values.length; position++) values[position] = undefined;
  // When the input's reader found it malformed, the full reader names the problems, with no other reader.
  const groupSlots = reader === undefined ? slots : undefined;
  readGroupFacts(plan, plainObject(input, fieldName(plan.path), issues), values, issues, groupSlots);
}

/** Whether the input is a plain object its generated reader takes (each value then in `slots`, perhaps MALFORMED). */
function readWellFormedInput(reader: AnyGroupReader, input: unknown, slots: object): boolean {
  if (typeof input !== "object" || input === null) return false;
  try {
    // NOTE: `slots` are the views the generated reader types exactly; here they are seen generically.
    return hasPlainPrototype(input) && reader(input as Group, slots as never);
  } catch {
    // A getter or a Proxy's trap threw: the full reader reports it by name.
    return false;
  }
}
