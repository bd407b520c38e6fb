// Versions from meaning, in a scratch project with a small policy: the first release is 1.0.0; a
// comment changes nothing; new words are a patch; a change of logic is a minor version with the
// decisions it changes counted; taking a value away from a fact is a major version; `policyc
// release` records the pending version and a build keeps it; a ledger edited by hand stops the build.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { planBuild, writeBuild, type BuildPlan } from "../compiler/build/build.js";
import { resultContract, resultContractChanges } from "../compiler/version.js";

const policy = `policy T.1
  title "Test" plan "Plan" description "A test policy." last review 2024-06
revision 2024-01 "Original." effective 2024-01-01
category safety "keeps the member safe"
fact a.flag: yes or no description "A flag." ask "Is the flag set?"
fact a.place: one of home "at home", clinic "in a clinic", other "elsewhere" description "Where." ask "Where?"
section I "Covered when:"
criterion I.1 "Flag." met when a.flag category safety
criterion I.2 "At home." met when a.place is home category safety
`;

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function project(): string {
  const root = mkdtempSync(join(tmpdir(), "releases-"));
  roots.push(root);
  mkdirSync(join(root, "policy"));
  return root;
}

async function build(root: string, text: string, release = false): Promise<BuildPlan> {
  writeFileSync(join(root, "policy", "t.policy"), text);
  const plan = await planBuild(root, { release });
  if (plan.files.length > 0) writeBuild(root, plan);
  return plan;
}

const changelogOf = (root: string) => readFileSync(join(root, "generated", "t", "CHANGELOG.md"), "utf8");
const ledgerOf = (root: string) =>
  JSON.parse(readFileSync(join(root, "generated", "t", "releases.json"), "utf8")) as {
    releases: { version: string; change: string; why: string[]; resultContract?: number }[];
    model: { title: string };
  };

describe("a policy's version", () => {
  it("starts at 1.0.0, which `release` records and a build then keeps, file for file", async () => {
    const root = project();
    await build(root, policy);
    expect(changelogOf(root)).toContain("## 1.0.0 (not released yet)");
    const released = await build(root, policy, true);
    expect(ledgerOf(root).releases.map((entry) => entry.version)).toEqual(["1.0.0"]);
    expect(changelogOf(root)).not.toContain("not released yet");
    const again = await build(root, policy);
    expect(again.files).toEqual(released.files);
  });

  it("moves by what the change means: none for a comment, patch for words, minor for logic, major for a value taken away", async () => {
    const root = project();
    await build(root, policy, true);
    await build(root, `# A comment.\n${policy}`);
    expect(changelogOf(root)).not.toContain("not released yet");

    await build(root, policy.replace('"At home."', '"The member is at home."'));
    expect(changelogOf(root)).toContain("## 1.0.1 (not released yet)");
    expect(changelogOf(root)).toContain("No decision changes");

    const widened = policy.replace("met when a.place is home", "met when a.place is one of (home, clinic)");
    await build(root, widened);
    const minor = changelogOf(root);
    expect(minor).toContain("## 1.1.0 (not released yet)");
    expect(minor).toMatch(/- [\d,]+ of the [\d,]+ decisions the review diff counts change\./);

    await build(root, policy.replace(', other "elsewhere"', ""));
    expect(changelogOf(root)).toContain("## 2.0.0 (not released yet)");
    expect(changelogOf(root)).toContain("The fact a.place no longer takes other.");
  });

  it("keeps every release in the ledger and the changelog, newest first", async () => {
    const root = project();
    await build(root, policy, true);
    const widened = policy.replace("met when a.place is home", "met when a.place is one of (home, clinic)");
    await build(root, widened, true);
    expect(ledgerOf(root).releases.map((entry) => [entry.version, entry.change])).toEqual([
      ["1.0.0", "first"],
      ["1.1.0", "minor"],
    ]);
    const log = changelogOf(root);
    expect(log.indexOf("## 1.1.0")).toBeLessThan(log.indexOf("## 1.0.0"));
    // Released again with no change: nothing is added.
    await build(root, widened, true);
    expect(ledgerOf(root).releases).toHaveLength(2);
  });

  it("takes a major version when the compiler's result contract moved on since the release, policy unchanged", async () => {
    const root = project();
    await build(root, policy, true);
    expect(ledgerOf(root).releases.map((entry) => entry.resultContract)).toEqual([resultContract]);
    // A release made under the first contract (before releases recorded one): the ledger says nothing.
    const path = join(root, "generated", "t", "releases.json");
    const ledger = ledgerOf(root);
    delete ledger.releases[0]!.resultContract;
    writeFileSync(path, JSON.stringify(ledger));
    await build(root, policy);
    const log = changelogOf(root);
    expect(log).toContain("## 2.0.0 (not released yet)");
    expect(log).toContain(`- ${resultContractChanges[2]!.replaceAll("`", "\\`")}`);
    await build(root, policy, true);
    expect(ledgerOf(root).releases.map((entry) => [entry.version, entry.change, entry.resultContract])).toEqual([
      ["1.0.0", "first", undefined],
      ["2.0.0", "major", resultContract],
    ]);
    // Released under today's contract, the same policy is not released again.
    await build(root, policy, true);
    expect(ledgerOf(root).releases).toHaveLength(2);
  });

  it("refuses a ledger whose result contract is not a whole number", async () => {
    const root = project();
    await build(root, policy, true);
    const path = join(root, "generated", "t", "releases.json");
    const ledger = ledgerOf(root);
    (ledger.releases[0] as { resultContract?: unknown }).resultContract = "2";
    writeFileSync(path, JSON.stringify(ledger));
    const plan = await build(root, policy);
    expect(plan.diagnostics.map((found) => found.message)).toEqual([
      'The release ledger generated/t/releases.json cannot be used: release 1\'s result contract "2" is not a whole number from 1.',
    ]);
  });

  it("stops the build when the ledger was edited by hand, and writes nothing", async () => {
    const root = project();
    await build(root, policy, true);
    const path = join(root, "generated", "t", "releases.json");
    const ledger = ledgerOf(root);
    ledger.model.title = "Edited";
    writeFileSync(path, JSON.stringify(ledger));
    const before = readFileSync(path, "utf8");
    const plan = await build(root, policy.replace('"At home."', '"Home."'));
    expect(plan.files).toEqual([]);
    expect(plan.diagnostics.map((found) => [found.code, found.message])).toEqual([
      [
        "PC106",
        "The release ledger generated/t/releases.json cannot be used: its model does not hash to the last release's model hash (was it edited by hand?).",
      ],
    ]);
    expect(readFileSync(path, "utf8")).toBe(before);
    writeFileSync(path, "not json");
    expect((await build(root, policy)).diagnostics.map((found) => found.code)).toEqual(["PC106"]);
  });
});
