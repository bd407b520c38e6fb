// Between the compiler's spans (offsets into the text, end excluded) and the editor's ranges (line and
// UTF-16 character from 0). Every feature of the language server converts through here.

import type { Position, Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Span } from "../syntax/ast.js";

/** The editor's range of a span of `document`. */
export function rangeOf(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.offset), end: document.positionAt(span.endOffset) };
}

/** Whether `offset` falls on the span: inside it, or just after its last character (where the cursor sits). */
export function spanHolds(span: Span, offset: number): boolean {
  return span.offset <= offset && offset <= span.endOffset;
}

/** The offset of an editor position in `document`. */
export function offsetOf(document: TextDocument, position: Position): number {
  return document.offsetAt(position);
}
