// An editor's side of the language server, for the tests: starts `policyc lsp --stdio` (the built CLI,
// dist/compiler/cli.js) as a child process and speaks JSON-RPC to it through vscode-languageserver-
// protocol, as VS Code does.

import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from "vscode-languageserver-protocol/node";
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  ExitNotification,
  FoldingRangeRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ReferencesRequest,
  ShutdownRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InitializeResult,
  type Location,
  type Position,
  type Range,
  type TextEdit,
} from "vscode-languageserver-protocol";
import { projectRoot } from "../support/evaluators.js";

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export class LspClient {
  private readonly versions = new Map<string, number>();
  private readonly waiting = new Map<string, ((diagnostics: Diagnostic[]) => void)[]>();

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly connection: ProtocolConnection,
    readonly capabilities: InitializeResult["capabilities"],
  ) {}

  /** Starts the server and completes the `initialize` handshake. */
  static async start(): Promise<LspClient> {
    const child = spawn(process.execPath, [join(projectRoot, "dist", "compiler", "cli.js"), "lsp", "--stdio"], {
      cwd: projectRoot,
    });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    connection.listen();
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: fileUri(projectRoot),
      capabilities: {},
      workspaceFolders: null,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    const client = new LspClient(child, connection, result.capabilities);
    connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => {
      const waiters = client.waiting.get(uri) ?? [];
      client.waiting.delete(uri);
      for (const waiter of waiters) waiter(diagnostics);
    });
    return client;
  }

  /** The next diagnostics the server publishes for `uri`. */
  nextDiagnostics(uri: string): Promise<Diagnostic[]> {
    return new Promise((resolve) => {
      this.waiting.set(uri, [...(this.waiting.get(uri) ?? []), resolve]);
    });
  }

  /** Opens a document with `text`, as an editor does, and returns its first diagnostics. */
  async open(uri: string, text: string): Promise<Diagnostic[]> {
    const published = this.nextDiagnostics(uri);
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: "policy", version: 1, text },
    });
    return published;
  }

  /** Replaces the range with `text` (an incremental edit, as an editor sends a keystroke) and returns the diagnostics that follow. */
  async edit(uri: string, range: Range, text: string): Promise<Diagnostic[]> {
    const published = this.nextDiagnostics(uri);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return published;
  }

  completion(uri: string, position: Position): Promise<CompletionItem[]> {
    return this.connection
      .sendRequest(CompletionRequest.type, { textDocument: { uri }, position })
      .then((result) => (Array.isArray(result) ? result : (result?.items ?? [])));
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async definition(uri: string, position: Position): Promise<Location | undefined> {
    const result = await this.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position });
    if (result === null) return undefined;
    const first = Array.isArray(result) ? result[0] : result;
    return first && "uri" in first ? first : undefined;
  }

  async references(uri: string, position: Position, includeDeclaration = false): Promise<Location[]> {
    return (
      (await this.connection.sendRequest(ReferencesRequest.type, {
        textDocument: { uri },
        position,
        context: { includeDeclaration },
      })) ?? []
    );
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics },
    });
    return (result ?? []).filter(
      (action): action is CodeAction =>
        "title" in action && !("command" in action && typeof action.command === "string"),
    );
  }

  async format(uri: string): Promise<TextEdit[]> {
    return (
      (await this.connection.sendRequest(DocumentFormattingRequest.type, {
        textDocument: { uri },
        options: { tabSize: 2, insertSpaces: true },
      })) ?? []
    );
  }

  async symbols(uri: string): Promise<DocumentSymbol[]> {
    const result = await this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    return (result ?? []).filter((symbol): symbol is DocumentSymbol => "selectionRange" in symbol);
  }

  async folding(uri: string): Promise<FoldingRange[]> {
    return (await this.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) ?? [];
  }

  /** Shuts the server down as an editor does, and waits for the process to end. */
  async stop(): Promise<number | null> {
    const ended = new Promise<number | null>((resolve) => this.child.once("exit", (code) => resolve(code)));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await ended;
    this.connection.dispose();
    return code;
  }
}

/** The position of the `occurrence`-th (from 0) `needle` in `text`, plus `shift` characters. */
export function positionOf(text: string, needle: string, shift = 0, occurrence = 0): Position {
  let offset = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`${needle} not found (occurrence ${occurrence})`);
  }
  offset += shift;
  const before = text.slice(0, offset);
  const line = before.split("\n").length - 1;
  return { line, character: offset - (before.lastIndexOf("\n") + 1) };
}
