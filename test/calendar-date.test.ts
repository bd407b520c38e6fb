// The runtime's date check agrees with the calendar: every real day passes, and the near misses fail.

import { expect, it } from "vitest";
import { isCalendarDate } from "../compiler/runtime/input.js";

it("accepts every real day from 1999 to 2030 and refuses the near misses", () => {
  for (let time = Date.UTC(1999, 0, 1); time < Date.UTC(2031, 0, 1); time += 86_400_000) {
    expect(isCalendarDate(new Date(time).toISOString().slice(0, 10))).toBe(true);
  }
  for (const bad of [
    "2023-02-29",
    "2024-02-30",
    "2100-02-29",
    "2025-04-31",
    "2025-00-10",
    "2025-13-01",
    "2025-1-01",
    "x025-01-01",
  ]) {
    expect(isCalendarDate(bad), bad).toBe(false);
  }
  expect(isCalendarDate("2000-02-29")).toBe(true);
});
