// The revision log's words held against the statements' lifetimes (PC080, PC081): a log that names a
// change the statement does not carry, and a lifetime the log does not name. Small inline policies,
// each differing from a clean one by the mistake the lint is there to catch.

import { describe, expect, it } from "vitest";
import { loggedChanges } from "../compiler/check/revision-log.js";
import { checkPolicySource } from "../compiler/pipeline.js";

function policy(secondLog: string, criterionLifetime: string): string {
  return `policy T.1
  title "T" plan "P" description "D." last review 2024-06
revision 2024-01 "Original approval." effective 2024-01-01
revision 2024-06 "${secondLog}" effective 2024-06-01
fact a.flag: yes or no description "F." ask "F?"
fact a.other: yes or no description "O." ask "O?"
section I "Covered when:"
criterion I.1 "First." met when a.flag
criterion I.2 "Second." met when a.other
${criterionLifetime}
section NC "North Carolina guidance"
`;
}

function logWarnings(text: string): string[] {
  return checkPolicySource(text, "t.policy")
    .diagnostics.filter((d) => d.code === "PC080" || d.code === "PC081")
    .map((d) => `${d.code} ${d.span.line}:${d.span.column} ${d.message}`);
}

describe("the revision log against lifetimes", () => {
  it("passes a log and a lifetime that agree", () => {
    expect(logWarnings(policy("Annual review. Added Criteria I.2.", "  added in 2024-06"))).toEqual([]);
    expect(logWarnings(policy("Added the second criterion (I.2).", "  added in 2024-06"))).toEqual([]);
  });

  it("reports a log that says a criterion was added when the criterion has no `added in` (PC080)", () => {
    expect(logWarnings(policy("Annual review. Added Criteria I.2.", ""))).toEqual([
      "PC080 4:18 The text of revision 2024-06 says it added I.2, but I.2 is not `added in 2024-06`.",
    ]);
  });

  it("reports a lifetime the log does not name (PC081)", () => {
    expect(logWarnings(policy("Annual review. Codes reviewed.", "  added in 2024-06"))).toEqual([
      "PC081 10:12 I.2 is `added in 2024-06`, but the text of revision 2024-06 does not say it added I.2 or a statement it belongs to.",
    ]);
  });

  it("reports a removal the statement does not carry, and a removal the log does not name", () => {
    expect(logWarnings(policy("Removed criterion I.2.", ""))).toEqual([
      "PC080 4:18 The text of revision 2024-06 says it removed I.2, but I.2 is not `removed in 2024-06`.",
    ]);
    expect(logWarnings(policy("Annual review.", "  removed in 2024-06"))).toEqual([
      "PC081 10:14 I.2 is `removed in 2024-06`, but the text of revision 2024-06 does not say it removed I.2 or a statement it belongs to.",
    ]);
  });
});

describe("what a log's words name", () => {
  const declared = ["I", "I.A", "I.A.3", "I.C", "I.H", "I.H.1", "NC", "II.D"];

  it("takes each number after the nearest added or removed before it", () => {
    const text = "Removed the fingerstick log requirement (I.A.3). Added the hypoglycemia criterion (I.C).";
    expect([...loggedChanges(text, declared)]).toEqual([
      ["I.A.3", "removed"],
      ["I.C", "added"],
    ]);
  });

  it("keeps a number ending a sentence, and does not read I.A inside I.A.3", () => {
    expect([...loggedChanges("Annual Review. Added Criteria I.H. Medical Equipment.", declared)]).toEqual([
      ["I.H", "added"],
    ]);
    expect([...loggedChanges("Added Criteria I.A.3.", declared)]).toEqual([["I.A.3", "added"]]);
  });

  it("does not read a place as a change: removed from NC Guidance, under NC Guidance", () => {
    expect([...loggedChanges("NCHC verbiage removed from NC Guidance Verbiage.", declared)]).toEqual([]);
    expect([...loggedChanges("Removed text from References. Under NC Guidance, updated.", declared)]).toEqual([]);
  });

  it("takes a number after another verb (reworded, revised) as neither added nor removed", () => {
    expect([...loggedChanges("Added Criteria I.A.3. Reworded Criteria I.C. Removed I.H.", declared)]).toEqual([
      ["I.A.3", "added"],
      ["I.H", "removed"],
    ]);
  });

  it("reads an undotted number only after a statement's noun, and nothing before the first verb", () => {
    expect([...loggedChanges("Added Section I.", declared)]).toEqual([["I", "added"]]);
    expect([...loggedChanges("Added I to the list.", declared)]).toEqual([]);
    expect([...loggedChanges("I.H was reviewed; nothing added.", declared)]).toEqual([]);
  });
});
