// The guard of issue 9: a policy's next revision is the normal case, so no compiler test may read the
// live policies (policy/, and what generated/ makes of them). Compiler tests use the fixtures under
// test/fixtures/. Every test file (test/**/*.ts) is scanned for a reference to a live policy: its
// name, reference number or files, an import of its generated module, or the live project handed to
// the compiler or the CLI. Only the files listed below may do so, each for the reason beside it.

import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { parseSource } from "../compiler/syntax/parse.js";
import { projectRoot } from "./support/evaluators.js";

/** The files whose job is the live policies, and why. Keep it short: a compiler test belongs on a fixture. */
const allowed: ReadonlyMap<string, string> = new Map([
  ["test/policy-cases.test.ts", "runs the policy authors' cases (policy/*.cases) against the live evaluators"],
  ["test/claim-cases.test.ts", "runs the policy authors' claim cases against the live claim checkers"],
  ["test/support/evaluators.ts", "loads a live evaluator by its reference, for the two case runners above"],
  [
    "test/generated-is-current.test.ts",
    "checks that generated/ is what the compiler makes of policy/ now, and the same when built twice",
  ],
  ["test/published-texts.test.ts", "checks each live policy against its own published text (traceability)"],
  ["test/policy-files-are-formatted.test.ts", "checks that the live policy and case files are laid out canonically"],
  ["test/lsp/grammar.test.ts", "checks that the editor's grammar scopes every token of the files authors edit"],
  ["test/differential.test.ts", "the differential oracle over every policy, live and fixture, whatever it says"],
  [
    "test/three-valued-logic.test.ts",
    "the three-valued properties over every policy, live and fixture, whatever it says",
  ],
  ["test/support/differential/policies.ts", "lists every policy the oracle and the property test cover"],
  ["test/compiler-tests-use-fixtures.test.ts", "this guard: it reads the live policies' names to look for them"],
  ["test/docs-negations.test.ts", "reads every document generated/ holds for words a denial must not be said in"],
]);

/** What names a live policy: its folder name (from its file name), its reference number, its case files. */
interface LiveNames {
  readonly names: readonly string[];
}

function liveNames(): LiveNames {
  const folder = join(projectRoot, "policy");
  const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).map((file) => join(folder, file));
  const names: string[] = [];
  for (const file of files) {
    if (file.endsWith(".cases")) names.push(basename(file));
    if (!file.endsWith(".policy")) continue;
    names.push(basename(file, ".policy"));
    const header = parseSource(readFileSync(file, "utf8"), file).source.statements.find((s) => s.kind === "policy");
    if (header !== undefined) names.push(header.reference.text);
  }
  return { names };
}

/** Calls that hand a whole project to the compiler: with `projectRoot`, they read the live policies. */
const projectReaders = new Set([
  "checkProject",
  "planBuild",
  "readProjectSources",
  "buildSite",
  "staleFiles",
  "writeBuild",
  "builtPolicies",
]);
/** Calls that read the live policies whatever their arguments. */
const liveReaders = new Set(["loadGeneratedEvaluator", "policiesUnderTest"]);
/** Commands of policyc that read policy/ or generated/ of the folder they run in. */
const projectCommands = new Set(["check", "build", "traceability", "docs", "eval", "check-claim", "format"]);

function calleeName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

function isProjectRoot(node: ts.Node | undefined): boolean {
  return node !== undefined && ts.isIdentifier(node) && node.text === "projectRoot";
}

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) return node.text;
  // A regular expression's source, with its escapes removed: /ABC\.CP\.1/ names ABC.CP.1.
  if (ts.isRegularExpressionLiteral(node)) return node.text.replace(/\\/g, "");
  return undefined;
}

/** The first text of a module specifier: the literal, or a template's head. */
function specifierText(node: ts.Node | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (ts.isTemplateExpression(node)) return node.head.text;
  if (ts.isLiteralTypeNode(node)) return specifierText(node.literal);
  return literalText(node);
}

/** An import of a generated policy module: anything under generated/ but the shared runtime. */
function importsGeneratedPolicy(specifier: string | undefined): boolean {
  return specifier !== undefined && /(^|\/)generated\/(?!runtime(\/|$))/.test(specifier);
}

/**
 * The path a call such as `join(projectRoot, "generated", slug)` reaches, when it reaches into the live
 * policy/ or generated/ (the shared runtime aside): `generated/*`. A part that is not a literal is `*`.
 */
function livePathWithin(args: readonly ts.Expression[]): string | undefined {
  const root = args.findIndex(isProjectRoot);
  if (root < 0) return undefined;
  const path = args
    .slice(root + 1)
    .map((arg) => literalText(arg) ?? "*")
    .join("/");
  const live = /^(dist\/)?(policy|generated)(\/|$)/.test(path) && !/^(dist\/)?generated\/runtime(\/|$)/.test(path);
  return live ? path : undefined;
}

