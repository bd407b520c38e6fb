// The command line as a user meets it: output and exit codes (docs/cli.md).

import { writeFileSync, appendFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "./support/evaluators.js";
import { runCli, scratchProject } from "./support/cli.js";
import { coveredIvAntibiotic } from "./support/wnc-facts.js";

const scratch = join(projectRoot, ".tmp", "cli");
mkdirSync(scratch, { recursive: true });

function factsFile(name: string, contents: unknown): string {
  const path = join(scratch, name);
  writeFileSync(path, JSON.stringify(contents));
  return path;
}

describe("policyc check", () => {
  it("exits 0 on the project's policies", () => {
    const run = runCli(["check"]);
    expect(run.stderr).toContain("0 errors");
    expect(run.status).toBe(0);
  });

  it("exits 1 and shows each error with its place and fix", () => {
    const root = scratchProject("cli-check");
    appendFileSync(
      join(root, "policy", "wnc-cp-224.policy"),
      '\ncriterion I.A.6 "New." met when member.residnce is hospital\n',
    );
    const run = runCli(["check"], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("error[PC020]: Unknown name");
    expect(run.stderr).toContain("--> policy/wnc-cp-224.policy:");
    expect(run.stderr).toContain("help: Did you mean `member.residence`?");
    expect(run.stderr).toContain("1 error, 0 warnings.");
  });
});

describe("policyc eval", () => {
  it("prints the decision as JSON", () => {
    const run = runCli(["eval", "WNC.CP.224", factsFile("covered.json", coveredIvAntibiotic), "--as-of", "2025-06-01"]);
    expect(run.status).toBe(0);
    const decision = JSON.parse(run.stdout) as { outcome: string; policy: { revision: string } };
    expect(decision.outcome).toBe("covered");
    expect(decision.policy.revision).toBe("2025-05");
  });

  it("finds the policy by folder or file too, and reads the date from the file", () => {
    const envelope = factsFile("envelope.json", { asOf: "2024-03-10", facts: coveredIvAntibiotic });
    for (const policy of ["wnc-cp-224", "policy/wnc-cp-224.policy"]) {
      const run = runCli(["eval", policy, envelope]);
      expect(run.status).toBe(0);
      expect((JSON.parse(run.stdout) as { policy: { revision: string } }).policy.revision).toBe("2023-08");
    }
  });

  it("exits 1 with every bad field on malformed facts, never a decision", () => {
    const run = runCli([
      "eval",
      "WNC.CP.224",
      factsFile("bad.json", { member: { age: "old", residence: "castle" } }),
      "--as-of",
      "2025-06-01",
    ]);
    expect(run.status).toBe(1);
    const output = JSON.parse(run.stdout) as { outcome?: string; error: { issues: { field: string }[] } };
    expect(output.outcome).toBeUndefined();
    expect(output.error.issues.map((issue) => issue.field)).toEqual(["member.age", "member.residence"]);
  });

  it("exits 2 on a wrong command line", () => {
    const facts = factsFile("plain.json", coveredIvAntibiotic);
    expect(runCli(["eval", "WNC.CP.224", facts]).status).toBe(2);
    expect(runCli(["eval", "NO.SUCH.1", facts, "--as-of", "2025-06-01"]).status).toBe(2);
    expect(runCli(["eval", "WNC.CP.224", join(scratch, "missing.json"), "--as-of", "2025-06-01"]).status).toBe(2);
    expect(runCli(["frobnicate"]).status).toBe(2);
    expect(runCli(["build", "--bogus"]).status).toBe(2);
  });
});

describe("policyc check-claim", () => {
  it("prints the check of a claim as JSON", () => {
    const claim = factsFile("claim.json", {
      serviceDate: "2025-06-01",
      therapies: ["antibiotic"],
      lines: [{ code: "S9494", units: 3 }],
    });
    const run = runCli(["check-claim", "WNC.CP.224", claim]);
    expect(run.status).toBe(0);
    const check = JSON.parse(run.stdout) as { verdict: string; violations: { rule: string; lines: number[] }[] };
    expect(check.verdict).toBe("violations");
    expect(check.violations.map((v) => [v.rule, v.lines])).toEqual([["T1030-with-each-therapy-code", [0]]]);
  });

  it("exits 1 with every bad field on a malformed claim", () => {
    const claim = factsFile("bad-claim.json", { serviceDate: "yesterday", lines: [{ code: "S9494", units: -2 }] });
    const run = runCli(["check-claim", "WNC.CP.224", claim]);
    expect(run.status).toBe(1);
    expect(
      (JSON.parse(run.stdout) as { error: { issues: { field: string }[] } }).error.issues.map((i) => i.field),
    ).toEqual(["serviceDate", "lines[0].units"]);
  });
});
