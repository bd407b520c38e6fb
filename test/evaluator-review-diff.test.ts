// A policy's next revision shows up as a reviewed diff of its evaluator, so that diff must be about
// the change alone: the generated code names everything by statement id and fact name, never by
// position. Adding one criterion in the middle of a fixture policy changes only a few lines, and
// adding a fact changes no line about any other fact.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planFromSources } from "../compiler/build/build.js";
import { projectRoot } from "./support/evaluators.js";
import { lineDiff } from "./support/line-diff.js";

const fixturePath = "test/fixtures/continuous-glucose-monitors/cgm.policy";
const fixture = readFileSync(join(projectRoot, fixturePath), "utf8");

async function evaluatorOf(text: string): Promise<string> {
  const plan = await planFromSources([{ path: fixturePath, text }], []);
  expect(plan.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const evaluator = plan.files.find((file) => file.path.endsWith("/evaluator.ts"));
  if (evaluator === undefined) throw new Error("no evaluator was built");
  return evaluator.contents;
}

/** `text` with `addition` inserted just before the line that starts with `before`. */
function insertedBefore(text: string, before: string, addition: string): string {
  const at = text.indexOf(`\n${before}`);
  if (at < 0) throw new Error(`the fixture no longer has a line starting ${before}`);
  return `${text.slice(0, at + 1)}${addition}\n${text.slice(at + 1)}`;
}

/** The header's source hash and the model's hash change with any edit of the policy; they are not logic. */
function isHashLine(line: string): boolean {
  return line.includes("sha256") || line.includes("sourceHash") || line.includes("modelHash");
}

describe("the evaluator's diff when a policy changes", () => {
  it("stays within 25 lines for one criterion added in the middle of a section", async () => {
    const criterion = [
      'criterion I.A.4 "The member has had a documented visit."',
      "  met when patient.last_visit <= service date",
      "  category clinical",
      "",
    ].join("\n");
    const before = await evaluatorOf(fixture);
    const after = await evaluatorOf(insertedBefore(fixture, "criterion I.B ", criterion));
    const { added, removed } = lineDiff(before, after);
    // The hashes change with any edit; everything else must be the criterion itself.
    expect(removed.filter((line) => !isHashLine(line))).toEqual([]);
    expect(added.length + removed.length).toBeLessThanOrEqual(25);
    expect(added.join("\n")).toContain('id: "I.A.4"');
    // No line names another criterion: nothing was renumbered.
    const others = ["I.A.1", "I.A.2", "I.A.3", "I.B", "I.C", "II.A"];
    for (const line of added.filter((line) => !isHashLine(line)))
      for (const id of others) expect(line, line).not.toContain(`"${id}"`);
  });

  it("changes only the lines of a criterion when it is reworded at a revision", async () => {
    const version = [
      '  before 2023-07 "The member has diabetes."',
      "    met when patient.diagnosis is one of (type_1, type_2)",
    ].join("\n");
    const before = await evaluatorOf(fixture);
    const after = await evaluatorOf(insertedBefore(fixture, 'criterion I.A.2 "', `${version}\n`));
    const { added, removed } = lineDiff(before, after);
    const changed = [...added, ...removed].filter((line) => !isHashLine(line));
    // The version's own entry in I.A.1's list of earlier versions, and nothing else: the current
    // version's lines, and every other statement's, are untouched.
    expect(removed.filter((line) => !isHashLine(line))).toEqual([]);
    expect(changed.length).toBeLessThanOrEqual(16);
    expect(added.join("\n")).toContain('text: "The member has diabetes."');
    expect(added.join("\n")).toContain("until: REVISION_2023_07");
    for (const line of changed)
      for (const id of ["I.A.2", "I.A.3", "I.B", "I.C"]) expect(line, line).not.toContain(`"${id}"`);
  });

  it("changes no line about another fact when a fact is added", async () => {
    const fact = [
      "fact patient.has_caregiver: yes or no",
      '  description "A caregiver helps the member with the device."',
      '  ask "Does a caregiver help the member with the device?"',
      "",
    ].join("\n");
    const before = await evaluatorOf(fixture);
    const after = await evaluatorOf(insertedBefore(fixture, "fact patient.last_visit", fact));
    const { added, removed } = lineDiff(before, after);
    expect(removed.filter((line) => !isHashLine(line))).toEqual([]);
    const otherFacts = [...fixture.matchAll(/^fact ([\w.]+)/gm)].map((match) => match[1]!);
    expect(otherFacts.length).toBeGreaterThan(5);
    for (const line of added) for (const name of otherFacts) expect(line, line).not.toContain(`"${name}"`);
    expect(added.join("\n")).toContain('"patient.has_caregiver"');
  });
});
