// The review diff of a policy in groups (test/fixtures/groups): a limitation added and one removed
// show as changes of the statements that carry them, and a reference between statements is given its
// meaning in the decision delta (the delta of a change to a referred criterion reaches the criterion
// that refers to it).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { policyChanges } from "../compiler/diff/changes.js";
import { reviewChange } from "../compiler/diff/review.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { projectRoot } from "./support/evaluators.js";

const path = "test/fixtures/groups/groups.policy";
const text = readFileSync(join(projectRoot, path), "utf8");

function model(source: string) {
  const result = checkPolicySource(source, path);
  if (result.model === undefined) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
  return result.model;
}

describe("the review of a policy in groups", () => {
  it("shows a limitation removed from a criterion and one added to a section", () => {
    const revised = text
      .replace('  limited to "Covered only during sleep."\n', "")
      .replace(
        'section O "Home oxygen is covered when:"\n',
        'section O "Home oxygen is covered when:"\n  limited to "Stationary equipment only."\n',
      );
    const changes = policyChanges(model(text), model(revised));
    expect(changes.map((change) => [change.what, change.id, change.aspectValues])).toEqual([
      ["section", "O", [{ aspect: "limited to", before: "none", after: "Stationary equipment only." }]],
      ["criterion", "O.1.G2", [{ aspect: "limited to", before: "Covered only during sleep.", after: "none" }]],
    ]);
  });

  it("counts the decisions a change to a referred criterion changes, through the criterion referring to it", async () => {
    // Criterion 3 of Group I no longer needs other treatments tried: Group II, which refers to it, changes too.
    const revised = text.replace("  met when member.alternatives_tried\n", "  met when yes\n");
    const result = await reviewChange({ label: "before", path, text }, { label: "after", path, text: revised });
    if (result.kind !== "review") throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
    expect(result.markdown).toContain("**criterion O.1.G1.3**: logic changed");
    // Only denials lifted, and all of them by O.1: Group I alone could not have lifted those of Group II.
    expect(result.markdown).toMatch(/\| not covered \| covered \| \d+ +\|/);
    expect(result.markdown).not.toMatch(/\| covered +\| not covered \|/);
    expect(result.markdown).toMatch(/\| O\.1 +\| from 2024-01-01 \| +\| \d+ \(/);
  });
});
