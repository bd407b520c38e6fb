// Seeded fact sets for WNC.CP.224, the input of the throughput benchmark: complete cases, partial ones
// (facts or whole groups unknown), and cases near a boundary (one fact flipped or forgotten, ages 20
// to 22, enrollment dates a day either side of the service date), on service dates across revisions.
// Also malformed sets, used only to check that both evaluators refuse the same input.

import type { Facts, HomeFeatures, TherapyKind, TherapyRoute } from "../generated/wnc-cp-224/evaluator.js";
import { between, chance, pick, seededRandom, type Random } from "./random.js";

export interface FactSet {
  readonly facts: Facts;
  readonly asOf: string;
}

/** Service dates on both sides of each revision, the 2024-05 one (I.A.5) above all. */
const SERVICE_DATES = [
  "2021-05-01",
  "2021-09-15",
  "2022-08-01",
  "2023-04-01",
  "2023-12-31",
  "2024-04-30",
  "2024-05-01",
  "2024-11-20",
  "2025-05-01",
  "2025-06-01",
  "2026-01-15",
];

const KINDS: readonly TherapyKind[] = [
  "chemotherapy",
  "antibiotic",
  "antiviral",
  "antifungal",
  "pain_management",
  "other_drug_therapy",
  "parenteral_nutrition",
  "enteral_nutrition",
  "oral_nutrition",
];
const ROUTES: readonly TherapyRoute[] = ["intravenous", "subcutaneous", "epidural", "intrathecal", "other_route"];
const FEATURES: readonly HomeFeatures[] = [
  "clean_environment",
  "electricity",
  "water",
  "telephone_access",
  "refrigeration",
  "space_for_supplies",
];
const AGES = [0, 3, 15, 20, 20, 21, 21, 22, 45, 45, 67, 88, 130];

function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** Therapies the policy can cover, each with a route it covers. */
const COVERED_THERAPIES: readonly [TherapyKind, TherapyRoute][] = [
  ["antibiotic", "intravenous"],
  ["antiviral", "intravenous"],
  ["antifungal", "intravenous"],
  ["chemotherapy", "intravenous"],
  ["pain_management", "subcutaneous"],
  ["pain_management", "epidural"],
  ["pain_management", "intrathecal"],
  ["pain_management", "intravenous"],
  ["parenteral_nutrition", "intravenous"],
  ["parenteral_nutrition", "intravenous"],
  ["enteral_nutrition", "other_route"],
  ["enteral_nutrition", "other_route"],
];

/** Every fact known and every rule passed: a covered case to start from. */
function coveredCase(random: Random, asOf: string): Mutable {
  const [kind, route] = pick(random, COVERED_THERAPIES);
  const ended = chance(random, 0.3);
  const drugReason = between(random, 0, 2);
  return {
    member: {
      age: pick(random, AGES),
      residence: pick(random, ["private_residence", "adult_care_home"]),
      clinical_status_stable: true,
      under_care_of_referring_physician: true,
      condition_supports_safe_home_administration: true,
      has_available_administration_site: true,
      condition_prohibits_adequate_oral_intake: true,
      gastrointestinal_tract_functions: true,
      can_ingest_and_tolerate_adequate_oral_intake: false,
      receives_private_duty_nursing:
        chance(random, 0.2) && (kind === "parenteral_nutrition" || kind === "enteral_nutrition"),
      receives_medicare_home_health_nursing: false,
    },
    therapy: {
      kind,
      route,
      administered_by: pick(random, ["member", "unpaid_primary_caregiver"]),
      administrator_able_and_willing: true,
    },
    // I.C.4 needs one of its three reasons; which one varies.
    drug: {
      infusion_more_effective: drugReason === 0,
      available_in_oral_form: drugReason !== 1,
      tolerated_orally: drugReason !== 2,
    },
    service: {
      safe_in_living_environment: true,
      ordered_as_medically_necessary: true,
      duplicates_other_provider: false,
      experimental_or_investigational: false,
      part_of_clinical_trial: false,
    },
    home: { features: [...FEATURES] },
    medicaid: {
      enrollment_start: addDays(asOf, -pick(random, [0, 30, 400, 2000])),
      enrollment_ended: ended,
      ...(ended && { enrollment_end: addDays(asOf, pick(random, [0, 1, 200])) }),
      category_restricts_service: false,
    },
    epsdt: { documentation_shows_medical_necessity: chance(random, 0.4) },
  };
}

type Mutable = Record<string, Record<string, unknown> | null | undefined>;

function factPaths(facts: Mutable): [string, string][] {
  return Object.entries(facts).flatMap(([group, values]) =>
    values ? Object.keys(values).map((key): [string, string] => [group, key]) : [],
  );
}

