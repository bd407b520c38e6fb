// `npm run bench`: one run measures the compiler (parse+check and build of WNC.CP.224, builds of 50,
// 100 and 200 synthetic policies, heap around the largest), the front end's linearity (a 3 MB file
// checked and its diagnostics rendered, parse time at N, 2N and 4N, evaluator size at two depths),
// the evaluator (WNC.CP.224 decisions per second) and the claim checker (WNC.CP.224 claim checks per
// second), each generated beside hand-written, and how many questions a pending WNC.CP.224 case takes
// to a decision before and after they were ranked, then prints a table with PASS or MISS per target.
// Exits non-zero only on a correctness failure, never on a missed target.

import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { compilerRoot, type SourceText } from "../compiler/build/project-files.js";
import { assertSourcesCheck, timeBuild, timeCorpusBuilds, timeParseCheck, timeStages } from "./build-bench.js";
import { checkAgreement, checkClaimAgreement, checkClaimRefusals, checkRefusals } from "./agreement.js";
import {
  definitionChain,
  emittedSize,
  longChain,
  manyFacts,
  misspeltNames,
  syntheticPolicies,
  timeCheckAndRender,
  timeCheckScaling,
  timeParseScaling,
  unclosedQuotes,
  type ParseScaling,
} from "./front-end.js";
import { measureClaimThroughput, retainedBytesPerClaimCheck } from "./claim-throughput.js";
import { diffRows, diffTarget, timeDiff } from "./diff-bench.js";
import { BenchFailure } from "./failure.js";
import { authorLoopRows } from "./author-loop.js";
import { languageServerRows, languageServerTargets, timeLanguageServer } from "./language-server.js";
import { loadService, serviceRows, serviceTargets } from "./cds-service.js";
import { median, pairedRatio } from "./measure.js";
import { formatBytes, formatCount, formatMs, formatRange, table, targetRows, type Target } from "./report.js";
import { syntheticCorpus } from "./synthetic-policy.js";
import { measureThroughput, retainedBytesPerDecision } from "./throughput.js";
import {
  checkLeanAgreement,
  checkLeanClaimAgreement,
  checkLeanClaimRefusals,
  checkLeanRefusals,
} from "./lean-agreement.js";
import { leanNotes, leanRows, leanTargets } from "./lean-report.js";
import { batchRows, batchTargets, measureBatch } from "./batch-throughput.js";
import { measureLeanClaimThroughput, measureLeanThroughput } from "./lean-throughput.js";
import { measureNestedQuantifier, measureRecordsThroughput, RECORDS_PER_LIST } from "./records-throughput.js";
import { malformedFactSets, wncFactSets } from "./wnc-fact-sets.js";
import { malformedClaims, wncClaims } from "./wnc-claims.js";
import { measureQuestionOrder, questionOrderRows } from "./question-order.js";

const WNC_PATH = "policy/wnc-cp-224.policy";
const CORPUS_SIZES = [50, 100, 200] as const;
const FACT_SETS = 100_000;
const MALFORMED_SETS = 5_000;
const CLAIMS = 100_000;
/** Fact sets of the records fixture, each a list of RECORDS_PER_LIST studies. */
const RECORDS_FACT_SETS = 200;
/** Records per list at which the records fixture's nested quantifier is timed (linear: about 4x apart). */
const NESTED_QUANTIFIER_SIZES = [1_000, 4_000] as const;
const MALFORMED_CLAIMS = 5_000;
/** Seeded fact sets the question-order section draws its pending cases from (about three in four are). */
const QUESTION_CASES = 2_000;
/** Decisions kept alive to weigh them: enough to swamp heap noise, few enough to stay quick. */
const WEIGHED_DECISIONS = 20_000;
/**
 * Timed passes of each throughput comparison, every contender once per pass: each ratio is the median
 * of the passes' own ratios (measure.ts, pairedRatio), which a noisy moment of a shared machine moves
 * far less than a ratio of two medians (0.64x to 0.89x from run to run with 7 passes, before).
 */
const THROUGHPUT_PASSES = 11;

