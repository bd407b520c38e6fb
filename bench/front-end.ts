// The front end's side of the benchmark: that its cost grows linearly with its input. Checking and
// rendering the diagnostics of a ~3 MB policy file with thousands of them; parsing inputs of size N,
// 2N and 4N (compared as ratios taken in one run, never as absolute times); and the size of the
// evaluator emitted for a condition nested 32 and 64 deep (a count of characters, not a time).

import { checkPolicySource } from "../compiler/pipeline.js";
import { renderDiagnostics } from "../compiler/diagnostics/render.js";
import { createEmitProject, emitEvaluator } from "../compiler/emit/evaluator/emit-evaluator.js";
import { formatTypeScript } from "../compiler/emit/format.js";
import { parseSource } from "../compiler/syntax/parse.js";
import { BenchFailure } from "./failure.js";
import { collectGarbage, median, nowMs, pairedRatio, timeRuns } from "./measure.js";
import { syntheticCorpus } from "./synthetic-policy.js";

/**
 * Synthetic policies written one after the other into a single file until it holds `characters`:
 * every policy after the first repeats the header, the section numbers and the fact names, so the
 * file checks with thousands of diagnostics.
 */
export function policiesInOneFile(characters: number): string {
  const corpus = syntheticCorpus(40);
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < characters; index++) {
    const text = corpus[index % corpus.length]?.text ?? "";
    parts.push(text);
    length += text.length;
  }
  return parts.join("");
}

export interface CheckAndRender {
  readonly characters: number;
  readonly diagnostics: number;
  readonly checkMs: readonly number[];
  readonly renderMs: readonly number[];
}

/** Milliseconds to check a ~3 MB file (parse, check) and to render all its diagnostics for a terminal. */
export async function timeCheckAndRender(characters: number, repetitions: number): Promise<CheckAndRender> {
  const text = policiesInOneFile(characters);
  const { diagnostics } = checkPolicySource(text, "big.policy");
  if (diagnostics.length < 1000)
    throw new BenchFailure(`the ${text.length}-character policy file has only ${diagnostics.length} diagnostics`);
  const checkMs = await timeRuns(() => checkPolicySource(text, "big.policy"), 1, repetitions);
  const renderMs = await timeRuns(() => renderDiagnostics(diagnostics, () => text), 1, repetitions);
  return { characters: text.length, diagnostics: diagnostics.length, checkMs, renderMs };
}

export interface ParseScaling {
  readonly name: string;
  /** Characters of the input of size N. */
  readonly characters: number;
  /** Median milliseconds to parse inputs of size N, 2N and 4N. */
  readonly ms: readonly [number, number, number];
  /** 2N / N and 4N / N: the median of each round's own ratio (the three sizes timed in turn, each round). */
  readonly ratios: readonly [number, number];
}

/** Median time of parseSource on `input(1)`, `input(2)` and `input(4)`: inputs of size N, 2N and 4N, each warmed up once. */
export function timeParseScaling(name: string, input: (multiple: number) => string, repetitions: number): ParseScaling {
  return timeScaling(name, input, (text) => parseSource(text, "scaling.policy"), repetitions);
}

/** The same for checkPolicySource: parse, then every check, on inputs of size N, 2N and 4N. */
export function timeCheckScaling(name: string, input: (multiple: number) => string, repetitions: number): ParseScaling {
  return timeScaling(name, input, (text) => checkPolicySource(text, "scaling.policy"), repetitions);
}

function timeScaling(
  name: string,
  input: (multiple: number) => string,
  run: (text: string) => unknown,
  repetitions: number,
): ParseScaling {
  const texts = [input(1), input(2), input(4)] as const;
  for (const text of texts) run(text);
  const samples: [number[], number[], number[]] = [[], [], []];
  // NOTE: the sizes in turn within each round, so that a noisy moment of a shared machine falls on one
  // round's three runs alike, and the ratios are each round's own: their median, not a ratio of medians.
  for (let repetition = 0; repetition < repetitions; repetition++) {
    for (let size = 0; size < texts.length; size++) {
      // Each run starts from a collected heap, so that no run pays for the garbage of the one before.
      collectGarbage();
      const start = nowMs();
      run(texts[size] as string);
      samples[size]?.push(nowMs() - start);
    }
  }
  return {
    name,
    characters: texts[0].length,
    ms: [median(samples[0]), median(samples[1]), median(samples[2])],
    ratios: [pairedRatio(samples[1], samples[0]), pairedRatio(samples[2], samples[0])],
  };
}

