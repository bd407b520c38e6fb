// The runtime's date arithmetic (compiler/runtime/calendar.ts), which `service date - 30 days` and
// `within 2 months of` run on: the calendar rules of the language guide case by case (month ends,
// leap years, year boundaries, the calendar's own ends), then as properties over every date.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AFTER_ALL_DATES, BEFORE_ALL_DATES, shiftDate, type DurationUnit } from "../compiler/runtime/calendar.js";
import { isCalendarDate } from "../compiler/runtime/input.js";

describe("shiftDate", () => {
  it.each([
    // Days and weeks are exact, across month, year and leap-day boundaries.
    ["2024-06-01", -30, "days", "2024-05-02"],
    ["2023-12-31", 1, "days", "2024-01-01"],
    ["2024-01-01", -1, "days", "2023-12-31"],
    ["2024-02-28", 1, "days", "2024-02-29"],
    ["2023-02-28", 1, "days", "2023-03-01"],
    ["2100-02-28", 1, "days", "2100-03-01"],
    ["2000-02-28", 1, "days", "2000-02-29"],
    ["2024-03-01", -1, "days", "2024-02-29"],
    ["2024-12-25", 2, "weeks", "2025-01-08"],
    ["2024-05-22", 61, "days", "2024-07-22"],
    ["2024-05-22", 90, "days", "2024-08-20"],
    // Months keep the day of the month, clamped to the last day of a shorter month.
    ["2024-01-31", 1, "months", "2024-02-29"],
    ["2023-01-31", 1, "months", "2023-02-28"],
    ["2024-03-31", 1, "months", "2024-04-30"],
    ["2024-03-31", -1, "months", "2024-02-29"],
    ["2024-05-31", -3, "months", "2024-02-29"],
    ["2024-01-15", 2, "months", "2024-03-15"],
    ["2024-11-30", 3, "months", "2025-02-28"],
    ["2024-01-31", -1, "months", "2023-12-31"],
    ["2024-02-29", 12, "months", "2025-02-28"],
    // Years likewise: a leap day lands on 28 February of a common year.
    ["2024-02-29", 1, "years", "2025-02-28"],
    ["2024-02-29", -1, "years", "2023-02-28"],
    ["2024-02-29", 4, "years", "2028-02-29"],
    ["2024-02-29", 100, "years", "2124-02-29"],
    ["2000-02-29", 100, "years", "2100-02-28"],
    ["2024-07-04", -10, "years", "2014-07-04"],
  ] as const)("%s moved by %d %s is %s", (date, amount, unit, expected) => {
    expect(shiftDate(date, amount, unit)).toBe(expected);
  });

  it("is not commutative with a month's end: one month twice is not two months", () => {
    expect(shiftDate(shiftDate("2024-01-31", 1, "months"), 1, "months")).toBe("2024-03-29");
    expect(shiftDate("2024-01-31", 2, "months")).toBe("2024-03-31");
  });

  it("keeps to the calendar's four-digit years, and past either end compares before or after every date", () => {
    expect(shiftDate("0000-01-01", 0, "days")).toBe("0000-01-01");
    expect(shiftDate("0001-03-01", -1, "days")).toBe("0001-02-28");
    expect(shiftDate("0000-03-01", -1, "days")).toBe("0000-02-29");
    expect(shiftDate("9999-12-31", 1, "days")).toBe(AFTER_ALL_DATES);
    expect(shiftDate("9999-12-31", 1, "months")).toBe(AFTER_ALL_DATES);
    expect(shiftDate("0000-01-01", -1, "days")).toBe(BEFORE_ALL_DATES);
    expect(shiftDate("0500-06-15", -1000, "years")).toBe(BEFORE_ALL_DATES);
    expect(BEFORE_ALL_DATES < "0000-01-01" && "9999-12-31" < AFTER_ALL_DATES).toBe(true);
  });
});

/** Any calendar date from 0400 to 9500, so that 300 years either way stay on the calendar. */
const calendarDate = fc
  .date({ min: new Date("0400-01-01T00:00:00Z"), max: new Date("9500-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => {
    const year = String(date.getUTCFullYear()).padStart(4, "0");
    return `${year}-${String(date.getUTCMonth() + 1).padStart(2, "0")}-${String(date.getUTCDate()).padStart(2, "0")}`;
  });
const unit = fc.constantFrom<DurationUnit>("days", "weeks", "months", "years");
/** A count of any unit, up to 300 years. */
const count = fc.integer({ min: -300, max: 300 });

describe("shiftDate, for any date", () => {
  it("gives a calendar date, and moves forward for a positive count and back for a negative one", () => {
    fc.assert(
      fc.property(calendarDate, count, unit, (date, amount, by) => {
        const moved = shiftDate(date, amount, by);
        expect(isCalendarDate(moved)).toBe(true);
        if (amount > 0) expect(moved > date).toBe(true);
        if (amount < 0) expect(moved < date).toBe(true);
      }),
    );
  });

  it("moves back exactly where it came from by days and weeks", () => {
    fc.assert(
      fc.property(calendarDate, count, fc.constantFrom<DurationUnit>("days", "weeks"), (date, amount, by) => {
        expect(shiftDate(shiftDate(date, amount, by), -amount, by)).toBe(date);
      }),
    );
  });

  it("agrees with the UTC calendar of Date for days", () => {
    fc.assert(
      fc.property(calendarDate, count, (date, amount) => {
        const day = new Date(`${date}T00:00:00Z`);
        day.setUTCDate(day.getUTCDate() + amount);
        expect(shiftDate(date, amount, "days")).toBe(day.toISOString().slice(0, 10));
      }),
    );
  });

  it("keeps the day of the month when the month it lands in has it, and the month's last day otherwise", () => {
    fc.assert(
      fc.property(calendarDate, count, fc.constantFrom<DurationUnit>("months", "years"), (date, amount, by) => {
        const moved = shiftDate(date, amount, by);
        const months = (Number(moved.slice(0, 4)) - Number(date.slice(0, 4))) * 12 + Number(moved.slice(5, 7));
        expect(months - Number(date.slice(5, 7))).toBe(by === "years" ? amount * 12 : amount);
        const day = Number(date.slice(8, 10));
        expect(Number(moved.slice(8, 10))).toBe(Math.min(day, daysInMonth(moved.slice(0, 7))));
      }),
    );
  });

  it("preserves order: a later date never moves to an earlier one", () => {
    fc.assert(
      fc.property(calendarDate, calendarDate, count, unit, (a, b, amount, by) => {
        const [earlier, later] = a <= b ? [a, b] : [b, a];
        expect(shiftDate(earlier, amount, by) <= shiftDate(later, amount, by)).toBe(true);
      }),
    );
  });
});

/** The number of days in a month (YYYY-MM), from the UTC calendar of Date (setUTCFullYear: Date.UTC reads 0-99 as 1900-1999). */
function daysInMonth(month: string): number {
  const day = new Date(0);
  day.setUTCFullYear(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0);
  return day.getUTCDate();
}
