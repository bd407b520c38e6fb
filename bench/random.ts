// Seeded randomness for the benchmark's generated inputs: the same seed gives the same policies and
// fact sets on every machine, so two runs measure the same work.

/** A source of numbers in [0, 1). */
export type Random = () => number;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer from `min` to `max`, both included. */
export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** One of `values`, each as likely. */
export function pick<T>(random: Random, values: readonly T[]): T {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) throw new Error("pick: no values to pick from");
  return value;
}

/** True with the given probability. */
export function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

/** `count` distinct values, in their original order. */
export function sample<T>(random: Random, values: readonly T[], count: number): T[] {
  const chosen = new Set<number>();
  const wanted = Math.min(count, values.length);
  while (chosen.size < wanted) chosen.add(Math.floor(random() * values.length));
  return [...chosen].sort((a, b) => a - b).map((index) => values[index] as T);
}

/** A copy of `values` in a random order (Fisher-Yates). */
export function shuffle<T>(random: Random, values: readonly T[]): T[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
