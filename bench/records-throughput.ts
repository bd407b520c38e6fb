// Decisions per second of a policy with list facts at 1,000 records per list: the records fixture
// (test/fixtures/records), its evaluator emitted in memory and imported beside a transpiled copy of
// the runtime, deciding cases whose list holds 1,000 blood gas studies (some fields unknown).

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
