// Fuzzing the input contract of a generated module (the home-infusion fixture's): whatever a caller hands `evaluate`
// or `checkClaim` (JSON-like values, Maps, Dates, BigInts, symbols, sparse lists, cyclic objects,
// throwing getters, proxies), the result is a decision or a check, or a PolicyInputError whose issues
// name fields. Any other exception is a crash. When one field of a valid case is spoiled, that field
// must be among those named.
//
// Hostile values are generated as specs (plain data) and built inside each run, so that fast-check
// can print a failing input without tripping over a throwing proxy; each run spoils its own copy of
// the generated case, which fast-check may hand over again while shrinking.

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClaimCheckOptions, EvaluateOptions } from "../../compiler/runtime/index.js";
import { fixtureModel, importFixtureEvaluator, type ImportedFixture } from "../support/fixture-evaluator.js";
import { FuzzTally, fuzzRuns } from "../support/fuzz.js";
import { coveredIvAntibiotic, homeInfusion } from "../support/home-infusion.js";

/** The fixture's model, read when the properties are built; its module, imported before they run. */
const model = fixtureModel(homeInfusion.policy);
let fixture: ImportedFixture;
beforeAll(async () => {
  fixture = await importFixtureEvaluator(homeInfusion.policy);
});
afterAll(() => fixture.dispose());

const evaluateTally = new FuzzTally("evaluate input");
const claimTally = new FuzzTally("checkClaim input");

// ----- running one input ---------------------------------------------------------------------------

/** The fields named by the PolicyInputError `run` throws, or undefined for a result; anything else is a crash. */
function outcome(tally: FuzzTally, run: () => unknown): readonly string[] | undefined {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    if (!(error instanceof fixture.runtime.PolicyInputError)) return tally.crash(error);
    const fields = error.issues.map((issue) => issue.field);
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(typeof field === "string" && field.length > 0).toBe(true);
    tally.record("typedError");
    return fields;
  }
  expect(typeof result === "object" && result !== null && ("outcome" in result || "verdict" in result)).toBe(true);
  tally.record("success");
  return undefined;
}

/** True when `fields` names `expected`, or a part of it (`home.features[1]`, `member.x` under `member`). */
function namesField(fields: readonly string[] | undefined, expected: string): boolean {
  return (
    fields !== undefined &&
    fields.some((field) => field === expected || field.startsWith(`${expected}[`) || field.startsWith(`${expected}.`))
  );
}

// ----- hostile values, as specs ------------------------------------------------------------------

const TRAPS = ["get", "has", "ownKeys", "getOwnPropertyDescriptor", "getPrototypeOf"] as const;
type Trap = (typeof TRAPS)[number];

type Spec =
  | { readonly kind: "value"; readonly value: unknown }
  | { readonly kind: "cyclic" }
  | { readonly kind: "getter" }
  | { readonly kind: "throwingProxy" }
  | { readonly kind: "revokedProxy" }
  | { readonly kind: "proxy"; readonly target: Readonly<Record<string, unknown>>; readonly traps: readonly Trap[] }
  | { readonly kind: "sparse"; readonly items: readonly string[] }
  | { readonly kind: "vastSparse" }
  | { readonly kind: "instance" }
  | { readonly kind: "symbol" }
  | { readonly kind: "function" }
  | { readonly kind: "symbolKeyed"; readonly value: Readonly<Record<string, unknown>> };

function fail(): never {
  throw new Error("hostile");
}

function proxy(target: object, traps: readonly Trap[]): object {
  const handler: ProxyHandler<object> = {};
  for (const trap of traps) handler[trap] = fail;
  return new Proxy(target, handler);
}

class Patient {
  age = 45;
}

