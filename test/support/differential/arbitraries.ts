// fast-check arbitraries for the differential test, built from a policy model: cases (facts, a
// service date, trace or not) drawn at random or near a seed case, and claims (lines with codes of the
// coding table and others, modifiers, units, claim facts). Any fact may be unknown, as null or absent.

import fc from "fast-check";
import type { BillingRuleModel, FactModel, PolicyModel } from "../../../compiler/model/policy-model.js";
import type { FactValue } from "../reference/conditions.js";
import type { NestedFacts } from "../reference/decision.js";
import { unitLimit, type ReferenceClaim, type ReferenceClaimLine } from "../reference/claims.js";
import { aroundMoved, candidatesOf, dateOfDay, dayNumber, fieldKey, type ValueSpace } from "./value-space.js";
import type { ReferenceDecision } from "../reference/claim-rules.js";
import type { SeedCase } from "./seed-cases.js";

/** A fact as a caller writes it: a value, null, or left out (undefined). */
export type Slot = FactValue | null | undefined;

export interface CoverageCase {
  readonly facts: NestedFacts;
  readonly asOf: string;
  readonly trace: boolean;
}

export interface ClaimCase {
  readonly claim: ReferenceClaim;
  /** Left out, empty, or naming the date whose rules apply instead of the service date, or giving the decision. */
  readonly options: { readonly asOf?: string; readonly decision?: ReferenceDecision } | undefined;
}

/** fc.oneof over the choices whose weight is above zero. */
function weighted<T>(...choices: readonly (readonly [number, fc.Arbitrary<T>])[]): fc.Arbitrary<T> {
  const kept = choices.filter(([weight]) => weight > 0).map(([weight, arbitrary]) => ({ weight, arbitrary }));
  const [only] = kept;
  if (only === undefined) throw new Error("weighted: no choice has a weight");
  return kept.length === 1 ? only.arbitrary : fc.oneof(...kept);
}

export function dateArbitrary(space: ValueSpace): fc.Arbitrary<string> {
  return weighted(
    [3, fc.constantFrom(...space.dates)],
    [1, fc.integer({ min: space.firstDay, max: space.lastDay }).map(dateOfDay)],
  );
}

/** Any valid value of the fact, mostly on or near its boundaries (for a date, also on or next to `serviceDate`). */
export function valueArbitrary(fact: FactModel, space: ValueSpace, serviceDate?: string): fc.Arbitrary<FactValue> {
  const candidates = fc.constantFrom(...candidatesOf(space, fact.name));
  const boundaries = space.boundaries.get(fact.name) ?? [];
  const onBoundary = boundaries.length > 0 ? fc.constantFrom(...boundaries) : candidates;
  const type = fact.type;
  switch (type.kind) {
    case "boolean":
      return fc.boolean();
    case "number": {
      const min = type.min ?? -1e6;
      const max = type.max ?? 1e6;
      const whole =
        Math.ceil(min) <= Math.floor(max) ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : candidates;
      return weighted<FactValue>(
        [2, onBoundary],
        [4, candidates],
        [1, whole],
        [1, fc.double({ min, max, noNaN: true })],
      );
    }
    case "date": {
      const aroundServiceDate =
        serviceDate === undefined ? [] : [-1, 0, 1].map((offset) => dateOfDay(dayNumber(serviceDate) + offset));
      const nearServiceDate = aroundServiceDate.length > 0 ? fc.constantFrom(...aroundServiceDate) : candidates;
      // Where a comparison with the service date moved by a duration turns (`>= service date - 30 days`).
      const aroundMovedServiceDate =
        serviceDate === undefined ? [] : aroundMoved(serviceDate, space.serviceDateOffsets);
      const nearMovedServiceDate =
        aroundMovedServiceDate.length > 0 ? fc.constantFrom(...aroundMovedServiceDate) : nearServiceDate;
      return weighted<FactValue>(
        [1, onBoundary],
        [2, candidates],
        [1, dateArbitrary(space)],
        [2, nearServiceDate],
        [aroundMovedServiceDate.length > 0 ? 4 : 0, nearMovedServiceDate],
      );
    }
    case "oneOf":
      return candidates;
    case "setOf": {
      const names = type.values.map((value) => value.name);
      // A set may come in any order, and may even repeat a value.
      return weighted<FactValue>(
        [2, candidates],
        [2, fc.shuffledSubarray(names)],
        [1, fc.array(fc.constantFrom(...names), { maxLength: names.length + 1 })],
      );
    }
    case "list": {
      // Up to five records, each field a candidate, left out or null (unknown).
      const record = fc.record(
        Object.fromEntries(
          type.fields.map((field) => [
            field.name,
            slotArbitrary(fc.constantFrom(...candidatesOf(space, fieldKey(fact.name, field.name))), 1),
          ]),
        ),
      );
      return fc
        .array(record, { maxLength: 5 })
        .map((records): FactValue =>
          records.map((fields) =>
            Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
          ),
        );
    }
    case "code":
    case "codes": {
      // Codes on and around the ranges of the fixtures' value sets, and codes in none of them.
      const codes = fc.constantFrom(...(sampleCodes[type.system] ?? ["Z99.89"]));
      return type.kind === "code" ? codes : fc.array(codes, { maxLength: 3 });
    }
  }
}

