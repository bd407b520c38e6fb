// Unit limits per period (`units of contents at most 1 per month`): the units of a rule's lines
// counted apart for each calendar day or month of the lines' own dates of service. A line without a
// date of its own is on the claim's service date: a claim is one date of service unless its lines
// say otherwise.

import { lineDate, type ClaimFindings, type NormalizedLine } from "./claims.js";

export type UnitPeriod = "day" | "month";

/** The period a date falls in: the date itself for a day, YYYY-MM for a month. */
function periodOf(date: string, period: UnitPeriod): string {
  return period === "day" ? date : date.slice(0, 7);
}

/**
 * Checks the units of `indexes` against `allowed` in each period, each line on its own date or else
 * on `serviceDate`: broken when some period's units exceed it (the lines of every such period).
 */
export function checkUnitsPerPeriod<RuleId extends string>(
  findings: ClaimFindings<RuleId>,
  rule: RuleId,
  lines: readonly NormalizedLine[],
  indexes: readonly number[],
  period: UnitPeriod,
  allowed: number,
  serviceDate: string,
): void {
  const units = new Map<string, number>();
  for (const index of indexes) {
    const line = lines[index];
    if (line === undefined) continue;
    const key = periodOf(lineDate(line, serviceDate), period);
    units.set(key, (units.get(key) ?? 0) + line.units);
  }
  const over = [...units].filter(([, billed]) => billed > allowed).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (over.length === 0) return;
  const keys = new Set(over.map(([key]) => key));
  const offending = indexes.filter((index) => {
    const line = lines[index];
    return line !== undefined && keys.has(periodOf(lineDate(line, serviceDate), period));
  });
  const billed = over.map(([key, total]) => `${total} units in ${key}`).join(", ");
  findings.violated(rule, offending, `billed ${billed}; at most ${allowed} allowed per ${period}`);
}