/** The value a spec stands for, made fresh for each run. */
function build(spec: Spec): unknown {
  switch (spec.kind) {
    case "value":
      return spec.value;
    case "cyclic": {
      const cyclic: Record<string, unknown> = { name: "loop" };
      cyclic["self"] = cyclic;
      return cyclic;
    }
    case "getter":
      return Object.defineProperty({}, "age", { get: fail, enumerable: true });
    case "throwingProxy":
      return proxy({}, TRAPS);
    case "revokedProxy": {
      const { proxy: revoked, revoke } = Proxy.revocable({}, {});
      revoke();
      return revoked;
    }
    case "proxy":
      return proxy({ ...spec.target }, spec.traps);
    case "sparse": {
      const list: unknown[] = [...spec.items];
      list.length += 1;
      return list;
    }
    case "vastSparse":
      return new Array(1e9);
    case "instance":
      return new Patient();
    case "symbol":
      return Symbol("hostile");
    case "function":
      return () => true;
    case "symbolKeyed":
      return { ...spec.value, [Symbol("tag")]: 1 };
  }
}

const anything = fc.anything({
  maxDepth: 2,
  maxKeys: 5,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
});

function isPlainObject(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

const value = (arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<Spec> =>
  arbitrary.map((v): Spec => ({ kind: "value", value: v }));
const kinds = (...specs: Spec[]): fc.Arbitrary<Spec> => fc.constantFrom(...specs);
const plainTarget = fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer(), fc.boolean()), {
  maxKeys: 4,
});

/** Anything at all, hostile or harmless. */
const hostile: fc.Arbitrary<Spec> = fc.oneof(
  { weight: 4, arbitrary: value(anything) },
  kinds(
    { kind: "cyclic" },
    { kind: "getter" },
    { kind: "throwingProxy" },
    { kind: "revokedProxy" },
    { kind: "vastSparse" },
    { kind: "instance" },
    { kind: "symbol" },
    { kind: "function" },
  ),
  plainTarget.chain((target) => fc.subarray([...TRAPS]).map((traps): Spec => ({ kind: "proxy", target, traps }))),
  fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }).map((items): Spec => ({ kind: "sparse", items })),
  anything.filter(isPlainObject).map((v): Spec => ({ kind: "symbolKeyed", value: v as Record<string, unknown> })),
);

/** Values some field accepts (and others refuse), so that runs reach decisions and checks too. */
const benign: fc.Arbitrary<Spec> = value(
  fc.constantFrom(
    null,
    undefined,
    true,
    false,
    0,
    45,
    150,
    "2024-05-01",
    "antibiotic",
    "private_residence",
    "S9494",
    ["water", "electricity"],
    ["SD"],
    [],
  ),
);

/** A value no fact, claim field or line field accepts: not null, not a boolean, no finite number, no date or choice text. */
const invalid: fc.Arbitrary<Spec> = fc.oneof(
  value(fc.object({ maxDepth: 1, maxKeys: 3 })),
  value(anything.filter((v) => typeof v === "object" && v !== null && !Array.isArray(v))),
  value(fc.bigInt()),
  value(fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY)),
  value(fc.string({ maxLength: 20 }).map((text) => `~${text}`)),
  value(fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }).map((items) => [...items, 7])),
  fc
    .array(fc.constantFrom("water", "SD", "antibiotic"), { maxLength: 3 })
    .map((items): Spec => ({ kind: "sparse", items })),
  kinds(
    { kind: "cyclic" },
    { kind: "getter" },
    { kind: "throwingProxy" },
    { kind: "revokedProxy" },
    { kind: "vastSparse" },
    { kind: "instance" },
    { kind: "symbol" },
    { kind: "function" },
  ),
  plainTarget.chain((target) => fc.subarray([...TRAPS]).map((traps): Spec => ({ kind: "proxy", target, traps }))),
);

/** A value that is not a group (or a claim, a line, the options): anything but a plain object, null or undefined. */
const notAGroup: fc.Arbitrary<Spec> = fc.oneof(
  value(anything.filter((v) => v !== null && v !== undefined && !isPlainObject(v))),
  kinds(
    { kind: "throwingProxy" },
    { kind: "revokedProxy" },
    { kind: "vastSparse" },
    { kind: "instance" },
    { kind: "symbol" },
    { kind: "function" },
  ),
  value(fc.bigInt()),
);

/** A key that is not in `allowed`. */
const unknownKey = (allowed: ReadonlySet<string>) =>
  fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !allowed.has(key));

