// Code pairs on a claim whose lines carry their own dates (`not billed with E0434`): two codes are
// billed together when they are billed on the same date of service. A line without a date of its
// own is on the claim's service date, so on a claim that dates no line every pair is on one date.

import type { NormalizedLine } from "./claims.js";

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
  const dateOf = (index: number) => lines[index]?.date ?? serviceDate;
  const ownDates = new Set(own.map(dateOf));
  const partnerDates = new Set(partners.map(dateOf));
  return [...own, ...partners].filter((index) => {
    const date = dateOf(index);
    return ownDates.has(date) && partnerDates.has(date);
  });
}