/** Codes of each system for facts of codes: ends of ranges, children of codes, and codes in no set. */
const sampleCodes: Readonly<Record<string, readonly string[]>> = {
  "ICD-10-CM": ["J41.0", "J43", "J43.9", "J44.0", "J44.1", "J44.11", "J44.2", "J44.8", "J44.9", "I10", "Z99.89"],
  HCPCS: ["E0424", "E0431", "E0439", "E0440", "E0442", "E0443", "A9999"],
  CPT: ["99213", "99499"],
  "ICD-10-PCS": ["0BH17EZ", "ZZZZZZZ"],
};

/** A value, or unknown: null as often as left out, with `unknownWeight` each against 6 for a value. */
function slotArbitrary(value: fc.Arbitrary<FactValue>, unknownWeight: number): fc.Arbitrary<Slot> {
  return weighted<Slot>([6, value], [unknownWeight, fc.constant(null)], [unknownWeight, fc.constant(undefined)]);
}

/** Every group a fact sits in: `a.b.c` sits in `a` and `a.b`. */
function groupsOf(facts: readonly FactModel[]): string[] {
  const groups = new Set<string>();
  for (const fact of facts) {
    const parts = fact.name.split(".");
    for (let length = 1; length < parts.length; length++) groups.add(parts.slice(0, length).join("."));
  }
  return [...groups];
}

/** A whole group unknown at once: present, null, or left out. */
type GroupState = "present" | "null" | "absent";

/** Nested facts from slots by dotted name; a group that is null or left out hides every fact under it. */
export function nestFacts(slots: ReadonlyMap<string, Slot>, groups: ReadonlyMap<string, GroupState>): NestedFacts {
  const root: Record<string, unknown> = {};
  const groupObject = (path: readonly string[]): Record<string, unknown> | undefined => {
    let object = root;
    for (let length = 1; length <= path.length; length++) {
      const name = path.slice(0, length).join(".");
      const key = path[length - 1]!;
      const state = groups.get(name) ?? "present";
      if (state === "absent") return undefined;
      if (state === "null") {
        object[key] = null;
        return undefined;
      }
      const next = object[key];
      object = typeof next === "object" && next !== null ? (next as Record<string, unknown>) : (object[key] = {});
    }
    return object;
  };
  for (const [name, slot] of slots) {
    const parts = name.split(".");
    const group = groupObject(parts.slice(0, -1));
    if (group !== undefined && slot !== undefined) group[parts.at(-1)!] = slot;
  }
  return root;
}

