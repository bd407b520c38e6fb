// Seeded claims for WNC.CP.224's coding table, the input of the claim-check benchmark: clean claims for
// each therapy code, mismatched codes, T1030 missing or short, T1002 with and without SD over various
// monitoring times, S9379 with and without the termination allowance, TPN and EN claims with nursing
// codes, two therapy codes, codes outside the table and unknown claim facts, on service dates either
// side of 2023-08-01. Also malformed claims, used only to check that both checkers refuse the same ones.

import type { Claim, ClaimTherapies } from "../generated/wnc-cp-224/evaluator.js";
import type { ClaimCheckOptions } from "../generated/runtime/index.js";
import { between, chance, pick, seededRandom, shuffle, type Random } from "./random.js";

export interface ClaimSet {
  readonly claim: Claim;
  readonly options: ClaimCheckOptions;
}

/** A claim being built: the generated Claim type, but mutable. */
interface Draft {
  serviceDate: string;
  lines: LineDraft[];
  therapies?: ClaimTherapies[] | null;
  amphotericin_b?: boolean | null;
  monitoring_minutes?: number | null;
  termination_allowance?: boolean | null;
}

interface LineDraft {
  code: string;
  modifiers?: string[] | null;
  units: number;
}

/** Four service dates before the 2023-08 billing sentences, five on or after. */
const SERVICE_DATES = [
  "2021-05-01",
  "2022-02-14",
  "2023-04-01",
  "2023-07-31",
  "2023-08-01",
  "2023-08-02",
  "2024-05-01",
  "2025-06-01",
  "2026-01-15",
];

/** Each therapy code with the therapies it bills. */
const THERAPY_CODES: readonly [code: string, therapies: readonly ClaimTherapies[]][] = [
  ["S9494", ["antibiotic", "antiviral", "antifungal"]],
  ["S9329", ["chemotherapy"]],
  ["S9325", ["pain_management"]],
];
const ALL_THERAPIES: readonly ClaimTherapies[] = [
  "antibiotic",
  "antiviral",
  "antifungal",
  "chemotherapy",
  "pain_management",
  "other_drug_therapy",
  "parenteral_nutrition",
  "enteral_nutrition",
];
/** Drugs, supplies, pumps and pharmacy visits: billed beside the table's codes, governed by other policies. */
const OTHER_CODES = [
  "J0696",
  "J0285",
  "J2270",
  "J9045",
  "B4189",
  "B4150",
  "B4035",
  "E0781",
  "A4221",
  "99601",
  "99602",
  "S9500",
];
const MINUTES = [0, 45, 90, 120, 121, 130, 135, 150, 180, 240, 247.5, 600, 1440];
const DAYS = [1, 1, 2, 3, 5, 7, 7, 10, 14, 28, 30];

function line(code: string, units: number, modifiers?: string[] | null): LineDraft {
  return modifiers === undefined ? { code, units } : { code, modifiers, units };
}

/** Sometimes left out, sometimes null, sometimes an empty list: all mean "no modifiers". */
function noModifiers(random: Random): string[] | null | undefined {
  const roll = random();
  return roll < 0.5 ? undefined : roll < 0.75 ? null : [];
}

/** T1030 for `days`: one line, or split over two. */
function nursingDays(random: Random, days: number): LineDraft[] {
  if (days > 1 && chance(random, 0.15)) {
    const first = between(random, 1, days - 1);
    return [line("T1030", first), line("T1030", days - first)];
  }
  return [line("T1030", days, noModifiers(random))];
}

/** The T1002 units the monitoring allows: a unit for each 15 minutes, or part, beyond 2 hours. */
function allowedT1002(minutes: number): number {
  return Math.max(0, Math.ceil((minutes - 120) / 15));
}

// ----- scenarios: each returns a claim on `serviceDate` ----------------------------------------

/** A therapy code for its therapy, with T1030 for as many days. */
function cleanTherapy(random: Random, serviceDate: string): Draft {
  const [code, therapies] = pick(random, THERAPY_CODES);
  const days = pick(random, DAYS);
  const extraDays = chance(random, 0.1) ? 1 : 0;
  return {
    serviceDate,
    therapies: [pick(random, therapies)],
    lines: [line(code, days, noModifiers(random)), ...nursingDays(random, days + extraDays)],
  };
}

/** A therapy code that bills another therapy than the claim's. */
function mismatchedTherapy(random: Random, serviceDate: string): Draft {
  const [code, billed] = pick(random, THERAPY_CODES);
  const others = ALL_THERAPIES.filter((therapy) => !billed.includes(therapy));
  const days = pick(random, DAYS);
  return { serviceDate, therapies: [pick(random, others)], lines: [line(code, days), line("T1030", days)] };
}

/** A therapy code with T1030 left out, or billed for fewer days. */
function shortNursing(random: Random, serviceDate: string): Draft {
  const [code, therapies] = pick(random, THERAPY_CODES);
  const days = pick(random, DAYS);
  const nursing = chance(random, 0.5) ? [] : [line("T1030", between(random, 0, days - 1))];
  return { serviceDate, therapies: [pick(random, therapies)], lines: [line(code, days), ...nursing] };
}

