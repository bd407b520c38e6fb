// The batch mode's main loop: NDJSON lines in (a file or stdin), one JSON line out per line, in input
// order, answered by a pool of worker threads. Memory stays bounded whatever the input's length: lines
// are read only as chunks can be handed out, at most `inFlight` chunks are out at once (sent, being
// answered, or answered and waiting for an earlier one), and the next is read only once the output
// has taken the oldest (its "drain", when it is slow).

import { once } from "node:events";
import type { Writable } from "node:stream";
import type { BatchKind } from "./answer-line.js";
import { ndjsonLines } from "./ndjson-lines.js";
import type { Progress } from "./progress.js";
import { addTally, emptyTally, type Tally } from "./tally.js";
import { WorkerPool } from "./worker-pool.js";
import type { ChunkResult } from "./worker-messages.js";

/** The output stopped taking lines (its reader went away: `| head`), so the rest were not answered. */
export class BatchOutputClosed extends Error {
  override readonly name = "BatchOutputClosed";
}

export interface BatchOptions {
  readonly root: string;
  readonly policy: string;
  readonly kind: BatchKind;
  readonly trace: boolean;
  readonly workers: number;
  /** Lines per chunk, at most; a chunk is also cut at `chunkChars` characters of input. */
  readonly chunkLines?: number;
  readonly chunkChars?: number;
  /** Chunks out at once, per worker. */
  readonly inFlightPerWorker?: number;
  /** The worker's script; tests, which run the sources, name the compiled one in dist/. */
  readonly workerScript?: URL;
}

// NOTE: 512 lines make a chunk's message cost (a structured clone each way) small beside its
// answering; four chunks per worker keep each busy while the main thread writes.
const defaults = { chunkLines: 512, chunkChars: 1 << 20, inFlightPerWorker: 4 };

/** Waits for `output` to drain; an error while waiting is left to the run's own listener. */
async function drained(output: Writable): Promise<void> {
  // `once` rejects on "error": the run's listener has recorded it, and the caller reports it.
  await Promise.race([once(output, "drain"), once(output, "close")]).catch(() => {});
}

/** Runs the batch from `input` to `output`; the counts of what was answered. Rejects when a worker fails. */
export async function runBatch(
  input: AsyncIterable<Buffer | string>,
  output: Writable,
  options: BatchOptions,
  progress: Progress,
): Promise<Tally> {
  const chunkLines = options.chunkLines ?? defaults.chunkLines;
  const chunkChars = options.chunkChars ?? defaults.chunkChars;
  const inFlight = options.workers * (options.inFlightPerWorker ?? defaults.inFlightPerWorker);
  const pool = new WorkerPool(
    options.workers,
    { root: options.root, policy: options.policy, kind: options.kind, trace: options.trace },
    options.workerScript,
  );
  const total = emptyTally();
  // NOTE: a write to a closed pipe fails later, as an "error" event: listened for all along, so that
  // it ends the run instead of the process, and the next write sees it.
  let outputError: Error | undefined;
  const onOutputError = (error: Error) => (outputError ??= error);
  output.on("error", onOutputError);
  const queue: Promise<ChunkResult>[] = [];
  let bytesRead = 0;
  let nextId = 0;
  let texts: string[] = [];
  let dropped: { index: number; characters: number }[] = [];
  let chars = 0;
  let firstLine = 1;

  const send = (): void => {
    const answer = pool.run({ id: nextId++, firstLine, texts, dropped });
    // Awaited in order below; until then a failure must not count as unhandled.
    answer.catch(() => {});
    queue.push(answer);
    texts = [];
    dropped = [];
    chars = 0;
  };
  const writeOldest = async (): Promise<void> => {
    const oldest = queue.shift();
    if (oldest === undefined) return;
    const result = await oldest;
    addTally(total, result.tally);
    if (outputError === undefined && !output.write(result.output)) await drained(output);
    if (outputError !== undefined)
      throw new BatchOutputClosed(`the output was closed (${outputError.message}) before every line was written`);
    progress.update(total.lines, bytesRead);
  };

  try {
    for await (const line of ndjsonLines(input, (count) => (bytesRead += count))) {
      if (texts.length === 0) firstLine = line.number;
      if (line.dropped !== undefined) dropped.push({ index: texts.length, characters: line.dropped });
      texts.push(line.text);
      chars += line.text.length;
      if (texts.length >= chunkLines || chars >= chunkChars) {
        send();
        while (queue.length >= inFlight) await writeOldest();
      }
    }
    if (texts.length > 0) send();
    while (queue.length > 0) await writeOldest();
  } finally {
    output.off("error", onOutputError);
    await pool.close();
    progress.finish();
  }
  return total;
}
