// `policyc eval-batch <policy> [<input.ndjson>|-] [--workers N] [--trace]` and
// `policyc check-claim-batch <policy> [<claims.ndjson>|-] [--workers N]`: NDJSON in, one JSON answer
// per line out (compiler/batch/), a progress bar on a terminal's stderr, and the summary there.

import { createReadStream, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import type { BatchKind } from "../batch/answer-line.js";
import { progressBar } from "../batch/progress.js";
import { BatchOutputClosed, runBatch } from "../batch/run-batch.js";
import { summaryText } from "../batch/tally.js";
import { BatchWorkerFailed } from "../batch/worker-pool.js";
import { displayPath } from "../files/names.js";
import { CliError, exitCodes } from "./exit-codes.js";
import { loadEvaluator } from "./load-evaluator.js";

export interface BatchCommandOptions {
  readonly workers: string | undefined;
  readonly trace: boolean;
}

const commandName: Readonly<Record<BatchKind, string>> = { decisions: "eval-batch", claims: "check-claim-batch" };

// NOTE: a cap keeps a typo (--workers 1000) from starting a thousand threads, each with its own heap.
const mostWorkers = 256;

function workerCount(option: string | undefined): number {
  if (option === undefined) return availableParallelism();
  const count = /^[0-9]+$/.test(option) ? Number(option) : NaN;
  if (!Number.isInteger(count) || count < 1 || count > mostWorkers)
    throw new CliError(`--workers is a whole number from 1 to ${mostWorkers}, not "${option}".`, exitCodes.usage);
  return count;
}

/** The input's bytes and its size when it is a file (for the progress bar); `-` or nothing is stdin. */
function openInput(path: string | undefined): { stream: AsyncIterable<Buffer | string>; size: number | undefined } {
  if (path === undefined || path === "-") return { stream: process.stdin, size: undefined };
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new Error("not a file");
    size = stats.size;
  } catch (error) {
    throw new CliError(`Cannot read lines from ${displayPath(path)}: ${(error as Error).message}`, exitCodes.usage);
  }
  return { stream: createReadStream(path), size };
}

/**
 * Answers every line of the input. Exit 0 when every line was answered, input errors included (they
 * are answers, counted in the summary); exit 4 when a worker failed, or the output was closed, before
 * every line was answered.
 */
export async function batchCommand(
  root: string,
  kind: BatchKind,
  policy: string,
  inputPath: string | undefined,
  options: BatchCommandOptions,
): Promise<number> {
  const workers = workerCount(options.workers);
  // Loaded here once, so that an unknown or unbuilt policy is said before any worker starts.
  await loadEvaluator(root, policy);
  const input = openInput(inputPath);
  const started = performance.now();
  try {
    const tally = await runBatch(
      input.stream,
      process.stdout,
      { root, policy, kind, trace: options.trace, workers },
      progressBar(process.stderr, input.size),
    );
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(summaryText(tally, { kind, seconds, workers }));
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof BatchOutputClosed) {
      process.stderr.write(`policyc ${commandName[kind]}: ${error.message}; the rest were not answered.\n`);
      return exitCodes.batchStopped;
    }
    if (!(error instanceof BatchWorkerFailed)) throw error;
    process.stderr.write(
      `policyc ${commandName[kind]}: ${error.message}; the lines before it were written, the rest were not answered.\n`,
    );
    return exitCodes.batchStopped;
  }
}