/** RN monitoring of an infusion: Amphotericin B or not, with or without SD, within the allowed units or over. */
function monitoring(random: Random, serviceDate: string): Draft {
  const minutes = pick(random, MINUTES);
  const amphotericin = chance(random, 0.75);
  const therapy: ClaimTherapies = amphotericin
    ? "antifungal"
    : pick(random, ["antibiotic", "antifungal", "chemotherapy", "pain_management"]);
  const code = therapy === "chemotherapy" ? "S9329" : therapy === "pain_management" ? "S9325" : "S9494";
  const units = Math.max(1, allowedT1002(minutes) + pick(random, [0, 0, 0, -1, 1, 2]));
  const modifiers = pick(random, [["SD"], ["SD"], ["SD"], ["SD", "KX"], ["KX"], []]);
  const t1002 =
    chance(random, 0.15) && units > 1
      ? [line("T1002", units - 1, modifiers), line("T1002", 1, ["SD"])]
      : [line("T1002", units, modifiers)];
  return {
    serviceDate,
    therapies: [therapy],
    amphotericin_b: amphotericin,
    monitoring_minutes: minutes,
    lines: [line(code, 1), line("T1030", 1), ...t1002],
  };
}

/** S9379: the termination allowance, alone or after a therapy's last day. */
function termination(random: Random, serviceDate: string): Draft {
  const [code, therapies] = pick(random, THERAPY_CODES);
  const withTherapy = chance(random, 0.4) ? [line(code, 1), line("T1030", 1)] : [];
  return {
    serviceDate,
    therapies: [pick(random, therapies)],
    termination_allowance: chance(random, 0.6),
    lines: [line("S9379", 1), ...withTherapy],
  };
}

/** TPN or EN with nursing codes, which II.note-2 does not cover, now and then beside a drug therapy. */
function nutritionNursing(random: Random, serviceDate: string): Draft {
  const nutrition = pick(random, [
    ["parenteral_nutrition"],
    ["enteral_nutrition"],
    ["parenteral_nutrition", "enteral_nutrition"],
  ] as ClaimTherapies[][]);
  const days = pick(random, DAYS);
  const supplies = line(nutrition[0] === "parenteral_nutrition" ? "B4189" : "B4035", days);
  const nursing = pick(random, [
    [line("T1030", days)],
    [line("T1002", 2, ["SD"])],
    [line("T1030", days), line("T1002", 1, ["SD"])],
  ]);
  const draft: Draft = {
    serviceDate,
    therapies: nutrition,
    amphotericin_b: false,
    monitoring_minutes: pick(random, MINUTES),
    lines: [supplies, ...nursing],
  };
  if (chance(random, 0.3)) {
    draft.therapies = [...nutrition, "antibiotic"];
    draft.lines.push(line("S9494", days));
  }
  return draft;
}

/** Two therapies run together: T1030 for the longer line (clean), the shorter, or both added. */
function twoTherapies(random: Random, serviceDate: string): Draft {
  const [first, second] = shuffle(random, THERAPY_CODES).slice(0, 2) as [
    [string, readonly ClaimTherapies[]],
    [string, readonly ClaimTherapies[]],
  ];
  const a = pick(random, DAYS);
  const b = pick(random, DAYS);
  const nursing = pick(random, [Math.max(a, b), Math.max(a, b), Math.min(a, b), a + b]);
  return {
    serviceDate,
    therapies: [pick(random, first[1]), pick(random, second[1])],
    lines: [line(first[0], a), line(second[0], b), ...nursingDays(random, nursing)],
  };
}

/** Only codes outside the table, or no lines at all. */
function outsideTable(random: Random, serviceDate: string): Draft {
  const count = between(random, 0, 3);
  return {
    serviceDate,
    therapies: [pick(random, ALL_THERAPIES)],
    lines: Array.from({ length: count }, () => line(pick(random, OTHER_CODES), between(random, 1, 20))),
  };
}

const SCENARIOS: readonly [weight: number, build: (random: Random, serviceDate: string) => Draft][] = [
  [25, cleanTherapy],
  [8, mismatchedTherapy],
  [9, shortNursing],
  [20, monitoring],
  [10, termination],
  [10, nutritionNursing],
  [12, twoTherapies],
  [6, outsideTable],
];
const TOTAL_WEIGHT = SCENARIOS.reduce((sum, [weight]) => sum + weight, 0);

function scenario(random: Random, serviceDate: string): Draft {
  let roll = random() * TOTAL_WEIGHT;
  for (const [weight, build] of SCENARIOS) {
    roll -= weight;
    if (roll < 0) return build(random, serviceDate);
  }
  return cleanTherapy(random, serviceDate);
}

const CLAIM_FACTS = ["therapies", "amphotericin_b", "monitoring_minutes", "termination_allowance"] as const;

