// The VS Code extension's client: starts the project's own language server (`policyc lsp`, from the
// workspace's compiler) for policy and case files. NOTE: the server is the workspace's compiler, not
// one bundled here, so the editor checks with the very compiler (and language version) the project's
// CI runs; the extension itself holds only this client, the grammar and the language configuration.
// VS Code loads extensions as CommonJS, so this file is one (editors/vscode/package.json has no
// "type") and imports with `require`.

/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS file under verbatimModuleSyntax imports so */
import fs = require("node:fs");
import path = require("node:path");
import vscode = require("vscode");
import languageClient = require("vscode-languageclient/node");
/* eslint-enable @typescript-eslint/no-require-imports */

let client: languageClient.LanguageClient | undefined;

/** Where the compiler's command line is: the setting, else the workspace's own build. */
function findCompiler(): string | undefined {
  const setting = vscode.workspace.getConfiguration("policy").get<string>("compilerPath") ?? "";
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const root = folder.uri.fsPath;
    const candidates =
      setting === ""
        ? [
            path.join(root, "dist", "compiler", "cli.js"),
            path.join(root, "node_modules", "clinical-policy-compiler", "dist", "compiler", "cli.js"),
          ]
        : [path.isAbsolute(setting) ? setting : path.join(root, setting)];
    const found = candidates.find((candidate) => fs.existsSync(candidate));
    if (found) return found;
  }
  return undefined;
}

async function activate(context: vscode.ExtensionContext): Promise<void> {
  const compiler = findCompiler();
  if (compiler === undefined) {
    void vscode.window.showWarningMessage(
      "Policy files: no compiler found. Run `npm run compile` in the project, or set `policy.compilerPath`.",
    );
    return;
  }
  const server: languageClient.ServerOptions = {
    module: compiler,
    args: ["lsp"],
    transport: languageClient.TransportKind.stdio,
  };
  const options: languageClient.LanguageClientOptions = {
    documentSelector: [{ scheme: "file", language: "policy" }],
  };
  client = new languageClient.LanguageClient("policy", "Clinical coverage policies", server, options);
  context.subscriptions.push(client);
  await client.start();
}

async function deactivate(): Promise<void> {
  await client?.stop();
}

export = { activate, deactivate };
