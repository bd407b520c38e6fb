// A property of the symbolic decision delta: on small random policies (a few facts of every type,
// random criteria, an exclusion, a section that applies by condition, an exception, lifetimes) and a
// random revision of each, it counts every period's cases and changes, and every cell, as brute force
// does: every case of the fact space, each fact known, run through both generated evaluators.
// NOTE: brute force, not the recursive enumeration of delta.ts: that one counts a case as decided when
// a fact no condition reads is unknown, so it misses the cases a version refuses for that fact's value
// (a one-of value the newer version adds); this property found it.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importEvaluators, type LoadedEvaluator } from "../compiler/diff/evaluators.js";
import { factSpace, periods, type ValueClass } from "../compiler/diff/fact-space.js";
import { symbolicDelta } from "../compiler/diff/symbolic-delta.js";
import type { PolicyModel } from "../compiler/model/policy-model.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { fuzzRuns } from "./support/fuzz.js";

const header = `policy FIX.RND.1
  title "Random policy"
  plan "Fixture Health Plan"
  description "A random policy for the diff property."
  last review 2023-01

revision 2022-01 "Original policy."
  effective 2022-01-01

revision 2023-01 "A revision."
  effective 2023-01-01

category clinical "clinical criteria"

fact a.flag: yes or no
  description "A flag."
  ask "Flag?"

fact a.other: yes or no
  description "Another flag."
  ask "Other?"

fact a.age: number from 0 to 100
  description "An age."
  ask "Age?"

fact a.day: date
  description "A day."
  ask "Day?"

fact a.set: set of p "p", q "q", r "r"
  description "A set."
  ask "Set?"
`;

/** The one-of fact: the newer version may drop a value, so that the older's cases are refused. */
const kindFact = (values: readonly string[]) => `
fact a.kind: one of ${values.map((value) => `${value} "${value}"`).join(", ")}
  description "A kind."
  ask "Kind?"
`;

const atom: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("a.flag", "not a.other", "a.other", "a.kind is x", "a.kind is one of (x, y)", "a.kind is not z"),
  fc.integer({ min: 1, max: 99 }).map((n) => `a.age >= ${n}`),
  fc.integer({ min: 1, max: 99 }).map((n) => `a.age < ${n}`),
  fc.constantFrom("a.day <= service date", "a.day >= 2022-06-01", "a.day < 2023-03-01"),
  fc.constantFrom("a.set contains any of (p, q)", "a.set contains all of (q, r)", "a.set contains p"),
);

const condition: fc.Arbitrary<string> = fc.oneof(
  atom,
  fc.tuple(atom, fc.constantFrom("and", "or"), atom).map(([a, op, b]) => `(${a} ${op} ${b})`),
  fc.tuple(atom, atom, atom).map(([a, b, c]) => `at least 2 of (${a}, ${b}, ${c})`),
);

interface Shape {
  readonly criteria: readonly { readonly condition: string; readonly lifetime: string }[];
  readonly exclusion: string;
  readonly applies: string | undefined;
  readonly exception: string | undefined;
  readonly kinds: readonly string[];
}

const lifetime = fc.constantFrom("", "", "  added in 2023-01\n", "  removed in 2023-01\n");

const shape: fc.Arbitrary<Shape> = fc.record({
  criteria: fc.array(fc.record({ condition, lifetime }), { minLength: 1, maxLength: 3 }),
  exclusion: condition,
  applies: fc.option(atom, { nil: undefined }),
  exception: fc.option(atom, { nil: undefined }),
  kinds: fc.constantFrom(["x", "y", "z"], ["x", "y", "z"], ["x", "y"]),
});

function policyText(policy: Shape): string {
  const criteria = policy.criteria
    .map(
      (criterion, i) =>
        `criterion I.A.${i + 1} "Criterion ${i + 1}."\n  met when ${criterion.condition}\n  category clinical\n${criterion.lifetime}`,
    )
    .join("\n");
  const applies = policy.applies === undefined ? "" : `  applies when ${policy.applies}\n`;
  const exception =
    policy.exception === undefined
      ? ""
      : `\nexception EX "An exception."\n  applies when ${policy.exception}\n  may override clinical\n  overrides I.A.1\n`;
  return `${header}${kindFact(policy.kinds)}
section I "Covered when:"

section I.A "Criteria"
${applies}
${criteria}
section II "Not covered when:"

exclusion II.A "An exclusion."
  not covered when ${policy.exclusion}
${exception}`;
}

