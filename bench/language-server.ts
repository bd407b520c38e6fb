// The language server in the benchmark: `policyc lsp` started as an editor starts it (the built CLI,
// over stdio), a scratch copy of the project's policy/ folder opened in it, then, warm, the time from
// an edit to its diagnostics, a completion and a hover on the 850-line WNC.CP.224. Rows and targets
// for run.ts's table.

import { spawn } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-languageserver-protocol/node";
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type Position,
} from "vscode-languageserver-protocol";
import { BenchFailure } from "./failure.js";
import { median, nowMs } from "./measure.js";
import { formatMs, formatRange, type Target } from "./report.js";

const WARMUPS = 3;
const REPETITIONS = 15;
/** Each of the three, warm: what an author would feel as a pause. */
const targetMs = 100;

export interface LanguageServerTiming {
  readonly lines: number;
  readonly diagnostics: readonly number[];
  readonly completion: readonly number[];
  readonly hover: readonly number[];
}

function positionOf(text: string, needle: string, shift: number): Position {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new BenchFailure(`language server bench: \`${needle}\` is not in the policy`);
  const before = text.slice(0, offset + shift);
  return { line: before.split("\n").length - 1, character: offset + shift - (before.lastIndexOf("\n") + 1) };
}

async function repeat(work: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUPS; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < REPETITIONS; i++) {
    const start = nowMs();
    await work();
    samples.push(nowMs() - start);
  }
  return samples;
}

/** Times the server on the policy at `policyPath` (from `root`), in a scratch copy of the project's policy/ folder. */
export async function timeLanguageServer(root: string, policyPath: string): Promise<LanguageServerTiming> {
  const scratch = join(root, ".tmp", "bench-lsp");
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  cpSync(join(root, "policy"), join(scratch, "policy"), { recursive: true });
  const text = readFileSync(join(scratch, policyPath), "utf8");
  const uri = pathToFileURL(join(scratch, policyPath)).href;
  const child = spawn(process.execPath, [join(root, "dist", "compiler", "cli.js"), "lsp", "--stdio"], { cwd: scratch });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  let published: (() => void) | undefined;
  connection.onNotification(PublishDiagnosticsNotification.type, (message) => {
    if (message.uri === uri) published?.();
  });
  connection.listen();
  const nextDiagnostics = () => new Promise<void>((resolve) => (published = resolve));
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(scratch).href,
    capabilities: {},
    workspaceFolders: null,
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const opened = nextDiagnostics();
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: "policy", version: 1, text },
  });
  await opened;

  // An edit that an author makes and unmakes: one letter of a fact's name in a condition, typed and deleted.
  const name = positionOf(text, "met when member.", "met when member".length);
  let version = 1;
  let typed = false;
  const diagnostics = await repeat(async () => {
    const arrived = nextDiagnostics();
    typed = !typed;
    version++;
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [
        typed
          ? { range: { start: name, end: name }, text: "x" }
          : { range: { start: name, end: { line: name.line, character: name.character + 1 } }, text: "" },
      ],
    });
    await arrived;
  });
  const completionAt = positionOf(text, "met when ", "met when ".length);
  const completion = await repeat(async () => {
    const items = await connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: completionAt,
    });
    if (!Array.isArray(items) || items.length === 0) throw new BenchFailure("language server bench: no completion");
  });
  const hoverAt = positionOf(text, "met when member.", "met when m".length);
  const hover = await repeat(async () => {
    const found = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: hoverAt });
    if (found === null) throw new BenchFailure("language server bench: no hover on a fact");
  });
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  connection.dispose();
  return { lines: text.split("\n").length, diagnostics, completion, hover };
}

export function languageServerRows(timing: LanguageServerTiming, policy: string): string[][] {
  const row = (name: string, samples: readonly number[]) => [
    `  ${name}`,
    formatMs(median(samples)),
    formatRange(samples, formatMs),
    String(samples.length),
  ];
  return [
    [`Language server (policyc lsp over stdio, ${policy}, ${timing.lines} lines, warm)`, "median", "spread", "reps"],
    row("diagnostics after an edit (change to publish)", timing.diagnostics),
    row("completion", timing.completion),
    row("hover on a fact", timing.hover),
  ];
}

export function languageServerTargets(timing: LanguageServerTiming): Target[] {
  return [
    ["diagnostics after an edit", timing.diagnostics],
    ["completion", timing.completion],
    ["hover", timing.hover],
  ].map(([name, samples]) => {
    const ms = median(samples as readonly number[]);
    return {
      name: `language server ${String(name)} under ${targetMs} ms, warm`,
      met: ms < targetMs,
      figure: formatMs(ms),
    };
  });
}