/** One step towards another decision: a fact flipped, set to another value, or moved to its threshold. */
function deviate(random: Random, facts: Mutable, asOf: string): void {
  const [group, key] = pick(random, factPaths(facts));
  const values = facts[group];
  if (!values) return;
  const value = values[key];
  if (typeof value === "boolean") values[key] = !value;
  else if (key === "age") values[key] = pick(random, [20, 21, 22]);
  else if (key === "enrollment_start" || key === "enrollment_end")
    values[key] = addDays(asOf, pick(random, [-1, 0, 1]));
  else if (key === "features" && Array.isArray(value)) values[key] = value.filter(() => chance(random, 0.8));
  else if (key === "kind") values[key] = pick(random, KINDS);
  else if (key === "route") values[key] = pick(random, ROUTES);
  else if (key === "residence") values[key] = pick(random, ["skilled_nursing_facility", "hospital", "other_setting"]);
  else if (key === "administered_by") values[key] = pick(random, ["paid_caregiver", "nurse"]);
}

/** Some facts unknown (left out or null), now and then a whole group. */
function forget(random: Random, facts: Mutable, share: number): void {
  for (const [group, key] of factPaths(facts)) {
    const values = facts[group];
    if (!values || !chance(random, share)) continue;
    if (chance(random, 0.2)) values[key] = null;
    else delete values[key];
  }
  if (chance(random, 0.08)) delete facts[pick(random, Object.keys(facts))];
  if (chance(random, 0.04)) facts[pick(random, Object.keys(facts))] = null;
}

/**
 * `count` valid fact sets: 35% complete (a covered case with up to two facts changed), 35% partial
 * (some facts unknown), 30% near a boundary (one fact changed or forgotten).
 */
export function wncFactSets(count: number, seed = 224): FactSet[] {
  const random = seededRandom(seed);
  const sets: FactSet[] = [];
  for (let i = 0; i < count; i++) {
    const asOf = pick(random, SERVICE_DATES);
    const facts = coveredCase(random, asOf);
    const roll = random();
    if (roll < 0.35) {
      for (let steps = pick(random, [0, 0, 1, 1, 2]); steps > 0; steps--) deviate(random, facts, asOf);
    } else if (roll < 0.7) {
      if (chance(random, 0.5)) deviate(random, facts, asOf);
      forget(random, facts, 0.02 + random() * 0.25);
    } else if (chance(random, 0.6)) {
      deviate(random, facts, asOf);
    } else {
      const [group, key] = pick(random, factPaths(facts));
      delete facts[group]?.[key];
    }
    sets.push({ facts: facts, asOf });
  }
  return sets;
}

/** A deep copy as plain records, so a case can be broken without touching the one it came from. */
function copy(facts: Facts): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [group, values] of Object.entries(facts)) {
    out[group] = values === null || values === undefined ? values : { ...(values as Record<string, unknown>) };
  }
  return out;
}

/** Fields set to a value of the wrong type, out of range, or under a misspelt name. */
const badFields: readonly [group: string, key: string, value: unknown][] = [
  ["member", "age", -1],
  ["member", "age", 131],
  ["member", "age", "45"],
  ["member", "age", Number.NaN],
  ["member", "clinical_status_stable", "yes"],
  ["member", "residence", "private residence"],
  ["member", "resdence", "hospital"],
  ["therapy", "kind", "antibiotics"],
  ["therapy", "route", 3],
  ["home", "features", ["water", "gas"]],
  ["home", "features", "water"],
  ["medicaid", "enrollment_start", "2024-02-30"],
  ["medicaid", "enrollment_end", "2024-13-01"],
  ["medicaid", "enrollment_ended", 1],
  ["epsdt", "documentation_shows_medical_necessity", "no"],
  ["epsdt", "extra", true],
];
/** Groups that are not objects, or are not groups of this policy. */
const badGroups: readonly [group: string, value: unknown][] = [
  ["drug", ["infusion_more_effective"]],
  ["service", 5],
  ["memberr", { age: 3 }],
];
const badDates = ["2021-04-30", "2024-02-30", "05/01/2024", ""];
const badRoots: readonly unknown[] = [null, [], "facts", 42];

/** `count` malformed inputs: a valid set with one or two faults, a bad service date, or no object at all. */
export function malformedFactSets(count: number, seed = 4224): { facts: unknown; asOf: string }[] {
  const random = seededRandom(seed);
  return wncFactSets(count, seed + 1).map(({ facts, asOf }) => {
    const roll = random();
    if (roll < 0.04) return { facts: pick(random, badRoots), asOf };
    if (roll < 0.15) return { facts, asOf: pick(random, badDates) };
    const broken: Record<string, unknown> = copy(facts);
    for (let faults = between(random, 1, 2); faults > 0; faults--) {
      if (chance(random, 0.15)) {
        const [group, value] = pick(random, badGroups);
        broken[group] = value;
        continue;
      }
      const [group, key, value] = pick(random, badFields);
      const values = broken[group];
      broken[group] = { ...(typeof values === "object" && values !== null ? values : {}), [key]: value };
    }
    return { facts: broken, asOf };
  });
}
