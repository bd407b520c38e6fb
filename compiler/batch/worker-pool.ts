// The batch's worker threads: one evaluator each (worker.ts), fed chunks of lines by run-batch.ts.
// A chunk goes to the worker with the fewest chunks waiting. A worker that fails (an uncaught error,
// an exit, a message that cannot be read) fails the whole pool at once: every chunk waiting is
// rejected with one error saying which worker stopped and why, so the run ends instead of waiting
// for answers that will never come.

import { Worker } from "node:worker_threads";
import type { ChunkRequest, ChunkResult, WorkerSetup } from "./worker-messages.js";

/** The run stopped before every line was answered: a worker failed. */
export class BatchWorkerFailed extends Error {
  override readonly name = "BatchWorkerFailed";
}

interface Waiting {
  readonly resolve: (result: ChunkResult) => void;
  readonly reject: (error: Error) => void;
}

interface PoolWorker {
  readonly number: number;
  readonly thread: Worker;
  readonly waiting: Map<number, Waiting>;
}

const compiledWorker = new URL("./worker.js", import.meta.url);

export class WorkerPool {
  private readonly workers: PoolWorker[];
  private failure: BatchWorkerFailed | undefined;
  private closing = false;

  constructor(size: number, setup: WorkerSetup, workerScript: URL = compiledWorker) {
    this.workers = Array.from({ length: size }, (_, index) => this.start(index + 1, setup, workerScript));
  }

  private start(number: number, setup: WorkerSetup, workerScript: URL): PoolWorker {
    // NOTE: stdout and stderr of a worker are the process's own; the evaluator never writes to them.
    const thread = new Worker(workerScript, { workerData: setup });
    const worker: PoolWorker = { number, thread, waiting: new Map() };
    thread.on("message", (result: ChunkResult) => {
      const waiting = worker.waiting.get(result.id);
      worker.waiting.delete(result.id);
      waiting?.resolve(result);
    });
    thread.on("error", (error: Error) => this.fail(worker, error.message));
    thread.on("messageerror", (error: Error) =>
      this.fail(worker, `sent an answer that cannot be read: ${error.message}`),
    );
    thread.on("exit", (code) => {
      if (!this.closing) this.fail(worker, `exited (code ${code}) before answering every line`);
    });
    return worker;
  }

  private fail(worker: PoolWorker, why: string): void {
    this.failure ??= new BatchWorkerFailed(`worker ${worker.number} of ${this.workers.length} stopped: ${why}`);
    for (const each of this.workers) {
      for (const waiting of each.waiting.values()) waiting.reject(this.failure);
      each.waiting.clear();
    }
    void this.close();
  }

  /** Answers a chunk on the least busy worker; rejects with BatchWorkerFailed once any worker failed. */
  run(request: ChunkRequest): Promise<ChunkResult> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const worker = this.workers.reduce((least, each) => (each.waiting.size < least.waiting.size ? each : least));
    return new Promise((resolve, reject) => {
      worker.waiting.set(request.id, { resolve, reject });
      worker.thread.postMessage(request);
    });
  }

  /** Ends every worker (those still answering are stopped). */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.thread.terminate()));
  }
}
