// The calls of definitions that a statement's condition made on a case, for the trace and the
// reasons: each call with its definition's name and label, what it was given (a record by its list,
// its index there and its identifying fields; a value; nothing, for a definition without parameters),
// and its truth. A call with parameters is lowered as its body, so the compiled logic does not name
// it; the condition as data does (`applied(...)`), and this walks it with the explanation's meaning
// (explain.ts), visiting the records of each quantifier in the list's order as its meaning reads them:
// `some` and `no` until a record passes, `every` until one fails, the others all of them. A definition
// without parameters is named once per statement, where first named, with the calls inside its own
// condition after it. At most MAX_CALLS calls per statement, in that order
// (test/support/reference/calls.ts says the same independently).

import type { CallArgument, DefinitionCall, IdentifyingFields, Reason, TraceEntry } from "./decision.js";
import { truthWith, valueWith, type Bindings, type ExplainIndex, type ExplainScope } from "./explain.js";
import type { Condition, DefinitionEntry, RecordQuantifier } from "./policy-table.js";
import type { RecordValues } from "./records.js";
import type { Truth } from "./truth.js";

/** The most calls one statement reports: a quantifier over 10,000 records would otherwise report each. */
export const MAX_CALLS = 20;

const hasCallsCache = new WeakMap<Condition, boolean>();

/** Whether a condition calls a definition: names one without parameters, or calls one with them. */
export function callsDefinitions(condition: Condition): boolean {
  let found = hasCallsCache.get(condition);
  if (found !== undefined) return found;
  switch (condition.kind) {
    case "applied":
    case "definition":
      found = true;
      break;
    case "not":
      found = callsDefinitions(condition.operand);
      break;
    case "and":
    case "or":
    case "atLeast":
      found = condition.operands.some(callsDefinitions);
      break;
    case "records": {
      const quantifier = condition.quantifier;
      found =
        callsDefinitions(quantifier.filter) ||
        ((quantifier.kind === "every" || quantifier.kind === "latest" || quantifier.kind === "earliest") &&
          callsDefinitions(quantifier.test));
      break;
    }
    default:
      found = false;
  }
  hasCallsCache.set(condition, found);
  return found;
}

function callStatus(truth: Truth): DefinitionCall["status"] {
  return truth === 2 ? "met" : truth === 0 ? "not_met" : "pending";
}

/**
 * A record's identifying fields, as given: those its list declares (`identified by`), in that order,
 * when known; otherwise those holding a date or a named value (its day, its method...).
 */
function identifyingFields(record: RecordValues, declared: readonly string[] | undefined): Readonly<IdentifyingFields> {
  const fields: IdentifyingFields = {};
  if (declared === undefined) {
    for (const [name, value] of Object.entries(record)) if (typeof value === "string") fields[name] = value;
  } else
    for (const name of declared) {
      const value = record[name];
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") fields[name] = value;
    }
  return Object.freeze(fields);
}

const NO_BINDINGS: Bindings = new Map();
const NO_ARGUMENTS: readonly CallArgument[] = Object.freeze([]);

/** The call of each definition without parameters, for each truth: frozen once, shared by every decision. */
const namedCalls = new WeakMap<DefinitionEntry<never>, readonly DefinitionCall[]>();

function namedCall(definition: DefinitionEntry<never>, truth: Truth): DefinitionCall {
  let calls = namedCalls.get(definition);
  if (calls === undefined) {
    const call = (truth: Truth): DefinitionCall =>
      Object.freeze({
        definition: definition.name,
        label: definition.label,
        arguments: NO_ARGUMENTS,
        status: callStatus(truth),
      });
    namedCalls.set(definition, (calls = [call(0), call(1), call(2)]));
  }
  return calls[truth]!;
}

class CallWalk {
  readonly calls: DefinitionCall[] = [];
  /** The definitions without parameters already named: each is named once, as it is decided once. */
  private readonly named = new Set<string>();
  /** Each list as the case gives it, by the name of the record a quantifier over it goes through. */
  private readonly lists = new Map<string, readonly RecordValues[]>();

  constructor(private readonly scope: ExplainScope) {}

  private get full(): boolean {
    return this.calls.length >= MAX_CALLS;
  }

