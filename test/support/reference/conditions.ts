// The reference meaning of a Condition of the policy model: its truth in three-valued logic, and the
// unknown facts it waits on. Plain recursion over the model, written for reading, not for speed; the
// differential test holds the generated evaluators to it.

import type {
  ComparisonOperator,
  Condition,
  DateWindow,
  DurationUnit,
  Term,
} from "../../../compiler/model/policy-model.js";

/** 0 false, 1 unknown, 2 true: the encoding the Decision contract uses. */
export type Truth = 0 | 1 | 2;
export const FALSE: Truth = 0;
export const UNKNOWN: Truth = 1;
export const TRUE: Truth = 2;

/** A known fact value; an unknown fact has none. */
export type FactValue = boolean | number | string | readonly string[] | readonly ReferenceRecord[];

/** A record of a list fact as handed in: a field absent or null is unknown. */
export type ReferenceRecord = Readonly<Record<string, unknown>>;

/** What a condition can refer to besides its own operands. */
export interface ConditionScope {
  /** The fact's value, or undefined when it is unknown. */
  valueOf(fact: string): FactValue | undefined;
  /** The service date, YYYY-MM-DD. */
  readonly serviceDate: string;
  /** The condition of a definition, by name. */
  definition(name: string): Condition;
  /** The condition of a part of a criterion, by id. */
  part(id: string): Condition;
  /** The record each enclosing quantifier names, by its name. */
  readonly records?: ReadonlyMap<string, ReferenceRecord>;
  /** The entries of a value set, by name. */
  valueSet(name: string): readonly { readonly first: string; readonly last: string }[];
  /** Whether another criterion, or a section, is met (`criterion I.3`, `section I`). */
  statement(target: "criterion" | "section", id: string): Truth;
  /** The conditions such a statement's truth is made of: its sections' `applies when` and its criteria's conditions. */
  statementConditions(target: "criterion" | "section", id: string): readonly Condition[];
}

/** A field of a named record, or undefined when unknown (absent or null). */
function fieldValue(scope: ConditionScope, variable: string, field: string): FactValue | undefined {
  const value = scope.records?.get(variable)?.[field];
  return value === null || value === undefined ? undefined : (value as FactValue);
}

/** The scope inside a quantifier, its name bound to `record`. */
export function withRecord(scope: ConditionScope, variable: string, record: ReferenceRecord): ConditionScope {
  return { ...scope, records: new Map(scope.records).set(variable, record) };
}

/**
 * Whether a code is in a value set, as the language guide says it: with the dot left out, a code is
 * covered by an entry when it lies from the entry's first code to its last in text order, or is a
 * child of its last (starts with it). Written apart from the runtime's, as the reference's own.
 */
function coveredBy(entries: readonly { readonly first: string; readonly last: string }[], code: string): boolean {
  const plain = (text: string): string => text.split(".").join("");
  const wanted = plain(code);
  return entries.some(({ first, last }) => {
    const [low, high] = [plain(first), plain(last)];
    return wanted >= low && (wanted <= high || wanted.startsWith(high));
  });
}

export function not(value: Truth): Truth {
  return value === TRUE ? FALSE : value === FALSE ? TRUE : UNKNOWN;
}

/** Kleene conjunction: one false operand decides; otherwise one unknown operand leaves it open. */
export function allOf(values: readonly Truth[]): Truth {
  if (values.includes(FALSE)) return FALSE;
  return values.includes(UNKNOWN) ? UNKNOWN : TRUE;
}

/** Kleene disjunction: one true operand decides; otherwise one unknown operand leaves it open. */
export function anyOf(values: readonly Truth[]): Truth {
  if (values.includes(TRUE)) return TRUE;
  return values.includes(UNKNOWN) ? UNKNOWN : FALSE;
}

function fromBoolean(value: boolean): Truth {
  return value ? TRUE : FALSE;
}

/** A term's value: a literal, the service date, or a fact's value (undefined when unknown). */
export function termValue(term: Term, scope: ConditionScope): FactValue | undefined {
  switch (term.kind) {
    case "fact":
      return scope.valueOf(term.fact);
    case "number":
    case "date":
    case "text":
      return term.value;
    case "serviceDate":
      return scope.serviceDate;
    case "shifted": {
      const date = termValue(term.date, scope);
      return typeof date === "string" ? movedDate(date, term.by.amount, term.by.unit) : undefined;
    }
    case "field":
      return fieldValue(scope, term.variable, term.field);
  }
}

/** The records of a list fact, or undefined when nobody recorded the list. */
export function recordsOf(
  condition: Extract<Condition, { kind: "records" }>,
  scope: ConditionScope,
): readonly ReferenceRecord[] | undefined {
  const value = scope.valueOf(condition.list);
  return value === undefined ? undefined : (value as readonly ReferenceRecord[]);
}

/**
 * A quantifier, as docs/language.md words it: over an unknown list, unknown; `some` is the Kleene
 * "or" of its records, `every` the "and" of "filtered out or passes"; a count decided when every count
 * the unknown records allow decides it alike; the latest (earliest) record among those that pass the
 * filter, unknown while a record that may pass has an unknown date, or may pass with a date on or
 * after (before) the latest known one.
 */
