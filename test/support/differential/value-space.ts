// The values worth trying for a policy's facts, read from its model: numbers on and around each
// threshold a condition or a unit limit compares a fact with, dates on and around each revision's
// effective date and each date a condition names. Boundaries are where an emitter's slips show.

import { isCodeOf, isCodeSystem } from "../../../compiler/runtime/codes.js";
import { windowBounds } from "../../../compiler/model/date-terms.js";
import type {
  Condition,
  Duration,
  FactModel,
  NumericModel,
  PolicyModel,
  Term,
} from "../../../compiler/model/policy-model.js";
import { allCoverageConditions, nestedConditions } from "../../../compiler/model/walk-conditions.js";
import { movedDate, type FactValue } from "../reference/conditions.js";

export interface ValueSpace {
  /** A short list of values for each fact (coverage and claim facts), by name: on and around its boundaries. */
  readonly candidates: ReadonlyMap<string, readonly FactValue[]>;
  /** For each fact a condition compares with a literal, those literals: a `>=` turned `>` shows only there. */
  readonly boundaries: ReadonlyMap<string, readonly FactValue[]>;
  /** Dates on and around the policy's own dates, for date facts and service dates alike. */
  readonly dates: readonly string[];
  /** The durations from the service date at which a comparison of a date fact turns (see serviceDateOffsetsOf). */
  readonly serviceDateOffsets: readonly Duration[];
  /** The span random dates are drawn from: a year before the revision log (refused), two years after. */
  readonly firstDay: number;
  readonly lastDay: number;
}

const DAY = 24 * 60 * 60 * 1000;

/** Days since 1970-01-01 of a YYYY-MM-DD date, and back: plain UTC arithmetic. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function allConditions(model: PolicyModel): Condition[] {
  const roots = [
    ...model.definitions.map((definition) => definition.condition),
    ...model.rules.flatMap((rule) => [
      rule.condition,
      ...rule.earlier.map((version) => version.condition),
      ...rule.applicability.map(({ condition }) => condition),
    ]),
    ...model.exceptions.map((exception) => exception.condition),
    ...model.billingRules.flatMap((rule) =>
      rule.kind === "billedOnlyWhen" || rule.kind === "notBilledWhen" ? [rule.condition] : [],
    ),
  ];
  return roots.flatMap((root) => [...nestedConditions(root)]);
}

/** The durations the conditions move dates by: of each moved term, and of each window's two bounds. */
function offsetsOf(model: PolicyModel): Duration[] {
  const found = new Map<string, Duration>();
  const add = (term: Term) => {
    if (term.kind === "shifted") found.set(`${term.by.amount} ${term.by.unit}`, term.by);
  };
  for (const condition of allConditions(model)) {
    if (condition.kind === "compare") [condition.left, condition.right].forEach(add);
    if (condition.kind !== "dateWindow") continue;
    const { from, to } = windowBounds(condition.anchor, condition.window);
    [condition.date, from, to].forEach(add);
  }
  return [...found.values()];
}

/**
 * The durations from the service date at which a date fact's comparison turns: `a.d >= service date
 * - 30 days` turns at -30 days, `a.d + 2 months <= service date` at -2 months, a window counted from
 * the service date at each of its bounds.
 */
function serviceDateOffsetsOf(model: PolicyModel): Duration[] {
  const found = new Map<string, Duration>();
  const add = (by: Duration) => found.set(`${by.amount} ${by.unit}`, by);
  const turnsAt = (term: Term, other: Term) => {
    if (term.kind === "shifted" && term.date.kind === "serviceDate" && other.kind === "fact") add(term.by);
    if (term.kind === "shifted" && term.date.kind === "fact" && other.kind === "serviceDate")
      add({ amount: -term.by.amount, unit: term.by.unit });
  };
  for (const condition of allConditions(model)) {
    if (condition.kind === "compare") {
      turnsAt(condition.left, condition.right);
      turnsAt(condition.right, condition.left);
    }
    if (condition.kind !== "dateWindow" || condition.anchor.kind !== "serviceDate") continue;
    const { from, to } = windowBounds(condition.anchor, condition.window);
    for (const bound of [from, to]) if (bound.kind === "shifted") add(bound.by);
  }
  return [...found.values()];
}