/** Sets `key` as an own, enumerable property, even "__proto__". */
function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

function throwingGetter(target: object, key: string): void {
  Object.defineProperty(target, key, { get: fail, enumerable: true, configurable: true });
}

// ----- facts ---------------------------------------------------------------------------------------

const factNames = model.facts.map((fact) => fact.name);
const groupKeys = new Map<string, Set<string>>();
for (const name of factNames) {
  const [group = "", key = ""] = name.split(".");
  groupKeys.set(group, (groupKeys.get(group) ?? new Set()).add(key));
}
const groups = [...groupKeys.keys()];
const rootKeys = new Set(groups);

/** The covered case with some facts left out (unknown): always valid. */
const validFacts = fc.subarray(factNames, { maxLength: 8 }).map((dropped) => {
  const facts = structuredClone(coveredIvAntibiotic) as Record<string, Record<string, unknown>>;
  for (const name of dropped) {
    const [group = "", key = ""] = name.split(".");
    const values = facts[group];
    if (values) delete values[key];
  }
  return facts;
});

type FactsSpoil =
  | { readonly where: "fact"; readonly name: string; readonly spec: Spec }
  | { readonly where: "factGetter"; readonly name: string }
  | { readonly where: "group"; readonly group: string; readonly spec: Spec }
  | { readonly where: "groupKey"; readonly group: string; readonly key: string }
  | { readonly where: "rootKey"; readonly key: string }
  | { readonly where: "root"; readonly spec: Spec }
  | { readonly where: "asOf"; readonly spec: Spec }
  | { readonly where: "trace"; readonly spec: Spec }
  | { readonly where: "options"; readonly spec: Spec }
  | { readonly where: "optionKey"; readonly key: string };

const factsSpoil: fc.Arbitrary<FactsSpoil> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ where: fc.constant("fact" as const), name: fc.constantFrom(...factNames), spec: invalid }),
  },
  fc.record({ where: fc.constant("factGetter" as const), name: fc.constantFrom(...factNames) }),
  fc.record({ where: fc.constant("group" as const), group: fc.constantFrom(...groups), spec: notAGroup }),
  fc.constantFrom(...groups).chain((group) =>
    fc.record({
      where: fc.constant("groupKey" as const),
      group: fc.constant(group),
      key: unknownKey(groupKeys.get(group) ?? new Set()),
    }),
  ),
  fc.record({ where: fc.constant("rootKey" as const), key: unknownKey(rootKeys) }),
  fc.record({ where: fc.constant("root" as const), spec: fc.oneof(notAGroup, kinds({ kind: "value", value: null })) }),
  fc.record({
    where: fc.constant("asOf" as const),
    spec: fc.oneof(invalid, kinds({ kind: "value", value: "2021-04-30" }, { kind: "value", value: null })),
  }),
  fc.record({ where: fc.constant("trace" as const), spec: invalid }),
  fc.record({
    where: fc.constant("options" as const),
    spec: fc.oneof(notAGroup, kinds({ kind: "value", value: null })),
  }),
  fc.record({ where: fc.constant("optionKey" as const), key: unknownKey(new Set(["asOf", "trace"])) }),
);

/** The facts and options with one thing spoiled, and the field that must be named. */
function spoilFacts(
  facts: Record<string, Record<string, unknown>>,
  spoil: FactsSpoil,
): { facts: unknown; options: unknown; expected: string } {
  const options: Record<string, unknown> = { asOf: "2025-06-01" };
  const groupOf = (name: string): Record<string, unknown> => {
    const group = name.split(".")[0] ?? "";
    return (facts[group] ??= {});
  };
  const key = (name: string) => name.split(".")[1] ?? "";
  switch (spoil.where) {
    case "fact":
      setOwn(groupOf(spoil.name), key(spoil.name), build(spoil.spec));
      return { facts, options, expected: spoil.name };
    case "factGetter":
      throwingGetter(groupOf(spoil.name), key(spoil.name));
      return { facts, options, expected: spoil.name };
    case "group":
      setOwn(facts, spoil.group, build(spoil.spec));
      return { facts, options, expected: spoil.group };
    case "groupKey":
      setOwn(groupOf(`${spoil.group}.x`), spoil.key, true);
      return { facts, options, expected: `${spoil.group}.${spoil.key}` };
    case "rootKey":
      setOwn(facts, spoil.key, {});
      return { facts, options, expected: spoil.key };
    case "root":
      return { facts: build(spoil.spec), options, expected: "(facts)" };
    case "asOf":
      setOwn(options, "asOf", build(spoil.spec));
      return { facts, options, expected: "asOf" };
    case "trace":
      setOwn(options, "trace", build(spoil.spec));
      return { facts, options, expected: "trace" };
    case "options":
      return { facts, options: build(spoil.spec), expected: "(options)" };
    case "optionKey":
      setOwn(options, spoil.key, true);
      return { facts, options, expected: `options.${spoil.key}` };
  }
}