function groupStates(facts: readonly FactModel[], unknownWeight: number): fc.Arbitrary<Map<string, GroupState>> {
  const groups = groupsOf(facts);
  const state = weighted<GroupState>(
    [40, fc.constant("present")],
    [unknownWeight, fc.constant("null")],
    [unknownWeight, fc.constant("absent")],
  );
  return fc
    .tuple(...groups.map(() => state))
    .map((states) => new Map(groups.map((group, index) => [group, states[index] ?? "present"])));
}

/** Facts drawn from nothing: each fact any value or unknown, in a share of unknowns that varies by case. */
function randomFacts(model: PolicyModel, space: ValueSpace, serviceDate: string): fc.Arbitrary<NestedFacts> {
  return fc
    .constantFrom(0, 1, 3, 6)
    .chain((unknownWeight) =>
      fc
        .tuple(
          fc.tuple(
            ...model.facts.map((fact) => slotArbitrary(valueArbitrary(fact, space, serviceDate), unknownWeight)),
          ),
          groupStates(model.facts, unknownWeight),
        )
        .map(([slots, groups]) =>
          nestFacts(new Map(model.facts.map((fact, index) => [fact.name, slots[index]])), groups),
        ),
    );
}

/** Facts near a seed case: each kept, changed or forgotten, `noise` times in a hundred for each. */
function factsNear(
  model: PolicyModel,
  space: ValueSpace,
  seed: SeedCase,
  noise: number,
  serviceDate: string,
): fc.Arbitrary<NestedFacts> {
  const slots = model.facts.map((fact) => {
    const kept = seed.facts.get(fact.name);
    return weighted<Slot>(
      [100 - 3 * noise, fc.constant(kept)],
      [noise, valueArbitrary(fact, space, serviceDate)],
      [noise, fc.constant(null)],
      [noise, fc.constant(undefined)],
    );
  });
  return fc
    .tuple(fc.tuple(...slots), groupStates(model.facts, Math.floor(noise / 10)))
    .map(([values, groups]) =>
      nestFacts(new Map(model.facts.map((fact, index) => [fact.name, values[index]])), groups),
    );
}

/** A case for evaluate: random, or (twice as often, when there are seeds) near a seed case. */
export function coverageCaseArbitrary(
  model: PolicyModel,
  space: ValueSpace,
  seeds: readonly SeedCase[],
): fc.Arbitrary<CoverageCase> {
  // The service date comes first, so that date facts can fall on it and either side of it.
  const random = fc
    .tuple(dateArbitrary(space), fc.boolean())
    .chain(([asOf, trace]) => randomFacts(model, space, asOf).map((facts) => ({ facts, asOf, trace })));
  if (seeds.length === 0) return random;
  const near = fc
    .tuple(fc.constantFrom(...seeds), fc.constantFrom(0, 2, 5, 10, 25), fc.boolean())
    .chain(([seed, noise, trace]) =>
      weighted([4, fc.constant(seed.asOf)], [1, dateArbitrary(space)]).chain((asOf) =>
        factsNear(model, space, seed, noise, asOf).map((facts) => ({ facts, asOf, trace })),
      ),
    );
  return weighted<CoverageCase>([1, random], [2, near]);
}

/** Codes a claim may bill: mostly the coding table's and its groups', sometimes one the policy does not govern. */
function codeArbitrary(model: PolicyModel): fc.Arbitrary<string> {
  const governed = [
    ...new Set([...model.codes.map((code) => code.code), ...model.codeGroups.flatMap((group) => group.codes)]),
  ];
  const strangers = fc.constantFrom("A0001", "J3490", "99601");
  return governed.length === 0 ? strangers : weighted([4, fc.constantFrom(...governed)], [1, strangers]);
}