/** Each place in `text` (a test file at `path`) that reads or names a live policy, as `path:line: why`. */
function liveReferences(path: string, text: string, live: LiveNames): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const report = (node: ts.Node, why: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${path}:${line + 1}: ${why}`);
  };
  const visit = (node: ts.Node): void => {
    const literal = literalText(node);
    if (literal !== undefined)
      for (const name of live.names) if (literal.includes(name)) report(node, `names the live policy ${name}`);
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined) {
      if (importsGeneratedPolicy(specifierText(node.moduleSpecifier)))
        report(node, "imports a generated policy module");
    }
    if (ts.isImportTypeNode(node) && importsGeneratedPolicy(specifierText(node.argument)))
      report(node, "imports a generated policy module");
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      const args = node.arguments;
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword && importsGeneratedPolicy(specifierText(args[0])))
        report(node, "imports a generated policy module");
      if (name !== undefined && liveReaders.has(name)) report(node, `calls ${name}, which reads the live policies`);
      if (name !== undefined && projectReaders.has(name) && args.some(isProjectRoot))
        report(node, `hands the live project to ${name}`);
      // A project folder by its bare name, handed to a helper that finds it under the project:
      // projectFiles("policy"). (A method such as fc.constantFrom("policy", "cases") takes a word.)
      const folder = args[0] === undefined ? undefined : literalText(args[0]);
      if (ts.isIdentifier(node.expression) && (folder === "policy" || folder === "generated"))
        report(node, `hands the live ${folder}/ folder to ${name ?? "a function"}`);
      const within = livePathWithin(args);
      if (within !== undefined) report(node, `reads ${within} of the live project`);
      if (name === "runCli") {
        const command = args[0] !== undefined && ts.isArrayLiteralExpression(args[0]) ? args[0].elements[0] : undefined;
        const inLiveProject = args[1] === undefined || isProjectRoot(args[1]);
        if (inLiveProject && command !== undefined && projectCommands.has(literalText(command) ?? ""))
          report(node, `runs policyc ${literalText(command)} on the live project`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function testFiles(): string[] {
  const folder = join(projectRoot, "test");
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .map((file) => relative(projectRoot, join(folder, file)).split(sep).join("/"))
    .filter((file) => file.endsWith(".ts") && !file.startsWith("test/fixtures/"))
    .sort();
}

describe("the compiler's tests", () => {
  const live = liveNames();
  const scanned = testFiles().map((file) => ({
    file,
    found: liveReferences(file, readFileSync(join(projectRoot, file), "utf8"), live),
  }));

  it("find the live policies to look for", () => {
    expect(live.names.length).toBeGreaterThan(0);
    expect(scanned.length).toBeGreaterThan(30);
  });

  it("never read a live policy, outside the files whose job that is", () => {
    const offending = scanned.filter(({ file }) => !allowed.has(file)).flatMap(({ found }) => found);
    expect(offending, "use a fixture (test/fixtures/) instead, or say why the file belongs on the list").toEqual([]);
  });

  it("list only files that exist and still read the live policies", () => {
    const reading = new Set(scanned.filter(({ found }) => found.length > 0).map(({ file }) => file));
    expect([...allowed.keys()].filter((file) => !reading.has(file))).toEqual([]);
  });
});

describe("the guard", () => {
  // A made-up live policy: the guard must find each way a test could read it, and nothing else.
  const live: LiveNames = { names: ["abc-cp-1", "ABC.CP.1", "abc-cp-1.claims.cases"] };
  const findings = (line: string) => liveReferences("test/synthetic.test.ts", line, live);

  const offending: readonly string[] = [
    'import { evaluate } from "../generated/abc-cp-1/evaluator.js";',
    'import { evaluate } from "../generated/other/evaluator.js";',
    "const module = await import(`../generated/${slug}/evaluator.js`);",
    'type Facts = import("../../generated/other/evaluator.js").Facts;',
    'const text = readFileSync(join(projectRoot, "policy/abc-cp-1.policy"), "utf8");',
    'const text = readFileSync(join(projectRoot, "policy", "abc-cp-1.policy"), "utf8");',
    'const docs = readFileSync(join(projectRoot, "generated", slug, "README.md"), "utf8");',
    'cpSync(join(projectRoot, "dist", "generated", folder), join(root, "dist", "generated", folder));',
    'const files = projectFiles("policy", ".policy");',
    'for (const file of filesUnder("policy")) check(file);',
    'const run = runCli(["eval", "ABC.CP.1", facts, "--as-of", "2025-06-01"], root);',
    "expect(html).toMatch(/ABC\\.CP\\.1/);",
    'const cases = read("policy/abc-cp-1.claims.cases");',
    "const project = checkProject(projectRoot);",
    "const plan = await planBuild(projectRoot);",
    'const run = runCli(["check"]);',
    'const run = runCli(["build", "--check"], projectRoot);',
    "const evaluator = await loadGeneratedEvaluator(reference);",
    "const { covered } = policiesUnderTest();",
  ];
  const harmless: readonly string[] = [
    "// ABC.CP.1 is a live policy; this comment says so and reads nothing.",
    'import type { Decision } from "../generated/runtime/index.js";',
    'const root = await scratchProject("check"); const run = runCli(["check"], root);',
    'writeFileSync(join(root, "policy", "t.policy"), text);',
    'expect(paths).toContain("generated/deep/evaluator.ts");',
    'const run = runCli(["diff", "test/fixtures/a.policy", "test/fixtures/b.policy"], projectRoot);',
    'const text = readFileSync(join(projectRoot, "test/fixtures/continuous-glucose-monitors/cgm.policy"), "utf8");',
    'cpSync(join(projectRoot, "generated", "runtime"), join(folder, "runtime"), { recursive: true });',
    "const plan = await planBuild(root);",
    'const kind = fc.constantFrom("policy", "cases");',
  ];

  it.each(offending)("catches %s", (line) => {
    expect(findings(line).length).toBeGreaterThan(0);
  });

  it.each(harmless)("lets %s pass", (line) => {
    expect(findings(line)).toEqual([]);
  });
});
