// The batch mode as a user meets it (`policyc eval-batch`, `policyc check-claim-batch`, docs/cli.md):
// answers in input order whatever the number of workers, malformed lines answered in place and counted
// by field, stdin, and a worker that fails ending the run with a clear error, never a hang. In a
// scratch project built from the home-infusion fixture (FIX.HIT.224).

import { spawn, spawnSync } from "node:child_process";
import { Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { progressBar } from "../compiler/batch/progress.js";
import { runBatch } from "../compiler/batch/run-batch.js";
import { projectRoot } from "./support/evaluators.js";
import { scratchProject, type CliRun } from "./support/cli.js";
import { coveredIvAntibiotic, homeInfusion } from "./support/home-infusion.js";

interface BuiltEvaluator {
  evaluate(facts: unknown, options: { asOf: string }): unknown;
  checkClaim(claim: unknown, options: { asOf?: string }): unknown;
}

let root: string;
let evaluator: BuiltEvaluator;
beforeAll(async () => {
  root = await scratchProject("eval-batch");
  evaluator = (await import(
    pathToFileURL(join(root, "dist", "generated", homeInfusion.slug, "evaluator.js")).href
  )) as BuiltEvaluator;
});

function inputFile(name: string, lines: readonly string[]): string {
  const path = join(root, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

/** Runs policyc in `cwd` with `input` on stdin (none: an empty stdin), room for megabytes of output, and a timeout so a hang fails. */
function policyc(args: readonly string[], cwd = root, input = ""): CliRun {
  const result = spawnSync(process.execPath, [join(projectRoot, "dist", "compiler", "cli.js"), ...args], {
    cwd,
    encoding: "utf8",
    input,
    timeout: 120_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function outputLines(run: CliRun): unknown[] {
  return run.stdout
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as unknown);
}

/** Cases that differ line by line (age, service date, a fact left unknown), so an answer out of place shows. */
function variedCases(count: number): { asOf: string; facts: unknown }[] {
  return Array.from({ length: count }, (_, index) => {
    const facts = {
      ...coveredIvAntibiotic,
      drug: index % 5 === 0 ? null : coveredIvAntibiotic.drug,
      member: { ...coveredIvAntibiotic.member, age: index % 90 },
      service: { ...coveredIvAntibiotic.service, experimental_or_investigational: index % 4 === 1 },
      therapy: { ...coveredIvAntibiotic.therapy, kind: index % 7 === 3 ? "chemotherapy" : "antibiotic" },
    };
    return { asOf: index % 3 === 0 ? "2024-03-10" : "2025-06-01", facts };
  });
}

interface ErrorLine {
  line: number;
  error: { name: string; issues: { field: string; problem: string }[] };
}

describe("policyc eval-batch", () => {
  // Enough lines for several chunks (512 lines each) on each of three workers.
  const cases = variedCases(4000);
  const lines = cases.map((each) => JSON.stringify(each));

  it("answers each line with its decision, in input order, with several workers", () => {
    const run = policyc(
      ["eval-batch", homeInfusion.reference, inputFile("cases.ndjson", lines), "--workers", "3"],
      root,
    );
    expect(run.status).toBe(0);
    const answers = run.stdout.split("\n").slice(0, -1);
    expect(answers).toHaveLength(cases.length);
    answers.forEach((answer, index) => {
      const expected = cases[index];
      if (expected === undefined) throw new Error(`no case ${index}`);
      expect(answer).toBe(JSON.stringify(evaluator.evaluate(expected.facts, { asOf: expected.asOf })));
    });
    const outcomes = new Set(outputLines(run).map((decision) => (decision as { outcome: string }).outcome));
    expect(outcomes.size).toBeGreaterThan(1);
    expect(run.stderr).toContain(`${cases.length.toLocaleString("en-US")} lines in`);
  });

  it("writes the same output with one worker and with two", () => {
    const path = inputFile("same.ndjson", [...lines.slice(0, 1500), "{broken", ...lines.slice(1500, 2000)]);
    const one = policyc(["eval-batch", homeInfusion.reference, path, "--workers", "1"], root);
    const two = policyc(["eval-batch", homeInfusion.reference, path, "--workers", "2"], root);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(one.stdout.split("\n")).toHaveLength(2002);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stderr).toContain("1 worker)");
    expect(two.stderr).toContain("2 workers)");
  });

  it("answers malformed lines in place with their error, counts them by field, and goes on", () => {
    const good = JSON.stringify({ asOf: "2025-06-01", facts: coveredIvAntibiotic });
    const badFacts = JSON.stringify({
      asOf: "2025-06-01",
      facts: { ...coveredIvAntibiotic, member: { ...coveredIvAntibiotic.member, age: "old" } },
    });
    const run = policyc(
      [
        "eval-batch",
        homeInfusion.reference,
        inputFile("malformed.ndjson", [
          good,
          "{not json",
          badFacts,
          JSON.stringify({ facts: coveredIvAntibiotic }),
          JSON.stringify({ asOf: "2025-13-01", facts: coveredIvAntibiotic }),
          "",
          JSON.stringify({ asOf: "2025-06-01", facts: coveredIvAntibiotic, fact: {} }),
          badFacts,
          good,
        ]),
        "--workers",
        "2",
      ],
      root,
    );
    // Input errors are answers: the run answered every line.
    expect(run.status).toBe(0);
    const answers = outputLines(run);
    expect(answers).toHaveLength(9);
    expect((answers[0] as { outcome: string }).outcome).toBe("covered");
    expect((answers[8] as { outcome: string }).outcome).toBe("covered");
    const errors = answers.slice(1, 8) as ErrorLine[];
    expect(errors.map((answer) => [answer.line, answer.error.name, answer.error.issues.map((i) => i.field)])).toEqual([
      [2, "BatchLineError", ["(line)"]],
      [3, "PolicyInputError", ["member.age"]],
      [4, "BatchLineError", ["asOf"]],
      [5, "PolicyInputError", ["asOf"]],
      [6, "BatchLineError", ["(line)"]],
      [7, "BatchLineError", ["fact"]],
      [8, "PolicyInputError", ["member.age"]],
    ]);
    expect(errors[0]?.error.issues[0]?.problem).toMatch(/^is not JSON/);
    expect(errors[2]?.error.issues[0]?.problem).toMatch(/^is missing/);
    expect(run.stderr).toContain("9 lines in");
    expect(run.stderr).toContain("2 answered, by outcome: covered 2");
    expect(run.stderr).toContain("7 with an input error, by field: (line) 2, asOf 2, member.age 2, fact 1");
  });

  it("reads stdin when the input is - or not given", () => {
    const input = `${lines.slice(0, 10).join("\n")}\n`;
    const dash = policyc(["eval-batch", homeInfusion.reference, "-", "--workers", "2"], root, input);
    const none = policyc(["eval-batch", homeInfusion.reference, "--workers", "1"], root, input);
    expect(dash.status).toBe(0);
    expect(outputLines(dash)).toHaveLength(10);
    expect(none.stdout).toBe(dash.stdout);
    // A pipe is not a terminal: the summary alone on stderr, no progress bar.
    expect(dash.stderr).not.toContain("\r");
  });

  it("takes the trace with --trace", () => {
    const run = policyc(["eval-batch", homeInfusion.reference, "-", "--trace"], root, `${lines[1]}\n`);
    expect(run.status).toBe(0);
    const [decision] = outputLines(run) as { trace?: unknown[] }[];
    expect(decision?.trace?.length).toBeGreaterThan(0);
  });

  it("exits 2 on a wrong worker count or an unreadable file, 3 when the evaluator is not built", () => {
    const path = inputFile("few.ndjson", lines.slice(0, 2));
    for (const workers of ["0", "two", "1000"]) {
      const run = policyc(["eval-batch", homeInfusion.reference, path, "--workers", workers], root);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain("--workers is a whole number");
    }
    const missing = policyc(["eval-batch", homeInfusion.reference, join(root, "no-such.ndjson")], root);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("Cannot read lines from");
    const unbuilt = policyc(["eval-batch", homeInfusion.reference, path], join(root, "policy"));
    expect(unbuilt.status).toBe(3);
  });
});

describe("a reader that stops reading", () => {
  it("ends the run with exit 4 and a one-line note, never an internal error, when stdout is closed (| head)", async () => {
    const line = JSON.stringify({ asOf: "2025-06-01", facts: coveredIvAntibiotic });
    const path = inputFile("long.ndjson", Array<string>(20_000).fill(line));
    const child = spawn(
      process.execPath,
      [join(projectRoot, "dist", "compiler", "cli.js"), "eval-batch", homeInfusion.reference, path, "--workers", "1"],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    // Like `head`: read the first answers, then close the pipe.
    child.stdout.once("data", () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    expect(stderr).toContain("the output was closed");
    expect(stderr).not.toContain("internal error");
    expect(status).toBe(4);
  });
});

describe("policyc check-claim-batch", () => {
  it("answers each claim with its check, in order, counted by verdict", () => {
    const claim = { serviceDate: "2025-06-01", therapies: ["antibiotic"], lines: [{ code: "S9494", units: 3 }] };
    const clean = { ...claim, lines: [...claim.lines, { code: "T1030", units: 3 }] };
    const input = [
      { claim },
      { claim: clean },
      { claim: { serviceDate: "yesterday", lines: [{ code: "S9494", units: -2 }] } },
      { claim, asOf: "2025-06-01" },
      { facts: {} },
    ].map((line) => JSON.stringify(line));
    const run = policyc(
      ["check-claim-batch", homeInfusion.reference, inputFile("claims.ndjson", input), "--workers", "2"],
      root,
    );
    expect(run.status).toBe(0);
    const answers = outputLines(run);
    expect(answers[0]).toEqual(JSON.parse(JSON.stringify(evaluator.checkClaim(claim, {}))));
    expect(answers[1]).toEqual(JSON.parse(JSON.stringify(evaluator.checkClaim(clean, {}))));
    expect((answers[2] as ErrorLine).error.issues.map((issue) => issue.field)).toEqual([
      "serviceDate",
      "lines[0].units",
    ]);
    expect((answers[3] as { verdict: string }).verdict).toBe("violations");
    expect((answers[4] as ErrorLine).error.issues.map((issue) => issue.field)).toEqual(["claim", "facts"]);
    const verdicts = [answers[0], answers[1]].map((check) => (check as { verdict: string }).verdict);
    expect(verdicts).toEqual(["violations", "clean"]);
    expect(run.stderr).toContain("3 answered, by verdict: violations 2, clean 1");
    expect(run.stderr).toContain("2 with an input error, by field: claim 1, facts 1, lines[0].units 1, serviceDate 1");
  });
});

describe("a worker that fails", () => {
  /** A scratch project whose built evaluator runs `failure` first when the facts hold `fail: true`. */
  async function failingProject(name: string, failure: string): Promise<string> {
    const project = await scratchProject(name);
    const module = join(project, "dist", "generated", homeInfusion.slug, "evaluator.js");
    const original = readFileSync(module, "utf8");
    const signature = "export function evaluate(facts, options) {";
    expect(original).toContain(signature);
    writeFileSync(module, original.replace(signature, `${signature}\n  if (facts?.fail === true) ${failure};`));
    return project;
  }

  const good = JSON.stringify({ asOf: "2025-06-01", facts: coveredIvAntibiotic });
  const failing = JSON.stringify({ asOf: "2025-06-01", facts: { fail: true } });

  it("ends the run with the line and the error when the evaluator throws something other than an input error", async () => {
    const project = await failingProject("eval-batch-throws", 'throw new TypeError("the evaluator broke")');
    const path = join(project, "input.ndjson");
    writeFileSync(
      path,
      `${[...Array<string>(600).fill(good), failing, ...Array<string>(600).fill(good)].join("\n")}\n`,
    );
    const run = policyc(["eval-batch", homeInfusion.reference, path, "--workers", "2"], project);
    expect(run.status).toBe(4);
    expect(run.stderr).toContain("line 601: the evaluator failed: the evaluator broke");
    expect(run.stderr).toMatch(/worker [12] of 2 stopped/);
    // The chunks before the failing one were written, in order, and nothing after it.
    expect(run.stdout.split("\n").length - 1).toBeLessThanOrEqual(600);
  });

  it("ends the run when a worker exits", async () => {
    const project = await failingProject("eval-batch-exits", "process.exit(9)");
    const piped = policyc(
      ["eval-batch", homeInfusion.reference, "-", "--workers", "2"],
      project,
      `${good}\n${failing}\n${good}\n`,
    );
    expect(piped.status).toBe(4);
    expect(piped.stderr).toMatch(/worker [12] of 2 stopped: exited \(code 9\) before answering every line/);
  });
});

describe("the batch's memory", () => {
  it("reads no further than the chunks in flight while the output does not drain", async () => {
    const line = `${JSON.stringify({ asOf: "2025-06-01", facts: coveredIvAntibiotic })}\n`;
    const available = 20_000;
    let read = 0;
    async function* input(): AsyncGenerator<string> {
      while (read < available) {
        read += 1;
        // A pause, as a file's reads have: the batch must ask for each line.
        await Promise.resolve();
        yield line;
      }
    }
    // An output that takes nothing until released: each write waits, so the stream never drains.
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let written = 0;
    const output = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString("utf8").split("\n").length - 1;
        void released.then(() => done());
      },
    });
    const run = runBatch(
      input(),
      output,
      {
        root,
        policy: homeInfusion.reference,
        kind: "decisions",
        trace: false,
        workers: 2,
        chunkLines: 10,
        inFlightPerWorker: 2,
        workerScript: pathToFileURL(join(projectRoot, "dist", "compiler", "batch", "worker.js")),
      },
      { update: () => {}, finish: () => {} },
    );
    await sleep(1500);
    // Four chunks of ten in flight, one being filled, one waiting to be written: never the whole input.
    expect(read).toBeGreaterThanOrEqual(40);
    expect(read).toBeLessThanOrEqual(60);
    release();
    const tally = await run;
    expect(tally.lines).toBe(available);
    expect(written).toBe(available);
  });
});

describe("the progress bar", () => {
  function stderrLike(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
    const written: string[] = [];
    const stream = { isTTY, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream;
    return { stream, written };
  }

  it("draws lines done and lines per second on a terminal, at most ten times a second, and clears itself", () => {
    const { stream, written } = stderrLike(true);
    let now = 0;
    const bar = progressBar(stream, 1000, () => now);
    now = 2000;
    bar.update(50_000, 500);
    now = 2050;
    bar.update(60_000, 600); // too soon after the last: not drawn
    now = 4000;
    bar.update(100_000, 1000);
    bar.finish();
    expect(written).toEqual([
      "\r\x1b[K[###############               ] 50% 50,000 lines, 25,000 lines/s",
      "\r\x1b[K[##############################] 100% 100,000 lines, 25,000 lines/s",
      "\r\x1b[K",
    ]);
  });

  it("counts without a bar when the input's size is unknown (stdin), and draws nothing off a terminal", () => {
    const terminal = stderrLike(true);
    let now = 0;
    const bar = progressBar(terminal.stream, undefined, () => now);
    now = 1000;
    bar.update(1234, 99);
    expect(terminal.written).toEqual(["\r\x1b[K1,234 lines, 1,234 lines/s"]);
    const pipe = stderrLike(false);
    const silent = progressBar(pipe.stream, 1000, () => now);
    silent.update(10, 10);
    silent.finish();
    expect(pipe.written).toEqual([]);
  });
});
