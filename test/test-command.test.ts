// `policyc test`: the author's loop. The built CLI runs the cases of fixture policies copied into
// scratch projects (.tmp/), never those of policy/: a passing run, failures in plain words, exit codes,
// the coverage report and what it catches when a case is deleted. The watch mode has its own file.

import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { projectRoot } from "./support/evaluators.js";
import { homeInfusion } from "./support/home-infusion.js";

/** A project in .tmp/<name> whose policy/ holds a copy of the fixture folder's files, and nothing else. */
function policyProject(name: string, fixtureFolder: string): string {
  const root = join(projectRoot, ".tmp", name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(join(projectRoot, fixtureFolder), join(root, "policy"), { recursive: true });
  return root;
}

function edit(root: string, file: string, from: string, to: string): void {
  const path = join(root, "policy", file);
  const text = readFileSync(path, "utf8");
  if (!text.includes(from)) throw new Error(`${file} does not hold ${JSON.stringify(from)}`);
  writeFileSync(path, text.replace(from, to));
}

const casesFile = "home-infusion.cases";

describe("policyc test", () => {
  it("runs every case and claim case of a passing policy, writes nothing, and exits 0", () => {
    const root = policyProject("test-command-pass", homeInfusion.folder);
    const run = runCli(["test"], root);
    expect(run.stdout).toBe(
      "FIX.HIT.224: 54 cases and 24 claim cases, 78 passed, 0 failed.\nok: 78 passed, 0 failed.\n",
    );
    expect(run.stderr).toMatch(/^policyc test: \d+\.\d\d s\n$/);
    expect(run.status).toBe(0);
    expect(existsSync(join(root, "generated"))).toBe(false);
    // The same policy, named three ways.
    for (const name of [homeInfusion.reference, "home-infusion", "policy/home-infusion.policy"])
      expect(runCli(["test", name], root).stdout, name).toBe(run.stdout);
  });

  it("says a wrong outcome in plain words: expected, got, the unknown criterion and its question", () => {
    const root = policyProject("test-command-pending", homeInfusion.folder);
    edit(
      root,
      casesFile,
      "  expect pending\n  because I.A.2\n  asking member.clinical_status_stable\n",
      "  expect covered\n",
    );
    const run = runCli(["test"], root);
    expect(run.stdout.split("\n")).toEqual([
      'policy/home-infusion.cases:90 case "5. IV chemotherapy, clinical stability not yet documented: pending on I.A.2 alone": ' +
        'expected covered, got pending: I.A.2 is pending (asks "Has the attending physician documented that the member\'s clinical status is stable?")',
      "FIX.HIT.224: 54 cases and 24 claim cases, 77 passed, 1 failed.",
      "FAILED: 77 passed, 1 failed.",
      "",
    ]);
    expect(run.status).toBe(1);
  });

  it("names the expected reason that is absent and the reason that is extra, with their words", () => {
    const root = policyProject("test-command-reasons", homeInfusion.folder);
    edit(root, casesFile, "  expect not covered\n  because I.A.3\n", "  expect not covered\n  because I.A.4\n");
    const run = runCli(["test", homeInfusion.reference], root);
    const notMet = `I.A.3 is not met ("The service is provided in the Member's private residence or in an...")`;
    expect(run.stdout.split("\n").slice(0, 3)).toEqual([
      `policy/home-infusion.cases:69 case "2. The same member living in a skilled nursing facility": expected not covered, got not covered: ${notMet}`,
      '  reason expected but absent: I.A.4 ("The treatment is self-administered.")',
      `  reason not expected: ${notMet}`,
    ]);
    expect(run.status).toBe(1);
  });

  it("says which billing rule a failing claim case breaks", () => {
    const root = policyProject("test-command-claim", homeInfusion.folder);
    edit(root, "home-infusion.claims.cases", "  line S9494 units 5\n  line T1030 units 5\n", "  line S9494 units 5\n");
    const run = runCli(["test"], root);
    expect(run.stdout.split("\n").slice(0, 2)).toEqual([
      'policy/home-infusion.claims.cases:9 claim case "S9494 for antibiotic therapy, with T1030": expected clean',
      '  rule broken, not expected: T1030-with-each-therapy-code ("Each therapy per diem code billed (S9494, S9329 or S9325) must be billed with T1030, for as many days.")',
    ]);
    expect(run.stdout).toContain("FAILED: 77 passed, 1 failed.");
    expect(run.status).toBe(1);
  });

  it("reports a case file that does not check with its diagnostics, runs nothing, and exits 1", () => {
    const root = policyProject("test-command-broken", homeInfusion.folder);
    edit(
      root,
      casesFile,
      "  member.residence = skilled_nursing_facility\n",
      "  member.residense = skilled_nursing_facility\n",
    );
    const run = runCli(["test"], root);
    expect(run.stderr).toContain("member.residense");
    expect(run.stderr).toContain("1 error");
    expect(run.stdout).toBe("");
    expect(run.status).toBe(1);
  });

  it("exits 2 for a policy that is not in the project, and 1 for a project without policies", () => {
    const root = policyProject("test-command-usage", homeInfusion.folder);
    const run = runCli(["test", "NO.SUCH.1"], root);
    expect(run.stderr).toContain("No policy NO.SUCH.1. Policies: FIX.HIT.224 (policy/home-infusion.policy).");
    expect(run.status).toBe(2);
    expect(runCli(["test", "a", "b"], root).status).toBe(2);
    const empty = join(projectRoot, ".tmp", "test-command-empty");
    rmSync(empty, { recursive: true, force: true });
    mkdirSync(join(empty, "policy"), { recursive: true });
    expect(runCli(["test"], empty).status).toBe(1);
  });
});

// The coverage fixture's cases leave three gaps on purpose (see its header): II.A never denies,
// member.consented is never shown to matter on its own in I.B, and I.C is in force on no case's date.
const coverageFixture = "test/fixtures/coverage";

const fullReport = `FIX.COV.1: 3 cases and 0 claim cases, 3 passed, 0 failed.

Coverage of FIX.COV.1 by 3 cases

Statements (deciding: a criterion not met, an exclusion or note denying, an exception applying)
  I.A   criterion  decides in 1 case, does not decide in 2 cases
  I.B   criterion  decides in 1 case, does not decide in 2 cases
  I.C   criterion  never exercised
  II.A  exclusion  never shown deciding (does not decide in 3 cases)

Conditions (unique-cause MC/DC: two cases where only this condition and the statement change)
  I.B   member.referred: shown to matter by policy/coverage.cases:9 and policy/coverage.cases:21
  I.B   member.consented: never shown to matter on its own

Not exercised (3):
  I.B member.consented: no pair of cases shows it mattering on its own
  I.C: no case evaluates it
  II.A: no case shows it deciding

ok: 3 passed, 0 failed.
`;

describe("policyc test --coverage", () => {
  it("lists the statement no case exercises, the one never shown deciding, and the condition never shown to matter", () => {
    const root = policyProject("test-command-coverage", coverageFixture);
    const run = runCli(["test", "--coverage"], root);
    expect(run.stdout).toBe(fullReport);
    expect(run.status).toBe(0);
    // Deterministic: a second run prints the same.
    expect(runCli(["test", "--coverage"], root).stdout).toBe(fullReport);
  });

  it("catches a deleted case: without the child, I.A is never shown deciding", () => {
    const root = policyProject("test-command-coverage-child", coverageFixture);
    edit(
      root,
      "coverage.cases",
      'case "2. A child"\n  on 2024-06-01\n  given adult\n  member.age = 10\n  expect not covered\n  because I.A\n',
      "",
    );
    const run = runCli(["test", "--coverage"], root);
    expect(run.stdout).toContain("  I.A   criterion  never shown deciding (does not decide in 2 cases)\n");
    expect(run.stdout).toContain("  I.A: no case shows it deciding\n");
  });

  it("catches a deleted case: without the member not referred, no condition of I.B is shown to matter", () => {
    const root = policyProject("test-command-coverage-referred", coverageFixture);
    edit(
      root,
      "coverage.cases",
      'case "3. Not referred"\n  on 2024-06-01\n  given adult\n  member.referred = no\n  expect not covered\n  because I.B\n',
      "",
    );
    const run = runCli(["test", "--coverage"], root);
    expect(run.stdout).toContain("  I.B   member.referred: never shown to matter on its own\n");
    expect(run.stdout).toContain("  I.B member.referred: no pair of cases shows it mattering on its own\n");
    expect(run.stdout).toContain("  I.B: no case shows it deciding\n");
  });

  it("shows a condition mattering once a case varies it alone", () => {
    const root = policyProject("test-command-coverage-consent", coverageFixture);
    writeFileSync(
      join(root, "policy", "coverage.cases"),
      `${readFileSync(join(root, "policy", "coverage.cases"), "utf8")}
case "4. No consent"
  on 2024-06-01
  given adult
  member.consented = no
  expect not covered
  because I.B
`,
    );
    const run = runCli(["test", "--coverage"], root);
    expect(run.stdout).toContain(
      "  I.B   member.consented: shown to matter by policy/coverage.cases:9 and policy/coverage.cases:28\n",
    );
    expect(run.stdout).toContain("Not exercised (2):\n");
  });
});
