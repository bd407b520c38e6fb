// The calls of definitions a statement's condition makes on a case, as the language guide says them
// ("In the trace and the reasons"), written apart from the runtime's (runtime/definition-calls.ts):
// over the policy model, in pre-order, each quantifier's records in the list's order (`some` and `no`
// until one passes, `every` until one surely passes its filter and fails its test, the others all of
// them); a definition without parameters once, with no arguments, where first named, followed by the
// calls of its own condition; at most 20 calls.

import type { Condition, PolicyModel } from "../../../compiler/model/policy-model.js";
import type { CallArgument, DefinitionCall } from "../../../compiler/runtime/decision.js";
import {
  FALSE,
  recordsOf,
  termValue,
  truthOf,
  TRUE,
  withRecord,
  type ConditionScope,
  type ReferenceRecord,
} from "./conditions.js";

const MOST_CALLS = 20;

function statusOf(truth: number): DefinitionCall["status"] {
  return truth === TRUE ? "met" : truth === FALSE ? "not_met" : "pending";
}

/** The calls `condition` makes; `model` gives each list's fields, for a record's identifying fields. */
export function referenceCalls(model: PolicyModel, condition: Condition, scope: ConditionScope): DefinitionCall[] {
  const calls: DefinitionCall[] = [];
  /** The definitions without parameters named so far: each is named once. */
  const named = new Set<string>();
  /** The list each record named in scope comes from, for its index. */
  const lists = new Map<string, readonly ReferenceRecord[]>();

  // The fields the list declares (`identified by`), in their order; else those holding a text (a date, a named value).
  const identifying = (
    list: string,
    record: ReferenceRecord | undefined,
  ): Record<string, string | number | boolean> => {
    const fact = model.facts.find((candidate) => candidate.name === list);
    const type = fact?.type.kind === "list" ? fact.type : undefined;
    const declared = type?.identifiedBy;
    const names = declared ?? (type?.fields ?? []).map((field) => field.name);
    const found: Record<string, string | number | boolean> = {};
    for (const name of names) {
      const value = record?.[name];
      if (
        typeof value === "string" ||
        (declared !== undefined && (typeof value === "number" || typeof value === "boolean"))
      )
        found[name] = value;
    }
    return found;
  };

  const argumentOf = (
    argument: Extract<Condition, { kind: "applied" }>["arguments"][number],
    inner: ConditionScope,
  ): CallArgument => {
    if (argument.kind === "value") {
      const value = termValue(argument.term, inner);
      return {
        parameter: argument.parameter,
        value: typeof value === "number" || typeof value === "string" ? value : null,
      };
    }
    const record = inner.records?.get(argument.variable);
    const list = lists.get(argument.variable) ?? [];
    return {
      parameter: argument.parameter,
      record: {
        list: argument.list,
        index: record === undefined ? -1 : list.indexOf(record),
        fields: identifying(argument.list, record),
      },
    };
  };

  const walk = (inner: Condition, within: ConditionScope): void => {
    if (calls.length >= MOST_CALLS) return;
    switch (inner.kind) {
      case "applied":
        calls.push({
          definition: inner.definition,
          label: inner.label,
          arguments: inner.arguments.map((argument) => argumentOf(argument, within)),
          status: statusOf(truthOf(inner.condition, within)),
        });
        walk(inner.condition, within);
        return;
      case "definition": {
        const definition = model.definitions.find((candidate) => candidate.name === inner.name);
        if (definition === undefined || named.has(inner.name)) return;
        named.add(inner.name);
        calls.push({
          definition: inner.name,
          label: definition.label,
          arguments: [],
          status: statusOf(truthOf(inner, within)),
        });
        walk(within.definition(inner.name), { ...within, records: new Map() });
        return;
      }
      case "not":
        walk(inner.operand, within);
        return;
      case "and":
      case "or":
      case "atLeast":
        for (const operand of inner.operands) walk(operand, within);
        return;
      case "records": {
        const records = recordsOf(inner, within);
        if (records === undefined) return;
        const outer = lists.get(inner.variable);
        lists.set(inner.variable, records);
        const quantifier = inner.quantifier;
        for (const record of records) {
          if (calls.length >= MOST_CALLS) break;
          const named = withRecord(within, inner.variable, record);
          walk(quantifier.filter, named);
          const passes = truthOf(quantifier.filter, named);
          if ((quantifier.kind === "some" || quantifier.kind === "none") && passes === TRUE) break;
          if (!("test" in quantifier) || passes === FALSE) continue;
          walk(quantifier.test, named);
          if (quantifier.kind === "every" && passes === TRUE && truthOf(quantifier.test, named) === FALSE) break;
        }
        if (outer === undefined) lists.delete(inner.variable);
        else lists.set(inner.variable, outer);
        return;
      }
      default:
        return;
    }
  };
  walk(condition, scope);
  return calls;
}
