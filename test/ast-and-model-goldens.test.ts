// Golden files of the two intermediate forms of every fixture policy: the AST the parser makes of it
// (test/goldens/ast/<fixture>.json) and, when it checks, the model lowering makes of that
// (test/goldens/model/<fixture>.json). A change to the parser or to lowering shows in review as a diff
// of these files; `npm run accept` (UPDATE_GOLDEN=1) rewrites them.

import { existsSync, readdirSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSource } from "../compiler/syntax/parse.js";
import { projectRoot } from "./support/evaluators.js";
import { fixturePolicies } from "./support/fixture-files.js";
import { expectGolden } from "./support/golden.js";
import { goldenJson } from "./support/golden-json.js";

const goldens = join(projectRoot, "test", "goldens");
const fixtures = fixturePolicies().map((fixture) => ({ ...fixture, name: basename(fixture.path, ".policy") }));
/** The fixtures that check, with their models. */
const lowered = fixtures.flatMap((fixture) => (fixture.model ? [{ ...fixture, model: fixture.model }] : []));
const updating = process.env["UPDATE_GOLDEN"] === "1";

describe("the golden files", () => {
  it("are named after their fixture, one name for each", () => {
    const names = fixtures.map((fixture) => fixture.name);
    expect(new Set(names).size).toBe(names.length);
    // A fixture that no longer checks would lose its model golden silently.
    expect(fixtures.filter((fixture) => fixture.model === undefined).map((fixture) => fixture.path)).toEqual([
      "test/fixtures/broken/broken.policy",
    ]);
  });

  it("belong each to a fixture that still exists", () => {
    for (const [form, expected] of [
      ["ast", fixtures],
      ["model", lowered],
    ] as const) {
      const folder = join(goldens, form);
      const wanted = new Set(expected.map((fixture) => `${fixture.name}.json`));
      const present = existsSync(folder) ? readdirSync(folder) : [];
      const stale = present.filter((file) => !wanted.has(file));
      if (updating) for (const file of stale) rmSync(join(folder, file));
      else expect(stale, `golden files in test/goldens/${form} without a fixture`).toEqual([]);
    }
  });
});

describe.each(fixtures.map((fixture) => [fixture.path, fixture] as const))("%s", (_path, fixture) => {
  it("parses to the AST in its golden file", async () => {
    const { source } = parseSource(fixture.text, fixture.path);
    const path = join(goldens, "ast", `${fixture.name}.json`);
    expectGolden(path, await goldenJson({ path: source.path, statements: source.statements }, path));
  });
});

describe.each(lowered.map((fixture) => [fixture.path, fixture] as const))("%s", (_path, fixture) => {
  it("lowers to the model in its golden file", async () => {
    const path = join(goldens, "model", `${fixture.name}.json`);
    expectGolden(path, await goldenJson(fixture.model, path));
  });
});
