// Fuzz: policies whose facts take tricky names (parts that differ only in case, dots against
// underscores, names the generated module uses itself, properties of every object) either get a
// diagnostic from the checker, or compile to an evaluator that type-checks under the project's strict
// settings. Never a policy that checks clean and then fails `tsc`. And the mutation this guards
// against: the policies refused only for their names (PC013, PC014, PC017), compiled anyway, do fail `tsc`.

import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { checkPolicySource } from "../../compiler/pipeline.js";
import { parseSource } from "../../compiler/syntax/parse.js";
import { checkPolicy } from "../../compiler/check/check-policy.js";
import { lowerPolicy } from "../../compiler/model/lower.js";
import { createEmitProject, emitEvaluator } from "../../compiler/emit/evaluator/emit-evaluator.js";
import { projectRoot } from "../support/evaluators.js";
import { FuzzTally, fuzzRuns } from "../support/fuzz.js";

const parts = [
  "a",
  "A",
  "b",
  "b_c",
  "a_b",
  "c",
  "fact",
  "facts",
  "Facts",
  "claim",
  "decision",
  "Decision",
  "rule",
  "id",
  "member",
  "Member",
  "keys",
  "values",
  "constructor",
  "toString",
  "__proto__",
  "policy",
  "x1",
  "Truth",
  "input",
];

interface FactSpec {
  readonly name: string;
  readonly enumerated: boolean;
}

const factSpec: fc.Arbitrary<FactSpec> = fc.record({
  name: fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 3 }).map((names) => names.join(".")),
  enumerated: fc.boolean(),
});

function policyText(facts: readonly FactSpec[]): string {
  const declarations = facts.map((fact, index) =>
    fact.enumerated
      ? `fact ${fact.name}: one of yes_${index} "Yes", no_${index} "No" description "F${index}." ask "F${index}?"`
      : `fact ${fact.name}: yes or no description "F${index}." ask "F${index}?"`,
  );
  const conditions = facts.map((fact, index) => (fact.enumerated ? `${fact.name} is yes_${index}` : fact.name));
  return `policy T.1
  title "Names" plan "Plan" description "Tricky names." last review 2024-01
revision 2024-01 "Original." effective 2024-01-01
${declarations.join("\n")}
section I "Covered when:"
criterion I.1 "All hold." met when ${conditions.join(" and ")}
`;
}

const folder = mkdtempSync(join(tmpdir(), "policyc-names-fuzz-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The diagnostics of `tsc` for the given modules, under the project's strict settings. */
function typeErrors(modules: readonly string[]): string[] {
  const program = ts.createProgram(modules, {
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts"],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noUncheckedIndexedAccess: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    verbatimModuleSyntax: true,
    isolatedModules: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

/** The model of a policy whose only errors are its names, lowered as if the name check did not exist. */
function lowerDespiteNames(text: string): ReturnType<typeof lowerPolicy> | undefined {
  const parsed = parseSource(text, "policy/t.policy");
  const { checked, diagnostics } = checkPolicy(parsed.source, (name) => ({ kind: "missing", path: name }));
  const errors = [...parsed.diagnostics, ...diagnostics].filter((d) => d.severity === "error");
  return errors.length > 0 && errors.every((d) => ["PC013", "PC014", "PC017"].includes(d.code))
    ? lowerPolicy(checked, "policy/t.policy")
    : undefined;
}

describe("policies with tricky fact names", () => {
  const tally = new FuzzTally("generated names");

  it("either get a diagnostic or compile to an evaluator that type-checks", () => {
    cpSync(join(projectRoot, "generated", "runtime"), join(folder, "runtime"), { recursive: true });
    writeFileSync(join(folder, "package.json"), '{ "type": "module" }\n');
    const accepted: string[] = [];
    const refusedForNames: string[] = [];
    const project = createEmitProject();
    const write = (model: ReturnType<typeof lowerPolicy>, facts: readonly FactSpec[], into: string[]) => {
      const module = join(folder, `case-${accepted.length + refusedForNames.length}`, "evaluator.ts");
      mkdirSync(join(module, ".."));
      writeFileSync(module, `// ${JSON.stringify(facts)}\n${emitEvaluator(model, project, module)}`);
      into.push(module);
    };
    fc.assert(
      fc.property(fc.uniqueArray(factSpec, { minLength: 1, maxLength: 4, selector: (fact) => fact.name }), (facts) => {
        const text = policyText(facts);
        let result: ReturnType<typeof checkPolicySource>;
        try {
          result = checkPolicySource(text, "policy/t.policy");
        } catch (error) {
          return tally.crash(error);
        }
        if (result.model) {
          write(result.model, facts, accepted);
          tally.record("success");
          return;
        }
        expect(result.diagnostics.some((d) => d.severity === "error")).toBe(true);
        tally.record("diagnostics");
        const mutant = lowerDespiteNames(text);
        if (mutant) write(mutant, facts, refusedForNames);
      }),
      { numRuns: fuzzRuns(150) },
    );
    expect(accepted.length, "some tricky names are legitimate and must compile").toBeGreaterThan(0);
    expect(refusedForNames.length, "some tricky names must be refused").toBeGreaterThan(0);
    expect(typeErrors(accepted)).toEqual([]);
    expect(
      typeErrors(refusedForNames).length,
      "compiled anyway, names the checker refuses break the module",
    ).toBeGreaterThan(0);
  }, 120_000);
});
