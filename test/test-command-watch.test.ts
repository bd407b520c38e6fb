// `policyc test --watch`: the built CLI watches a scratch project made from the coverage fixture while
// the test edits its files as an editor would (a save by rename, a burst of writes, a broken file).
// Every wait has a deadline and the child is killed at the end, so a watch that goes deaf fails the
// test instead of hanging it.

import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { projectRoot } from "./support/evaluators.js";

const WAIT_MS = 20_000;
const watching = "Watching policy/ for changes (Ctrl-C to stop).\n";

interface Watch {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
}

let current: Watch | undefined;

afterEach(() => {
  if (current !== undefined && current.child.exitCode === null) current.child.kill("SIGKILL");
  current = undefined;
});

function startWatch(root: string): Watch {
  const child = spawn(process.execPath, [join(projectRoot, "dist", "compiler", "cli.js"), "test", "--watch"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const watch: Watch = { child, stdout: "", stderr: "" };
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (watch.stdout += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (watch.stderr += chunk));
  current = watch;
  return watch;
}

function runs(watch: Watch): number {
  return watch.stdout.split(watching).length - 1;
}

/** Resolves once the watch has finished `count` runs; rejects after WAIT_MS, with what it printed. */
async function untilRuns(watch: Watch, count: number): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (runs(watch) < count) {
    if (Date.now() > deadline || watch.child.exitCode !== null)
      throw new Error(`no run ${count} of the watch:\n${watch.stdout}\n${watch.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves once the last finished run printed `text`; rejects after WAIT_MS, with what the watch printed. */
async function untilLastRunSays(watch: Watch, text: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (runs(watch) === 0 || !run(watch, runs(watch)).includes(text)) {
    if (Date.now() > deadline || watch.child.exitCode !== null)
      throw new Error(`no run printed ${JSON.stringify(text)}:\n${watch.stdout}\n${watch.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The output of run `count` (1 is the first run). */
function run(watch: Watch, count: number): string {
  return watch.stdout.split(watching)[count - 1] ?? "";
}

/** Saves as many editors do: the new text to a temporary file, renamed over the old one. */
function saveByRename(path: string, text: string): void {
  const temporary = join(path, "..", ".save.tmp");
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

function project(name: string): string {
  const root = join(projectRoot, ".tmp", name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(join(projectRoot, "test/fixtures/coverage"), join(root, "policy"), { recursive: true });
  return root;
}

describe("policyc test --watch", () => {
  it("runs again after a save by rename, shows a broken file's diagnostics, and keeps watching", async () => {
    const root = project("test-command-watch");
    const cases = join(root, "policy", "coverage.cases");
    const policy = join(root, "policy", "coverage.policy");
    const watch = startWatch(root);
    await untilRuns(watch, 1);
    expect(run(watch, 1)).toContain("ok: 3 passed, 0 failed.\n");

    const passing = readFileSync(cases, "utf8");
    saveByRename(cases, passing.replace("  given adult\n  expect covered\n", "  given adult\n  expect pending\n"));
    await untilRuns(watch, 2);
    expect(run(watch, 2)).toContain(
      'policy/coverage.cases:9 case "1. A referred adult who consented": expected pending, got covered\n',
    );
    expect(run(watch, 2)).toContain("FAILED: 2 passed, 1 failed.\n");

    const policyText = readFileSync(policy, "utf8");
    writeFileSync(policy, policyText.replace("  met when member.age >= 18\n", "  met when member.age >=\n"));
    await untilRuns(watch, 3);
    expect(run(watch, 3)).toBe("");
    expect(watch.stderr).toMatch(/coverage\.policy:\d+/);
    expect(watch.child.exitCode).toBeNull();

    // Two saves: a busy machine may see them as one burst or two, so wait for the run that sees both.
    writeFileSync(policy, policyText);
    saveByRename(cases, passing);
    await untilLastRunSays(watch, "ok: 3 passed, 0 failed.\n");

    watch.child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => watch.child.once("exit", resolve));
    expect(code).toBe(0);
  }, 90_000);

  it("runs once for a burst of saves (twice at most on a busy machine), and not for other files", async () => {
    const root = project("test-command-watch-burst");
    const cases = join(root, "policy", "coverage.cases");
    const watch = startWatch(root);
    await untilRuns(watch, 1);
    const text = readFileSync(cases, "utf8");
    for (let i = 0; i < 5; i++) writeFileSync(cases, `${text}# save ${i}\n`);
    await untilRuns(watch, 2);
    // Settled: a machine busy enough to pause this process mid-burst may make it two runs, never five.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const afterBurst = runs(watch);
    expect(afterBurst).toBeLessThanOrEqual(3);
    writeFileSync(join(root, "policy", "notes.txt"), "not watched\n");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(runs(watch)).toBe(afterBurst);
  }, 90_000);
});