function recordsTruth(condition: Extract<Condition, { kind: "records" }>, scope: ConditionScope): Truth {
  const records = recordsOf(condition, scope);
  if (records === undefined) return UNKNOWN;
  const truthFor = (inner: Condition, record: ReferenceRecord) =>
    truthOf(inner, withRecord(scope, condition.variable, record));
  const quantifier = condition.quantifier;
  switch (quantifier.kind) {
    case "some":
      return anyOf(records.map((record) => truthFor(quantifier.filter, record)));
    case "none":
      return not(anyOf(records.map((record) => truthFor(quantifier.filter, record))));
    case "every":
      return allOf(
        records.map((record) => anyOf([not(truthFor(quantifier.filter, record)), truthFor(quantifier.test, record)])),
      );
    case "count": {
      const than = termValue(quantifier.than, scope);
      if (typeof than !== "number") return UNKNOWN;
      const truths = records.map((record) => truthFor(quantifier.filter, record));
      const surely = truths.filter((truth) => truth === TRUE).length;
      const possibly = surely + truths.filter((truth) => truth === UNKNOWN).length;
      const outcomes = new Set<boolean>();
      for (let count = surely; count <= possibly; count++) outcomes.add(compareKnown(quantifier.operator, count, than));
      return outcomes.size > 1 ? UNKNOWN : fromBoolean(outcomes.has(true));
    }
    case "latest":
    case "earliest": {
      const later = (a: string, b: string) => (quantifier.kind === "latest" ? a > b : a < b);
      const candidates = records
        .map((record) => ({ record, passes: truthFor(quantifier.filter, record), date: record[quantifier.by] }))
        .filter((candidate) => candidate.passes !== FALSE);
      if (candidates.some((candidate) => typeof candidate.date !== "string")) return UNKNOWN;
      const sure = candidates.filter((candidate) => candidate.passes === TRUE);
      if (sure.length === 0) return candidates.length === 0 ? FALSE : UNKNOWN;
      const best = sure.map((candidate) => candidate.date as string).reduce((a, b) => (later(b, a) ? b : a));
      const rival = candidates.some(
        (candidate) => candidate.passes === UNKNOWN && !later(best, candidate.date as string),
      );
      if (rival) return UNKNOWN;
      return allOf(
        sure
          .filter((candidate) => candidate.date === best)
          .map((candidate) => truthFor(quantifier.test, candidate.record)),
      );
    }
  }
}

/** Days from 1970-01-01 of a YYYY-MM-DD date, and back, through the UTC calendar of Date. */
function dayOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A date moved by whole days, weeks, months or years, as the language guide says: days and weeks
 * exactly; months and years keep the day of the month, or take the last day of a shorter month.
 * Written apart from the runtime's calendar (through Date, for the years the tests draw, 1970 on).
 */
export function movedDate(date: string, amount: number, unit: DurationUnit): string {
  if (unit === "days" || unit === "weeks") return dateOfDay(dayOf(date) + amount * (unit === "weeks" ? 7 : 1));
  const months = amount * (unit === "years" ? 12 : 1);
  const firstOfMonth = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfMonth.getUTCFullYear(), firstOfMonth.getUTCMonth() + 1, 0)).getUTCDate();
  firstOfMonth.setUTCDate(Math.min(Number(date.slice(8, 10)), lastDay));
  return firstOfMonth.toISOString().slice(0, 10);
}

/** The first and last days of a window from `anchor`, both included. */
function windowDays(anchor: string, window: DateWindow): [string, string] {
  if (window.kind === "days") {
    const sign = window.side === "after" ? 1 : -1;
    const ends = [movedDate(anchor, sign * window.first, "days"), movedDate(anchor, sign * window.last, "days")];
    return ends.sort() as [string, string];
  }
  const { amount, unit } = window.length;
  const back = window.side === "after" ? anchor : movedDate(anchor, -amount, unit);
  const ahead = window.side === "before" ? anchor : movedDate(anchor, amount, unit);
  return [back, ahead];
}

/** Numbers compare as numbers; dates are YYYY-MM-DD texts, which compare in calendar order. */
function compareKnown(operator: ComparisonOperator, left: FactValue, right: FactValue): boolean {
  if (operator === "=") return left === right;
  if (operator === "!=") return left !== right;
  // A checked policy orders only numbers with numbers and dates with dates.
  const ordered =
    (typeof left === "number" && typeof right === "number") || (typeof left === "string" && typeof right === "string");
  if (!ordered) throw new Error(`reference: cannot order ${JSON.stringify(left)} and ${JSON.stringify(right)}`);
  switch (operator) {
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
  }
}

