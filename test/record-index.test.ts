// The index a nested quantifier joined on a field visits (runtime/record-index.ts): for a value, the
// records whose field is that value or unknown; for an unknown value, every record; for an unknown
// list, unknown. And each quantifier over the records it gives is the quantifier over the whole list
// when its filter requires the equality, on random lists with unknown fields (the differential test
// holds the generated evaluators to the reference the same way).

import { describe, expect, it } from "vitest";
import { joined } from "../compiler/runtime/record-index.js";
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
