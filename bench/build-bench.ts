// The compiler's side of the benchmark: parse+check and full build of WNC.CP.224, and full builds of
// 50, 100 and 200 synthetic policies with the heap before and after. Policy sources in, timings out.

import { checkPolicySource, emitPolicy, policySlug } from "../compiler/pipeline.js";
import { planFromSources, type BuildPlan } from "../compiler/build/build.js";
import { createEmitProject } from "../compiler/emit/evaluator/emit-evaluator.js";
import type { SourceText } from "../compiler/build/project-files.js";
import { hasErrors, type Diagnostic } from "../compiler/diagnostics/diagnostic.js";
import { BenchFailure } from "./failure.js";
import { nowMs, settledHeap, timeRuns } from "./measure.js";
import { traceSummary } from "../compiler/trace/summary.js";

function describe(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .slice(0, 5)
    .map((d) => `  ${d.file}:${d.span.line}:${d.span.column} ${d.severity} ${d.code} ${d.message}`)
    .join("\n");
}

/** Every source must check without errors; returns the number of warnings. */
export function assertSourcesCheck(sources: readonly SourceText[]): number {
  let warnings = 0;
  for (const { path, text } of sources) {
    const { diagnostics, model } = checkPolicySource(text, path);
    if (hasErrors(diagnostics) || !model)
      throw new BenchFailure(`${path} does not check:\n${describe(diagnostics)}\n--- source ---\n${text}`);
    warnings += diagnostics.length;
  }
  return warnings;
}

/** A build that reported an error, or left out an evaluator, measured nothing worth printing. */
function assertBuilt(plan: BuildPlan, sources: readonly SourceText[]): void {
  if (hasErrors(plan.diagnostics)) throw new BenchFailure(`the build reported errors:\n${describe(plan.diagnostics)}`);
  const paths = new Set(plan.files.map((file) => file.path));
  const missing = sources.filter((source) => !paths.has(`generated/${policySlug(source.path)}/evaluator.ts`));
  if (missing.length > 0)
    throw new BenchFailure(`the build produced no evaluator for ${missing.map((s) => s.path).join(", ")}`);
}

/** Milliseconds of each parse+check(+lower) of one policy. */
export function timeParseCheck(source: SourceText, warmups: number, repetitions: number): Promise<number[]> {
  return timeRuns(() => checkPolicySource(source.text, source.path), warmups, repetitions);
}

/** Milliseconds of each build of one policy through the pipeline's stages: check, lower, emit, prettier. */
export function timeStages(source: SourceText, warmups: number, repetitions: number): Promise<number[]> {
  return timeRuns(
    async () => {
      const { model, diagnostics } = checkPolicySource(source.text, source.path);
      if (!model) throw new BenchFailure(`${source.path} does not check:\n${describe(diagnostics)}`);
      const files = await emitPolicy(model, createEmitProject(), traceSummary(model, undefined));
      if (files.length === 0) throw new BenchFailure(`${source.path} produced no files`);
    },
    warmups,
    repetitions,
  );
}

/** Milliseconds of each full build (planFromSources: the stages above, plus the runtime copy) of the given policies. */
export function timeBuild(sources: readonly SourceText[], warmups: number, repetitions: number): Promise<number[]> {
  return timeRuns(async () => assertBuilt(await planFromSources(sources, []), sources), warmups, repetitions);
}

export interface CorpusBuild {
  readonly policies: number;
  readonly ms: number;
}

export interface HeapAroundBuild {
  readonly before: number;
  /** With the build plan (every generated file and model) still held. */
  readonly withPlan: number;
  /** After the plan is dropped: what the build left behind. */
  readonly afterRelease: number;
}

/**
 * One build of `sources`, with the heap weighed while its plan is still held when asked.
 * NOTE: a function of its own, so that no register of the caller's frame keeps the plan alive after it
 * returns; set to undefined in the caller, it still showed as retained.
 */
async function buildOnce(
  sources: readonly SourceText[],
  weigh: boolean,
): Promise<{ ms: number; heapWithPlan: number }> {
  const start = nowMs();
  const plan = await planFromSources(sources, []);
  const ms = nowMs() - start;
  assertBuilt(plan, sources);
  return { ms, heapWithPlan: weigh ? settledHeap() : 0 };
}

/** One build of each prefix of `corpus` whose size is in `sizes`; the heap is measured around the largest. */
export async function timeCorpusBuilds(
  corpus: readonly SourceText[],
  sizes: readonly number[],
): Promise<{ builds: CorpusBuild[]; heap: HeapAroundBuild }> {
  const builds: CorpusBuild[] = [];
  let heap: HeapAroundBuild = { before: 0, withPlan: 0, afterRelease: 0 };
  const largest = Math.max(...sizes);
  for (const size of sizes) {
    const before = settledHeap();
    const { ms, heapWithPlan } = await buildOnce(corpus.slice(0, size), size === largest);
    builds.push({ policies: size, ms });
    if (size === largest) heap = { before, withPlan: heapWithPlan, afterRelease: settledHeap() };
  }
  return { builds, heap };
}
