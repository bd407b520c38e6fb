// `npm run screenshot:vscode`: editors/vscode/screenshot.png, an honest picture of the extension at
// work where VS Code itself cannot run. The built server (`policyc lsp --stdio`) is started and spoken
// to as the extension's client does; a copy of the home-infusion fixture is opened with one fact's name
// misspelt; the page shows an excerpt highlighted by the extension's TextMate grammar (editors/
// textmate.ts), the server's own diagnostic under the misspelt name with its message, and the
// completion list the server returns inside `is one of (`. Headless Chromium renders the page.

import { spawn } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import sparticuz from "@sparticuz/chromium";
import { chromium } from "playwright-core";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-languageserver-protocol/node";
import {
  CompletionRequest,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type CompletionItem,
  type Diagnostic,
  type Position,
} from "vscode-languageserver-protocol";
import { compilerRoot } from "../compiler/build/project-files.js";
import { loadGrammar, tokenize, type ScopedToken } from "./textmate.js";

const root = compilerRoot();
const fixture = join(root, "test", "fixtures", "home-infusion");
const misspelt = { right: "member.clinical_status_stable", wrong: "member.clinical_status_stabel" };
const valuesAt = "member.residence is one of (";

function positionOf(text: string, needle: string, shift: number): Position {
  const offset = text.indexOf(needle) + shift;
  const before = text.slice(0, offset);
  return { line: before.split("\n").length - 1, character: offset - (before.lastIndexOf("\n") + 1) };
}

/** The server's diagnostics and completion for the edited policy, asked as the extension's client asks. */
async function askServer(
  uri: string,
  text: string,
  completionAt: Position,
): Promise<{ diagnostics: Diagnostic[]; completion: CompletionItem[] }> {
  const child = spawn(process.execPath, [join(root, "dist", "compiler", "cli.js"), "lsp", "--stdio"]);
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const published = new Promise<Diagnostic[]>((resolve) =>
    connection.onNotification(PublishDiagnosticsNotification.type, (message) => {
      if (message.uri === uri) resolve(message.diagnostics);
    }),
  );
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification(InitializedNotification.type, {});
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: "policy", version: 1, text },
  });
  const diagnostics = await published;
  const result = await connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri },
    position: completionAt,
  });
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  connection.dispose();
  return { diagnostics, completion: Array.isArray(result) ? result : (result?.items ?? []) };
}

const colours: readonly [string, string][] = [
  ["comment", "#6a9955"],
  ["string", "#ce9178"],
  ["keyword.other", "#569cd6"],
  ["keyword.operator", "#d4d4d4"],
  ["constant", "#b5cea8"],
  ["variable", "#9cdcfe"],
  ["punctuation", "#d4d4d4"],
  ["invalid", "#f44747"],
];

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function colourOf(token: ScopedToken): string {
  const scope = token.scopes.at(-1) ?? "";
  return colours.find(([prefix]) => scope.startsWith(prefix))?.[1] ?? "#d4d4d4";
}

function page(
  text: string,
  tokens: readonly ScopedToken[],
  shown: { first: number; last: number },
  diagnostic: Diagnostic,
  completion: readonly CompletionItem[],
  completionLine: number,
): string {
  const lines = text.split("\n");
  const rows: string[] = [];
  for (let line = shown.first; line <= shown.last; line++) {
    const lineText = lines[line - 1] ?? "";
    const cells = tokens
      .filter((token) => token.line === line)
      .map((token) => {
        const squiggled =
          diagnostic.range.start.line === line - 1 &&
          token.start >= diagnostic.range.start.character &&
          token.end <= diagnostic.range.end.character;
        return `<span style="color:${colourOf(token)}"${squiggled ? ' class="squiggle"' : ""}>${escapeHtml(lineText.slice(token.start, token.end))}</span>`;
      })
      .join("");
    rows.push(`<div class="row"><span class="number">${line}</span><span class="code">${cells}</span></div>`);
    if (line === diagnostic.range.start.line + 1) {
      const message = typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value;
      rows.push(
        `<div class="hover" style="margin-left:${diagnostic.range.start.character + 6}ch">${escapeHtml(message).replace(/\n/g, "<br>")}<div class="source">policyc(${escapeHtml(String(diagnostic.code))})</div></div>`,
      );
    }
    if (line === completionLine + 1) {
      const items = completion
        .map(
          (item) =>
            `<div class="item"><span class="label">${escapeHtml(item.label)}</span><span class="detail">${escapeHtml(item.detail ?? "")}</span></div>`,
        )
        .join("");
      rows.push(`<div class="completion" style="margin-left:${valuesAt.length + 14}ch">${items}</div>`);
    }
  }
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; background: #1e1e1e; font: 14px/20px "DejaVu Sans Mono", monospace; color: #d4d4d4; }
    .tab { background: #252526; color: #fff; padding: 6px 14px; font-family: sans-serif; font-size: 13px; border-bottom: 1px solid #333; }
    .editor { padding: 8px 0; }
    .row { white-space: pre; }
    .number { display: inline-block; width: 4ch; text-align: right; margin-right: 2ch; color: #858585; }
    .squiggle { text-decoration: underline wavy #f14c4c; text-underline-offset: 3px; }
    .hover, .completion { background: #252526; border: 1px solid #454545; padding: 4px 8px; width: fit-content; margin-top: 2px; margin-bottom: 2px; font-family: sans-serif; font-size: 13px; }
    .source { color: #858585; }
    .item { white-space: pre; font-family: "DejaVu Sans Mono", monospace; }
    .item:first-child { background: #04395e; }
    .label { color: #9cdcfe; display: inline-block; width: 28ch; }
    .detail { color: #858585; }
    .caption { color: #858585; font-family: sans-serif; font-size: 12px; padding: 6px 14px; border-top: 1px solid #333; }
  </style></head><body>
  <div class="tab">home-infusion.policy</div>
  <div class="editor">${rows.join("\n")}</div>
  <div class="caption">Drawn from the extension's TextMate grammar and the real responses of policyc lsp (a diagnostic, a completion); not a VS Code window.</div>
  </body></html>`;
}

async function main(): Promise<void> {
  const scratch = join(root, ".tmp", "screenshot", "policy");
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  cpSync(fixture, scratch, { recursive: true });
  const text = readFileSync(join(fixture, "home-infusion.policy"), "utf8").replace(
    `met when ${misspelt.right}`,
    `met when ${misspelt.wrong}`,
  );
  const uri = pathToFileURL(join(scratch, "home-infusion.policy")).href;
  const completionAt = positionOf(text, valuesAt, valuesAt.length);
  const { diagnostics, completion } = await askServer(uri, text, completionAt);
  const [diagnostic] = diagnostics;
  if (!diagnostic || completion.length === 0)
    throw new Error("policyc: the server gave no diagnostic or no completion");
  const tokens = tokenize(await loadGrammar(), text);
  const first = positionOf(text, "section I.A ", 0).line + 1;
  const last = positionOf(text, "criterion I.A.4", 0).line + 2;
  const html = page(text, tokens, { first, last }, diagnostic, completion, completionAt.line);
  const browser = await chromium.launch({
    executablePath: await sparticuz.executablePath(),
    args: sparticuz.args,
    headless: true,
  });
  const view = await browser.newPage({ viewport: { width: 1320, height: 400 }, deviceScaleFactor: 1 });
  await view.setContent(html);
  const out = join(root, "editors", "vscode", "screenshot.png");
  await view.screenshot({ path: out, fullPage: true });
  await browser.close();
  process.stdout.write(`Wrote ${out} (${Math.round(statSync(out).size / 1024)} KB)\n`);
}

await main();