/**
 * `date` moved by each of `offsets`, and a day either side: where a moved comparison turns. Moved by
 * months or years, also the last day of the month it lands in, whose neighbours a month's end clamps
 * onto it.
 */
export function aroundMoved(date: string, offsets: readonly Duration[]): string[] {
  return offsets.flatMap((by) => {
    const moved = movedDate(date, by.amount, by.unit);
    const day = dayNumber(moved);
    const monthEnd =
      by.unit === "months" || by.unit === "years"
        ? [dayNumber(movedDate(`${moved.slice(0, 8)}01`, 1, "months")) - 1]
        : [];
    return [day - 1, day, day + 1, ...monthEnd].map(dateOfDay);
  });
}

function numericParts(expression: NumericModel): { facts: string[]; numbers: number[] } {
  if (expression.kind === "number") return { facts: [], numbers: [expression.value] };
  if (expression.kind === "fact") return { facts: [expression.fact], numbers: [] };
  const left = numericParts(expression.left);
  const right = numericParts(expression.right);
  return { facts: [...left.facts, ...right.facts], numbers: [...left.numbers, ...right.numbers] };
}

/** Per fact, the numbers and dates it is compared with; and every date literal. */
function literals(model: PolicyModel): {
  thresholds: Map<string, Set<number>>;
  boundaries: Map<string, Set<FactValue>>;
  dates: Set<string>;
} {
  const thresholds = new Map<string, Set<number>>();
  const addThreshold = (fact: string, value: number) =>
    thresholds.set(fact, (thresholds.get(fact) ?? new Set()).add(value));
  const boundaries = new Map<string, Set<FactValue>>();
  const dates = new Set<string>();
  for (const condition of allConditions(model)) {
    if (condition.kind !== "compare") continue;
    for (const [term, other] of [
      [condition.left, condition.right],
      [condition.right, condition.left],
    ] as const) {
      if (term.kind === "date") dates.add(term.value);
      if (term.kind === "shifted" && term.date.kind === "date") dates.add(term.date.value);
      if (term.kind !== "fact" || (other.kind !== "number" && other.kind !== "date")) continue;
      boundaries.set(term.fact, (boundaries.get(term.fact) ?? new Set()).add(other.value));
      if (other.kind === "number") addThreshold(term.fact, other.value);
    }
  }
  // A unit limit such as (minutes - 120) / 15 changes at 120, 135, 150...: a + b·k for its numbers a, b.
  for (const rule of model.billingRules) {
    if (rule.kind !== "unitsAtMost") continue;
    const { facts, numbers } = numericParts(rule.limit);
    for (const fact of facts)
      for (const a of numbers) for (const b of numbers) for (let k = 0; k <= 6; k++) addThreshold(fact, a + b * k);
  }
  return { thresholds, boundaries, dates };
}

function numberCandidates(
  type: Extract<FactModel["type"], { kind: "number" }>,
  thresholds: ReadonlySet<number>,
): number[] {
  const min = type.min ?? -1000;
  const max = type.max ?? 1000;
  const near = [...thresholds].flatMap((t) => [t - 1, t - 0.5, t, t + 0.5, t + 1]);
  const fallback = thresholds.size === 0 ? [0, 1, 10, (min + max) / 2] : [];
  return [...new Set([min, max, ...near, ...fallback])].filter((n) => n >= min && n <= max);
}

/** Every subset a set condition cares about: none, all, each value alone, all but each value. */
function setCandidates(values: readonly string[]): string[][] {
  return [
    [],
    [...values],
    ...values.map((value) => [value]),
    ...values.map((value) => values.filter((other) => other !== value)),
  ];
}

/**
 * Codes a membership condition cares about: each row's first and last code, a child of the last,
 * and a code in no row, all of the fact's system (others are refused as input).
 */
function codeCandidates(model: PolicyModel, system: string): string[] {
  const codes = model.valueSets
    .filter((valueSet) => valueSet.system === system)
    .flatMap((valueSet) => valueSet.entries.flatMap((entry) => [entry.first, entry.last, `${entry.last}1`]));
  const outside = ["Z99.89", "A9999", "99499", "ZZZZZZZ"];
  return [...new Set([...codes, ...outside])].filter((code) => isCodeSystem(system) && isCodeOf(system, code));
}

