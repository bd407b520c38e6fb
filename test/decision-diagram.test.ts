// The decision diagrams under the review diff (compiler/diff/decision-diagram.ts), against truth
// tables: random functions of three small variables built from their tables, combined with apply and
// map, evaluated and counted, each compared with the same computed pointwise over every assignment.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DiagramStore, ModelCounter, type Node } from "../compiler/diff/decision-diagram.js";

const domains = [3, 2, 3] as const;
const weights = [
  [2n, 5n, 0n],
  [1n, 3n],
  [7n, 0n, 1n],
] as const;

/** Every assignment of the three levels, in order. */
const assignments: number[][] = [];
for (let a = 0; a < domains[0]; a++)
  for (let b = 0; b < domains[1]; b++) for (let c = 0; c < domains[2]; c++) assignments.push([a, b, c]);

/** A function as its table: one terminal value (a truth, 0 to 2) per assignment. */
const table = fc.array(fc.integer({ min: 0, max: 2 }), {
  minLength: assignments.length,
  maxLength: assignments.length,
});

function build(store: DiagramStore, values: readonly number[]): Node {
  const at = (prefix: readonly number[]): Node => {
    const level = prefix.length;
    if (level === domains.length) {
      const index = assignments.findIndex((assignment) => assignment.every((value, i) => value === prefix[i]));
      return store.terminal(values[index]!);
    }
    return store.node(
      level,
      Array.from({ length: domains[level as 0 | 1 | 2] }, (_, value) => at([...prefix, value])),
    );
  };
  return at([]);
}

const weightOf = (assignment: readonly number[]) =>
  assignment.reduce((product, value, level) => product * (weights[level as 0 | 1 | 2][value] ?? 0n), 1n);

describe("decision diagrams", () => {
  it("evaluate, combine and count as their truth tables do", () => {
    fc.assert(
      fc.property(table, table, (left, right) => {
        const store = new DiagramStore(domains);
        const counter = new ModelCounter(store, weights);
        const a = build(store, left);
        const b = build(store, right);
        const min = store.apply({ name: "min", apply: Math.min, absorbing: 0, identity: 2 }, a, b);
        const negated = store.map("not", (value) => 2 - value, a);
        assignments.forEach((assignment, i) => {
          expect(store.evaluate(a, assignment)).toBe(left[i]);
          expect(store.evaluate(min, assignment)).toBe(Math.min(left[i]!, right[i]!));
          expect(store.evaluate(negated, assignment)).toBe(2 - left[i]!);
        });
        for (const value of [0, 1, 2]) {
          const expected = assignments
            .filter((_, i) => left[i] === value)
            .reduce((sum, assignment) => sum + weightOf(assignment), 0n);
          expect(counter.count(a, `is${value}`, (terminal) => terminal === value)).toBe(expected);
        }
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it("keeps one node per function: equal tables, and a test whose children agree, are shared", () => {
    fc.assert(
      fc.property(table, table, (left, right) => {
        const store = new DiagramStore(domains);
        const and = { name: "and", apply: Math.min, absorbing: 0, identity: 2 };
        expect(build(store, left)).toBe(build(store, [...left]));
        expect(store.apply(and, build(store, left), build(store, right))).toBe(
          store.apply(and, build(store, right), build(store, left)),
        );
      }),
      { numRuns: 100, seed: 12 },
    );
    const store = new DiagramStore(domains);
    const one = store.terminal(1);
    expect(store.node(1, [one, one])).toBe(one);
    expect(store.terminals(store.variable(2, [0, 2, 2]))).toEqual([0, 2]);
  });
});
