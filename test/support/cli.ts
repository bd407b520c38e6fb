// Runs the built CLI (dist/compiler/cli.js, compiled by `npm test` before vitest runs) as a user would,
// in scratch projects made from a fixture: the compiler's tests never run it on the live policies.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { planBuild, writeBuild } from "../../compiler/build/build.js";
import { hasErrors } from "../../compiler/diagnostics/diagnostic.js";
import { projectRoot } from "./evaluators.js";
import { homeInfusion } from "./home-infusion.js";

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs policyc in `cwd`; a run still going after `timeoutMs` is killed (status null), so a hang fails the test. */
export function runCli(args: readonly string[], cwd = projectRoot, timeoutMs = 120_000): CliRun {
  const result = spawnSync(process.execPath, [join(projectRoot, "dist", "compiler", "cli.js"), ...args], {
    cwd,
    encoding: "utf8",
    timeout: timeoutMs,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Compiles generated/ of the project at `root` into dist/generated/ (JavaScript and declarations), as
 * `npm run build` does, so that `policyc eval` and `check-claim` find the evaluators there.
 */
export function compileGenerated(root: string): void {
  const rootNames = filesUnder(join(root, "generated")).filter((file) => file.endsWith(".ts"));
  const program = ts.createProgram(rootNames, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    declaration: true,
    skipLibCheck: true,
    types: [],
    rootDir: join(root, "generated"),
    outDir: join(root, "dist", "generated"),
  });
  const emitted = program.emit();
  const problems = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (emitted.emitSkipped || problems.length > 0)
    throw new Error(
      `generated/ of ${root} does not compile: ${problems.map((d) => ts.flattenDiagnosticMessageText(d.messageText, " ")).join("\n")}`,
    );
}

/**
 * The project every scratch project is copied from: built once, into .tmp/scratch-template-<key>, and
 * shared by every test file of the run. The key hashes everything the build depends on (the compiler's
 * sources, the fixture, the locked dependencies, this file), so a change to any builds a new one;
 * older ones are removed.
 */
let template: Promise<string> | undefined;

function templateKey(): string {
  const hash = createHash("sha256");
  const folders = [join(projectRoot, "compiler"), join(projectRoot, homeInfusion.folder)];
  // The dependencies' versions (prettier lays out generated code), and how this file builds it.
  const files = [join(projectRoot, "package-lock.json"), join(import.meta.dirname, "cli.ts")];
  for (const file of [...folders.flatMap((folder) => filesUnder(folder)), ...files].sort()) {
    hash.update(`${relative(projectRoot, file)}\0`);
    hash.update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 16);
}

async function buildTemplate(): Promise<string> {
  const scratch = join(projectRoot, ".tmp");
  const final = join(scratch, `scratch-template-${templateKey()}`);
  if (existsSync(final)) return final;
  mkdirSync(scratch, { recursive: true });
  // Built aside, then renamed into place in one step: a test file running at the same time sees all of
  // it or none.
  const root = mkdtempSync(join(scratch, "scratch-building-"));
  try {
    writeFileSync(join(root, "package.json"), '{ "type": "module" }\n');
    mkdirSync(join(root, "policy"));
    for (const file of filesUnder(join(projectRoot, homeInfusion.folder)))
      cpSync(file, join(root, "policy", relative(join(projectRoot, homeInfusion.folder), file)));
    const plan = await planBuild(root);
    if (hasErrors(plan.diagnostics))
      throw new Error(
        `the ${homeInfusion.folder} fixture has errors: ${plan.diagnostics.map((d) => d.message).join("\n")}`,
      );
    writeBuild(root, plan);
    compileGenerated(root);
    try {
      renameSync(root, final);
    } catch (error) {
      // Another test file built it first: theirs is the same.
      if (!existsSync(final)) throw error;
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  for (const entry of readdirSync(scratch))
    if (entry.startsWith("scratch-template-") && join(scratch, entry) !== final)
      rmSync(join(scratch, entry), { recursive: true, force: true });
  return final;
}

/**
 * A project in .tmp/<name> to break without harm, made from the home-infusion fixture: policy/ holds
 * the fixture's policy, published text and cases (policy/home-infusion.policy...), generated/ is
 * their build, and dist/generated/ that build compiled.
 */
export async function scratchProject(name: string): Promise<string> {
  template ??= buildTemplate();
  const from = await template;
  const root = join(projectRoot, ".tmp", name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(from, root, { recursive: true });
  return root;
}
