// Decisions per second of a policy with list facts at 1,000 records per list: the records fixture
// (test/fixtures/records), its evaluator emitted in memory and imported beside a transpiled copy of
// the runtime, deciding cases whose list holds 1,000 blood gas studies (some fields unknown). And the
// cost of its nested quantifier (exclusion II.A: a blood gas study, and an oximetry test of the same
// day) at 1,000 and 4,000 records per list: about 4x from one to the other when it is linear, 16x
// when quadratic; and the same for its date window between records (exclusion II.D: a study during
// exercise, and a blood gas study at rest within the 7 days after it).

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ts } from "ts-morph";
import { compilerRoot, runtimeSources } from "../compiler/build/project-files.js";
import { createEmitProject, emitEvaluator } from "../compiler/emit/evaluator/emit-evaluator.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { median } from "./measure.js";
import { BenchFailure } from "./failure.js";
import { seededRandom } from "./random.js";

const FIXTURE = "test/fixtures/records/records.policy";
export const RECORDS_PER_LIST = 1_000;

interface RecordsEvaluator {
  evaluate(facts: unknown, options: { readonly asOf: string }): { readonly outcome: string };
}

function toJavaScript(source: string): string {
  return ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
  }).outputText;
}

/** The fixture's evaluator, imported from a temporary folder (removed by the caller's `dispose`). */
async function importRecordsEvaluator(): Promise<{ evaluator: RecordsEvaluator; dispose: () => void }> {
  const path = join(compilerRoot(), FIXTURE);
  const { model } = checkPolicySource(readFileSync(path, "utf8"), FIXTURE);
  if (model === undefined) throw new BenchFailure(`${FIXTURE} does not check`);
  const folder = mkdtempSync(join(tmpdir(), "policyc-bench-records-"));
  writeFileSync(join(folder, "package.json"), '{ "type": "module" }\n');
  mkdirSync(join(folder, "runtime"));
  for (const file of runtimeSources()) {
    const name = (file.path.split("/").at(-1) ?? file.path).replace(/\.ts$/, ".js");
    writeFileSync(join(folder, "runtime", name), toJavaScript(file.text));
  }
  mkdirSync(join(folder, "policy"));
  const source = emitEvaluator(model, createEmitProject(), "policy/evaluator.ts");
  writeFileSync(join(folder, "policy", "evaluator.js"), toJavaScript(source));
  const evaluator = (await import(pathToFileURL(join(folder, "policy", "evaluator.js")).href)) as RecordsEvaluator;
  return { evaluator, dispose: () => rmSync(folder, { recursive: true, force: true }) };
}

/** `count` fact sets, each a list of RECORDS_PER_LIST studies around the service date. */
function factSets(count: number): unknown[] {
  const random = seededRandom(1_000);
  const methods = ["arterial_blood_gas", "oximetry"];
  const conditions = ["at_rest", "during_exercise", "during_sleep"];
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  return Array.from({ length: count }, () => ({
    member: { required_studies: 1 + Math.floor(random() * 3) },
    oxygen: {
      studies: Array.from({ length: RECORDS_PER_LIST }, () => ({
        performed: `2024-0${1 + Math.floor(random() * 5)}-${String(10 + Math.floor(random() * 18))}`,
        method: pick(methods),
        condition: pick(conditions),
        pressure: random() < 0.1 ? null : 40 + Math.floor(random() * 40),
        saturation: random() < 0.1 ? null : 80 + Math.floor(random() * 20),
        by_treating_physician: random() < 0.9,
      })),
    },
  }));
}

export interface RecordsThroughput {
  readonly perSecond: number;
  readonly outcomes: ReadonlyMap<string, number>;
}

