// A reading's rejected alternative, written as logic, is compiled and counted: the policy with the
// alternative's replacements made is the policy an author would write by hand for the other reading
// (same model), its impact is the review diff's count between the two, and the register of
// readings shows it. Small policies written here, never the live one.

import { describe, expect, it } from "vitest";
import { checkSources, planFromSources } from "../compiler/build/build.js";
import { symbolicDelta } from "../compiler/diff/symbolic-delta.js";
import type { PolicyModel } from "../compiler/model/policy-model.js";
import { formatSource } from "../compiler/format/format-source.js";

const header = `policy T.1
  title "Test" plan "Plan" description "A test policy." last review 2024-06
revision 2024-01 "Original." effective 2024-01-01
category safety "keeps the member safe"
category place "limits the place of service"
fact a.flag: yes or no description "A flag." ask "Is the flag set?"
fact a.place: one of home "at home", clinic "in a clinic" description "Where." ask "Where?"
section I "Covered when:"
`;

const reading = `  reading "The place is where the service is given, so only home counts."
    alternative "Any place counts."
      in I.2 met when a.place is one of (home, clinic)
      in I.2 category safety
`;

const policy = `${header}criterion I.1 "Flag." met when a.flag category safety
criterion I.2 "At home." met when a.place is home category place
${reading}`;

/** The other reading, written out by hand as an author would. */
const otherReading = `${header}criterion I.1 "Flag." met when a.flag category safety
criterion I.2 "At home." met when a.place is one of (home, clinic) category safety
${reading}`;

function modelOf(text: string): PolicyModel {
  const checked = checkSources([{ path: "policy/t.policy", text }], []);
  expect(checked.diagnostics.filter((found) => found.severity === "error")).toEqual([]);
  const model = checked.models.get("T.1");
  if (!model) throw new Error("no model");
  return model;
}

/** The compiled alternatives of T.1 (not its readings that decide nothing). */
function writtenAlternatives(checked: ReturnType<typeof checkSources>) {
  return (checked.alternatives.get("T.1") ?? []).flatMap((compiled) =>
    compiled.kind === "alternative" ? [compiled] : [],
  );
}

/** The model without what only names its source, for comparing two sources of the same meaning. */
function meaning(model: PolicyModel): unknown {
  return { ...model, sourceHash: "" };
}

describe("a reading's alternative", () => {
  it("compiles to the model of the policy written the other way by hand", () => {
    const checked = checkSources([{ path: "policy/t.policy", text: policy }], []);
    expect(checked.diagnostics.filter((found) => found.severity === "error")).toEqual([]);
    const [alternative] = writtenAlternatives(checked);
    expect(alternative?.site.owner).toBe("I.2");
    expect(meaning(alternative!.model)).toEqual(meaning(modelOf(otherReading)));
    // Both replacements are made: with the category left as it was, the models differ.
    expect(meaning(alternative!.model)).not.toEqual(
      meaning(modelOf(otherReading.replace("category safety\n  reading", "category place\n  reading"))),
    );
  });

  it("is counted by the review diff's engine, and shown in the register with its figure", async () => {
    const simple = `${header}criterion I.1 "Flag." met when a.flag category safety
criterion I.2 "At home." met when a.place is home category place
${reading.replace("      in I.2 category safety\n", "")}`;
    const byHand = simple.replace("met when a.place is home", "met when a.place is one of (home, clinic)");
    const checked = checkSources([{ path: "policy/t.policy", text: simple }], []);
    const [alternative] = writtenAlternatives(checked);
    expect(meaning(alternative!.model)).toEqual(meaning(modelOf(byHand)));
    const delta = symbolicDelta(modelOf(simple), modelOf(byHand));
    expect(delta.changed).toBeGreaterThan(0n);
    const plan = await planFromSources([{ path: "policy/t.policy", text: simple }], []);
    const docs = plan.files.find((file) => file.path.endsWith("README.md"))?.contents ?? "";
    const grouped = (count: bigint) => count.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    expect(docs).toContain(
      `Any place counts. (replaces I.2 met when.) It would change ${grouped(delta.changed)} of the ${grouped(delta.cases)} decisions the review diff counts.`,
    );
    expect(docs).toContain("1 of them write the reading they reject as logic");
  });

  it("replaces a definition's body and a revision's effective date too", () => {
    const withDefinition = `${header}define at_home "the member is at home" as a.place is home
  reading "Home means the member's own home."
    alternative "Home means any place the member stays."
      in at_home as a.place is one of (home, clinic)
criterion I.1 "At home." met when at_home category place
`;
    const checked = checkSources([{ path: "policy/t.policy", text: withDefinition }], []);
    const [definition] = writtenAlternatives(checked);
    expect(definition?.site.owner).toBe("at_home");
    const byHand = withDefinition.replace("as a.place is home\n", "as a.place is one of (home, clinic)\n");
    expect(meaning(definition!.model)).toEqual(meaning(modelOf(byHand)));

    const withDate = header.replace(
      'revision 2024-01 "Original." effective 2024-01-01\n',
      'revision 2024-01 "Original." effective 2024-01-01\n  reading "From the first of the month."\n    alternative "From the fifteenth."\n      in 2024-01 effective 2024-01-15\n',
    );
    const dated = `${withDate}criterion I.1 "Flag." met when a.flag category safety\n`;
    const [date] = writtenAlternatives(checkSources([{ path: "policy/t.policy", text: dated }], []));
    expect(date?.site.owner).toBe("2024-01");
    expect(date?.model.revisions[0]?.effective).toBe("2024-01-15");
  });

  it("that changes nothing is counted as zero, not left out", async () => {
    const same = `${header}criterion I.1 "Flag." met when a.flag category safety
  reading "Flag means flag."
    alternative "The same, said again."
      in I.1 met when a.flag
`;
    const plan = await planFromSources([{ path: "policy/t.policy", text: same }], []);
    const docs = plan.files.find((file) => file.path.endsWith("README.md"))?.contents ?? "";
    expect(docs).toMatch(
      /The same, said again\. \(replaces I\.1 met when\.\) It would change 0 of the [\d,]+ decisions/,
    );
  });

  it("stops the build when it does not compile, and writes nothing", async () => {
    const broken = policy.replace("in I.2 met when a.place is one of (home, clinic)", "in I.2 met when a.nowhere");
    const plan = await planFromSources([{ path: "policy/t.policy", text: broken }], []);
    expect(plan.diagnostics.map((found) => found.code)).toContain("PC105");
    expect(plan.files).toEqual([]);
  });

  it("keeps its layout under the formatter: the alternative under its reading, each replacement under it", () => {
    const squashed = policy.replace(
      reading,
      `  reading "The place is where the service is given, so only home counts." alternative "Any place counts." in I.2 met when a.place is one of (home, clinic) in I.2 category safety\n`,
    );
    expect(formatSource(squashed, "t.policy").text).toBe(formatSource(policy, "t.policy").text);
    expect(formatSource(policy, "t.policy").text).toContain(reading);
  });
});