/** One or two claim facts unknown: left out or null. */
function forget(random: Random, draft: Draft): void {
  for (let count = between(random, 1, 2); count > 0; count--) {
    const fact = pick(random, CLAIM_FACTS);
    if (chance(random, 0.3)) draft[fact] = null;
    else delete draft[fact];
  }
}

/**
 * `count` valid claims: the scenarios above by weight, then 15% with claim facts unknown, 20% with
 * codes outside the table added, 30% with their lines reordered, and 10% judged on an `asOf` other
 * than their service date.
 */
export function wncClaims(count: number, seed = 2023_08): ClaimSet[] {
  const random = seededRandom(seed);
  const sets: ClaimSet[] = [];
  for (let i = 0; i < count; i++) {
    const draft = scenario(random, pick(random, SERVICE_DATES));
    if (chance(random, 0.15)) forget(random, draft);
    if (chance(random, 0.2))
      draft.lines.push(line(pick(random, OTHER_CODES), between(random, 1, 20), noModifiers(random)));
    if (chance(random, 0.3)) draft.lines = shuffle(random, draft.lines);
    const options: ClaimCheckOptions = chance(random, 0.1) ? { asOf: pick(random, SERVICE_DATES) } : {};
    sets.push({ claim: draft, options });
  }
  return sets;
}

// ----- malformed claims ---------------------------------------------------------------------------

/** Claim fields set to a value of the wrong type or out of range, or under a misspelt name. */
const badFields: readonly [key: string, value: unknown][] = [
  ["serviceDate", "2025-02-30"],
  ["serviceDate", "06/01/2025"],
  ["serviceDate", 20250601],
  ["serviceDate", ""],
  ["serviceDate", null],
  ["lines", "S9494"],
  ["lines", { code: "S9494", units: 1 }],
  ["lines", null],
  ["therapies", "antibiotic"],
  ["therapies", ["antibiotic", "aromatherapy"]],
  ["therapies", [1]],
  ["amphotericin_b", "yes"],
  ["amphotericin_b", 1],
  ["monitoring_minutes", -5],
  ["monitoring_minutes", 1441],
  ["monitoring_minutes", "150"],
  ["monitoring_minutes", Number.POSITIVE_INFINITY],
  ["monitoring_minutes", Number.NaN],
  ["termination_allowance", "no"],
  ["therapys", ["antibiotic"]],
  ["minutes", 150],
  ["service_date", "2025-06-01"],
];
/** A line's fields broken the same ways. */
const badLineFields: readonly [key: string, value: unknown][] = [
  ["code", "S94"],
  ["code", "s9494"],
  ["code", 9494],
  ["code", "S94944"],
  ["code", undefined],
  ["modifiers", "SD"],
  ["modifiers", ["S"]],
  ["modifiers", ["sd"]],
  ["modifiers", [1]],
  ["units", -1],
  ["units", 1.5],
  ["units", "2"],
  ["units", Number.NaN],
  ["units", undefined],
  ["unit", 2],
  ["modifier", "SD"],
];
const badLines: readonly unknown[] = ["S9494", null, 5, ["S9494", 1]];
const badRoots: readonly unknown[] = [null, [], "claim", 42];
const badAsOf = ["2024-13-01", "yesterday", "2021-04-30", ""];

/**
 * `count` malformed claims: a valid claim with one or two faults, a bad `asOf`, a service date before
 * the policy, or no object at all.
 */
export function malformedClaims(count: number, seed = 4224_08): { claim: unknown; options: ClaimCheckOptions }[] {
  const random = seededRandom(seed);
  return wncClaims(count, seed + 1).map(({ claim, options }) => {
    const roll = random();
    if (roll < 0.04) return { claim: pick(random, badRoots), options };
    if (roll < 0.1) return { claim, options: { asOf: pick(random, badAsOf) } };
    // Judged on its service date, which comes before the policy took effect (an asOf would override it).
    if (roll < 0.13) return { claim: { ...claim, serviceDate: "2021-04-30" }, options: {} };
    const broken: Record<string, unknown> = { ...claim, lines: claim.lines.map((item) => ({ ...item })) };
    for (let faults = between(random, 1, 2); faults > 0; faults--) {
      const lines = broken["lines"];
      if (chance(random, 0.45) && Array.isArray(lines)) {
        const items: readonly unknown[] = lines;
        // A line broken: a new bad one added, or a field of one spoiled.
        const index = between(random, 0, items.length);
        if (index === items.length || chance(random, 0.2)) {
          broken["lines"] = [...items.slice(0, index), pick(random, badLines), ...items.slice(index)];
          continue;
        }
        const [key, value] = pick(random, badLineFields);
        broken["lines"] = items.map((item, i) =>
          i === index && typeof item === "object" && item !== null && !Array.isArray(item)
            ? { ...item, [key]: value }
            : item,
        );
        continue;
      }
      const [key, value] = pick(random, badFields);
      broken[key] = value;
    }
    return { claim: broken, options };
  });
}
