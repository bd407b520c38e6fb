// A review of a change to the coding table's billing rules names the rule and what changed in it, on
// the home-infusion fixture.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { policyChanges } from "../compiler/diff/changes.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { projectRoot } from "./support/evaluators.js";
import { homeInfusion } from "./support/home-infusion.js";

it("lists a billing rule whose unit limit changed, and a claim fact added", () => {
  const path = homeInfusion.policy;
  const text = readFileSync(join(projectRoot, path), "utf8");
  const changed = text
    .replace(
      "rule T1002-units: units at most (claim.monitoring_minutes - 120) / 15 rounded up",
      "rule T1002-units: units at most claim.monitoring_minutes / 15 rounded up",
    )
    .replace(
      "claim fact amphotericin_b: yes or no",
      'claim fact infusion_hours: number description "Hours." ask "Hours?"\nclaim fact amphotericin_b: yes or no',
    );
  const before = checkPolicySource(text, path).model;
  const after = checkPolicySource(changed, path).model;
  if (!before || !after) throw new Error("both versions must check");
  const changes = policyChanges(before, after).map((change) => [change.what, change.id, change.kinds, change.aspects]);
  expect(changes).toEqual([
    ["claim fact", "claim.infusion_hours", ["added"], []],
    ["billing rule", "T1002-units", ["logic"], ["limit"]],
  ]);
});
