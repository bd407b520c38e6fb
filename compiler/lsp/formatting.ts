// Format document: the project's formatter (format/format-source.ts, what `policyc format` runs), as
// one edit of the whole text. A file with a syntax error is left as it is, as the command leaves it.

import type { TextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { formatSource } from "../format/format-source.js";

export function formatDocument(document: TextDocument, path: string): TextEdit[] {
  const text = document.getText();
  const formatted = formatSource(text, path).text;
  if (formatted === undefined || formatted === text) return [];
  return [{ range: { start: document.positionAt(0), end: document.positionAt(text.length) }, newText: formatted }];
}
