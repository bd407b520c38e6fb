// The VS Code extension, packaged as CI packages it (`npm run package:vscode`'s script, on the compiled
// client): the .vsix holds the client that starts the server, the grammar, the language configuration
// and the client's dependencies, at the paths its manifest names, and nothing from src/.

import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../support/evaluators.js";
import { zipEntries } from "./zip.js";

const vsix = join(projectRoot, ".tmp", "vsix-test", "policy-language.vsix");

interface ExtensionManifest {
  readonly main: string;
  readonly contributes: {
    readonly languages: readonly {
      readonly id: string;
      readonly extensions: readonly string[];
      readonly configuration: string;
    }[];
    readonly grammars: readonly { readonly language: string; readonly scopeName: string; readonly path: string }[];
  };
}

describe("the VS Code extension package", () => {
  it("builds to a .vsix holding the client, grammar and language configuration its manifest names", () => {
    rmSync(vsix, { force: true });
    const run = spawnSync(process.execPath, [join(projectRoot, "dist", "editors", "package-vscode.js"), vsix], {
      cwd: projectRoot,
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const entries = new Map(zipEntries(readFileSync(vsix)).map((entry) => [entry.name, entry]));
    const read = (path: string) => {
      const entry = entries.get(`extension/${path.replace(/^\.\//, "")}`);
      if (!entry) throw new Error(`the package has no ${path}`);
      return entry.read().toString("utf8");
    };
    const manifest = JSON.parse(read("package.json")) as ExtensionManifest;
    expect(manifest.contributes.languages.map((language) => [language.id, language.extensions])).toEqual([
      ["policy", [".policy", ".cases"]],
    ]);
    const client = read(manifest.main);
    expect(client).toContain('args: ["lsp"]');
    expect(client).toContain('require("vscode-languageclient/node")');
    const grammar = JSON.parse(read(manifest.contributes.grammars[0]?.path ?? "")) as { scopeName: string };
    expect(grammar.scopeName).toBe(manifest.contributes.grammars[0]?.scopeName);
    expect(grammar).toEqual(
      JSON.parse(readFileSync(join(projectRoot, "editors/vscode/syntaxes/policy.tmLanguage.json"), "utf8")),
    );
    const configuration = JSON.parse(read(manifest.contributes.languages[0]?.configuration ?? "")) as {
      comments: { lineComment: string };
    };
    expect(configuration.comments.lineComment).toBe("#");
    expect(entries.has("extension/node_modules/vscode-languageclient/package.json")).toBe(true);
    expect(entries.has("extension/node_modules/vscode-jsonrpc/package.json")).toBe(true);
    expect([...entries.keys()].filter((name) => name.includes("/src/") && !name.includes("node_modules"))).toEqual([]);
  });
});
