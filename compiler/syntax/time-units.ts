// The units of time a duration is written in (`1 day`, `30 days`, `2 months`), read from the word the
// author wrote: the checker reports a word that is none of them (PC065), lowering reads the unit.

export type TimeUnit = "days" | "weeks" | "months" | "years";

export const timeUnits: readonly TimeUnit[] = ["days", "weeks", "months", "years"];

/** The singular of each unit, written only after a count of 1 (`1 day`, never `30 day`). */
const singulars: Readonly<Record<string, TimeUnit>> = { day: "days", week: "weeks", month: "months", year: "years" };

/** The words a count may be followed by: the plurals always (`1 days` reads oddly, but is clear), the singulars after 1. */
export function unitWords(count: number): string[] {
  return count === 1 ? [...Object.keys(singulars), ...timeUnits] : [...timeUnits];
}

/** The words a message offers after `count`: the singulars after 1, else the plurals. */
export function suggestedUnitWords(count: number): string[] {
  return count === 1 ? Object.keys(singulars) : [...timeUnits];
}

/** The unit `word` names after `count`, or undefined when it names none. */
export function timeUnitOf(word: string, count: number): TimeUnit | undefined {
  if ((timeUnits as readonly string[]).includes(word)) return word as TimeUnit;
  return count === 1 && Object.hasOwn(singulars, word) ? singulars[word] : undefined;
}

/**
 * The longest duration a condition may count, in each unit: 1000 years (of 365.2425 days on average).
 * NOTE: a limit keeps every shifted date within reach of the calendar the runtime reads (years 0 to
 * 9999), and no clinical policy counts further.
 */
export const longestDuration: Readonly<Record<TimeUnit, number>> = {
  days: 365_242,
  weeks: 52_177,
  months: 12_000,
  years: 1_000,
};