const targets = {
  buildWncMs: 2_000,
  build200Ms: 60_000,
  // The ratios to the hand-written baselines before the generated code was keyed by id (issue 9):
  // that change was to keep evaluation at least as fast as this.
  throughputRatio: 0.91,
  traceThroughputRatio: 0.58,
  claimThroughputRatio: 0.97,
  /** Parsing 4N characters takes at most this many times parsing N: linear, with room for noise. */
  parseRatio4N: 5,
  /** The evaluator of a chain 64 deep is at most this many times the size of one 32 deep. */
  emittedRatio: 2.5,
};

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(0)}%`;
}

/** A row of the scaling table: the time at N, and the ratios at 2N and 4N. */
function scalingRow(scaling: ParseScaling): string[] {
  return [
    `  ${scaling.name}, N = ${formatCount(scaling.characters / 1000)} kB`,
    formatMs(scaling.ms[0]),
    `${scaling.ratios[0].toFixed(2)}x`,
    `${scaling.ratios[1].toFixed(2)}x`,
  ];
}

/** Linear time, with room for noise: 4N takes at most `parseRatio4N` times N. */
function linearTarget(stage: string, scaling: ParseScaling): Target {
  const ratio = scaling.ratios[1];
  return {
    name: `${stage} ${scaling.name}: 4N / N at most ${targets.parseRatio4N}x`,
    met: ratio <= targets.parseRatio4N,
    figure: `${ratio.toFixed(2)}x`,
  };
}

async function main(): Promise<void> {
  const root = compilerRoot();
  const wnc: SourceText = { path: WNC_PATH, text: readFileSync(join(root, WNC_PATH), "utf8") };
  const corpus: SourceText[] = syntheticCorpus(Math.max(...CORPUS_SIZES)).map(({ path, text }) => ({ path, text }));
  const averageSize = corpus.reduce((sum, source) => sum + source.text.length, 0) / corpus.length;

  progress(`checking WNC.CP.224 and ${corpus.length} synthetic policies`);
  const warnings = assertSourcesCheck([wnc, ...corpus]);

  progress("timing parse+check and build of WNC.CP.224");
  const parseCheck = await timeParseCheck(wnc, 5, 15);
  const buildWnc = await timeStages(wnc, 2, 7);
  const planWnc = await timeBuild([wnc], 1, 5);

  progress(`building ${CORPUS_SIZES.join(", ")} synthetic policies (about a minute)`);
  const { builds, heap } = await timeCorpusBuilds(corpus, CORPUS_SIZES);

  progress("checking a 3 MB policy file and rendering its diagnostics; parsing inputs of size N, 2N and 4N");
  const bigFile = await timeCheckAndRender(3_000_000, 3);
  const scalings = [
    timeParseScaling("synthetic policies", syntheticPolicies, 5),
    timeParseScaling("one `and` chain", longChain, 5),
    timeParseScaling("a line of escaped quotes, unclosed", unclosedQuotes, 5),
  ];
  const checkScalings = [
    timeCheckScaling("misspelt names, each with a did-you-mean", misspeltNames, 5),
    timeCheckScaling("facts in groups, each read", manyFacts, 5),
    timeCheckScaling("a chain of definitions past the limit", definitionChain, 5),
  ];
  const sizes = [await emittedSize(32), await emittedSize(64)];

  progress(
    `generating ${formatCount(FACT_SETS)} WNC.CP.224 fact sets and checking the hand-written evaluator against the generated one`,
  );
  const sets = wncFactSets(FACT_SETS);
  const outcomes = checkAgreement(sets);
  checkRefusals(malformedFactSets(MALFORMED_SETS));

  progress(
    `generating ${formatCount(CLAIMS)} WNC.CP.224 claims and checking the hand-written claim checker against the generated one`,
  );
  const claims = wncClaims(CLAIMS);
  const verdicts = checkClaimAgreement(claims);
  checkClaimRefusals(malformedClaims(MALFORMED_CLAIMS));

  progress("checking the lean baselines against the generated evaluator and claim checker");
  checkLeanAgreement(sets);
  checkLeanRefusals(malformedFactSets(MALFORMED_SETS));
  checkLeanClaimAgreement(claims);
  checkLeanClaimRefusals(malformedClaims(MALFORMED_CLAIMS));

  progress("timing decisions");
  const throughput = measureThroughput(sets, 2, THROUGHPUT_PASSES);
  const bytes = retainedBytesPerDecision(sets.slice(0, WEIGHED_DECISIONS));

  progress(`timing decisions of the records fixture, ${formatCount(RECORDS_PER_LIST)} records per list`);
  const recordsThroughput = await measureRecordsThroughput(RECORDS_FACT_SETS, 5);
  const nestedQuantifier = await measureNestedQuantifier(NESTED_QUANTIFIER_SIZES, 21);
  const windowQuantifier = await measureNestedQuantifier(NESTED_QUANTIFIER_SIZES, 21, "window");

  progress("timing claim checks");
  const claimThroughput = measureClaimThroughput(claims, 2, THROUGHPUT_PASSES);
  const claimBytes = retainedBytesPerClaimCheck(claims.slice(0, WEIGHED_DECISIONS));

  progress("timing the generated evaluator and claim checker against the lean baselines");
  const leanDecisions = measureLeanThroughput(sets, 2, THROUGHPUT_PASSES);
  const leanClaims = measureLeanClaimThroughput(claims, 2, THROUGHPUT_PASSES);

  progress("timing policyc eval-batch on 100,000 and 1,000,000 lines (writes the input to .tmp/ once, about 1 GB)");
  const batchRuns = await measureBatch(root);

  progress("timing policyc check and policyc test on WNC.CP.224");
  const authorLoop = await authorLoopRows(root, "WNC.CP.224");

  progress("timing the language server (policyc lsp) on WNC.CP.224");
  const languageServer = await timeLanguageServer(root, WNC_PATH);

  progress("loading the CDS Hooks service (policyc serve) with 100 concurrent clients");
  const serviceLoad = await loadService(root);

  progress("timing policyc diff on an 80-fact synthetic policy and a revision of it");
  const diffTiming = await timeDiff();

  progress(
    `asking ${formatCount(QUESTION_CASES)} partly known WNC.CP.224 cases their missing facts, before and after ranking`,
  );
  const questionCounts = measureQuestionOrder(QUESTION_CASES);

  const parseCheckMs = median(parseCheck);
  const buildWncMs = median(buildWnc);
  const largest = builds[builds.length - 1];
  const previous = builds[builds.length - 2];
  const ratio = pairedRatio(throughput.samples.generated, throughput.samples.handWritten);
  const traceRatio = pairedRatio(throughput.samples.generatedTrace, throughput.samples.handWritten);
  const claimRatio = pairedRatio(claimThroughput.samples.generated, claimThroughput.samples.handWritten);
  const verdictMix = ["clean", "violations", "pending"]
    .map((verdict) => `${verdict} ${percent(verdicts.get(verdict) ?? 0, claims.length)}`)
    .join(", ");
  const outcomeMix = ["covered", "not_covered", "pending"]
    .map((outcome) => `${outcome} ${percent(outcomes.get(outcome) ?? 0, sets.length)}`)
    .join(", ");
  const rate = (value: number) => `${formatCount(value)} /s`;

  const rows: string[][] = [
    [
      `node ${process.version}, ${process.platform} ${process.arch}, ${cpus().length} cpus (${cpus()[0]?.model.trim() ?? "unknown"})`,
    ],
    [""],
    ["Compiler", "median", "spread", "reps"],
    [
      "  parse+check WNC.CP.224 (checkPolicySource)",
      formatMs(parseCheckMs),
      formatRange(parseCheck, formatMs),
      String(parseCheck.length),
    ],
    [
      "  build WNC.CP.224 (check, lower, emit, prettier)",
      formatMs(buildWncMs),
      formatRange(buildWnc, formatMs),
      String(buildWnc.length),
    ],
    [
      "  build WNC.CP.224 (planFromSources: the same, plus the runtime copy)",
      formatMs(median(planWnc)),
      formatRange(planWnc, formatMs),
      String(planWnc.length),
    ],
    [""],
    [
      `Synthetic corpus (${Math.round(averageSize / 1000)} kB a policy on average, ${warnings} warnings, no errors)`,
      "total",
      "per policy",
      "reps",
    ],
    ...builds.map((build) => [
      `  build ${build.policies} policies (planFromSources)`,
      formatMs(build.ms),
      formatMs(build.ms / build.policies),
      "1",
    ]),
    ...(largest && previous
      ? [
          [
            `  marginal cost, policies ${previous.policies + 1} to ${largest.policies}`,
            "",
            formatMs((largest.ms - previous.ms) / (largest.policies - previous.policies)),
            "",
          ],
        ]
      : []),
    [""],
    [
      `Front end (${(bigFile.characters / 1e6).toFixed(1)} MB policy file, ${formatCount(bigFile.diagnostics)} diagnostics)`,
      "median",
      "spread",
      "reps",
    ],
    [
      "  check (checkPolicySource)",
      formatMs(median(bigFile.checkMs)),
      formatRange(bigFile.checkMs, formatMs),
      String(bigFile.checkMs.length),
    ],
    [
      "  render every diagnostic (renderDiagnostics)",
      formatMs(median(bigFile.renderMs)),
      formatRange(bigFile.renderMs, formatMs),
      String(bigFile.renderMs.length),
    ],
    ["Parse time at N, 2N, 4N (parseSource, medians)", "N", "2N / N", "4N / N"],
    ...scalings.map(scalingRow),
    ["Check time at N, 2N, 4N (checkPolicySource, medians)", "N", "2N / N", "4N / N"],
    ...checkScalings.map(scalingRow),
    ["Evaluator of an and/or chain (characters)", "unformatted", "formatted"],
    ...sizes.map((size) => [`  ${size.depth} deep`, formatCount(size.unformatted), formatCount(size.formatted)]),
    [""],
    [`Memory (build of ${largest?.policies ?? 0} policies; heap after a full GC)`, "heap used"],
    ["  before the build", formatBytes(heap.before)],
    ["  after, build plan still held", formatBytes(heap.withPlan)],
    ["  after, build plan released", formatBytes(heap.afterRelease)],
    [""],
    [
      `Evaluator WNC.CP.224 (${formatCount(sets.length)} fact sets: ${outcomeMix})`,
      "decisions per CPU s",
      "spread",
      "bytes kept/decision",
    ],
    [
      "  generated, no trace",
      rate(throughput.perSecond.generated),
      formatRange(throughput.samples.generated, formatCount),
      formatBytes(bytes.generated),
    ],
    [
      "  generated, trace: true",
      rate(throughput.perSecond.generatedTrace),
      formatRange(throughput.samples.generatedTrace, formatCount),
      formatBytes(bytes.generatedTrace),
    ],
    [
      "  hand-written (bench/hand-written-wnc-cp-224.ts)",
      rate(throughput.perSecond.handWritten),
      formatRange(throughput.samples.handWritten, formatCount),
      formatBytes(bytes.handWritten),
    ],
    ["  ratio generated / hand-written", `${ratio.toFixed(2)}x`],
    ["  ratio generated with trace / hand-written", `${traceRatio.toFixed(2)}x`],
    [
      `  records fixture, ${formatCount(RECORDS_PER_LIST)} records per list (${[...recordsThroughput.outcomes].map(([outcome, count]) => `${outcome} ${percent(count, RECORDS_FACT_SETS)}`).join(", ")})`,
      rate(recordsThroughput.perSecond),
    ],
    ...NESTED_QUANTIFIER_SIZES.map((size) => [
      `  its nested quantifier (II.A), every record visited, ${formatCount(size)} records per list (ms per decision)`,
      (nestedQuantifier.msPerDecision.get(size) ?? Number.NaN).toFixed(2),
    ]),
    [
      `  ratio ${formatCount(NESTED_QUANTIFIER_SIZES[1])} / ${formatCount(NESTED_QUANTIFIER_SIZES[0])} records (linear about 4x, quadratic 16x)`,
      `${nestedQuantifier.ratio.toFixed(1)}x`,
    ],
    ...NESTED_QUANTIFIER_SIZES.map((size) => [
      `  its date window between records (II.D), ${formatCount(size)} records per list (ms per decision)`,
      (windowQuantifier.msPerDecision.get(size) ?? Number.NaN).toFixed(2),
    ]),
    [
      `  ratio ${formatCount(NESTED_QUANTIFIER_SIZES[1])} / ${formatCount(NESTED_QUANTIFIER_SIZES[0])} records, date window (linear about 4x, quadratic 16x)`,
      `${windowQuantifier.ratio.toFixed(1)}x`,
    ],
    [""],
    [
      `Claim checker WNC.CP.224 (${formatCount(claims.length)} claims: ${verdictMix})`,
      "claims per CPU s",
      "spread",
      "bytes kept/check",
    ],
    [
      "  generated (checkClaim)",
      rate(claimThroughput.perSecond.generated),
      formatRange(claimThroughput.samples.generated, formatCount),
      formatBytes(claimBytes.generated),
    ],
    [
      "  hand-written (bench/hand-written-wnc-cp-224-claims.ts)",
      rate(claimThroughput.perSecond.handWritten),
      formatRange(claimThroughput.samples.handWritten, formatCount),
      formatBytes(claimBytes.handWritten),
    ],
    ["  ratio generated / hand-written", `${claimRatio.toFixed(2)}x`],
    [""],
    ...leanRows(leanDecisions, leanClaims),
    [""],
    ...batchRows(batchRuns),
    ...diffRows(diffTiming),
    ...questionOrderRows(questionCounts),
    [""],
    ...authorLoop,
    [""],
    ...languageServerRows(languageServer, "WNC.CP.224"),
    [""],
    ...serviceRows(serviceLoad),
    ["Targets"],
  ];
  const results: Target[] = [
    { name: "build WNC.CP.224 under 2 s", met: buildWncMs < targets.buildWncMs, figure: formatMs(buildWncMs) },
    {
      name: "build 200 synthetic policies under 60 s",
      met: (largest?.ms ?? Infinity) < targets.build200Ms,
      figure: formatMs(largest?.ms ?? NaN),
    },
    {
      name: `generated / hand-written at least ${targets.throughputRatio}x (its ratio before issue 9)`,
      met: ratio >= targets.throughputRatio,
      figure: `${ratio.toFixed(2)}x`,
    },
    {
      name: `generated with trace / hand-written at least ${targets.traceThroughputRatio}x (before issue 9)`,
      met: traceRatio >= targets.traceThroughputRatio,
      figure: `${traceRatio.toFixed(2)}x`,
    },
    {
      name: `generated / hand-written claim checks at least ${targets.claimThroughputRatio}x (before issue 9)`,
      met: claimRatio >= targets.claimThroughputRatio,
      figure: `${claimRatio.toFixed(2)}x`,
    },
    ...scalings.map((scaling) => linearTarget("parse", scaling)),
    ...checkScalings.map((scaling) => linearTarget("check", scaling)),
    {
      name: `evaluator of a chain 64 deep / 32 deep at most ${targets.emittedRatio}x`,
      met: (sizes[1]?.unformatted ?? Infinity) / (sizes[0]?.unformatted ?? 1) <= targets.emittedRatio,
      figure: `${((sizes[1]?.unformatted ?? NaN) / (sizes[0]?.unformatted ?? NaN)).toFixed(2)}x`,
    },
    diffTarget(diffTiming),
    ...languageServerTargets(languageServer),
    ...leanTargets(leanDecisions, leanClaims),
    ...batchTargets(batchRuns),
    ...serviceTargets(serviceLoad),
  ];
  console.log(table([...rows, ...targetRows(results)]));
  for (const note of leanNotes(leanDecisions, leanClaims)) console.log(`\n${note}`);
  console.log(
    `\nAgreement: outcome, reason ids and missing facts identical on all ${formatCount(sets.length)} fact sets; ` +
      `${formatCount(MALFORMED_SETS)} malformed inputs refused by both with the same fields.`,
  );
  console.log(
    `Claim agreement: verdict, violated rule ids with their lines, pending rule ids with their missing facts, and lines ` +
      `not governed identical on all ${formatCount(claims.length)} claims; ${formatCount(MALFORMED_CLAIMS)} malformed claims refused by both with the same fields.`,
  );
  console.log(
    `Lean agreement: outcome and the set of reason ids identical on all ${formatCount(sets.length)} fact sets, verdict and the ` +
      `sets of violated and pending rule ids on all ${formatCount(claims.length)} claims; the same malformed inputs refused with the same fields.`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof BenchFailure) {
    console.error(`\nCORRECTNESS FAILURE: ${error.message}`);
    process.exit(1);
  }
  console.error(error);
  process.exit(2);
});
