// `policyc lsp`: the language server for editors, on stdin and stdout (compiler/lsp/). It runs until
// the editor closes the connection.

import { serveStdio } from "../lsp/server.js";

export function lspCommand(): Promise<number> {
  serveStdio();
  // The connection ends the process itself on the editor's `exit`; until then the command is running.
  return new Promise<number>(() => undefined);
}