/** A revision: some statements of the shape replaced by others. */
const revision: fc.Arbitrary<[Shape, Shape]> = fc
  .tuple(shape, shape, fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }))
  .map(([old, fresh, keep]) => [
    old,
    {
      criteria: old.criteria.map((criterion, i) => (keep[i] ? criterion : (fresh.criteria[i] ?? criterion))),
      exclusion: keep[3] ? old.exclusion : fresh.exclusion,
      applies: keep[4] ? old.applies : fresh.applies,
      exception: keep[3] ? old.exception : fresh.exception,
      kinds: fresh.kinds,
    },
  ]);

function model(text: string): PolicyModel {
  const checked = checkPolicySource(text, "test/fixtures/random.policy");
  if (!checked.model) throw new Error(`${checked.diagnostics.map((d) => d.message).join("\n")}\n${text}`);
  return checked.model;
}

function outcome(
  evaluator: LoadedEvaluator,
  model: PolicyModel,
  chosen: ReadonlyMap<string, ValueClass>,
  asOf: string,
) {
  const facts: Record<string, Record<string, unknown>> = {};
  for (const fact of model.facts) {
    const value = chosen.get(fact.name);
    const [group = "", key = ""] = fact.name.split(".");
    if (value !== undefined) facts[group] = { ...facts[group], [key]: value.value };
  }
  try {
    return evaluator.evaluate(facts, { asOf }).outcome;
  } catch (error) {
    if (error instanceof Error && error.name === "PolicyInputError") return "refused";
    throw error;
  }
}

/** Every cell of every period, by running both evaluators on every case of the fact space. */
function bruteForce(old: PolicyModel, next: PolicyModel, evaluators: readonly [LoadedEvaluator, LoadedEvaluator]) {
  const cells = new Map<string, bigint>();
  for (const period of periods(old, next)) {
    const { axes } = factSpace(old, next, period);
    const visit = (index: number, chosen: Map<string, ValueClass>, weight: bigint): void => {
      const axis = axes[index];
      if (axis === undefined) {
        const key = `${period.from} ${outcome(evaluators[0], old, chosen, period.from)} ${outcome(evaluators[1], next, chosen, period.from)}`;
        cells.set(key, (cells.get(key) ?? 0n) + weight);
        return;
      }
      for (const value of axis.classes) {
        chosen.set(axis.name, value);
        visit(index + 1, chosen, weight * value.weight);
      }
      chosen.delete(axis.name);
    };
    visit(0, new Map(), 1n);
  }
  return cells;
}

describe("the symbolic delta on random policies", () => {
  it("agrees with brute force, cell by cell", async () => {
    let changedRuns = 0;
    await fc.assert(
      fc.asyncProperty(revision, async ([oldShape, newShape]) => {
        const old = model(policyText(oldShape));
        const next = model(policyText(newShape));
        const { evaluators, dispose } = await importEvaluators([old, next]);
        try {
          const [first, second] = evaluators;
          if (!first || !second) throw new Error("no evaluators");
          const symbolic = symbolicDelta(old, next);
          const cells = new Map(
            symbolic.cells.map((cell) => [`${cell.period.from} ${cell.before} ${cell.after}`, cell.cases]),
          );
          expect(cells).toEqual(bruteForce(old, next, [first, second]));
          // Each example, the facts it does not name left unknown, decides as its cell says: the
          // three-valued meaning of the diagrams is the evaluators'.
          for (const example of symbolic.examples) {
            const named = new Map(example.facts.map((fact) => [fact.name, fact.value]));
            expect(outcome(first, old, named, example.period.from)).toBe(example.before.outcome);
            expect(outcome(second, next, named, example.period.from)).toBe(example.after.outcome);
          }
          if (symbolic.changed > 0n) changedRuns++;
        } finally {
          dispose();
        }
      }),
      { numRuns: fuzzRuns(10), seed: 20261128 },
    );
    // The property is about changes: most random revisions must change some decision.
    expect(changedRuns).toBeGreaterThan(0);
  }, 300_000);
});