  private argument(
    argument: Extract<Condition, { kind: "applied" }>["arguments"][number],
    bindings: Bindings,
  ): CallArgument {
    if ("value" in argument) {
      const value = valueWith(argument.value, this.scope, bindings);
      return Object.freeze({
        parameter: argument.parameter,
        value: typeof value === "number" || typeof value === "string" ? value : null,
      });
    }
    const record = bindings.get(argument.variable);
    const list = this.lists.get(argument.variable);
    return Object.freeze({
      parameter: argument.parameter,
      record: Object.freeze({
        list: argument.list,
        index: record === undefined || list === undefined ? -1 : list.indexOf(record),
        fields: record === undefined ? Object.freeze({}) : identifyingFields(record, argument.identifiedBy),
      }),
    });
  }

  walk(condition: Condition, bindings: Bindings): void {
    if (this.full) return;
    switch (condition.kind) {
      case "applied":
        this.calls.push(
          Object.freeze({
            definition: condition.definition,
            label: condition.label,
            arguments: Object.freeze(condition.arguments.map((argument) => this.argument(argument, bindings))),
            status: callStatus(truthWith(condition.condition, this.scope, bindings)),
          }),
        );
        this.walk(condition.condition, bindings);
        return;
      case "definition":
        this.definition(condition.name);
        return;
      case "not":
        this.walk(condition.operand, bindings);
        return;
      case "and":
      case "or":
      case "atLeast":
        for (const operand of condition.operands) this.walk(operand, bindings);
        return;
      case "records":
        this.records(condition, bindings);
        return;
      default:
        return;
    }
  }

  /** A definition without parameters: its call, then the calls its own condition made. */
  private definition(name: string): void {
    const definition = this.scope.index.definitionsByName.get(name);
    const position = this.scope.index.definitionPosition.get(name);
    if (definition === undefined || position === undefined || this.named.has(name)) return;
    this.named.add(name);
    this.calls.push(namedCall(definition, this.scope.definitionValues[position]!));
    this.walk(definition.when, NO_BINDINGS);
  }

  /** After a record's filter: walks its test where the quantifier asks it; false once the quantifier is decided. */
  private visitTest(quantifier: RecordQuantifier, passes: Truth, named: Bindings): boolean {
    switch (quantifier.kind) {
      case "some":
      case "none":
        return passes !== 2;
      case "count":
        return true;
      case "every":
      case "latest":
      case "earliest":
        if (passes === 0) return true;
        this.walk(quantifier.test, named);
        return !(quantifier.kind === "every" && passes === 2 && truthWith(quantifier.test, this.scope, named) === 0);
    }
  }

  private records(condition: Extract<Condition, { kind: "records" }>, bindings: Bindings): void {
    if (!callsDefinitions(condition)) return;
    const position = this.scope.index.factPosition.get(condition.list);
    const list = (position === undefined ? undefined : this.scope.factValues[position]) as
      readonly RecordValues[] | undefined;
    if (list === undefined) return;
    // NOTE: every record, in the list's order, joined or not: the calls a statement made do not depend
    // on how the evaluator found its records (a join leaves out only records its filter fails).
    const quantifier = condition.quantifier;
    const outer = this.lists.get(condition.variable);
    this.lists.set(condition.variable, list);
    try {
      for (const record of list) {
        if (this.full) return;
        const named = new Map(bindings).set(condition.variable, record);
        this.walk(quantifier.filter, named);
        const passes = truthWith(quantifier.filter, this.scope, named);
        if (!this.visitTest(quantifier, passes, named)) return;
      }
    } finally {
      if (outer === undefined) this.lists.delete(condition.variable);
      else this.lists.set(condition.variable, outer);
    }
  }
}

const NO_CALLS: readonly DefinitionCall[] = Object.freeze([]);

/** A reason (or trace entry) with calls, by the calls: made once for calls that are themselves shared. */
const withCallsCache = new WeakMap<object, WeakMap<readonly DefinitionCall[], object>>();

