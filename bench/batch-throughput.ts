// `policyc eval-batch` on a million lines (issue 12): lines per second with one worker and with one per
// core, and the peak memory of the whole process (main thread and workers: they share its RSS), at
// 100,000 lines and at 1,000,000, to show that streaming keeps it flat. The input is written once to
// .tmp/ from the bench's seeded fact sets (about a gigabyte; not committed) and read by the CLI as a
// user would; its output goes to /dev/null.

import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { nowMs } from "./measure.js";
import { formatBytes, formatCount, type Target } from "./report.js";
import { wncFactSets } from "./wnc-fact-sets.js";

export interface BatchRun {
  readonly lines: number;
  readonly workers: number;
  readonly seconds: number;
  /** Peak resident set size of the policyc process, in bytes; undefined where it cannot be read. */
  readonly peakRss: number | undefined;
}

const DISTINCT_SETS = 100_000;
const LINES_PER_WRITE = 10_000;

/** Writes `lines` NDJSON lines of `{ asOf, facts }` to `path` (the fact sets cycled), unless it is there. */
export function writeBatchInput(path: string, lines: number): void {
  if (existsSync(path)) return;
  mkdirSync(join(path, ".."), { recursive: true });
  const sets = wncFactSets(Math.min(lines, DISTINCT_SETS));
  const partial = `${path}.partial`;
  const file = openSync(partial, "w");
  try {
    for (let start = 0; start < lines; start += LINES_PER_WRITE) {
      const chunk: string[] = [];
      for (let line = start; line < Math.min(start + LINES_PER_WRITE, lines); line++) {
        const set = sets[line % sets.length];
        chunk.push(JSON.stringify({ asOf: set?.asOf, facts: set?.facts }));
      }
      writeSync(file, `${chunk.join("\n")}\n`);
    }
  } finally {
    closeSync(file);
  }
  renameSync(partial, path);
}

/** The peak RSS so far of process `pid`, from Linux's /proc (VmHWM); undefined elsewhere. */
function peakRssOf(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `policyc eval-batch WNC.CP.224 <input> --workers <workers>` with its output to /dev/null; its
 * wall time and peak RSS. NOTE: the peak is read from /proc while it runs (the high-water mark only
 * grows), every 20 ms and once more as it ends, rather than from /usr/bin/time, which not every
 * machine has.
 */
export async function timeBatch(root: string, input: string, lines: number, workers: number): Promise<BatchRun> {
  const started = nowMs();
  const child = spawn(
    process.execPath,
    [join(root, "dist", "compiler", "cli.js"), "eval-batch", "WNC.CP.224", input, "--workers", String(workers)],
    { cwd: root, stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  let peakRss: number | undefined;
  const sample = () => {
    const now = child.pid === undefined ? undefined : peakRssOf(child.pid);
    if (now !== undefined) peakRss = Math.max(peakRss ?? 0, now);
  };
  const sampler = setInterval(sample, 20);
  const code = await new Promise<number | null>((resolve) => {
    // "exit" comes before the process is reaped, so /proc still holds it for a last sample.
    child.on("exit", (exitCode) => {
      sample();
      resolve(exitCode);
    });
  });
  clearInterval(sampler);
  const seconds = (nowMs() - started) / 1000;
  if (code !== 0) throw new Error(`policyc eval-batch exited ${code}: ${stderr}`);
  if (!stderr.includes(`${formatCount(lines)} lines in`))
    throw new Error(`policyc eval-batch did not answer ${formatCount(lines)} lines: ${stderr}`);
  return { lines, workers, seconds, peakRss };
}

/** The four runs: 1M lines with one worker and with one per core, and 100k lines with each, for memory. */
export async function measureBatch(root: string): Promise<BatchRun[]> {
  const million = join(root, ".tmp", "bench-batch-1000000.ndjson");
  const hundredThousand = join(root, ".tmp", "bench-batch-100000.ndjson");
  writeBatchInput(million, 1_000_000);
  writeBatchInput(hundredThousand, 100_000);
  const cores = availableParallelism();
  const runs: BatchRun[] = [];
  for (const workers of cores === 1 ? [1] : [1, cores]) {
    runs.push(await timeBatch(root, hundredThousand, 100_000, workers));
    runs.push(await timeBatch(root, million, 1_000_000, workers));
  }
  return runs;
}

/** Streaming keeps memory flat: the peak at 1M lines at most this many times the peak at 100k. */
const boundedRatio = 1.5;

export function batchTargets(runs: readonly BatchRun[]): Target[] {
  const targets: Target[] = [];
  for (const large of runs.filter((run) => run.lines === 1_000_000)) {
    const small = runs.find((run) => run.lines === 100_000 && run.workers === large.workers);
    if (small?.peakRss === undefined || large.peakRss === undefined) continue;
    const ratio = large.peakRss / small.peakRss;
    targets.push({
      name: `eval-batch peak RSS, 1M lines / 100k lines, ${large.workers} worker${large.workers === 1 ? "" : "s"}, at most ${boundedRatio}x`,
      met: ratio <= boundedRatio,
      figure: `${ratio.toFixed(2)}x`,
    });
  }
  return targets;
}

export function batchRows(runs: readonly BatchRun[]): string[][] {
  return [
    ["policyc eval-batch WNC.CP.224 (NDJSON file in, output to /dev/null)", "lines/s (wall)", "time", "peak RSS"],
    ...runs.map((run) => [
      `  ${formatCount(run.lines)} lines, ${run.workers} worker${run.workers === 1 ? "" : "s"}`,
      `${formatCount(run.lines / run.seconds)} /s`,
      `${run.seconds.toFixed(1)} s`,
      run.peakRss === undefined ? "n/a" : formatBytes(run.peakRss),
    ]),
  ];
}
