// The canonical base a policy project names in its package.json (`policyc.canonicalBase`), which the
// Questionnaires' urls and the schemas' `$id`s are made from: read when given, the reserved default
// when not, and refused (the build writes nothing) when it is not an http(s) URL.

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultCanonicalBase, readCanonicalBase } from "../compiler/build/canonical-base.js";
import { projectRoot } from "./support/evaluators.js";

const folder = join(projectRoot, ".tmp", "canonical-base");
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function projectWith(settings: unknown): string {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "package.json"), JSON.stringify({ name: "plan", policyc: settings }));
  return folder;
}

describe("the canonical base", () => {
  it("is the project's, or the reserved default when it names none", () => {
    expect(readCanonicalBase(projectWith({ canonicalBase: "https://plan.example.org/fhir" }))).toBe(
      "https://plan.example.org/fhir",
    );
    expect(readCanonicalBase(projectWith({ packageScope: "@plan" }))).toBe(defaultCanonicalBase);
    expect(readCanonicalBase(projectRoot)).toBe("https://policies.example.org/fhir");
  });

  it("refuses one that is not an http(s) URL without a trailing slash", () => {
    for (const base of ["plan.example.org", "https://plan.example.org/", "ftp://x.org", "https://x.org/a?b", 42])
      expect(() => readCanonicalBase(projectWith({ canonicalBase: base }))).toThrow(/canonicalBase/);
  });
});
