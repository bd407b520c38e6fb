// The nesting limit (PC007): a condition, a unit limit's arithmetic or a name may nest 64 levels
// deep, and every stage of the compiler handles that; one level more is reported where it starts,
// before anything recursive runs, so that no input overflows the stack, however deep.

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { planFromSources, type BuildPlan } from "../compiler/build/build.js";
import type { Diagnostic } from "../compiler/diagnostics/diagnostic.js";
import { renderDiagnostics } from "../compiler/diagnostics/render.js";
import { ConditionCompiler } from "../compiler/emit/evaluator/conditions.js";
import { formatSource } from "../compiler/format/format-source.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { parseSource } from "../compiler/syntax/parse.js";
import { maxNestingDepth } from "../compiler/syntax/nesting.js";
import {
  alternatingChain,
  deepOutline,
  deepPolicyBase,
  deepPolicyPath,
  nameOfParts,
  nestingShapes,
} from "./support/deep-policy.js";
import { projectRoot, type Evaluator } from "./support/evaluators.js";
import { runCase } from "./support/run-case.js";
import { and, atLeast, or } from "../compiler/runtime/truth.js";

const errors = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === "error");
const codes = (diagnostics: readonly Diagnostic[]) => errors(diagnostics).map((d) => d.code);

/** How many levels open before `offset` in the statement a shape added (from `from`). */
function levelsBefore(text: string, from: number, offset: number, opener: RegExp): number {
  return [...text.slice(from, offset).matchAll(opener)].length;
}

describe("the nesting limit", () => {
  it("is 64 levels", () => {
    expect(maxNestingDepth).toBe(64);
  });
});

describe("nesting 64 levels deep", () => {
  const buildFolder = join(projectRoot, ".tmp", "nesting-limit");
  const plans = new Map<string, BuildPlan>();
  const cases = `cases for DEEP.1
case "Age and flag unknown" on 2024-06-01 a.place = home expect pending because S.1 asking a.age, a.flag
case "An adult" on 2024-06-01 a.age = 100 a.flag = no a.place = home expect covered
`;

  beforeAll(async () => {
    rmSync(buildFolder, { recursive: true, force: true });
    for (const shape of nestingShapes) {
      const text = deepPolicyBase + shape.statement(maxNestingDepth);
      const caseFiles = shape.name === "and and or in turn" ? [{ path: "deep.cases", text: cases }] : [];
      const plan = await planFromSources([{ path: deepPolicyPath, text }], caseFiles, projectRoot);
      plans.set(shape.name, plan);
      for (const file of plan.files) {
        const path = join(buildFolder, shape.name.replace(/\W+/g, "-"), file.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.contents);
      }
    }
  });

  for (const shape of nestingShapes) {
    it(`checks, lowers and emits the evaluator and the docs: ${shape.name}`, () => {
      const plan = plans.get(shape.name);
      expect(codes(plan?.diagnostics ?? [])).toEqual([]);
      const paths = (plan?.files ?? []).map((file) => file.path);
      expect(paths).toContain("generated/deep/evaluator.ts");
      expect(paths).toContain("generated/deep/README.md");
    });
  }

  it("emits evaluators that compile under the project's strict settings", () => {
    const config = ts.readConfigFile(join(projectRoot, "tsconfig.json"), (path) => ts.sys.readFile(path));
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, projectRoot);
    const roots = nestingShapes.map((shape) =>
      join(buildFolder, shape.name.replace(/\W+/g, "-"), "generated", "deep", "evaluator.ts"),
    );
    const program = ts.createProgram(roots, { ...options, noEmit: true });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
  });

  it("decides and explains with the emitted evaluator: and and or in turn", async () => {
    const plan = plans.get("and and or in turn");
    const evaluator = (await import(
      join(buildFolder, "and-and-or-in-turn", "generated", "deep", "evaluator.ts")
    )) as Evaluator;
    expect(plan?.cases).toHaveLength(2);
    for (const resolved of plan?.cases ?? []) {
      const { actual, expected } = runCase(evaluator, resolved);
      expect(actual, resolved.title).toEqual(expected);
    }
  });
});

