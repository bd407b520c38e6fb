// DO NOT EDIT. Copied by policyc from compiler/runtime/shared-dates.ts.
// Codes billed together on a claim whose lines carry their own dates: two codes are billed together
// when they are billed on the same date of service (`not billed with E0434`, `billed with each`,
// `units at least units of`). A line without a date of its own is on the claim's service date, so
// on a claim that dates no line every pair is on one date.

import { lineDate, type ClaimFindings, type NormalizedLine } from "./claims.js";

/**
 * The lines of `own` and of `partners` that share a date with a line of the other side (a finding
 * puts them in claim order); none when the two sides are billed on different dates.
 */
export function linesOnSharedDates(
  lines: readonly NormalizedLine[],
  own: readonly number[],
  partners: readonly number[],
  serviceDate: string,
): number[] {
  const dateOf = (index: number) => lineDate(lines[index], serviceDate);
  const ownDates = new Set(own.map(dateOf));
  const partnerDates = new Set(partners.map(dateOf));
  return [...own, ...partners].filter((index) => {
    const date = dateOf(index);
    return ownDates.has(date) && partnerDates.has(date);
  });
}

/**
 * `billed with each code of <group>` and `units at least units of <group>`, per date of service: on
 * each date a line of the group is billed, the code's units that date must reach what the group's
 * lines that date need (the largest line for `each`, all of them together for `at least`), since one
 * line of the code serves what is billed on its own day. Broken: the lines of each date that falls
 * short, with the figures of those dates (and no date named when the rule's lines share one).
 */
export function checkUnitsAtLeastPerDate<RuleId extends string>(
  findings: ClaimFindings<RuleId>,
  rule: RuleId,
  code: string,
  lines: readonly NormalizedLine[],
  own: readonly number[],
  group: readonly number[],
  need: "largest" | "together",
  serviceDate: string,
): void {
  if (metOnOneDate(lines, own, group, need, serviceDate)) return;
  const dateOf = (index: number) => lineDate(lines[index], serviceDate);
  const needed = new Map<string, number>();
  for (const index of group) {
    const date = dateOf(index);
    const units = lines[index]?.units ?? 0;
    const before = needed.get(date) ?? 0;
    needed.set(date, need === "largest" ? Math.max(before, units) : before + units);
  }
  const billed = new Map<string, number>();
  for (const index of own) {
    const date = dateOf(index);
    billed.set(date, (billed.get(date) ?? 0) + (lines[index]?.units ?? 0));
  }
  const short = [...needed]
    .filter(([date, units]) => (billed.get(date) ?? 0) < units)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (short.length === 0) return;
  const shortDates = new Set(short.map(([date]) => date));
  const offending = [...group, ...own].filter((index) => shortDates.has(dateOf(index)));
  const oneDate = new Set([...group, ...own].map(dateOf)).size === 1;
  const together = need === "together" ? " together" : "";
  const detail = short
    .map(
      ([date, units]) =>
        `${code} billed for ${billed.get(date) ?? 0} units${oneDate ? "" : ` on ${date}`}; the codes it must travel with need ${units}${together}`,
    )
    .join("; ");
  findings.violated(rule, offending, detail);
}

/**
 * The common claim, whose rule lines all fall on one date (most date no line at all): true when the
 * code's units that day reach what the group needs, found with two sums and no map. False when the
 * lines span dates or fall short, for the general reading above to decide and word.
 */
function metOnOneDate(
  lines: readonly NormalizedLine[],
  own: readonly number[],
  group: readonly number[],
  need: "largest" | "together",
  serviceDate: string,
): boolean {
  let day: string | undefined;
  let needed = 0;
  for (const index of group) {
    const line = lines[index];
    const date = lineDate(line, serviceDate);
    if (day === undefined) day = date;
    else if (date !== day) return false;
    const units = line?.units ?? 0;
    needed = need === "largest" ? Math.max(needed, units) : needed + units;
  }
  let billed = 0;
  for (const index of own) {
    const line = lines[index];
    if (day !== undefined && lineDate(line, serviceDate) !== day) return false;
    billed += line?.units ?? 0;
  }
  return billed >= needed;
}
