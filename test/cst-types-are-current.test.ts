// The CST types (compiler/syntax/cst-types.ts) are generated from the parser's grammar by Chevrotain's
// generateCstDts; this test fails when the committed file and the grammar disagree, and
// `npm run accept` (UPDATE_GOLDEN=1) rewrites the file from the grammar.

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cstTypesSource } from "./support/cst-types-source.js";
import { projectRoot } from "./support/evaluators.js";
import { expectGolden } from "./support/golden.js";

const cstTypesPath = join(projectRoot, "compiler", "syntax", "cst-types.ts");

describe("the CST types", () => {
  it("are the ones the parser's grammar generates", async () => {
    expectGolden(cstTypesPath, await cstTypesSource(cstTypesPath));
  });

  it("name the statement rules and their clauses", async () => {
    const source = await cstTypesSource(cstTypesPath);
    expect(source).toContain("export interface CriterionStatementCstNode extends CstNode");
    expect(source).toMatch(/metWhenClause\?: MetWhenClauseCstNode\[\];/);
  });
});
