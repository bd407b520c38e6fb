// Unit limits per period (`units of contents at most 1 per month`): the units of a rule's lines
// counted apart for each calendar day or month of the lines' own dates of service. A line without a
// date counts nowhere yet: the rule is pending on it only when it could tip some period over.

import type { ClaimFindings, NormalizedLine } from "./claims.js";

export type UnitPeriod = "day" | "month";

/** The period a date falls in: the date itself for a day, YYYY-MM for a month. */
function periodOf(date: string, period: UnitPeriod): string {
  return period === "day" ? date : date.slice(0, 7);
}

/**
 * Checks the units of `indexes` against `allowed` in each period: broken when some period's dated
 * units exceed it (the lines of every such period); else pending, naming each line's missing date,
 * when the undated units put in the fullest period could exceed it; else kept.
 */
export function checkUnitsPerPeriod<RuleId extends string>(
  findings: ClaimFindings<RuleId>,
  rule: RuleId,
  lines: readonly NormalizedLine[],
  indexes: readonly number[],
  period: UnitPeriod,
  allowed: number,
): void {
  const units = new Map<string, number>();
  const undated: number[] = [];
  let undatedUnits = 0;
  for (const index of indexes) {
    const line = lines[index];
    if (line === undefined) continue;
    if (line.date === undefined) {
      undated.push(index);
      undatedUnits += line.units;
      continue;
    }
    const key = periodOf(line.date, period);
    units.set(key, (units.get(key) ?? 0) + line.units);
  }
  const over = [...units].filter(([, billed]) => billed > allowed).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (over.length > 0) {
    const keys = new Set(over.map(([key]) => key));
    const offending = indexes.filter((index) => {
      const date = lines[index]?.date;
      return date !== undefined && keys.has(periodOf(date, period));
    });
    const billed = over.map(([key, total]) => `${total} units in ${key}`).join(", ");
    findings.violated(rule, offending, `billed ${billed}; at most ${allowed} allowed per ${period}`);
    return;
  }
  if (undated.length === 0) return;
  let fullest = 0;
  for (const billed of units.values()) fullest = Math.max(fullest, billed);
  if (fullest + undatedUnits > allowed) {
    undated.sort((a, b) => a - b);
    findings.couldNotCheck(
      rule,
      undated,
      undated.map((index) => `lines[${index}].date`),
    );
  }
}
