// The space of cases two versions of a policy are compared over: for each fact, the classes of values
// that no condition of either version tells apart (each with a representative value and how many
// values it stands for), and the periods of service dates split at every effective date. Yes-or-no
// facts and lists are taken value by value; numbers and dates are split at the thresholds the
// conditions compare them with; list values that no condition names are grouped.

import type { Condition, Duration, FactModel, PolicyModel, Term } from "../model/policy-model.js";
import { windowBounds } from "../model/date-terms.js";
import { allCoverageConditions } from "../model/walk-conditions.js";
import { shiftDate } from "../runtime/calendar.js";
import { recordQuestions } from "./record-questions.js";

/** One class of a fact's values: a representative to give the evaluators, and how many cases it stands for. */
export interface ValueClass {
  /** The value as the evaluator takes it (boolean, number, string, or array of strings). */
  readonly value: boolean | number | string | readonly string[];
  /** How a reviewer reads it: `yes`, `20`, `private_residence`, `(water, electricity)`. */
  readonly label: string;
  /** What the class covers, when it is more than its representative: `0 to under 21`. */
  readonly covers?: string;
  readonly weight: bigint;
}

export interface FactAxis {
  readonly name: string;
  readonly inOld: boolean;
  readonly inNew: boolean;
  readonly classes: readonly ValueClass[];
  /** For a set fact when its subsets are not listed (see factSpace): the values it may hold, newest first. */
  readonly members?: readonly string[];
}

export interface Period {
  /** First service date of the period, YYYY-MM-DD (its representative). */
  readonly from: string;
  /** Last service date, or undefined for "and later". */
  readonly to?: string;
}

type Comparison = Extract<Condition, { kind: "compare" }>;

/** Every comparison in a model, through definitions and applicability; a window of days as its two bounds. */
function comparisons(model: PolicyModel): Comparison[] {
  return allCoverageConditions(model).flatMap((condition): Comparison[] => {
    if (condition.kind === "compare") return [condition];
    if (condition.kind !== "dateWindow") return [];
    const { from, to } = windowBounds(condition.anchor, condition.window);
    return [
      { kind: "compare", operator: ">=", left: condition.date, right: from },
      { kind: "compare", operator: "<=", left: condition.date, right: to },
    ];
  });
}

/** The list conditions (`is one of`, `contains`) of a model, per fact. */
type ListCondition = Extract<Condition, { kind: "oneOf" | "contains" }>;

function listConditions(model: PolicyModel): Map<string, ListCondition[]> {
  const found = new Map<string, ListCondition[]>();
  for (const condition of allCoverageConditions(model)) {
    if (condition.kind !== "oneOf" && condition.kind !== "contains") continue;
    // Pushed, not copied: a fact may be tested by thousands of conditions.
    const tests = found.get(condition.fact);
    if (tests === undefined) found.set(condition.fact, [condition]);
    else tests.push(condition);
  }
  return found;
}

// ----- dates as day numbers ------------------------------------------------------------------------

export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

export function dateOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

// ----- cuts: where a comparison splits a number line ------------------------------------------------

/** A point on the number line between values: `tier` -1 is just before `at`, +1 just after. */
interface Cut {
  readonly at: number;
  readonly tier: -1 | 1;
}

