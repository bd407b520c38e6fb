// Diagnostics as the author types: the file checked by the same function `policyc check` runs
// (build/build.ts `checkSources`), so the codes, messages, ranges and fixes are the command's. A case
// file is checked with the project's policies, as the editor holds them. NOTE: readings' alternatives
// are not compiled here (one whole check each, at every keystroke); `policyc check` reports PC105.

import { pathToFileURL } from "node:url";
import { join } from "node:path";
import {
  DiagnosticSeverity,
  type Diagnostic as EditorDiagnostic,
  type DiagnosticRelatedInformation,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { checkSources } from "../build/build.js";
import { compilerRoot } from "../build/project-files.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { isFileUri, type DocumentStore } from "./documents.js";
import { rangeOf } from "./positions.js";

/** What the server keeps with each diagnostic it sends, for its quick fixes. */
export interface DiagnosticData {
  readonly hint?: string;
}

/** The diagnostics of the file at `uri`, as `policyc check` reports them for it. */
export function diagnoseFile(store: DocumentStore, uri: string): EditorDiagnostic[] {
  if (!isFileUri(uri)) return [];
  const project = store.projectDocuments(uri);
  const own = project.find((file) => file.uri === uri);
  if (!own) return [];
  const place = store.place(own.uri);
  const policies = own.kind === "policy" ? [own] : project.filter((file) => file.kind === "policy");
  const checked = checkSources(
    policies.map((file) => ({ path: file.path, text: file.document.getText() })),
    own.kind === "cases" ? [{ path: own.path, text: own.document.getText() }] : [],
    place.root,
    [],
    { compileAlternatives: false },
  );
  const documents = new Map(project.map((file) => [file.path, file.document]));
  return checked.diagnostics
    .filter((found) => found.file === own.path)
    .map((found) => toEditorDiagnostic(found, own.document, place.root, documents));
}

/** The message the editor shows: the diagnostic's, then its hint on a line of its own, as the command prints them. */
export function editorMessage(found: Diagnostic): string {
  return found.hint === undefined ? found.message : `${found.message}\n${found.hint}`;
}

function toEditorDiagnostic(
  found: Diagnostic,
  document: TextDocument,
  root: string,
  documents: ReadonlyMap<string, TextDocument>,
): EditorDiagnostic {
  const related: DiagnosticRelatedInformation[] = (found.related ?? []).map((place) => {
    const other = documents.get(place.file) ?? TextDocument.create("", "policy", 0, "");
    return {
      location: { uri: pathToFileURL(join(root, place.file)).href, range: rangeOf(other, place.span) },
      message: place.message,
    };
  });
  const data: DiagnosticData = found.hint === undefined ? {} : { hint: found.hint };
  return {
    range: rangeOf(document, found.span),
    severity: found.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: found.code,
    codeDescription: { href: pathToFileURL(join(compilerRoot(), "docs", "diagnostics", `${found.code}.md`)).href },
    source: "policyc",
    message: editorMessage(found),
    ...(related.length > 0 && { relatedInformation: related }),
    data,
  };
}
