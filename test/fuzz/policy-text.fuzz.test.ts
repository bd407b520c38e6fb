// Fuzzing the compiler with text: fixture policy and case files mutated (spans of text and of
// tokens deleted, duplicated, swapped; deep nesting, odd characters, CRLF, byte order marks, tabs,
// huge numbers and NUL bytes inserted), and text made of random tokens. Each input goes through the
// checker, the cases checker, the diagnostic renderer, the formatter and, when it checks without an
// error, the evaluator emitter. Every stage must answer with diagnostics or a result: an exception
// is a crash. The formatter must also be idempotent and keep what the checker says.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCases } from "../../compiler/cases/check-cases.js";
import { hasErrors, type Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { renderDiagnostics } from "../../compiler/diagnostics/render.js";
import { createEmitProject, emitEvaluator } from "../../compiler/emit/evaluator/emit-evaluator.js";
import { formatSource } from "../../compiler/format/format-source.js";
import type { PolicyModel } from "../../compiler/model/policy-model.js";
import { checkPolicySource } from "../../compiler/pipeline.js";
import type { SourceFile } from "../../compiler/syntax/ast.js";
import { parseSource } from "../../compiler/syntax/parse.js";
import { policyLexer } from "../../compiler/syntax/tokens.js";
import { nameOfParts } from "../support/deep-policy.js";
import { projectRoot } from "../support/evaluators.js";
import { FuzzTally, fuzzRuns, fuzzScale, type FuzzOutcome } from "../support/fuzz.js";
import { homeInfusion } from "../support/home-infusion.js";

type Kind = "policy" | "cases";

interface Seed {
  readonly path: string;
  readonly kind: Kind;
  readonly text: string;
  /** For a policy: its case file, checked against the policy's model when the mutant still checks. */
  readonly cases?: SourceFile;
}

const read = (path: string) => readFileSync(join(projectRoot, path), "utf8");
const homeInfusionCasesPath = `${homeInfusion.folder}/home-infusion.cases`;
const homeInfusionCases = parseSource(read(homeInfusionCasesPath), homeInfusionCasesPath).source;
const cgmCases = parseSource(read("test/fixtures/continuous-glucose-monitors/cgm.cases"), "cgm.cases").source;
const seeds: readonly Seed[] = [
  { path: homeInfusion.policy, kind: "policy", text: read(homeInfusion.policy), cases: homeInfusionCases },
  { path: homeInfusionCasesPath, kind: "cases", text: read(homeInfusionCasesPath) },
  {
    path: "test/fixtures/continuous-glucose-monitors/cgm.policy",
    kind: "policy",
    text: read("test/fixtures/continuous-glucose-monitors/cgm.policy"),
    cases: cgmCases,
  },
];
const homeInfusionModel = checkPolicySource(seeds[0]!.text, seeds[0]!.path).model!;
const cgmModel = checkPolicySource(seeds[2]!.text, seeds[2]!.path).model!;
const knownPolicies: ReadonlyMap<string, PolicyModel> = new Map(
  [homeInfusionModel, cgmModel].map((model) => [model.reference, model]),
);
const project = createEmitProject();

// ----- what to insert -----------------------------------------------------------------------------

const languageBits = [
  "(",
  ")",
  ",",
  ":",
  "=",
  "<=",
  " - ",
  " + ",
  " * ",
  " / ",
  "not ",
  " and ",
  " or ",
  "all of (",
  "any of (",
  "at least 2 of (",
  "is one of (",
  "is not ",
  "contains any of (",
  "criterion I.Z ",
  "met when ",
  "fact z.z: ",
  "yes or no",
  "define d ",
  " as ",
  "section ",
  "note ",
  "exception ",
  "case ",
  "facts f ",
  "given ",
  "expect ",
  "units at most ",
  "rule r: ",
  "code T9999 ",
  '"',
  '"text"',
  '"""',
  '"""\n  block\n"""',
  "#",
  "# comment   ",
  "2024-02-30",
  "2024-13",
  "9999-99-99",
  "service date",
  "unknown",
  "\\",
  '\\"',
];
const oddCharacters = [
  "\n",
  "\r\n",
  "\r",
  "\t",
  "\ufeff",
  "\u0000",
  "\u00a0",
  "\u2028",
  "\ud800",
  "\udfff",
  "\u{1f600}",
  "é",
  "\u0301",
  "\f",
  "\v",
];

const deepNesting = fc
  .record({
    depth: fc.integer({ min: 60, max: 3_000 }),
    opener: fc.constantFrom("(", "not ", "all of (a, ", "at least 1 of (", "not (", " + 1", "any of ("),
    closed: fc.boolean(),
  })
  .map(
    ({ depth, opener, closed }) =>
      `${opener.repeat(depth)}a.flag${closed && opener.includes("(") ? ")".repeat(depth) : ""}`,
  );

const insertion: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...languageBits) },
  { weight: 3, arbitrary: fc.constantFrom(...oddCharacters) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 500 }).map((digits) => "9".repeat(digits)) },
  { weight: 1, arbitrary: deepNesting },
  { weight: 1, arbitrary: fc.integer({ min: 60, max: 300 }).map((parts) => ` ${nameOfParts(parts)} `) },
);

