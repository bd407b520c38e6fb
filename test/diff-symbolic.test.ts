// The symbolic decision delta (compiler/diff/symbolic-delta.ts) against the enumeration that runs the
// two generated evaluators (compiler/diff/delta.ts, kept as the oracle): on fixture revisions whose
// fact space the enumeration still walks, every period's cases and changed cases, and every changed
// cell's count, are equal; each example, run through both real evaluators with the facts it does not
// name left unknown, decides as its cell says.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decisionDelta } from "../compiler/diff/delta.js";
import { importEvaluators, type LoadedEvaluator } from "../compiler/diff/evaluators.js";
import { symbolicDelta, type SymbolicDelta } from "../compiler/diff/symbolic-delta.js";
import type { ChangedRegion } from "../compiler/diff/delta.js";
import type { PolicyModel } from "../compiler/model/policy-model.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { projectRoot } from "./support/evaluators.js";
import { homeInfusion } from "./support/home-infusion.js";

const read = (path: string) => readFileSync(join(projectRoot, path), "utf8");
const cgm = "test/fixtures/continuous-glucose-monitors/cgm.policy";
const homeBefore = "test/fixtures/revisions/home-infusion-before-2024-05.policy";
const versionsBefore = "test/fixtures/versions/versions-before-2026-05.policy";
const versions = "test/fixtures/versions/versions.policy";
const retroactive = "test/fixtures/versions/retroactive.policy";

function model(text: string, path: string): PolicyModel {
  const checked = checkPolicySource(text, path);
  if (!checked.model) throw new Error(`${path}: ${checked.diagnostics.map((d) => d.message).join("; ")}`);
  return checked.model;
}

/** The revisions compared: each a pair of fixture texts. */
const pairs: readonly { name: string; old: [string, string]; next: [string, string] }[] = [
  {
    name: "home infusion, the 05/2024 revision",
    old: [read(homeBefore), homeBefore],
    next: [read(homeInfusion.policy), homeInfusion.policy],
  },
  {
    name: "cgm, an age threshold raised",
    old: [read(cgm), cgm],
    next: [read(cgm).replace("met when patient.age >= 18", "met when patient.age >= 21"), cgm],
  },
  {
    name: "cgm, a criterion dated",
    old: [read(cgm), cgm],
    next: [
      read(cgm).replace("met when patient.age >= 18", "met when patient.age >= 18 and service date >= 2022-06-01"),
      cgm,
    ],
  },
  {
    name: "cgm, a criterion negated (the reverse direction)",
    old: [read(cgm).replace("met when patient.age >= 18", "met when patient.age < 18"), cgm],
    next: [read(cgm), cgm],
  },
  { name: "cgm against itself", old: [read(cgm), cgm], next: [read(cgm), cgm] },
  {
    name: "versioned statements: a reworded criterion, changed logic and category, an added part",
    old: [read(versionsBefore), versionsBefore],
    next: [read(versions), versions],
  },
  {
    name: "a retroactive revision narrowed further",
    old: [read(retroactive), retroactive],
    next: [read(retroactive).replace(/member\.age < (\d+)/, "member.age < 30"), retroactive],
  },
];

const disposers: (() => void)[] = [];
afterAll(() => disposers.forEach((dispose) => dispose()));

/** The facts object of an example: the values it names, the others left out (unknown). */
function exampleFacts(example: ChangedRegion, declared: PolicyModel): Record<string, unknown> {
  const names = new Set(declared.facts.map((fact) => fact.name));
  const root: Record<string, Record<string, unknown>> = {};
  for (const fact of example.facts) {
    if (!names.has(fact.name)) continue;
    const [group = "", key = ""] = fact.name.split(".");
    root[group] = { ...root[group], [key]: fact.value.value };
  }
  return root;
}

function outcomeOf(evaluator: LoadedEvaluator, facts: unknown, asOf: string) {
  try {
    return evaluator.evaluate(facts, { asOf });
  } catch (error) {
    if (error instanceof Error && error.name === "PolicyInputError") return undefined;
    throw error;
  }
}

describe.each(pairs)("$name", ({ old: [oldText, oldPath], next: [nextText, nextPath] }) => {
  const before = model(oldText, oldPath);
  const after = model(nextText, nextPath);
  let symbolic: SymbolicDelta;
  let evaluators: readonly [LoadedEvaluator, LoadedEvaluator];

  it("counts every period's cases and changes exactly as the enumeration", async () => {
    const loaded = await importEvaluators([before, after]);
    disposers.push(loaded.dispose);
    const [first, second] = loaded.evaluators;
    if (!first || !second) throw new Error("no evaluators");
    evaluators = [first, second];
    const enumerated = decisionDelta(before, after, evaluators);
    symbolic = symbolicDelta(before, after);
    expect(symbolic.periods).toEqual(enumerated.periods);
    expect(symbolic.approximate).toEqual(enumerated.approximate);
    const byCell = new Map<string, bigint>();
    for (const region of enumerated.regions) {
      const key = `${region.period.from} ${region.before.outcome} ${region.after.outcome}`;
      byCell.set(key, (byCell.get(key) ?? 0n) + region.cases);
    }
    const changedCells = new Map(
      symbolic.cells
        .filter((cell) => cell.before !== cell.after)
        .map((cell) => [`${cell.period.from} ${cell.before} ${cell.after}`, cell.cases]),
    );
    expect(changedCells).toEqual(byCell);
    // The cells of a period, changed or not, share out all its cases.
    for (const period of symbolic.periods) {
      const inCells = symbolic.cells.filter((cell) => cell.period.from === period.period.from);
      expect(inCells.reduce((sum, cell) => sum + cell.cases, 0n)).toBe(period.cases);
    }
  }, 120_000);

  it("gives examples that the two evaluators decide as their cell says", () => {
    expect(symbolic.examples.length).toBe(symbolic.cells.filter((cell) => cell.before !== cell.after).length);
    for (const example of symbolic.examples) {
      const [first, second] = evaluators;
      const was = outcomeOf(first, exampleFacts(example, before), example.period.from);
      const is = outcomeOf(second, exampleFacts(example, after), example.period.from);
      expect(was?.outcome ?? "refused").toBe(example.before.outcome);
      expect(is?.outcome ?? "refused").toBe(example.after.outcome);
      if (example.after.outcome === "not_covered")
        expect(is?.reasons.map((reason) => reason.id)).toEqual(expect.arrayContaining([...example.after.because]));
      // Only the facts that matter: fewer than the policy has (a policy of a few facts may need them all).
      if (after.facts.length > 5) expect(example.facts.length).toBeLessThan(after.facts.length);
      else expect(example.facts.length).toBeLessThanOrEqual(after.facts.length);
    }
  });
});
