// Properties of a generated evaluator (the home-infusion fixture's) over thousands of seeded partial fact sets:
// - an unknown fact never counts as false: a decided outcome stays the same however the unknown
//   facts turn out;
// - the missing facts of a pending decision are enough: learn them all and the outcome is decided.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFixtureEvaluator, type ImportedFixture } from "./support/fixture-evaluator.js";
import { coveredIvAntibiotic, homeInfusion } from "./support/home-infusion.js";
import {
  flattenFacts,
  nestFacts,
  perturbFacts,
  randomFlatFacts,
  randomValue,
  seededRandom,
  type FlatFacts,
} from "./support/random-facts.js";

let fixture: ImportedFixture;
beforeAll(async () => {
  fixture = await importFixtureEvaluator(homeInfusion.policy);
});
afterAll(() => fixture.dispose());

const serviceDates = ["2022-01-10", "2024-03-10", "2024-06-10", "2025-06-01"];
const covered = flattenFacts(coveredIvAntibiotic);

/** Half the rounds start from nothing, half from a covered case: both far from and near the boundary. */
function partialFacts(round: number, random: () => number, unknownShare: number): FlatFacts {
  return round % 2 === 0
    ? randomFlatFacts(fixture.model.facts, random, unknownShare)
    : perturbFacts(covered, fixture.model.facts, random, unknownShare, 0.05);
}

function decide(flat: FlatFacts, asOf: string) {
  return fixture.evaluator.evaluate(nestFacts(flat), { asOf });
}

describe("three-valued logic", () => {
  it("never lets a completion of the unknown facts change a decided outcome", () => {
    const random = seededRandom(224);
    let decided = 0;
    for (let round = 0; round < 1500; round++) {
      const asOf = serviceDates[round % serviceDates.length]!;
      const partial = partialFacts(round, random, 0.3);
      const outcome = decide(partial, asOf).outcome;
      if (outcome === "pending") continue;
      decided++;
      for (let completion = 0; completion < 5; completion++) {
        const complete = new Map(partial);
        for (const fact of fixture.model.facts)
          if (!complete.has(fact.name)) complete.set(fact.name, randomValue(fact, random));
        expect(decide(complete, asOf).outcome, `round ${round}`).toBe(outcome);
      }
    }
    expect(decided).toBeGreaterThan(300);
  });

  it("lists, when pending, missing facts that are enough to decide", () => {
    const random = seededRandom(21);
    let pending = 0;
    for (let round = 0; round < 1500; round++) {
      const asOf = serviceDates[round % serviceDates.length]!;
      const partial = partialFacts(round, random, 0.15);
      const decision = decide(partial, asOf);
      if (decision.outcome !== "pending") continue;
      pending++;
      expect(decision.missingFacts.length).toBeGreaterThan(0);
      for (const missing of decision.missingFacts) expect(partial.has(missing.fact)).toBe(false);
      const learned = new Map(partial);
      for (const missing of decision.missingFacts) {
        const fact = fixture.model.facts.find((f) => f.name === missing.fact)!;
        learned.set(fact.name, randomValue(fact, random));
      }
      expect(decide(learned, asOf).outcome, `round ${round}`).not.toBe("pending");
    }
    expect(pending).toBeGreaterThan(100);
  });
});