describe("nesting deeper than 64 levels", () => {
  for (const shape of nestingShapes) {
    for (const depth of [65, 300, 100_000]) {
      it(`is PC007 where level 65 starts, and nothing throws: ${shape.name}, ${depth} deep`, () => {
        const text = deepPolicyBase + shape.statement(depth);
        const result = checkPolicySource(text, deepPolicyPath);
        // The part nested too deep is replaced by a neutral stand-in: no other error follows from it.
        expect(codes(result.diagnostics)).toEqual(["PC007"]);
        expect(result.model).toBeUndefined();
        const reported = errors(result.diagnostics)[0]!;
        expect(levelsBefore(text, deepPolicyBase.length, reported.span.offset, shape.opener)).toBe(maxNestingDepth);
        expect(text.slice(reported.span.offset).search(shape.opener)).toBe(0);
        expect(reported.hint).toBeDefined();
        expect(renderDiagnostics(result.diagnostics, () => text)).toContain("error[PC007]: Nesting too deep");
        expect(formatSource(text, deepPolicyPath).diagnostics.map((d) => d.code)).toContain("PC007");
      });
    }
  }

  it("is reported in a case file too", () => {
    const text = `cases for DEEP.1\ncase "x" on 2024-06-01 a.place = ${"(".repeat(100_000)}home${")".repeat(100_000)} expect covered\n`;
    expect(parseSource(text, "deep.cases").diagnostics.map((d) => d.code)).toContain("PC007");
  });
});

describe("names", () => {
  it(`may have ${maxNestingDepth} parts, through the whole pipeline`, async () => {
    const name = nameOfParts(maxNestingDepth);
    const text = `${deepPolicyBase}fact ${name}: yes or no description "G." ask "G?"\ncriterion S.9 "x" met when ${name}\n${deepOutline(maxNestingDepth)}`;
    const plan = await planFromSources([{ path: deepPolicyPath, text }], [], projectRoot);
    expect(codes(plan.diagnostics)).toEqual([]);
    expect(plan.files.map((file) => file.path)).toContain("generated/deep/evaluator.ts");
  });

  it("of more parts are PC007, each where it stands", () => {
    const name = nameOfParts(maxNestingDepth + 1);
    const text = `${deepPolicyBase}fact ${name}: yes or no description "G." ask "G?"\ncriterion S.1 "x" met when ${name}\n`;
    const found = checkPolicySource(text, deepPolicyPath).diagnostics.filter((d) => d.code === "PC007");
    expect(found.map((d) => text.slice(d.span.offset, d.span.endOffset))).toEqual([name, name]);
    expect(found[0]?.message).toMatch(/^The name `g\.g\.g.*\.\.\.` nests more than 64 parts deep\.$/);
  });

  it("outline 300 levels deep is PC007 for each level past 64, and nothing throws", () => {
    const result = checkPolicySource(deepPolicyBase + deepOutline(300), deepPolicyPath);
    const tooDeep = result.diagnostics.filter((d) => d.code === "PC007");
    // Each id of 65 to 300 parts is reported twice: where it is declared, and where its parent names it.
    expect(tooDeep).toHaveLength(2 * (300 - maxNestingDepth));
    expect(result.model).toBeUndefined();
  });

  it("of 100,000 parts are PC007, and nothing throws", () => {
    const name = nameOfParts(100_000);
    const text = `${deepPolicyBase}fact ${name}: yes or no description "G." ask "G?"\ncriterion S.1 "x" met when ${name}\n`;
    expect(codes(checkPolicySource(text, deepPolicyPath).diagnostics)).toContain("PC007");
  });
});

/** Compiles conditions over plain locals, `fact_a_age`, so that a test can run one with `new Function`. */
const localsCompiler = new ConditionCompiler({
  fact: (name) => `fact_${name.replace(/\./g, "_")}`,
  definition: (name) => `def_${name}`,
  part: (id) => `part_${id}`,
  met: (id) => `met_${id}`,
  serviceDate: () => "asOf",
});

describe("long chains of `and` and `or`", () => {
  it("of 100,000 operands check, lower and compile to code JavaScript can load (they do not nest)", () => {
    const chain = Array.from({ length: 100_000 }, (_, index) =>
      index % 3 === 0 ? "a.flag" : `a.age > ${index % 100}`,
    ).join(" and ");
    const result = checkPolicySource(`${deepPolicyBase}criterion S.1 "x" met when ${chain}\n`, deepPolicyPath);
    expect(codes(result.diagnostics)).toEqual([]);
    const condition = result.model?.rules.find((rule) => rule.id === "S.1")?.condition;
    expect(condition?.kind).toBe("and");
    // A call of 65,535 arguments does not parse, and of tens of thousands overflows: the truth nests its `and` calls.
    const truth = localsCompiler.truth(condition!);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the compiled condition, which is the code under test.
    const evaluate = new Function("and", "or", "fact_a_flag", "fact_a_age", `return ${truth};`) as (
      all: typeof and,
      any: typeof or,
      flag: number,
      age: number,
    ) => number;
    expect([evaluate(and, or, 2, 100), evaluate(and, or, 2, 50), evaluate(and, or, 1, 100)]).toEqual([2, 0, 1]);
  });

  it("of 5,000 operands, in turn, emit and format", async () => {
    const chain = Array.from({ length: 5_000 }, (_, i) => `a.age > ${i % 100}`).join(" or a.flag and ");
    const text = `${deepPolicyBase}criterion S.1 "x" met when ${chain}\n`;
    const plan = await planFromSources([{ path: deepPolicyPath, text }], [], projectRoot);
    expect(codes(plan.diagnostics)).toEqual([]);
    expect(plan.files.map((file) => file.path)).toContain("generated/deep/evaluator.ts");
    const formatted = formatSource(text, deepPolicyPath).text ?? "";
    expect(formatSource(formatted, deepPolicyPath).text).toBe(formatted);
  });

  it("of arithmetic past 64 operators are PC007 (arithmetic nests in the AST)", () => {
    const text = `${deepPolicyBase}code T1030 "Nursing." rule r1: units at most claim.n${" * 2 + 1".repeat(50_000)}\n`;
    expect(codes(checkPolicySource(text, deepPolicyPath).diagnostics)).toEqual(["PC007"]);
  });

  it("alternating 64 deep stay within the limit", () => {
    expect(
      codes(
        checkPolicySource(`${deepPolicyBase}criterion S.1 "x" met when ${alternatingChain(64)}\n`, deepPolicyPath)
          .diagnostics,
      ),
    ).toEqual([]);
  });
});