// ----- claims --------------------------------------------------------------------------------------

/** The claim facts by the name a claim gives them: `claim.therapies` is `therapies`. */
const CLAIM_FACTS = model.claimFacts.map((fact) => fact.name.replace(/^claim\./, ""));
const CLAIM_KEYS = new Set<string>(["serviceDate", "lines", ...CLAIM_FACTS]);
const LINE_KEYS = new Set(["code", "modifiers", "units"]);

const validLine = fc.record(
  {
    code: fc.constantFrom("S9494", "S9329", "S9325", "S9379", "T1030", "T1002", "J0285", "99601"),
    modifiers: fc.constantFrom(undefined, null, [], ["SD"], ["SD", "59"]),
    units: fc.integer({ min: 0, max: 1_000_000 }),
  },
  { requiredKeys: ["code", "units"] },
);

const validClaim = fc.record(
  {
    serviceDate: fc.constantFrom("2021-05-01", "2023-07-31", "2023-08-01", "2025-06-01"),
    lines: fc.array(validLine, { minLength: 1, maxLength: 5 }),
    therapies: fc.subarray([
      "antibiotic",
      "antiviral",
      "antifungal",
      "chemotherapy",
      "pain_management",
      "other_drug_therapy",
      "parenteral_nutrition",
      "enteral_nutrition",
    ]),
    amphotericin_b: fc.constantFrom(true, false, null),
    monitoring_minutes: fc.constantFrom(0, 120, 150, 1440, null),
    termination_allowance: fc.constantFrom(true, false, null),
  },
  { requiredKeys: ["serviceDate", "lines"] },
);

/** Out of range for units, though a number: negative, fractional, above the bound. */
const badUnits: fc.Arbitrary<Spec> = value(
  fc.oneof(
    fc.integer({ min: 1_000_001 }),
    fc.integer({ max: -1 }),
    fc.double({ noNaN: true }).filter((n) => !Number.isInteger(n)),
    fc.constant(1e308),
    fc.constant(2 ** 53),
  ),
);

type ClaimSpoil =
  | { readonly where: "claimFact"; readonly name: string; readonly spec: Spec }
  | { readonly where: "claimGetter"; readonly name: string }
  | { readonly where: "serviceDate"; readonly spec: Spec }
  | { readonly where: "lines"; readonly spec: Spec }
  | { readonly where: "line"; readonly index: number; readonly spec: Spec }
  | { readonly where: "lineHole"; readonly index: number }
  | {
      readonly where: "lineField";
      readonly index: number;
      readonly key: "code" | "modifiers" | "units";
      readonly spec: Spec;
    }
  | { readonly where: "lineKey"; readonly index: number; readonly key: string }
  | { readonly where: "claimKey"; readonly key: string }
  | { readonly where: "claim"; readonly spec: Spec }
  | { readonly where: "asOf"; readonly spec: Spec }
  | { readonly where: "options"; readonly spec: Spec }
  | { readonly where: "optionKey"; readonly key: string };

const index = fc.nat({ max: 4 });

