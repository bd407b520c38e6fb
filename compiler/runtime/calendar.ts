// Calendar arithmetic on dates kept as their text (YYYY-MM-DD), for conditions such as
// `service date - 30 days`: pure arithmetic on year, month and day, no Date object and no time zone.
// The generated closures call shiftDate; explain.ts calls it on conditions as data.

/** The units of a duration in a condition. */
export type DurationUnit = "days" | "weeks" | "months" | "years";

/**
 * What a shift past the calendar's ends gives: texts that compare (as texts) before every date from
 * 0000-01-01 and after every date to 9999-12-31, so a comparison with them stays right.
 */
export const BEFORE_ALL_DATES = "0000-00-00";
export const AFTER_ALL_DATES = "9999-99-99";

const daysInMonths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (daysInMonths[month - 1] ?? 0);
}

/** Days from 0000-03-01 to a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil, shifted). */
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra;
}

/** The date of a day number of `dayNumber`. */
function dateOfDayNumber(days: number): { year: number; month: number; day: number } {
  const era = Math.floor(days / 146097);
  const dayOfEra = days - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function dateText(year: number, month: number, day: number): string {
  if (year < 0) return BEFORE_ALL_DATES;
  if (year > 9999) return AFTER_ALL_DATES;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * `date` moved by `amount` (negative: back) of `unit`. Days and weeks are exact; months and years keep
 * the day of the month, clamped to the last day of a shorter month (2024-01-31 + 1 month is
 * 2024-02-29, 2024-02-29 + 1 year is 2025-02-28). `date` must be a calendar date (input.ts checks
 * every date read); a result past either end of the calendar is BEFORE_ALL_DATES or AFTER_ALL_DATES.
 */
export function shiftDate(date: string, amount: number, unit: DurationUnit): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  if (unit === "days" || unit === "weeks") {
    const shifted = dateOfDayNumber(dayNumber(year, month, day) + amount * (unit === "weeks" ? 7 : 1));
    return dateText(shifted.year, shifted.month, shifted.day);
  }
  const months = year * 12 + (month - 1) + amount * (unit === "years" ? 12 : 1);
  const newYear = Math.floor(months / 12);
  const newMonth = months - newYear * 12 + 1;
  return dateText(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}