/** Policies of `multiple` times ~750 kB: the realistic case. */
export function syntheticPolicies(multiple: number): string {
  return policiesInOneFile(750_000 * multiple);
}

/**
 * One criterion whose condition is an `and` chain of 12,500 times `multiple` operands. NOTE: kept
 * to a few hundred kB, since each character of a chain holds about a kilobyte of syntax trees while
 * it is parsed, and at a gigabyte of heap the collector's pauses, not the parser, set the ratios.
 */
export function longChain(multiple: number): string {
  const operands = Array.from({ length: 12_500 * multiple }, (_, index) => `a${index} is x`);
  return `criterion I.1 "x" met when ${operands.join(" and ")}\n`;
}

/** One line of 2,000,000 times `multiple` escaped quotes that no quote closes: the lexer once rescanned it at each. */
export function unclosedQuotes(multiple: number): string {
  return `criterion I.1 "${'\\"'.repeat(2_000_000 * multiple)}\n`;
}

const checkedPolicyHeader = `policy SCALE.1
  title "Scale" plan "Plan" description "Many names." last review 2024-01
revision 2024-01 "Original." effective 2024-01-01
section S "Covered when:"
`;

/** 2,000 times `multiple` facts, and as many criteria that each misspell one: every one gets a "did you mean". */
export function misspeltNames(multiple: number): string {
  const count = 2_000 * multiple;
  const facts = Array.from(
    { length: count },
    (_, i) => `fact g${i % 50}.fact_${i}: yes or no description "F." ask "F?"`,
  );
  const criteria = Array.from({ length: count }, (_, i) => `criterion S.${i} "x" met when g${i % 50}.fakt_${i}`);
  return `${checkedPolicyHeader}${facts.join("\n")}\n${criteria.join("\n")}\n`;
}

/** 5,000 times `multiple` facts in groups, each read by a criterion: the checks that look at every fact. */
export function manyFacts(multiple: number): string {
  const count = 5_000 * multiple;
  const facts = Array.from(
    { length: count },
    (_, i) => `fact g${i % 100}.sub${i % 7}.fact_${i}: yes or no description "F." ask "F?"`,
  );
  const criteria = Array.from(
    { length: count },
    (_, i) => `criterion S.${i} "x" met when g${i % 100}.sub${i % 7}.fact_${i}`,
  );
  return `${checkedPolicyHeader}${facts.join("\n")}\n${criteria.join("\n")}\n`;
}

/** A chain of 5,000 times `multiple` definitions, each using the next: far past the limit of 64 (PC007). */
export function definitionChain(multiple: number): string {
  const count = 5_000 * multiple;
  const definitions = Array.from(
    { length: count },
    (_, i) => `define d${i} "d${i}" as ${i + 1 < count ? `d${i + 1}` : "a.flag"}`,
  );
  return `${checkedPolicyHeader}fact a.flag: yes or no description "F." ask "F?"\n${definitions.join("\n")}\ncriterion S.1 "x" met when d0\n`;
}

export interface EmittedSize {
  readonly depth: number;
  readonly unformatted: number;
  readonly formatted: number;
}

/** `a.age > 0 or (a.age > 1 and (a.age > 2 or ...))`, `depth` levels of parentheses. */
function alternatingChain(depth: number): string {
  let condition = "a.flag";
  for (let level = 0; level < depth; level++)
    condition = `a.age > ${level} ${level % 2 === 0 ? "or" : "and"} (${condition})`;
  return condition;
}

const chainPolicy = `policy CHAIN.1
  title "Chain" plan "Plan" description "A condition nested deep." last review 2024-01
revision 2024-01 "Original." effective 2024-01-01
fact a.flag: yes or no description "A flag." ask "Is the flag set?"
fact a.age: number from 0 to 120 description "Age." ask "How old?"
section S "Covered when:"
`;

/** Characters of the evaluator emitted for an alternating and/or chain `depth` deep, before and after prettier. */
export async function emittedSize(depth: number): Promise<EmittedSize> {
  const { model, diagnostics } = checkPolicySource(
    `${chainPolicy}criterion S.1 "x" met when ${alternatingChain(depth)}\n`,
    "chain.policy",
  );
  if (!model)
    throw new BenchFailure(`the chain ${depth} deep does not check: ${diagnostics.map((d) => d.message).join(" ")}`);
  const unformatted = emitEvaluator(model, createEmitProject(), "generated/chain/evaluator.ts");
  return { depth, unformatted: unformatted.length, formatted: (await formatTypeScript(unformatted)).length };
}