const claimSpoil: fc.Arbitrary<ClaimSpoil> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      where: fc.constant("claimFact" as const),
      name: fc.constantFrom(...CLAIM_FACTS),
      spec: invalid,
    }),
  },
  fc.record({ where: fc.constant("claimGetter" as const), name: fc.constantFrom(...CLAIM_KEYS) }),
  fc.record({
    where: fc.constant("serviceDate" as const),
    spec: fc.oneof(invalid, kinds({ kind: "value", value: null }, { kind: "value", value: "2021-04-30" })),
  }),
  fc.record({
    where: fc.constant("lines" as const),
    spec: fc.oneof(
      notAGroup.filter((spec) => spec.kind !== "vastSparse" && !(spec.kind === "value" && Array.isArray(spec.value))),
      value(fc.object({ maxDepth: 1 })),
    ),
  }),
  fc.record({
    where: fc.constant("line" as const),
    index,
    spec: fc.oneof(notAGroup, kinds({ kind: "value", value: null })),
  }),
  fc.record({ where: fc.constant("lineHole" as const), index }),
  {
    weight: 3,
    arbitrary: fc.record({
      where: fc.constant("lineField" as const),
      index,
      key: fc.constantFrom("code" as const, "modifiers" as const, "units" as const),
      spec: invalid,
    }),
  },
  fc.record({ where: fc.constant("lineField" as const), index, key: fc.constant("units" as const), spec: badUnits }),
  fc.record({ where: fc.constant("lineKey" as const), index, key: unknownKey(LINE_KEYS) }),
  fc.record({ where: fc.constant("claimKey" as const), key: unknownKey(CLAIM_KEYS) }),
  fc.record({ where: fc.constant("claim" as const), spec: fc.oneof(notAGroup, kinds({ kind: "value", value: null })) }),
  fc.record({
    where: fc.constant("asOf" as const),
    spec: fc.oneof(invalid, kinds({ kind: "value", value: "2021-04-30" })),
  }),
  fc.record({
    where: fc.constant("options" as const),
    spec: fc.oneof(notAGroup, kinds({ kind: "value", value: null })),
  }),
  fc.record({ where: fc.constant("optionKey" as const), key: unknownKey(new Set(["asOf"])) }),
);

/** The claim and options with one thing spoiled, and the field that must be named. */
function spoilClaim(
  claim: Record<string, unknown>,
  spoil: ClaimSpoil,
): { claim: unknown; options: unknown; expected: string } {
  const options: Record<string, unknown> = {};
  const lines = claim["lines"] as Record<string, unknown>[];
  const at = (i: number) => i % lines.length;
  switch (spoil.where) {
    case "claimFact":
      setOwn(claim, spoil.name, build(spoil.spec));
      return { claim, options, expected: spoil.name };
    case "claimGetter":
      throwingGetter(claim, spoil.name);
      return { claim, options, expected: spoil.name };
    case "serviceDate":
      setOwn(claim, "serviceDate", build(spoil.spec));
      return { claim, options, expected: "serviceDate" };
    case "lines":
      setOwn(claim, "lines", build(spoil.spec));
      return { claim, options, expected: "lines" };
    case "line":
      lines[at(spoil.index)] = build(spoil.spec) as Record<string, unknown>;
      return { claim, options, expected: `lines[${at(spoil.index)}]` };
    case "lineHole":
      // eslint-disable-next-line @typescript-eslint/no-array-delete -- a hole in the list is the input under test.
      delete lines[at(spoil.index)];
      return { claim, options, expected: `lines[${at(spoil.index)}]` };
    case "lineField": {
      const line = lines[at(spoil.index)] ?? {};
      setOwn(line, spoil.key, build(spoil.spec));
      return { claim, options, expected: `lines[${at(spoil.index)}].${spoil.key}` };
    }
    case "lineKey":
      setOwn(lines[at(spoil.index)] ?? {}, spoil.key, 1);
      return { claim, options, expected: `lines[${at(spoil.index)}].${spoil.key}` };
    case "claimKey":
      setOwn(claim, spoil.key, true);
      return { claim, options, expected: spoil.key };
    case "claim":
      return { claim: build(spoil.spec), options, expected: "(claim)" };
    case "asOf":
      setOwn(options, "asOf", build(spoil.spec));
      return { claim, options, expected: "asOf" };
    case "options":
      return { claim, options: build(spoil.spec), expected: "(options)" };
    case "optionKey":
      setOwn(options, spoil.key, "2025-06-01");
      return { claim, options, expected: `options.${spoil.key}` };
  }
}