function claimModifiers(model: PolicyModel): string[] {
  const named = [
    ...model.codes.flatMap((code) => (code.modifier ? [code.modifier] : [])),
    ...model.billingRules.flatMap((rule) => (rule.kind === "requiresModifier" ? [rule.modifier] : [])),
    ...model.billingRules.flatMap((rule) =>
      rule.kind === "requiresOneOfModifiers" || rule.kind === "mustNotHaveModifier" ? rule.modifiers : [],
    ),
  ];
  return [...new Set([...named, "59", "GT"])];
}

function lineArbitrary(model: PolicyModel): fc.Arbitrary<ReferenceClaimLine> {
  const modifiers = weighted<readonly string[] | null | undefined>(
    [2, fc.constant(undefined)],
    [1, fc.constant(null)],
    [4, fc.shuffledSubarray(claimModifiers(model))],
  );
  const units = weighted([3, fc.integer({ min: 0, max: 4 })], [1, fc.integer({ min: 0, max: 12 })]);
  // A line's own date: mostly none (a claim of one date of service); else one of a few dates, two in
  // one month and one in the next, so that unit limits per day and per month meet shared periods.
  const date = weighted<string | null | undefined>(
    [4, fc.constant(undefined)],
    [1, fc.constant(null)],
    [3, fc.constantFrom("2025-03-01", "2025-03-15", "2025-04-01")],
  );
  return fc.tuple(codeArbitrary(model), modifiers, units, date).map(([code, lineModifiers, lineUnits, lineDate]) => {
    const line =
      lineModifiers === undefined ? { code, units: lineUnits } : { code, modifiers: lineModifiers, units: lineUnits };
    return lineDate === undefined ? line : { ...line, date: lineDate };
  });
}

/** A coverage decision for checkClaim's rules that read it: an outcome, and perhaps a qualifying path. */
function decisionArbitrary(model: PolicyModel): fc.Arbitrary<ReferenceDecision> {
  const ids = model.outline.map((entry) => entry.id);
  const outcome = fc.constantFrom<ReferenceDecision["outcome"]>("covered", "not_covered", "pending");
  const path = fc.shuffledSubarray(ids);
  return fc
    .tuple(outcome, fc.option(path, { nil: undefined }))
    .map(([decided, qualifiedUnder]) =>
      qualifiedUnder === undefined ? { outcome: decided } : { outcome: decided, qualifiedUnder },
    );
}

/** A claim: up to six lines, claim facts known or unknown, and perhaps an asOf that overrides its service date. */
function randomClaim(model: PolicyModel, space: ValueSpace): fc.Arbitrary<ClaimCase> {
  const fieldOf = (fact: FactModel) => fact.name.replace(/^claim\./, "");
  const options = weighted<ClaimCase["options"]>(
    [3, fc.constant(undefined)],
    [1, fc.constant({})],
    [2, dateArbitrary(space).map((asOf) => ({ asOf }))],
    [2, decisionArbitrary(model).map((decision) => ({ decision }))],
  );
  return dateArbitrary(space).chain((serviceDate) => {
    const facts = fc.tuple(
      ...model.claimFacts.map((fact) => slotArbitrary(valueArbitrary(fact, space, serviceDate), 2)),
    );
    return fc
      .tuple(fc.array(lineArbitrary(model), { maxLength: 6 }), facts, options)
      .map(([lines, values, claimOptions]) => {
        const claim: Record<string, unknown> = { serviceDate, lines };
        model.claimFacts.forEach((fact, index) => {
          const value = values[index];
          if (value !== undefined) claim[fieldOf(fact)] = value;
        });
        return { claim: claim as ReferenceClaim, options: claimOptions };
      });
  });
}

/**
 * Units for a rule's code on either side of what the rule allows or needs, given the rest of the
 * claim; for a rule that pairs by date, of the group's lines on `date` (a line's own, or the claim's).
 */
