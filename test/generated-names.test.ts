// The checker refuses a policy whose names would collide in its generated module (PC013, PC014) by
// knowing every name the module declares or imports (naming/generated-names.ts). These tests keep that
// list whole: every type the runtime exports, and every name a generated module declares that no fact
// gave it, must be on it; otherwise a new runtime export could silently collide with a policy's names.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import {
  fixedModuleNames,
  groupInterfaceName,
  objectPropertyNames,
  revisionConstName,
  valuesConstName,
  valuesTypeName,
} from "../compiler/naming/generated-names.js";
import { createEmitProject, emitEvaluator } from "../compiler/emit/evaluator/emit-evaluator.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { projectRoot } from "./support/evaluators.js";
import { fixtureModel } from "./support/fixture-evaluator.js";
import { homeInfusion } from "./support/home-infusion.js";

/** Names that can collide with names made from a policy's, which all start with a capital letter. */
function capitalised(names: Iterable<string>): string[] {
  return [...names].filter((name) => /^[A-Z]/.test(name)).sort();
}

function isExported(statement: ts.Statement): boolean {
  return (
    ts.canHaveModifiers(statement) &&
    (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
  );
}

/** The names a module declares at its top level and imports; with `exportedOnly`, only what it exports. */
function topLevelNames(path: string, exportedOnly = false, text = readFileSync(path, "utf8")): Set<string> {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (exportedOnly && !isExported(statement)) continue;
    if (ts.isImportDeclaration(statement)) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings))
        for (const element of bindings.elements) names.add(element.name.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name)) names.add(declaration.name.text);
    } else if (
      (ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement)) &&
      statement.name
    ) {
      names.add(statement.name.text);
    }
  }
  return names;
}

/** The runtime modules a generated module can import from: those the runtime's index re-exports. */
function runtimeModules(): string[] {
  const runtime = join(projectRoot, "compiler", "runtime");
  const index = readFileSync(join(runtime, "index.ts"), "utf8");
  return [...index.matchAll(/export \* from "\.\/([\w-]+)\.js";/g)].map((match) => join(runtime, `${match[1]}.ts`));
}

describe("the names a generated module owns", () => {
  it("include every name the runtime exports with a capital letter", () => {
    const modules = runtimeModules();
    expect(modules.length).toBeGreaterThanOrEqual(4);
    const exported = modules.flatMap((module) => [...topLevelNames(module, true)]);
    const missing = capitalised(exported).filter((name) => !fixedModuleNames.has(name));
    expect(missing).toEqual([]);
  });

  it("include every name a realistic evaluator (the home-infusion fixture's) declares that no fact gave it", () => {
    const model = fixtureModel(homeInfusion.policy);
    const fromFacts = new Set<string>();
    for (const fact of [...model.facts, ...model.claimFacts]) {
      if (fact.type.kind === "oneOf" || fact.type.kind === "setOf") fromFacts.add(valuesTypeName(fact.name));
    }
    for (const fact of model.claimFacts) {
      if (fact.type.kind === "oneOf" || fact.type.kind === "setOf") fromFacts.add(valuesConstName(fact.name));
    }
    for (const fact of model.facts) {
      const parts = fact.name.split(".");
      for (let depth = 1; depth < parts.length; depth++) fromFacts.add(groupInterfaceName(parts.slice(0, depth)));
    }
    // The revision constants come from the revision log, and cannot meet a fact's names (see revisionConstName).
    for (const revision of model.revisions) fromFacts.add(revisionConstName(revision.approved));
    const path = `generated/${homeInfusion.slug}/evaluator.ts`;
    const declared = topLevelNames(path, false, emitEvaluator(model, createEmitProject(), path));
    expect([...fromFacts].filter((name) => !declared.has(name))).toEqual([]);
    const own = capitalised(declared).filter((name) => !fromFacts.has(name));
    expect(own.filter((name) => !fixedModuleNames.has(name))).toEqual([]);
    expect(own.length).toBeGreaterThan(10);
  });

  it("keep every property of Object.prototype away from facts", () => {
    expect(Object.getOwnPropertyNames(Object.prototype).filter((name) => !objectPropertyNames.has(name))).toEqual([]);
  });
});

describe("the names found accepted by the checker but not held by the evaluator", () => {
  const policy = (facts: string) => `policy T.1
  title "Names" plan "Plan" description "Names." last review 2024-01
revision 2024-01 "Original." effective 2024-01-01
${facts}
section I "Covered when:"
criterion I.1 "x" met when a.flag
`;
  const flag = 'fact a.flag: yes or no description "F." ask "F?"';
  const yesNo = (name: string) => `fact ${name}: yes or no description "N." ask "N?"`;
  const oneOf = (name: string) => `fact ${name}: one of x "X", y "Y" description "N." ask "N?"`;
  const refused: readonly [string, string, string][] = [
    ["a one-of fact `fact.values` (the module's FactValues)", oneOf("fact.values"), "PC014"],
    ["a one-of fact `scope` (the module's Scope)", oneOf("scope"), "PC014"],
    ["a one-of fact `lifetime` (the runtime's Lifetime)", oneOf("lifetime"), "PC014"],
    ["`member.Age` beside `member.age`", `${yesNo("member.age")}\n${yesNo("member.Age")}`, "PC017"],
    ["one-of facts `a.b_c` beside `a_b.c` (both ABC)", `${oneOf("a.b_c")}\n${oneOf("a_b.c")}`, "PC013"],
    ["a one-of fact `decision` (the runtime's Decision)", oneOf("decision"), "PC014"],
    ["a one-of fact `claim_line` (the runtime's ClaimLine)", oneOf("claim_line"), "PC014"],
    ["a fact `member.constructor`", yesNo("member.constructor"), "PC014"],
    ["a fact `member.toString`", yesNo("member.toString"), "PC014"],
    ["a fact `member.__proto__`", yesNo("member.__proto__"), "PC015"],
    ["a group `constructor`", yesNo("constructor.x"), "PC014"],
  ];
  for (const [name, facts, code] of refused) {
    it(`refuses ${name}`, () => {
      const errors = checkPolicySource(policy(`${flag}\n${facts}`), "t.policy").diagnostics.filter(
        (d) => d.severity === "error",
      );
      expect(errors.map((d) => d.code)).toContain(code);
    });
  }
});