// ----- the properties ------------------------------------------------------------------------------

const runEvaluate = (facts: unknown, options: unknown) => () =>
  fixture.evaluator.evaluate(facts, options as EvaluateOptions);
const runCheck = (claim: unknown, options: unknown) => () =>
  fixture.evaluator.checkClaim(claim, options as ClaimCheckOptions);

describe("evaluate, fuzzed", () => {
  it("decides or throws PolicyInputError for anything as the facts and the options", () => {
    fc.assert(
      fc.property(
        hostile,
        fc.oneof(hostile, kinds({ kind: "value", value: { asOf: "2025-06-01" } })),
        (facts, options) => {
          outcome(evaluateTally, runEvaluate(build(facts), build(options)));
        },
      ),
      { numRuns: fuzzRuns(150) },
    );
  });

  it("decides or throws PolicyInputError for anything put in place of one fact or group", () => {
    const place = fc.constantFrom(...factNames, ...groups);
    fc.assert(
      fc.property(validFacts, place, fc.oneof(hostile, benign), (valid, name, spec) => {
        const facts = structuredClone(valid);
        const [group = "", key] = name.split(".");
        if (key === undefined) setOwn(facts, group, build(spec));
        else setOwn((facts[group] ??= {}), key, build(spec));
        outcome(evaluateTally, runEvaluate(facts, { asOf: "2025-06-01" }));
      }),
      { numRuns: fuzzRuns(150) },
    );
  });

  it("names the one field spoiled in an otherwise valid case", () => {
    fc.assert(
      fc.property(validFacts, factsSpoil, (valid, spoil) => {
        const { facts, options, expected } = spoilFacts(structuredClone(valid), spoil);
        const fields = outcome(evaluateTally, runEvaluate(facts, options));
        expect(namesField(fields, expected), `expected ${expected} among ${JSON.stringify(fields)}`).toBe(true);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });
});

describe("checkClaim, fuzzed", () => {
  it("checks or throws PolicyInputError for anything as the claim and the options", () => {
    fc.assert(
      fc.property(hostile, fc.oneof(hostile, kinds({ kind: "value", value: undefined })), (claim, options) => {
        outcome(claimTally, runCheck(build(claim), build(options)));
      }),
      { numRuns: fuzzRuns(150) },
    );
  });

  it("checks or throws PolicyInputError for anything put in place of one claim field or line field", () => {
    const place = fc.constantFrom(...CLAIM_KEYS, "line.code", "line.modifiers", "line.units", "line");
    fc.assert(
      fc.property(validClaim, place, index, fc.oneof(hostile, benign), (valid, name, i, spec) => {
        const claim = structuredClone(valid) as Record<string, unknown>;
        const lines = claim["lines"] as unknown[];
        if (name === "line") lines[i % lines.length] = build(spec);
        else if (name.startsWith("line.")) setOwn(lines[i % lines.length] as object, name.slice(5), build(spec));
        else setOwn(claim, name, build(spec));
        outcome(claimTally, runCheck(claim, {}));
      }),
      { numRuns: fuzzRuns(150) },
    );
  });

  it("names the one field spoiled in an otherwise valid claim", () => {
    fc.assert(
      fc.property(validClaim, claimSpoil, (valid, spoil) => {
        const { claim, options, expected } = spoilClaim(structuredClone(valid), spoil);
        const fields = outcome(claimTally, runCheck(claim, options));
        expect(namesField(fields, expected), `expected ${expected} among ${JSON.stringify(fields)}`).toBe(true);
      }),
      { numRuns: fuzzRuns(300) },
    );
  });
});

describe("the fuzzing itself", () => {
  it("met both decisions and errors, and no crash", () => {
    for (const tally of [evaluateTally, claimTally]) {
      expect(tally.count("success")).toBeGreaterThan(0);
      expect(tally.count("typedError")).toBeGreaterThan(0);
      expect(tally.count("crash")).toBe(0);
    }
  });
});