/** The truth of `condition`: a leaf that reads an unknown fact is unknown, never false. */
export function truthOf(condition: Condition, scope: ConditionScope): Truth {
  switch (condition.kind) {
    case "constant":
      return fromBoolean(condition.value);
    case "fact": {
      const value = scope.valueOf(condition.fact);
      return value === undefined ? UNKNOWN : fromBoolean(value === true);
    }
    case "oneOf": {
      const value = scope.valueOf(condition.fact);
      return value === undefined ? UNKNOWN : fromBoolean(typeof value === "string" && condition.values.includes(value));
    }
    case "compare": {
      const left = termValue(condition.left, scope);
      const right = termValue(condition.right, scope);
      if (left === undefined || right === undefined) return UNKNOWN;
      return fromBoolean(compareKnown(condition.operator, left, right));
    }
    case "dateWindow": {
      const date = termValue(condition.date, scope);
      const anchor = termValue(condition.anchor, scope);
      if (typeof date !== "string" || typeof anchor !== "string") return UNKNOWN;
      const [first, last] = windowDays(anchor, condition.window);
      return fromBoolean(first <= date && date <= last);
    }
    case "contains": {
      const value = scope.valueOf(condition.fact);
      if (value === undefined) return UNKNOWN;
      const held = Array.isArray(value) ? (value as readonly string[]) : [];
      const has = (wanted: string) => held.includes(wanted);
      return fromBoolean(condition.mode === "all" ? condition.values.every(has) : condition.values.some(has));
    }
    case "inValueSet": {
      const value = scope.valueOf(condition.fact);
      if (value === undefined) return UNKNOWN;
      const entries = scope.valueSet(condition.valueSet);
      const codes = condition.mode === "one" ? [value] : Array.isArray(value) ? value : [];
      return fromBoolean(codes.some((code) => typeof code === "string" && coveredBy(entries, code)));
    }
    case "not":
      return not(truthOf(condition.operand, scope));
    case "and":
      return allOf(condition.operands.map((operand) => truthOf(operand, scope)));
    case "or":
      return anyOf(condition.operands.map((operand) => truthOf(operand, scope)));
    case "atLeast": {
      const truths = condition.operands.map((operand) => truthOf(operand, scope));
      const surely = truths.filter((truth) => truth === TRUE).length;
      const possibly = surely + truths.filter((truth) => truth === UNKNOWN).length;
      // Enough operands already hold; or enough could still, once the unknown ones are learnt.
      return surely >= condition.count ? TRUE : possibly >= condition.count ? UNKNOWN : FALSE;
    }
    case "definition":
      return truthOf(scope.definition(condition.name), scope);
    case "part":
      return truthOf(scope.part(condition.id), scope);
    case "field": {
      const value = fieldValue(scope, condition.variable, condition.field);
      if (value === undefined) return UNKNOWN;
      if (condition.test.kind === "yes") return fromBoolean(value === true);
      const held = Array.isArray(value) ? (value as readonly string[]) : [];
      const has = (wanted: string) => held.includes(wanted);
      return fromBoolean(
        condition.test.mode === "all" ? condition.test.values.every(has) : condition.test.values.some(has),
      );
    }
    case "records":
      return recordsTruth(condition, scope);
    case "applied":
      return truthOf(condition.condition, scope);
    case "statement":
      return scope.statement(condition.target, condition.id);
  }
}

/**
 * The unknown facts an unknown condition waits on: found by descending only into the operands that
 * are themselves unknown (an operand already decided cannot change the outcome). A decided
 * condition waits on nothing.
 */
export function factsAwaited(condition: Condition, scope: ConditionScope, into: Set<string>): void {
  if (truthOf(condition, scope) !== UNKNOWN) return;
  switch (condition.kind) {
    case "constant":
      return;
    case "fact":
    case "oneOf":
    case "contains":
    case "inValueSet":
      into.add(condition.fact);
      return;
    case "compare":
    case "dateWindow": {
      const terms =
        condition.kind === "compare" ? [condition.left, condition.right] : [condition.date, condition.anchor];
      for (const term of terms) {
        const read = term.kind === "shifted" ? term.date : term;
        if (read.kind === "fact" && scope.valueOf(read.fact) === undefined) into.add(read.fact);
      }
      return;
    }
    case "not":
      factsAwaited(condition.operand, scope, into);
      return;
    case "and":
    case "or":
    case "atLeast":
      for (const operand of condition.operands) factsAwaited(operand, scope, into);
      return;
    case "definition":
      factsAwaited(scope.definition(condition.name), scope, into);
      return;
    case "part":
      factsAwaited(scope.part(condition.id), scope, into);
      return;
    case "field":
      return;
    case "applied":
      factsAwaited(condition.condition, scope, into);
      return;
    case "records": {
      // The list; the fact a count compares with; what its conditions wait on, over every record.
      into.add(condition.list);
      const quantifier = condition.quantifier;
      if (
        quantifier.kind === "count" &&
        quantifier.than.kind === "fact" &&
        scope.valueOf(quantifier.than.fact) === undefined
      )
        into.add(quantifier.than.fact);
      const inner = "test" in quantifier ? [quantifier.filter, quantifier.test] : [quantifier.filter];
      for (const record of recordsOf(condition, scope) ?? [])
        for (const part of inner) factsAwaited(part, withRecord(scope, condition.variable, record), into);
      return;
    }
    case "statement":
      for (const inner of scope.statementConditions(condition.target, condition.id)) factsAwaited(inner, scope, into);
      return;
  }
}