function cutsFor(
  operator: Extract<Condition, { kind: "compare" }>["operator"],
  at: number,
  factOnLeft: boolean,
): Cut[] {
  // Normalise to `fact OP at`.
  const flipped = factOnLeft
    ? operator
    : ({ "<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "=", "!=": "!=" } as const)[operator];
  switch (flipped) {
    case "<":
    case ">=":
      return [{ at, tier: -1 }];
    case "<=":
    case ">":
      return [{ at, tier: 1 }];
    case "=":
    case "!=":
      return [
        { at, tier: -1 },
        { at, tier: 1 },
      ];
  }
}

/** The day of a term that stands for one fixed day in a period: a date, the service date, either moved. */
function fixedDay(term: Term, serviceDay: number): number | undefined {
  if (term.kind === "date") return dayNumber(term.value);
  if (term.kind === "serviceDate") return serviceDay;
  if (term.kind !== "shifted" || term.date.kind === "fact") return undefined;
  const base = term.date.kind === "date" ? term.date.value : dateOf(serviceDay);
  return dayNumber(shiftDate(base, term.by.amount, term.by.unit));
}

/**
 * The cuts of `moved(x) OP day`, where moved adds `by` to x, as cuts on x itself. Moving is monotone,
 * so x's side of the cut is found among the days around `day` moved back (months clamp by at most 3).
 */
function cutsThroughShift(operator: Comparison["operator"], day: number, valueOnLeft: boolean, by: Duration): Cut[] {
  const back = dayNumber(shiftDate(dateOf(day), -by.amount, by.unit));
  let lowest = Infinity; // the first x moved on or after `day`
  let highest = -Infinity; // the last x moved on or before `day`
  for (let x = back - 5; x <= back + 5; x++) {
    const moved = dayNumber(shiftDate(dateOf(x), by.amount, by.unit));
    if (moved >= day) lowest = Math.min(lowest, x);
    if (moved <= day) highest = Math.max(highest, x);
  }
  const flipped = valueOnLeft
    ? operator
    : ({ "<": ">", "<=": ">=", ">": "<", ">=": "<=", "=": "=", "!=": "!=" } as const)[operator];
  if (flipped === "<" || flipped === ">=") return cutsFor(flipped, lowest, true);
  if (flipped === "<=" || flipped === ">") return cutsFor(flipped, highest, true);
  return [
    { at: lowest, tier: -1 },
    { at: highest, tier: 1 },
  ];
}

/** The cuts a comparison makes on a day that `term` reads (`x` or `x` moved), against a fixed `day`. */
function cutsOn(term: Term, comparison: Comparison, day: number, termOnLeft: boolean): Cut[] {
  return term.kind === "shifted"
    ? cutsThroughShift(comparison.operator, day, termOnLeft, term.by)
    : cutsFor(comparison.operator, day, termOnLeft);
}

function compareKeys(a: Cut, b: Cut): number {
  return a.at - b.at || a.tier - b.tier;
}

/** Classes of a number line between `min` and `max` (inclusive) cut at `cuts`, each with a representative. */
function lineClasses(
  cuts: readonly Cut[],
  min: number,
  max: number,
  integer: boolean,
  show: (value: number) => string,
): { value: number; covers: string }[] {
  const sorted = [...cuts].filter((cut) => cut.at >= min && cut.at <= max).sort(compareKeys);
  const unique = sorted.filter((cut, i) => i === 0 || compareKeys(cut, sorted[i - 1] ?? cut) !== 0);
  const bounds: (Cut | undefined)[] = [undefined, ...unique, undefined];
  const classes: { value: number; covers: string }[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const low = bounds[i];
    const high = bounds[i + 1];
    // Smallest and largest values inside (low, high).
    const lowest = low === undefined ? min : low.tier === -1 ? low.at : integer ? low.at + 1 : low.at + 1e-9;
    const highest = high === undefined ? max : high.tier === 1 ? high.at : integer ? high.at - 1 : high.at - 1e-9;
    if (lowest > highest) continue;
    let value: number;
    if (low !== undefined && low.tier === -1 && (high === undefined || high.at !== low.at || high.tier === 1))
      value = low.at;
    else if (high !== undefined && high.tier === 1) value = high.at;
    else if (high !== undefined)
      value = integer ? highest : Math.floor(highest) >= lowest ? Math.floor(highest) : highest;
    else value = integer ? lowest : Math.ceil(lowest) <= highest ? Math.ceil(lowest) : lowest;
    const covers = lowest === highest ? show(lowest) : `${show(lowest)} to ${show(highest)}`;
    classes.push({ value, covers });
  }
  return classes;
}

// ----- axes ----------------------------------------------------------------------------------------

export interface FactSpace {
  readonly axes: readonly FactAxis[];
  /** Facts compared with another fact, split only at literal thresholds: the delta is a sample there. */
  readonly approximate: readonly string[];
}

function listLabel(values: readonly string[]): string {
  return `(${values.join(", ")})`;
}

/** The values either version declares for a list fact, the newer version's first. */
function listMembers(old: FactModel | undefined, next: FactModel | undefined): string[] {
  const declared = (fact: FactModel | undefined) =>
    fact && (fact.type.kind === "oneOf" || fact.type.kind === "setOf") ? fact.type.values.map((v) => v.name) : [];
  return [...new Set([...declared(next), ...declared(old)])];
}

/**
 * The classes of a list fact: values (or, for a set, subsets) that every list condition of both
 * versions treats alike, and that both versions accept alike, are one class.
 */
function listAxis(
  old: FactModel | undefined,
  next: FactModel | undefined,
  conditions: readonly ListCondition[],
): ValueClass[] {
  const declared = (fact: FactModel | undefined) =>
    fact && (fact.type.kind === "oneOf" || fact.type.kind === "setOf") ? fact.type.values.map((v) => v.name) : [];
  const inOld = new Set(declared(old));
  const inNew = new Set(declared(next));
  const all = [...new Set([...declared(next), ...declared(old)])];
  const kind = (next ?? old)?.type.kind;
  const groups = new Map<string, { members: (string | readonly string[])[] }>();
  const add = (signature: string, member: string | readonly string[]) => {
    const group = groups.get(signature) ?? { members: [] };
    group.members.push(member);
    groups.set(signature, group);
  };
  if (kind === "oneOf") {
    for (const value of all) {
      const tests = conditions
        .map((condition) => (condition.kind === "oneOf" && condition.values.includes(value) ? "1" : "0"))
        .join("");
      const valid = (declared: ReadonlySet<string>) => (declared.size === 0 ? "-" : declared.has(value) ? "1" : "0");
      add(`${valid(inOld)}${valid(inNew)}:${tests}`, value);
    }
    return [...groups.values()].map(({ members }) => {
      const value = String(members[0] ?? "");
      return {
        value,
        label: value,
        ...(members.length > 1 && { covers: `any of ${listLabel(members.map(String))}` }),
        weight: BigInt(members.length),
      };
    });
  }
  // A set: every subset, grouped by what each `contains` condition says of it. Larger subsets first,
  // so that a class is shown by its fullest member.
  const subsets: string[][] = [];
  for (let mask = 2 ** all.length - 1; mask >= 0; mask--) subsets.push(all.filter((_, i) => (mask & (1 << i)) !== 0));
  subsets.sort((a, b) => b.length - a.length);
  for (const subset of subsets) {
    const tests = conditions
      .map((condition) =>
        condition.kind !== "contains"
          ? "-"
          : (
                condition.mode === "all"
                  ? condition.values.every((v) => subset.includes(v))
                  : condition.values.some((v) => subset.includes(v))
              )
            ? "1"
            : "0",
      )
      .join("");
    // A version that does not have the fact is never given it, so only the other's validity counts.
    const valid = (declared: ReadonlySet<string>) =>
      declared.size === 0 ? "-" : subset.every((value) => declared.has(value)) ? "1" : "0";
    add(`${valid(inOld)}${valid(inNew)}:${tests}`, subset);
  }
  return [...groups.values()].map(({ members }) => {
    const value = (members[0] ?? []) as readonly string[];
    return {
      value,
      label: listLabel(value),
      ...(members.length > 1 && { covers: `${members.length} sets that every condition treats alike` }),
      weight: BigInt(members.length),
    };
  });
}

/**
 * The axes of the fact space for service dates in `period`. With `subsets` false a set fact's subsets
 * (2^n of them) are not listed: its axis names its members instead, for a caller that splits by member.
 */
export function factSpace(
  old: PolicyModel,
  next: PolicyModel,
  period: Period,
  options: { readonly subsets: boolean } = { subsets: true },
): FactSpace {
  const oldFacts = new Map(old.facts.map((fact) => [fact.name, fact]));
  const newFacts = new Map(next.facts.map((fact) => [fact.name, fact]));
  // A list of records is no axis of its own: each condition over it is (record-questions.ts).
  const names = [...new Set([...next.facts, ...old.facts].filter((f) => f.type.kind !== "list").map((f) => f.name))];
  const lists = new Map<string, ListCondition[]>();
  for (const model of [old, next])
    for (const [fact, found] of listConditions(model)) lists.set(fact, [...(lists.get(fact) ?? []), ...found]);
  const cuts = new Map<string, Cut[]>();
  const approximate = new Set<string>();
  const serviceDay = dayNumber(period.from);
  for (const model of [old, next]) {
    for (const comparison of comparisons(model)) {
      const sides: [Term, Term, boolean][] = [
        [comparison.left, comparison.right, true],
        [comparison.right, comparison.left, false],
      ];
      for (const [factTerm, other, factOnLeft] of sides) {
        const fact = factTerm.kind === "shifted" && factTerm.date.kind === "fact" ? factTerm.date : factTerm;
        if (fact.kind !== "fact") continue;
        const at = other.kind === "number" ? other.value : fixedDay(other, serviceDay);
        const readsFact = other.kind === "fact" || (other.kind === "shifted" && other.date.kind === "fact");
        if (readsFact) approximate.add(fact.fact);
        else if (at !== undefined)
          cuts.set(fact.fact, [...(cuts.get(fact.fact) ?? []), ...cutsOn(factTerm, comparison, at, factOnLeft)]);
      }
    }
  }
  const axes = names.map((name): FactAxis => {
    const before = oldFacts.get(name);
    const after = newFacts.get(name);
    const type = (after ?? before)?.type;
    const base = { name, inOld: before !== undefined, inNew: after !== undefined };
    switch (type?.kind) {
      case "boolean":
        return {
          ...base,
          classes: [
            { value: true, label: "yes", weight: 1n },
            { value: false, label: "no", weight: 1n },
          ],
        };
      case "number": {
        const ranges = [before?.type, after?.type].flatMap((t) => (t?.kind === "number" ? [t] : []));
        const min = Math.min(...ranges.map((t) => t.min ?? -1e9));
        const max = Math.max(...ranges.map((t) => t.max ?? 1e9));
        const rangeCuts = ranges.flatMap((t): Cut[] => [
          ...(t.min !== undefined ? [{ at: t.min, tier: -1 as const }] : []),
          ...(t.max !== undefined ? [{ at: t.max, tier: 1 as const }] : []),
        ]);
        const all = [...(cuts.get(name) ?? []), ...rangeCuts];
        const classes = lineClasses(
          all,
          min,
          max,
          all.every((cut) => Number.isInteger(cut.at)),
          String,
        );
        return {
          ...base,
          classes: classes.map(({ value, covers }) => ({
            value,
            label: String(value),
            ...(covers !== String(value) && { covers }),
            weight: 1n,
          })),
        };
      }
      case "date": {
        const classes = lineClasses(cuts.get(name) ?? [], serviceDay - 36_500, serviceDay + 36_500, true, dateOf);
        return {
          ...base,
          classes: classes.map(({ value, covers }) => ({
            value: dateOf(value),
            label: dateOf(value),
            covers: covers
              .replace(dateOf(serviceDay - 36_500), "any date")
              .replace(`to ${dateOf(serviceDay + 36_500)}`, "and later"),
            weight: 1n,
          })),
        };
      }
      case "setOf":
        if (!options.subsets) return { ...base, classes: [], members: listMembers(before, after) };
        return { ...base, classes: listAxis(before, after, lists.get(name) ?? []) };
      case "oneOf":
        return { ...base, classes: listAxis(before, after, lists.get(name) ?? []) };
      case "code":
      case "codes":
        return { ...base, classes: codeClasses(old, next, name, type.kind) };
      default:
        return { ...base, classes: [] };
    }
  });
  const questions = [...recordQuestions([old, next]).entries()].map(([name, condition]): FactAxis => {
    approximate.add(condition.list);
    return {
      name,
      inOld: old.facts.some((fact) => fact.name === condition.list),
      inNew: next.facts.some((fact) => fact.name === condition.list),
      classes: [
        { value: true, label: "yes", weight: 1n },
        { value: false, label: "no", weight: 1n },
      ],
    };
  });
  return { axes: [...axes, ...questions], approximate: [...approximate].sort() };
}

/** First days of the periods a comparison of the service date with a date splits: `service date >= d` starts one at d. */
function serviceDateBounds(model: PolicyModel): string[] {
  const bounds: string[] = [];
  for (const comparison of comparisons(model)) {
    const pairs: [Term, Term, boolean][] = [
      [comparison.left, comparison.right, true],
      [comparison.right, comparison.left, false],
    ];
    for (const [service, other, serviceOnLeft] of pairs) {
      const readsServiceDate =
        service.kind === "serviceDate" || (service.kind === "shifted" && service.date.kind === "serviceDate");
      const fixed = other.kind === "date" || (other.kind === "shifted" && other.date.kind === "date");
      if (!readsServiceDate || !fixed) continue;
      const day = fixedDay(other, 0) ?? 0;
      for (const cut of cutsOn(service, comparison, day, serviceOnLeft))
        bounds.push(dateOf(cut.tier === -1 ? cut.at : cut.at + 1));
    }
  }
  return bounds;
}

/** Service-date periods: from the first effective date of either version, split at every effective date and date a condition compares the service date with. */
export function periods(old: PolicyModel, next: PolicyModel): Period[] {
  const effective = [...old.revisions, ...next.revisions].map((revision) => revision.effective).sort();
  const first = effective[0] ?? "";
  const bounds = [...serviceDateBounds(old), ...serviceDateBounds(next)].filter((date) => date > first);
  const dates = [...new Set([...effective, ...bounds])].sort();
  return dates.map((from, i) => {
    const following = dates[i + 1];
    return following === undefined ? { from } : { from, to: dateOf(dayNumber(following) - 1) };
  });
}

/**
 * The classes of a fact of codes: the first and last code of every entry of every value set either
 * version tests it against, and a code in none (`ZZZ` is no code of any set); a set of codes takes
 * each as a list of one, and the empty list. NOTE: an approximation, as for a comparison of two
 * facts: codes between two listed ones are not told apart.
 */
/** A code of each system that a value set of a clinical policy is unlikely to list. */
const outsideCodes: Readonly<Record<string, string>> = {
  "ICD-10-CM": "Z99.89",
  "ICD-10-PCS": "ZZZZZZZ",
  HCPCS: "A9999",
  CPT: "99499",
};

function codeClasses(old: PolicyModel, next: PolicyModel, fact: string, kind: "code" | "codes"): FactAxis["classes"] {
  const codes = new Set<string>();
  let system = "ICD-10-CM";
  for (const model of [old, next]) {
    const type = model.facts.find((candidate) => candidate.name === fact)?.type;
    if (type?.kind === "code" || type?.kind === "codes") system = type.system;
    const tested = new Set<string>();
    for (const condition of allCoverageConditions(model))
      if (condition.kind === "inValueSet" && condition.fact === fact) tested.add(condition.valueSet);
    for (const valueSet of model.valueSets)
      if (tested.has(valueSet.name))
        for (const entry of valueSet.entries) {
          codes.add(entry.first);
          codes.add(entry.last);
        }
  }
  const listed = [...codes].sort();
  const outside = outsideCodes[system] ?? "Z99.89";
  const values = [...listed, outside];
  return kind === "code"
    ? values.map((code) => ({ value: code, label: code, weight: 1n }))
    : [{ value: [], label: "none", weight: 1n }, ...values.map((code) => ({ value: [code], label: code, weight: 1n }))];
}
