// Runs every case written under policy/ against the generated evaluator of its policy.

import { describe, expect, it } from "vitest";
import { checkProject } from "../compiler/build/build.js";
import type { ResolvedCase } from "../compiler/cases/check-cases.js";
import { loadGeneratedEvaluator, projectRoot } from "./support/evaluators.js";
import { runCase } from "./support/run-case.js";

const project = checkProject(projectRoot);

describe("case files", () => {
  it("have no errors", () => {
    expect(
      project.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.span.line} ${d.message}`),
    ).toEqual([]);
  });

  it("hold cases for every policy", () => {
    for (const reference of project.models.keys()) {
      expect(project.cases.filter((c) => c.policy === reference).length, reference).toBeGreaterThan(0);
    }
  });
});

const byFile = new Map<string, ResolvedCase[]>();
for (const resolved of project.cases) byFile.set(resolved.file, [...(byFile.get(resolved.file) ?? []), resolved]);

for (const [file, cases] of byFile) {
  describe(file, () => {
    for (const resolved of cases) {
      it(`${resolved.title} (line ${resolved.line})`, async () => {
        const { actual, expected } = runCase(await loadGeneratedEvaluator(resolved.policy), resolved);
        expect(actual).toEqual(expected);
      });
    }
  });
}
