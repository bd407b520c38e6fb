// What the batch's main thread and its workers send each other (worker-pool.ts, worker.ts).

import type { BatchKind } from "./answer-line.js";
import type { Tally } from "./tally.js";

/** Handed to each worker as its workerData: which evaluator to load, and how to answer. */
export interface WorkerSetup {
  readonly root: string;
  readonly policy: string;
  readonly kind: BatchKind;
  readonly trace: boolean;
}

/** A chunk of consecutive input lines; the first is line `firstLine` of the input (1-based). */
export interface ChunkRequest {
  readonly id: number;
  readonly firstLine: number;
  readonly texts: readonly string[];
  /** The lines of the chunk dropped for their length (ndjson-lines.ts): index in `texts`, and length. */
  readonly dropped: readonly { readonly index: number; readonly characters: number }[];
}

/** The chunk's answers, one JSON line each (every line ends with "\n"), in UTF-8, and their counts. */
export interface ChunkResult {
  readonly id: number;
  readonly output: Uint8Array;
  readonly tally: Tally;
}
