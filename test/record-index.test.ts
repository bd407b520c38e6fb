// The index a nested quantifier joined on a field visits (runtime/record-index.ts): for a value, the
// records whose field is that value or unknown; for an unknown value, every record; for an unknown
// list, unknown. And each quantifier over the records it gives is the quantifier over the whole list
// when its filter requires the equality, on random lists with unknown fields (the differential test
// holds the generated evaluators to the reference the same way). The same for a date window between
// records (`withinDates`): the records dated inside it, by binary search in the list sorted by date.

import { describe, expect, it } from "vitest";
import { joined, withinDates } from "../compiler/runtime/record-index.js";
import { countRecords, everyRecord, latestRecord, someRecord, type RecordTest } from "../compiler/runtime/records.js";
import { and, type Truth } from "../compiler/runtime/truth.js";
import { seededRandom } from "./support/random-facts.js";

type Study = { readonly day?: string; readonly ok?: boolean };

describe("the records a join visits", () => {
  const a1 = { day: "a", ok: true };
  const b1 = { day: "b", ok: true };
  const unknownDay = { ok: false };
  const a2 = { day: "a", ok: false };
  const list: readonly Study[] = Object.freeze([a1, b1, unknownDay, a2]);

  it("are those of the value, then those whose field is unknown", () => {
    expect(joined(list, "day", "a")).toEqual([a1, a2, unknownDay]);
    expect(joined(list, "day", "c")).toEqual([unknownDay]);
  });

  it("are every record for an unknown value, and none of a list nobody recorded", () => {
    expect(joined(list, "day", undefined)).toBe(list);
    expect(joined(undefined, "day", "a")).toBeUndefined();
  });

  it("are found in an index made once per list: asking again gives the same records", () => {
    const known: readonly Study[] = Object.freeze([a1, b1, a2]);
    expect(joined(known, "day", "a")).toEqual([a1, a2]);
    expect(joined(known, "day", "a")).toBe(joined(known, "day", "a"));
  });
});

describe("a quantifier over the joined records", () => {
  const random = seededRandom(8);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const randomList = (): Study[] =>
    Array.from({ length: Math.floor(random() * 8) }, () => ({
      ...(random() < 0.8 && { day: pick(["a", "b", "c"]) }),
      ...(random() < 0.8 && { ok: random() < 0.5 }),
    }));
  const truthOf = (value: boolean | undefined): Truth => (value === undefined ? 1 : value ? 2 : 0);
  /** `s.day = key and s.ok`: the equality the join is on, and another test. */
  const filterFor =
    (key: string | undefined): RecordTest<Study> =>
    (study) =>
      and(study.day === undefined || key === undefined ? 1 : study.day === key ? 2 : 0, truthOf(study.ok));
  const test: RecordTest<Study> = (study) => truthOf(study.ok === undefined ? undefined : !study.ok);

  it("means what the quantifier over the whole list means, for some, every, count and latest", () => {
    for (let run = 0; run < 2_000; run++) {
      const list = random() < 0.1 ? undefined : Object.freeze(randomList());
      const key = random() < 0.15 ? undefined : pick(["a", "b", "c"]);
      const filter = filterFor(key);
      const visited = joined(list, "day", key);
      expect(someRecord(visited, filter)).toBe(someRecord(list, filter));
      expect(everyRecord(visited, filter, test)).toBe(everyRecord(list, filter, test));
      expect(countRecords(visited, filter, ">=", 2)).toBe(countRecords(list, filter, ">=", 2));
      expect(latestRecord(visited, (study) => study.day, filter, test, 1)).toBe(
        latestRecord(list, (study) => study.day, filter, test, 1),
      );
    }
  });
});

describe("the records a date window between records visits", () => {
  type Dated = { readonly performed?: string; readonly ok?: boolean };
  const may1 = { performed: "2024-05-01", ok: true };
  const may3 = { performed: "2024-05-03", ok: true };
  const may3b = { performed: "2024-05-03", ok: false };
  const undated = { ok: false };
  const may9 = { performed: "2024-05-09", ok: true };
  const list: readonly Dated[] = Object.freeze([may9, may3, undated, may1, may3b]);

  it("are those dated inside the window, both ends included, by date (a day's in the list's order), then the undated", () => {
    expect(withinDates(list, "performed", "2024-05-01", "2024-05-03")).toEqual([may1, may3, may3b, undated]);
    expect(withinDates(list, "performed", "2024-05-04", "2024-05-08")).toEqual([undated]);
    expect(withinDates(list, "performed", "2024-05-09", "2024-05-30")).toEqual([may9, undated]);
  });

  it("are every record while a bound is unknown, and none of a list nobody recorded", () => {
    expect(withinDates(list, "performed", undefined, "2024-05-03")).toBe(list);
    expect(withinDates(undefined, "performed", "2024-05-01", "2024-05-03")).toBeUndefined();
  });

  it("give each quantifier the meaning it has over the whole list, on random lists, windows and unknown dates", () => {
    const random = seededRandom(12);
    const day = (): string => `2024-05-${String(1 + Math.floor(random() * 20)).padStart(2, "0")}`;
    const truthOf = (value: boolean | undefined): Truth => (value === undefined ? 1 : value ? 2 : 0);
    for (let run = 0; run < 2_000; run++) {
      const records: Dated[] = Array.from({ length: Math.floor(random() * 12) }, () => ({
        ...(random() < 0.85 && { performed: day() }),
        ...(random() < 0.8 && { ok: random() < 0.5 }),
      }));
      const whole = random() < 0.1 ? undefined : Object.freeze(records);
      const [first, second] = [day(), day()].sort();
      const [from, to] = random() < 0.1 ? [undefined, undefined] : [first!, second!];
      // `s.performed` from `from` to `to`, as compiled (unknown when either side is), and another test.
      const inside = (date: string | undefined): Truth =>
        date === undefined || from === undefined || to === undefined ? 1 : date >= from && date <= to ? 2 : 0;
      const filter: RecordTest<Dated> = (study) => and(inside(study.performed), truthOf(study.ok));
      const test: RecordTest<Dated> = (study) => truthOf(study.ok === undefined ? undefined : !study.ok);
      const visited = withinDates(whole, "performed", from, to);
      expect(someRecord(visited, filter)).toBe(someRecord(whole, filter));
      expect(everyRecord(visited, filter, test)).toBe(everyRecord(whole, filter, test));
      expect(countRecords(visited, filter, ">=", 2)).toBe(countRecords(whole, filter, ">=", 2));
      expect(countRecords(visited, filter, "=", 1)).toBe(countRecords(whole, filter, "=", 1));
      for (const direction of [1, -1] as const)
        expect(latestRecord(visited, (study) => study.performed, filter, test, direction)).toBe(
          latestRecord(whole, (study) => study.performed, filter, test, direction),
        );
    }
  });
});
