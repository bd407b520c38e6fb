// Seeded randomness for property tests, and fact sets written flat (by dotted name) and nested as a
// caller gives them to `evaluate`. The values themselves come from each policy's model
// (support/differential/value-space.ts).

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Flat facts by dotted name; an absent name is unknown. */
export type FlatFacts = Map<string, unknown>;

export function nestFacts(flat: FlatFacts): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of flat) {
    const parts = name.split(".");
    let group = root;
    for (const part of parts.slice(0, -1)) group = (group[part] ??= {}) as Record<string, unknown>;
    group[parts.at(-1)!] = value;
  }
  return root;
}
