// The command line as a user meets it: output and exit codes (docs/cli.md), in a scratch project
// built from the home-infusion fixture (policy/home-infusion.policy, reference FIX.HIT.224).

import { writeFileSync, appendFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, scratchProject } from "./support/cli.js";
import { coveredIvAntibiotic, homeInfusion } from "./support/home-infusion.js";

let root: string;
beforeAll(async () => {
  root = await scratchProject("cli");
});

function factsFile(name: string, contents: unknown): string {
  const path = join(root, name);
  writeFileSync(path, JSON.stringify(contents));
  return path;
}

describe("policyc check", () => {
  it("exits 0 on a project whose policies check", () => {
    const run = runCli(["check"], root);
    expect(run.stderr).toContain("0 errors");
    expect(run.status).toBe(0);
  });

  it("exits 1 and shows each error with its place and fix", async () => {
    const broken = await scratchProject("cli-check");
    appendFileSync(
      join(broken, "policy", "home-infusion.policy"),
      '\ncriterion I.A.6 "New." met when member.residnce is hospital\n',
    );
    const run = runCli(["check"], broken);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("error[PC020]");
    expect(run.stderr).toContain("--> policy/home-infusion.policy:");
    // The fix offered names the fact meant (its wording belongs to the diagnostics, not to this test).
    expect(run.stderr).toMatch(/help: .*`member\.residence`/);
    expect(run.stderr).toContain("1 error, 0 warnings.");
  });
});

describe("policyc eval", () => {
  it("prints the decision as JSON", () => {
    const facts = factsFile("covered.json", coveredIvAntibiotic);
    const run = runCli(["eval", homeInfusion.reference, facts, "--as-of", "2025-06-01"], root);
    expect(run.status).toBe(0);
    const decision = JSON.parse(run.stdout) as { outcome: string; policy: { revision: string } };
    expect(decision.outcome).toBe("covered");
    expect(decision.policy.revision).toBe("2025-05");
  });

  it("finds the policy by folder or file too, and reads the date from the file", () => {
    const envelope = factsFile("envelope.json", { asOf: "2024-03-10", facts: coveredIvAntibiotic });
    for (const policy of [homeInfusion.slug, `policy/${homeInfusion.slug}.policy`]) {
      const run = runCli(["eval", policy, envelope], root);
      expect(run.status).toBe(0);
      expect((JSON.parse(run.stdout) as { policy: { revision: string } }).policy.revision).toBe("2023-08");
    }
  });

  it("exits 1 with every bad field on malformed facts, never a decision", () => {
    const run = runCli(
      [
        "eval",
        homeInfusion.reference,
        factsFile("bad.json", { member: { age: "old", residence: "castle" } }),
        "--as-of",
        "2025-06-01",
      ],
      root,
    );
    expect(run.status).toBe(1);
    const output = JSON.parse(run.stdout) as { outcome?: string; error: { issues: { field: string }[] } };
    expect(output.outcome).toBeUndefined();
    expect(output.error.issues.map((issue) => issue.field)).toEqual(["member.age", "member.residence"]);
  });

  it("exits 2 on a wrong command line", () => {
    const facts = factsFile("plain.json", coveredIvAntibiotic);
    expect(runCli(["eval", homeInfusion.reference, facts], root).status).toBe(2);
    expect(runCli(["eval", "NO.SUCH.1", facts, "--as-of", "2025-06-01"], root).status).toBe(2);
    const missing = join(root, "missing.json");
    expect(runCli(["eval", homeInfusion.reference, missing, "--as-of", "2025-06-01"], root).status).toBe(2);
    expect(runCli(["frobnicate"], root).status).toBe(2);
    expect(runCli(["build", "--bogus"], root).status).toBe(2);
    // A file after check would be ignored, and "0 errors" said of a file never read.
    const ignored = runCli(["check", "test/fixtures/broken/x.policy"], root);
    expect(ignored.status).toBe(2);
    expect(ignored.stderr).toContain("check takes no file");
  });
});

describe("policyc check-claim", () => {
  it("prints the check of a claim as JSON", () => {
    const claim = factsFile("claim.json", {
      serviceDate: "2025-06-01",
      therapies: ["antibiotic"],
      lines: [{ code: "S9494", units: 3 }],
    });
    const run = runCli(["check-claim", homeInfusion.reference, claim], root);
    expect(run.status).toBe(0);
    const check = JSON.parse(run.stdout) as { verdict: string; violations: { rule: string; lines: number[] }[] };
    expect(check.verdict).toBe("violations");
    expect(check.violations.map((v) => [v.rule, v.lines])).toEqual([["T1030-with-each-therapy-code", [0]]]);
  });

  it("exits 1 with every bad field on a malformed claim", () => {
    const claim = factsFile("bad-claim.json", { serviceDate: "yesterday", lines: [{ code: "S9494", units: -2 }] });
    const run = runCli(["check-claim", homeInfusion.reference, claim], root);
    expect(run.status).toBe(1);
    expect(
      (JSON.parse(run.stdout) as { error: { issues: { field: string }[] } }).error.issues.map((i) => i.field),
    ).toEqual(["serviceDate", "lines[0].units"]);
  });
});
