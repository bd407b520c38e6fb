// Timing and memory helpers. Machines running the benchmark are shared and noisy, so every figure is a
// median of several repetitions after a warm-up, and comparisons are ratios taken in the same run.

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) throw new Error("median of nothing");
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * The median of the ratios `numerators[i] / denominators[i]`, of samples taken in pairs (the same pass
 * of an interleaved run): a noisy moment of a shared machine slows both of a pair, and leaves their
 * ratio, where a ratio of two medians takes each from a different moment.
 */
export function pairedRatio(numerators: readonly number[], denominators: readonly number[]): number {
  if (numerators.length !== denominators.length) throw new Error("paired samples of different counts");
  return median(numerators.map((value, index) => value / (denominators[index] as number)));
}

/** A monotonic clock in milliseconds, for intervals only. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * This process's CPU time in milliseconds (user and system, all its threads), for intervals only.
 * Throughput is timed with it: on a shared machine another process's load stretches wall time by
 * whatever share of the cores it takes, and CPU time far less.
 */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Milliseconds of each of `repetitions` runs of `work`, after `warmups` untimed runs. */
export async function timeRuns(work: () => unknown, warmups: number, repetitions: number): Promise<number[]> {
  for (let i = 0; i < warmups; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const start = nowMs();
    await work();
    samples.push(nowMs() - start);
  }
  return samples;
}

let gcFunction: (() => void) | undefined;

/**
 * Runs a full garbage collection, so that heap figures show what is retained rather than when the
 * collector last ran. NOTE: enabling --expose-gc at run time spares `npm run bench` a node flag.
 */
export function collectGarbage(): void {
  if (!gcFunction) {
    setFlagsFromString("--expose-gc");
    const candidate: unknown = runInNewContext("gc");
    if (typeof candidate !== "function") throw new Error("cannot reach the garbage collector");
    gcFunction = candidate as () => void;
  }
  gcFunction();
  gcFunction();
}

/** Heap in use after a full collection, in bytes. */
export function settledHeap(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}