export function valueSpace(model: PolicyModel): ValueSpace {
  const { thresholds, boundaries, dates: dateLiterals } = literals(model);
  const anchors = [...model.revisions.map((revision) => revision.effective), ...dateLiterals];
  const offsets = offsetsOf(model);
  const dates = [
    ...new Set(
      anchors.flatMap((date) => [
        ...[-1, 0, 1].map((offset) => dateOfDay(dayNumber(date) + offset)),
        ...aroundMoved(date, [...offsets, ...offsets.map((by) => ({ amount: -by.amount, unit: by.unit }))]),
      ]),
    ),
  ].sort();
  const effectiveDays = model.revisions.map((revision) => dayNumber(revision.effective));
  const firstDay = Math.min(...effectiveDays) - 365;
  const lastDay = Math.max(...effectiveDays) + 730;

  const candidates = new Map<string, readonly FactValue[]>();
  for (const fact of [...model.facts, ...model.claimFacts]) {
    const type = fact.type;
    switch (type.kind) {
      case "boolean":
        candidates.set(fact.name, [true, false]);
        break;
      case "number":
        candidates.set(fact.name, numberCandidates(type, thresholds.get(fact.name) ?? new Set()));
        break;
      case "date":
        candidates.set(fact.name, [...dates, dateOfDay(firstDay), dateOfDay(lastDay)]);
        break;
      case "oneOf":
        candidates.set(
          fact.name,
          type.values.map((value) => value.name),
        );
        break;
      case "setOf":
        candidates.set(fact.name, setCandidates(type.values.map((value) => value.name)));
        break;
      case "list": {
        // The list itself: none; its records are drawn from the candidates of each field (fieldKey).
        candidates.set(fact.name, [[]]);
        const fieldThresholds = fieldNumbers(model);
        for (const field of type.fields) {
          const key = fieldKey(fact.name, field.name);
          const fieldType = field.type;
          if (fieldType.kind === "boolean") candidates.set(key, [true, false]);
          else if (fieldType.kind === "number")
            candidates.set(key, numberCandidates(fieldType, fieldThresholds.get(field.name) ?? new Set()));
          else if (fieldType.kind === "date") candidates.set(key, [...dates, dateOfDay(firstDay), dateOfDay(lastDay)]);
          else if (fieldType.kind === "oneOf")
            candidates.set(
              key,
              fieldType.values.map((value) => value.name),
            );
          else if (fieldType.kind === "setOf")
            candidates.set(key, setCandidates(fieldType.values.map((value) => value.name)));
          // A field of codes is refused by the checker (PC102): no fixture has one.
        }
        break;
      }
      case "code":
      case "codes": {
        const codes = codeCandidates(model, type.system);
        candidates.set(fact.name, type.kind === "code" ? codes : [[], ...codes.map((code) => [code]), codes]);
        break;
      }
    }
  }
  const inRange = (fact: string, value: FactValue) => candidates.get(fact)?.includes(value) === true;
  const reachableBoundaries = new Map(
    [...boundaries].map(([fact, values]) => [fact, [...values].filter((value) => inRange(fact, value))] as const),
  );
  const serviceDateOffsets = serviceDateOffsetsOf(model);
  return { candidates, boundaries: reachableBoundaries, dates, serviceDateOffsets, firstDay, lastDay };
}

/** The key of a field's candidates: `oxygen.studies[].pressure`. */
export function fieldKey(list: string, field: string): string {
  return `${list}[].${field}`;
}

/** The numbers each field (by its name) is compared with, anywhere in the coverage rules. */
function fieldNumbers(model: PolicyModel): Map<string, Set<number>> {
  const numbers = new Map<string, Set<number>>();
  for (const condition of allCoverageConditions(model)) {
    if (condition.kind !== "compare") continue;
    for (const [side, other] of [
      [condition.left, condition.right],
      [condition.right, condition.left],
    ] as const) {
      if (side.kind !== "field" || other.kind !== "number") continue;
      const found = numbers.get(side.field) ?? new Set<number>();
      found.add(other.value);
      numbers.set(side.field, found);
    }
  }
  return numbers;
}

export function candidatesOf(space: ValueSpace, fact: string): readonly FactValue[] {
  const found = space.candidates.get(fact);
  if (found === undefined || found.length === 0) throw new Error(`no candidate values for ${fact}`);
  return found;
}