/** `define d0 as d1`, `d1 as d2`... `d<count-1> as a.flag`, and a criterion that reads d0. */
function definitionChain(count: number): string {
  const definitions = Array.from(
    { length: count },
    (_, i) => `define d${i} "d${i}" as ${i + 1 < count ? `d${i + 1} and a.age > ${i % 100}` : "a.flag"}`,
  );
  return `${deepPolicyBase}${definitions.join("\n")}\ncriterion S.1 "x" met when d0\n`;
}

describe("chains of definitions, one inside another", () => {
  it(`of ${maxNestingDepth} go through the whole pipeline, and the evaluator explains through all of them`, async () => {
    const text = definitionChain(maxNestingDepth);
    const plan = await planFromSources([{ path: deepPolicyPath, text }], [], projectRoot);
    expect(codes(plan.diagnostics)).toEqual([]);
    const evaluator = plan.files.find((file) => file.path === "generated/deep/evaluator.ts")?.contents ?? "";
    const folder = join(projectRoot, ".tmp", "definition-chain");
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(join(folder, "deep"), { recursive: true });
    for (const file of plan.files) {
      mkdirSync(dirname(join(folder, file.path.slice("generated/".length))), { recursive: true });
      writeFileSync(join(folder, file.path.slice("generated/".length)), file.contents);
    }
    expect(evaluator.length).toBeGreaterThan(0);
    const module = (await import(join(folder, "deep", "evaluator.ts"))) as Evaluator;
    // Every age is above every threshold but the flag is unknown: the question reaches the end of the chain.
    const decision = module.evaluate({ a: { age: 100, place: "clinic" } }, { asOf: "2024-06-01" });
    expect(decision.outcome).toBe("pending");
    expect(decision.missingFacts.map((fact) => fact.fact)).toEqual(["a.flag"]);
  });

  it(`of ${maxNestingDepth + 1} and of 20,000 are PC007 once, at the definition that crosses the limit, and nothing throws`, () => {
    for (const count of [maxNestingDepth + 1, 20_000]) {
      const { diagnostics } = checkPolicySource(definitionChain(count), deepPolicyPath);
      const found = errors(diagnostics).filter((d) => d.code === "PC007");
      expect(found, `${count}`).toHaveLength(1);
      expect(found[0]?.message).toBe(
        `The definition \`d${count - maxNestingDepth - 1}\` nests more than ${maxNestingDepth} definitions deep.`,
      );
    }
  });

  it("that loop are PC023, however long the loop", () => {
    const text = definitionChain(20_000).replace('define d19999 "d19999" as a.flag', 'define d19999 "d19999" as d0');
    expect(errors(checkPolicySource(text, deepPolicyPath).diagnostics).map((d) => d.code)).toContain("PC023");
  });
});

describe("at least N of many", () => {
  it("of 70,000 operands compile to code JavaScript can call", () => {
    const operands = Array.from({ length: 70_000 }, (_, index) => `a.age > ${index % 100}`).join(", ");
    const result = checkPolicySource(
      `${deepPolicyBase}criterion S.1 "x" met when at least 2 of (${operands})\n`,
      deepPolicyPath,
    );
    expect(codes(result.diagnostics)).toEqual([]);
    const condition = result.model?.rules.find((rule) => rule.id === "S.1")?.condition;
    const truth = localsCompiler.truth(condition!);
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the compiled condition, which is the code under test.
    const evaluate = new Function("atLeast", "fact_a_age", `return ${truth};`) as (
      run: typeof atLeast,
      age: number | undefined,
    ) => number;
    expect([evaluate(atLeast, 50), evaluate(atLeast, 0), evaluate(atLeast, undefined)]).toEqual([2, 0, 1]);
  });
});