/** The reason (or trace entry) with the calls its statement's condition made, when it made any. */
export function withCalls<R extends Reason<string, string> | TraceEntry>(
  reason: R,
  calls: readonly DefinitionCall[],
): R {
  if (calls.length === 0) return reason;
  let byCalls = withCallsCache.get(reason);
  if (byCalls === undefined) withCallsCache.set(reason, (byCalls = new WeakMap<readonly DefinitionCall[], object>()));
  let found = byCalls.get(calls) as R | undefined;
  if (found === undefined) byCalls.set(calls, (found = Object.freeze(Object.assign({}, reason, { calls }))));
  return found;
}

/**
 * For a condition whose calls are all of definitions without parameters (none of them, however
 * deep, calling one with parameters): those definitions, in the order the walk names them; each
 * call's truth is then the definition's value, and no condition need be walked on a case.
 */
type NamedPlan = readonly { readonly definition: DefinitionEntry<never>; readonly position: number }[];

/** Where a policy's definitions are, by name: what a call plan is made from. */
export type DefinitionIndex = Pick<ExplainIndex, "definitionsByName" | "definitionPosition">;

/**
 * How a statement's calls are found on a case, made once per statement when the policy loads
 * (prepare.ts): from its named definitions' values, or by walking its condition.
 */
export interface CallPlan {
  readonly condition: Condition;
  /** The definitions it names, when it calls none with parameters; undefined when it must be walked. */
  readonly named: NamedPlan | undefined;
  /** The calls of `named` by their truths, read as one number in base 3: one shared frozen array each. */
  readonly byTruths: Map<number, readonly DefinitionCall[]>;
}

function namedPlan(condition: Condition, index: DefinitionIndex): NamedPlan | undefined {
  const plan: { definition: DefinitionEntry<never>; position: number }[] = [];
  const seen = new Set<string>();
  const visit = (inner: Condition): boolean => {
    switch (inner.kind) {
      case "applied":
      case "records":
        return !callsDefinitions(inner);
      case "definition": {
        const definition = index.definitionsByName.get(inner.name);
        const position = index.definitionPosition.get(inner.name);
        if (definition === undefined || position === undefined) return false;
        if (seen.has(inner.name)) return true;
        seen.add(inner.name);
        plan.push({ definition, position });
        return visit(definition.when);
      }
      case "not":
        return visit(inner.operand);
      case "and":
      case "or":
      case "atLeast":
        return inner.operands.every(visit);
      default:
        return true;
    }
  };
  return visit(condition) ? plan.slice(0, MAX_CALLS) : undefined;
}

/** The plan of a statement's calls; undefined when its condition calls no definition. */
export function callPlanOf(condition: Condition, index: DefinitionIndex): CallPlan | undefined {
  if (!callsDefinitions(condition)) return undefined;
  return { condition, named: namedPlan(condition, index), byTruths: new Map() };
}

function callsOfNamed(plan: CallPlan, named: NamedPlan, definitionValues: readonly Truth[]): readonly DefinitionCall[] {
  let key = 0;
  for (let k = 0; k < named.length; k++) key = key * 3 + definitionValues[named[k]!.position]!;
  let calls = plan.byTruths.get(key);
  if (calls === undefined)
    plan.byTruths.set(
      key,
      (calls = Object.freeze(
        named.map(({ definition, position }) => namedCall(definition, definitionValues[position]!)),
      )),
    );
  return calls;
}

/**
 * The calls a statement's condition made on a case: from the definitions' values alone when it calls
 * only definitions without parameters (the common case, which needs no walk), else by walking it in
 * `scope()` (made only then).
 */
export function statementCalls(
  plan: CallPlan,
  definitionValues: readonly Truth[],
  scope: () => ExplainScope,
): readonly DefinitionCall[] {
  const named = plan.named;
  return named === undefined ? definitionCalls(plan.condition, scope()) : callsOfNamed(plan, named, definitionValues);
}

/** The calls `condition` made on the case, in the order the evaluator goes through them (at most MAX_CALLS). */
export function definitionCalls(condition: Condition, scope: ExplainScope): readonly DefinitionCall[] {
  if (!callsDefinitions(condition)) return NO_CALLS;
  const walk = new CallWalk(scope);
  walk.walk(condition, NO_BINDINGS);
  return walk.calls.length === 0 ? NO_CALLS : Object.freeze(walk.calls);
}
