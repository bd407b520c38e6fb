// `npm run package:vscode`: the VS Code extension packaged to a .vsix (default .tmp/vscode/policy-
// language.vsix). The extension's folder is staged under .tmp/ with its compiled client (dist/editors/
// vscode/src/extension.js, from `npm run compile`) and the client's npm dependencies copied from this
// project's node_modules (so packaging needs no network), then @vscode/vsce packs the stage.
// Usage: node dist/editors/package-vscode.js [out.vsix]

import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { compilerRoot } from "../compiler/build/project-files.js";

const root = compilerRoot();
const extension = join(root, "editors", "vscode");
/** The files of the extension's folder that go in the package as they are. */
const extensionFiles = ["package.json", "language-configuration.json", "README.md", "screenshot.png", "syntaxes"];

interface PackageManifest {
  readonly dependencies?: Readonly<Record<string, string>>;
}

function manifestOf(folder: string): PackageManifest {
  return JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as PackageManifest;
}

/** The packages `names` need at run time, with theirs, as installed in this project (hoisted by npm). */
function runtimeClosure(names: readonly string[]): string[] {
  const found = new Set<string>();
  const pending = [...names];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (found.has(name)) continue;
    const folder = join(root, "node_modules", name);
    if (!existsSync(folder)) throw new Error(`policyc: ${name} is not installed; run npm ci`);
    found.add(name);
    pending.push(...Object.keys(manifestOf(folder).dependencies ?? {}));
  }
  return [...found].sort();
}

export function packageExtension(vsixPath: string): string {
  const client = join(root, "dist", "editors", "vscode", "src", "extension.js");
  if (!existsSync(client)) throw new Error("policyc: the client is not compiled; run npm run compile");
  const stage = join(root, ".tmp", "vscode-stage");
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, "out"), { recursive: true });
  for (const file of extensionFiles) {
    if (existsSync(join(extension, file))) cpSync(join(extension, file), join(stage, file), { recursive: true });
  }
  cpSync(client, join(stage, "out", "extension.js"));
  for (const name of runtimeClosure(Object.keys(manifestOf(extension).dependencies ?? {})))
    cpSync(join(root, "node_modules", name), join(stage, "node_modules", name), { recursive: true });
  mkdirSync(dirname(vsixPath), { recursive: true });
  const vsce = join(root, "node_modules", "@vscode", "vsce", "vsce");
  const run = spawnSync(
    process.execPath,
    [
      vsce,
      "package",
      "--dependencies",
      "--skip-license",
      "--allow-missing-repository",
      "--no-rewrite-relative-links",
      "--out",
      vsixPath,
    ],
    { cwd: stage, encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`policyc: vsce failed:\n${run.stdout}\n${run.stderr}`);
  return vsixPath;
}

const out = resolve(process.argv[2] ?? join(root, ".tmp", "vscode", "policy-language.vsix"));
process.stdout.write(`Packaged ${packageExtension(out)}\n`);