function boundaryUnits(model: PolicyModel, rule: BillingRuleModel, claim: ReferenceClaim, date: string): number[] {
  let limit: number | undefined;
  if (rule.kind === "unitsAtMost") limit = unitLimit(model, rule, claim);
  if (rule.kind === "billedWithEach" || rule.kind === "unitsAtLeastGroup") {
    const group = new Set(rule.group.codes);
    const units = claim.lines
      .filter((line) => group.has(line.code) && (line.date ?? claim.serviceDate) === date)
      .map((line) => line.units);
    limit = rule.kind === "billedWithEach" ? Math.max(0, ...units) : units.reduce((sum, each) => sum + each, 0);
  }
  if (limit === undefined || !Number.isFinite(limit)) return [];
  return [...new Set([Math.floor(limit) - 1, Math.floor(limit), Math.ceil(limit), Math.ceil(limit) + 1])].filter(
    (units) => units >= 0,
  );
}

/** The first day, and the day after, of each revision in which a statement is in force. */
function daysInForce(model: PolicyModel, range: BillingRuleModel["inForce"]): string[] {
  return model.revisions
    .filter((_, index) => index >= range.from && (range.until === undefined || index < range.until))
    .flatMap((revision) => [revision.effective, dateOfDay(dayNumber(revision.effective) + 1)]);
}

/**
 * A claim on a day the rule is in force whose units sit on the boundary of a unit limit or of a
 * "billed with each" rule: the lines of the rule's code replaced by one line with units just below,
 * on, or just above what it allows.
 */
function boundaryClaim(
  model: PolicyModel,
  space: ValueSpace,
  rules: readonly BillingRuleModel[],
): fc.Arbitrary<ClaimCase> {
  const ruleAndDay = fc
    .constantFrom(...rules)
    .chain((rule) => fc.tuple(fc.constant(rule), fc.constantFrom(...daysInForce(model, rule.inForce))));
  return fc
    .tuple(randomClaim(model, space), ruleAndDay, fc.integer({ min: 1, max: 3 }))
    .chain(([base, [rule, serviceDate], groupUnits]) => {
      const groupCodes = rule.kind === "billedWithEach" || rule.kind === "unitsAtLeastGroup" ? rule.group.codes : [];
      const groupCode = groupCodes[0];
      const needsGroupLine =
        groupCode !== undefined && !base.claim.lines.some((line) => groupCodes.includes(line.code));
      const others = [
        ...base.claim.lines.filter((line) => line.code !== rule.code),
        ...(needsGroupLine ? [{ code: groupCode, units: groupUnits }] : []),
      ];
      const claim = { ...base.claim, serviceDate, lines: others };
      // The rule's line goes on the date of one of the group's lines (dated or not), so that a rule
      // that pairs by date meets its boundary on that date, whatever the other dates bill.
      const dates = [
        ...new Set(others.filter((line) => groupCodes.includes(line.code)).map((line) => line.date ?? undefined)),
      ];
      return fc.constantFrom(...(dates.length === 0 ? [undefined] : dates)).chain((date) => {
        const choices = boundaryUnits(model, rule, claim, date ?? serviceDate);
        if (choices.length === 0) return fc.constant({ claim, options: undefined });
        const line = (units: number) =>
          date === undefined ? { code: rule.code, units } : { code: rule.code, units, date };
        return fc
          .constantFrom(...choices)
          .map((units) => ({ claim: { ...claim, lines: [...others, line(units)] }, options: undefined }));
      });
    });
}

/** A claim for checkClaim: random, or (as often, when the policy has such rules) on the boundary of a unit rule. */
export function claimCaseArbitrary(model: PolicyModel, space: ValueSpace): fc.Arbitrary<ClaimCase> {
  const unitRules = model.billingRules.filter(
    (rule) =>
      (rule.kind === "unitsAtMost" || rule.kind === "billedWithEach" || rule.kind === "unitsAtLeastGroup") &&
      daysInForce(model, rule.inForce).length > 0,
  );
  const random = randomClaim(model, space);
  return unitRules.length === 0 ? random : weighted([1, random], [1, boundaryClaim(model, space, unitRules)]);
}
