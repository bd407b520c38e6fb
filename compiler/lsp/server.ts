// The language server for policy and case files, over the same parser, checker and formatter as
// policyc: `policyc lsp` starts it on stdin and stdout. This file only wires the protocol's requests
// to the file that answers each (one feature a file, beside this one).

import {
  createConnection,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { Analyzer, type Analysis } from "./analysis.js";
import { DocumentStore, isFileUri, sourceKindOf } from "./documents.js";
import { diagnoseFile } from "./diagnostics.js";
import { completionsAt } from "./completion.js";
import { hoverAt } from "./hover.js";
import { definitionAt, referencesAt } from "./navigation.js";
import { quickFixes } from "./quick-fixes.js";
import { formatDocument } from "./formatting.js";
import { documentSymbols } from "./symbols.js";
import { foldingRanges } from "./folding.js";

export const serverCapabilities: InitializeResult["capabilities"] = {
  textDocumentSync: TextDocumentSyncKind.Incremental,
  completionProvider: { triggerCharacters: [" ", "(", ","] },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  codeActionProvider: { codeActionKinds: ["quickfix"] },
  documentFormattingProvider: true,
  documentSymbolProvider: true,
  foldingRangeProvider: true,
};

/** Serves one editor on `connection` until it exits. */
export function serve(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const store = new DocumentStore(documents);
  const analyzer = new Analyzer(store);
  /** Files whose diagnostics are due, sent together once the current burst of edits is read. */
  const due = new Set<string>();
  let scheduled = false;

  const publishDue = () => {
    scheduled = false;
    for (const uri of [...due]) {
      due.delete(uri);
      if (!documents.get(uri)) continue;
      try {
        void connection.sendDiagnostics({ uri, diagnostics: diagnoseFile(store, uri) });
      } catch (error: unknown) {
        // An internal error of the compiler on this text: said in the editor's log, and the server goes on.
        connection.console.error(
          `policyc: internal error checking ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      }
    }
  };
  const diagnoseSoon = (uri: string) => {
    // A change to a policy can change what its open case files say, so they are checked again too.
    for (const open of store.openUris()) if (open === uri || sourceKindOf(open) === "cases") due.add(open);
    if (!scheduled) {
      scheduled = true;
      setImmediate(publishDue);
    }
  };
  const analysisOf = (uri: string): Analysis | undefined => analyzer.analyze(uri);
  const isOpenFile = (uri: string) => isFileUri(uri) && store.document(uri) !== undefined;
  const offsetIn = (analysis: Analysis, position: { line: number; character: number }) =>
    analysis.document.offsetAt(position);

  connection.onInitialize(() => ({ capabilities: serverCapabilities, serverInfo: { name: "policyc" } }));
  documents.onDidChangeContent((change) => diagnoseSoon(change.document.uri));
  documents.onDidClose((change) => {
    analyzer.forget(change.document.uri);
    void connection.sendDiagnostics({ uri: change.document.uri, diagnostics: [] });
  });

  connection.onCompletion(({ textDocument, position }) => {
    const analysis = analysisOf(textDocument.uri);
    return analysis ? completionsAt(analysis, offsetIn(analysis, position)) : [];
  });
  connection.onHover(({ textDocument, position }) => {
    const analysis = analysisOf(textDocument.uri);
    return analysis ? (hoverAt(analysis, offsetIn(analysis, position)) ?? null) : null;
  });
  connection.onDefinition(({ textDocument, position }) => {
    const analysis = analysisOf(textDocument.uri);
    return analysis ? (definitionAt(analysis, offsetIn(analysis, position)) ?? null) : null;
  });
  connection.onReferences(({ textDocument, position, context }) => {
    const analysis = analysisOf(textDocument.uri);
    if (!analysis) return [];
    const project = store
      .projectDocuments(textDocument.uri)
      .map((file) => analyzer.analyze(file.uri))
      .filter((file) => file !== undefined);
    return referencesAt(analysis, offsetIn(analysis, position), project, context.includeDeclaration);
  });
  connection.onCodeAction(({ textDocument, range }) => {
    const document = isOpenFile(textDocument.uri) ? store.document(textDocument.uri) : undefined;
    return document ? quickFixes(document, diagnoseFile(store, textDocument.uri), range) : [];
  });
  connection.onDocumentFormatting(({ textDocument }) => {
    const document = isOpenFile(textDocument.uri) ? store.document(textDocument.uri) : undefined;
    return document ? formatDocument(document, store.place(textDocument.uri).path) : [];
  });
  connection.onDocumentSymbol(({ textDocument }) => {
    const analysis = analysisOf(textDocument.uri);
    return analysis ? documentSymbols(analysis) : [];
  });
  connection.onFoldingRanges(({ textDocument }) => {
    const analysis = analysisOf(textDocument.uri);
    return analysis ? foldingRanges(analysis) : [];
  });

  documents.listen(connection);
  connection.listen();
}

/** Starts the server on this process's stdin and stdout (`policyc lsp`). */
export function serveStdio(): void {
  serve(createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout)));
}
