// Runs the built CLI (dist/compiler/cli.js, compiled by `npm test` before vitest runs) as a user would.

import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "./evaluators.js";

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs policyc in `cwd`; a run still going after `timeoutMs` is killed (status null), so a hang fails the test. */
export function runCli(args: readonly string[], cwd = projectRoot, timeoutMs = 120_000): CliRun {
  const result = spawnSync(process.execPath, [join(projectRoot, "dist", "compiler", "cli.js"), ...args], {
    cwd,
    encoding: "utf8",
    timeout: timeoutMs,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of the project's policy/ and generated/ in .tmp/<name>, to break without harm. */
export function scratchProject(name: string): string {
  const root = join(projectRoot, ".tmp", name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(join(projectRoot, "policy"), join(root, "policy"), { recursive: true });
  cpSync(join(projectRoot, "generated"), join(root, "generated"), { recursive: true });
  return root;
}