// ----- mutations ----------------------------------------------------------------------------------

type Edit =
  | { readonly kind: "deleteText" | "duplicateText"; readonly at: number; readonly length: number }
  | { readonly kind: "swapText"; readonly at: number; readonly other: number; readonly length: number }
  | { readonly kind: "insert"; readonly at: number; readonly text: string }
  | { readonly kind: "deleteTokens" | "duplicateTokens"; readonly at: number; readonly count: number }
  | { readonly kind: "swapTokens"; readonly at: number; readonly other: number; readonly count: number }
  | { readonly kind: "crlf" | "bom" | "tabs" };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constantFrom("deleteText" as const, "duplicateText" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 200 }),
  }),
  fc.record({
    kind: fc.constant("swapText" as const),
    at: fc.nat(),
    other: fc.nat(),
    length: fc.integer({ min: 1, max: 80 }),
  }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: insertion }),
  fc.record({
    kind: fc.constantFrom("deleteTokens" as const, "duplicateTokens" as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({
    kind: fc.constant("swapTokens" as const),
    at: fc.nat(),
    other: fc.nat(),
    count: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({ kind: fc.constantFrom("crlf" as const, "bom" as const, "tabs" as const) }),
);

/** Where each token (comments and unclosed texts included) starts, and the end of the text. */
function tokenStarts(text: string): number[] {
  const lexed = policyLexer.tokenize(text);
  const starts = [...lexed.tokens, ...Object.values(lexed.groups).flat()].map((token) => token.startOffset);
  return [...new Set([0, ...starts, text.length])].sort((a, b) => a - b);
}

/** Swaps text[a, a + length) and text[b, b + length) when they do not overlap. */
function swap(text: string, a: number, b: number, length: number): string {
  const [first, second] = a < b ? [a, b] : [b, a];
  if (first + length > second) return text;
  return (
    text.slice(0, first) +
    text.slice(second, second + length) +
    text.slice(first + length, second) +
    text.slice(first, first + length) +
    text.slice(second + length)
  );
}

function apply(text: string, change: Edit): string {
  const at = (position: number) => position % (text.length + 1);
  switch (change.kind) {
    case "deleteText":
      return text.slice(0, at(change.at)) + text.slice(at(change.at) + change.length);
    case "duplicateText":
      return text.slice(0, at(change.at) + change.length) + text.slice(at(change.at));
    case "swapText":
      return swap(text, at(change.at), at(change.other), change.length);
    case "insert":
      return text.slice(0, at(change.at)) + change.text + text.slice(at(change.at));
    case "crlf":
      return text.replace(/\r?\n/g, "\r\n");
    case "bom":
      return `\ufeff${text}`;
    case "tabs":
      return text.replace(/^ {2}/gm, "\t");
    default: {
      // Token edits cut the text at token starts: whole tokens (with the space after them) move.
      const starts = tokenStarts(text);
      const pieces = starts.slice(0, -1).map((start, index) => text.slice(start, starts[index + 1]));
      const from = change.at % Math.max(1, pieces.length);
      const range = pieces.slice(from, from + change.count).join("");
      const before = pieces.slice(0, from).join("");
      const after = pieces.slice(from + change.count).join("");
      if (change.kind === "deleteTokens") return before + after;
      if (change.kind === "duplicateTokens") return before + range + range + after;
      if (change.kind !== "swapTokens") return text;
      const other = change.other % Math.max(1, pieces.length);
      const otherStart = pieces.slice(0, other).join("").length;
      return swap(
        text,
        before.length,
        otherStart,
        Math.min(range.length, pieces.slice(other, other + change.count).join("").length),
      );
    }
  }
}

/** A seed file and the edits made to it; the text is built in the property, so a counterexample shows just the edits. */
const mutant = fc.record({
  seed: fc.constantFrom(...seeds.map((seed) => seed.path)),
  edits: fc.array(edit, { minLength: 1, maxLength: 5 }),
});

const randomText = fc.record({
  kind: fc.constantFrom<Kind>("policy", "cases"),
  parts: fc.array(
    fc.oneof(fc.constantFrom(...languageBits, ...oddCharacters, "a.flag", "I.1", "T.1", "2024-01"), insertion),
    { maxLength: 60 },
  ),
});

// ----- through the compiler -------------------------------------------------------------------------

interface Checked {
  readonly diagnostics: readonly Diagnostic[];
  readonly model?: PolicyModel;
}

function check(text: string, seed: Seed): Checked {
  if (seed.kind === "policy") return checkPolicySource(text, seed.path);
  const parsed = parseSource(text, seed.path);
  return { diagnostics: [...parsed.diagnostics, ...checkCases(parsed.source, knownPolicies).diagnostics] };
}

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code).sort();
}

/** A diagnostic's span lies in the text, and its message is a sentence. */
function expectWellFormed(diagnostics: readonly Diagnostic[], text: string): void {
  for (const d of diagnostics) {
    expect(d.span.offset).toBeGreaterThanOrEqual(0);
    expect(d.span.offset).toBeLessThanOrEqual(d.span.endOffset);
    expect(d.span.endOffset).toBeLessThanOrEqual(text.length + 1);
    expect(d.span.line).toBeGreaterThanOrEqual(1);
    expect(d.message).toMatch(/\.$/);
  }
}

function throughCompiler(text: string, seed: Seed): FuzzOutcome {
  const checked = check(text, seed);
  expectWellFormed(checked.diagnostics, text);
  expect(typeof renderDiagnostics(checked.diagnostics, () => text)).toBe("string");
  if (checked.model) {
    expect(emitEvaluator(checked.model, project, "generated/fuzz/evaluator.ts")).toContain("export function evaluate");
    if (seed.cases) checkCases(seed.cases, new Map([[checked.model.reference, checked.model]]));
  }
  const formatted = formatSource(text, seed.path);
  if (formatted.text !== undefined) {
    expect(formatSource(formatted.text, seed.path).text).toBe(formatted.text);
    expect(codes(check(formatted.text, seed).diagnostics)).toEqual(codes(checked.diagnostics));
  }
  return hasErrors(checked.diagnostics) ? "diagnostics" : "success";
}

/** Runs one input through the compiler; any exception is counted as a crash and fails the property. */
function run(tally: FuzzTally, text: string, seed: Seed): void {
  try {
    tally.record(throughCompiler(text, seed));
  } catch (error) {
    tally.crash(error);
  }
}

function seedAt(path: string): Seed {
  return seeds.find((seed) => seed.path === path) as Seed;
}

/** A longer hunt (FUZZ_SCALE) gets proportionally longer before vitest calls it a time-out. */
const timeout = 60_000 * fuzzScale();

describe("policy and case text, fuzzed", () => {
  const mutants = new FuzzTally("mutated policy and case files");
  const random = new FuzzTally("random token text");

  it(
    "never crashes on mutated policy and case files",
    () => {
      const property = fc.property(mutant, ({ seed, edits }) =>
        run(mutants, edits.reduce(apply, seedAt(seed).text), seedAt(seed)),
      );
      fc.assert(property, { numRuns: fuzzRuns(400) });
      expect(mutants.count("crash")).toBe(0);
      expect(mutants.count("diagnostics")).toBeGreaterThan(0);
    },
    timeout,
  );

  it(
    "never crashes on random token text",
    () => {
      const property = fc.property(randomText, ({ kind, parts }) =>
        run(random, parts.join(" "), { path: `random.${kind}`, kind, text: "" }),
      );
      fc.assert(property, { numRuns: fuzzRuns(1500) });
      expect(random.count("crash")).toBe(0);
      expect(random.inputs).toBeGreaterThanOrEqual(fuzzRuns(1500));
    },
    timeout,
  );
});