/** The day `index` days after 2010-01-01, YYYY-MM-DD: the studies' dates. */
function day(index: number): string {
  return new Date(Date.UTC(2010, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A list of `size` studies on which exclusion II.A's nested quantifier goes through every record:
 * blood gas studies above 55 mm Hg on even days, oximetry tests on odd days (never the same day), two
 * studies a day as a real record has a few (the index visits a day's studies, so its cost follows how
 * many share a day, not how long the list is).
 */
function nestedQuantifierFacts(size: number): unknown {
  return {
    member: { required_studies: 1 },
    oxygen: {
      studies: Array.from({ length: size }, (_, index) => {
        const abg = index % 2 === 0;
        return {
          performed: day(2 * Math.floor(index / 4) + (abg ? 0 : 1)),
          method: abg ? "arterial_blood_gas" : "oximetry",
          condition: "at_rest",
          pressure: abg ? 60 : null,
          saturation: 90,
          by_treating_physician: true,
        };
      }),
    },
  };
}

/**
 * A list of `size` studies on which exclusion II.D's nested quantifier goes through every record in
 * its window and finds none: studies during exercise and blood gas studies at rest at or below
 * 60 mm Hg, two a day (so about 16 studies in each 7-day window, whatever the list's length).
 */
function windowQuantifierFacts(size: number): unknown {
  return {
    member: { required_studies: 1 },
    oxygen: {
      studies: Array.from({ length: size }, (_, index) => {
        const exercise = index % 2 === 0;
        return {
          performed: day(Math.floor(index / 2)),
          method: exercise ? "oximetry" : "arterial_blood_gas",
          condition: exercise ? "during_exercise" : "at_rest",
          pressure: exercise ? null : 58,
          saturation: 90,
          by_treating_physician: true,
        };
      }),
    },
  };
}

/** Which nested quantifier a measure times: II.A's join on the day, or II.D's window of days. */
export type NestedShape = "day" | "window";

export interface NestedQuantifierCost {
  /** Median milliseconds per decision, by records per list. */
  readonly msPerDecision: ReadonlyMap<number, number>;
  /** Milliseconds at the largest size over those at the smallest. */
  readonly ratio: number;
}

/** The median time of one decision whose nested quantifier visits every record, at each of `sizes` records per list. */
export async function measureNestedQuantifier(
  sizes: readonly number[],
  repetitions: number,
  shape: NestedShape = "day",
): Promise<NestedQuantifierCost> {
  const { evaluator, dispose } = await importRecordsEvaluator();
  try {
    const options = { asOf: "2024-06-01" };
    const msPerDecision = new Map<number, number>();
    for (const size of sizes) {
      // Each decision reads its list afresh (as a service does), so each builds its index anew.
      const facts = shape === "day" ? nestedQuantifierFacts(size) : windowQuantifierFacts(size);
      evaluator.evaluate(facts, options);
      const times: number[] = [];
      for (let repetition = 0; repetition < repetitions; repetition++) {
        const started = performance.now();
        evaluator.evaluate(facts, options);
        times.push(performance.now() - started);
      }
      msPerDecision.set(size, median(times));
    }
    const smallest = msPerDecision.get(sizes[0] ?? 0) ?? Number.NaN;
    const largest = msPerDecision.get(sizes.at(-1) ?? 0) ?? Number.NaN;
    return { msPerDecision, ratio: largest / smallest };
  } finally {
    dispose();
  }
}

/** Median decisions per second over `repetitions` runs of `sets` fact sets. */
export async function measureRecordsThroughput(sets: number, repetitions: number): Promise<RecordsThroughput> {
  const { evaluator, dispose } = await importRecordsEvaluator();
  try {
    const inputs = factSets(sets);
    const options = { asOf: "2024-06-01" };
    const outcomes = new Map<string, number>();
    for (const facts of inputs) {
      const outcome = evaluator.evaluate(facts, options).outcome;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    const rates: number[] = [];
    for (let repetition = 0; repetition < repetitions; repetition++) {
      const started = performance.now();
      for (const facts of inputs) evaluator.evaluate(facts, options);
      rates.push((inputs.length * 1000) / (performance.now() - started));
    }
    return { perSecond: median(rates), outcomes };
  } finally {
    dispose();
  }
}
