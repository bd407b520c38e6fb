// Seeded random fact sets for property tests, from a policy model's fact types: values near the
// thresholds a policy uses, and any fact left unknown with a given probability.

import type { FactModel } from "../../compiler/model/policy-model.js";

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

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)]!;
}

const sampleDates = [
  "2019-06-01",
  "2021-05-01",
  "2024-04-30",
  "2024-05-01",
  "2025-03-31",
  "2025-06-01",
  "2025-07-01",
  "2030-01-01",
];

export function randomValue(fact: FactModel, random: () => number): unknown {
  const type = fact.type;
  switch (type.kind) {
    case "boolean":
      return random() < 0.5;
    case "number": {
      const min = type.min ?? 0;
      const max = type.max ?? 100;
      return pick(
        random,
        [min, 15, 20, 21, 30, 45, max].filter((n) => n >= min && n <= max),
      );
    }
    case "date":
      return pick(random, sampleDates);
    case "oneOf":
      return pick(random, type.values).name;
    case "setOf":
      return type.values.filter(() => random() < 0.75).map((value) => value.name);
  }
}

/** Flat facts by dotted name; an absent name is unknown. */
export type FlatFacts = Map<string, unknown>;

export function randomFlatFacts(facts: readonly FactModel[], random: () => number, unknownShare: number): FlatFacts {
  const flat: FlatFacts = new Map();
  for (const fact of facts) if (random() >= unknownShare) flat.set(fact.name, randomValue(fact, random));
  return flat;
}

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

export function flattenFacts(nested: Readonly<Record<string, unknown>>, prefix = ""): FlatFacts {
  const flat: FlatFacts = new Map();
  for (const [key, value] of Object.entries(nested)) {
    const name = prefix === "" ? key : `${prefix}.${key}`;
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      for (const [inner, innerValue] of flattenFacts(value as Record<string, unknown>, name))
        flat.set(inner, innerValue);
    } else if (value !== undefined && value !== null) {
      flat.set(name, value);
    }
  }
  return flat;
}

/** A known case with some facts forgotten and a few changed: near the decision boundary. */
export function perturbFacts(
  base: FlatFacts,
  facts: readonly FactModel[],
  random: () => number,
  unknownShare: number,
  changeShare: number,
): FlatFacts {
  const flat: FlatFacts = new Map();
  for (const fact of facts) {
    if (random() < unknownShare) continue;
    const value = random() < changeShare || !base.has(fact.name) ? randomValue(fact, random) : base.get(fact.name);
    flat.set(fact.name, value);
  }
  return flat;
}
