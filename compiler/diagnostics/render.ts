// Diagnostics as text for a terminal: the heading, the place, the source line with the span
// underlined, the message, the fix, and the page that explains the code at length. The lines of
// each source are indexed once for all its diagnostics, so rendering takes time linear in the text
// and the number of diagnostics.

import type { Diagnostic } from "./diagnostic.js";
import { LineIndex } from "../syntax/line-index.js";

const byteOrderMark = "\ufeff";

function underline(diagnostic: Diagnostic, lineText: string, shift: number): string {
  const { span } = diagnostic;
  const start = Math.max(0, span.column - 1 - shift);
  const end = span.endLine === span.line ? span.endColumn - shift : lineText.length;
  const width = Math.max(1, end - start);
  return " ".repeat(start) + "^".repeat(width);
}

function renderWith(diagnostic: Diagnostic, lines: LineIndex): string {
  const { span } = diagnostic;
  // NOTE: a byte order mark is invisible in a terminal; shown, it would push the underline one column off.
  const raw = lines.line(span.line);
  const shift = span.line === 1 && raw.startsWith(byteOrderMark) ? 1 : 0;
  const lineText = raw.slice(shift);
  const gutter = String(span.line).length;
  const pad = " ".repeat(gutter);
  const where = `${diagnostic.file}:${span.line}:${span.column}${diagnostic.context ? ` (in ${diagnostic.context})` : ""}`;
  const out = [
    `${diagnostic.severity}[${diagnostic.code}]: ${diagnostic.title}`,
    `${pad}--> ${where}`,
    `${pad} |`,
    `${span.line} | ${lineText}`,
    `${pad} | ${underline(diagnostic, lineText, shift)} ${diagnostic.message}`,
  ];
  if (diagnostic.hint) out.push(`${pad} = help: ${diagnostic.hint}`);
  for (const related of diagnostic.related ?? []) {
    out.push(`${pad} = note: ${related.message} (${related.file}:${related.span.line}:${related.span.column})`);
  }
  out.push(`${pad} = see: docs/diagnostics/${diagnostic.code}.md`);
  return out.join("\n");
}

/** Renders one diagnostic; `sourceText` is the text of `diagnostic.file`. For many, use renderDiagnostics. */
export function renderDiagnostic(diagnostic: Diagnostic, sourceText: string): string {
  return renderWith(diagnostic, new LineIndex(sourceText));
}

export function renderDiagnostics(diagnostics: readonly Diagnostic[], sourceOf: (file: string) => string): string {
  const indexes = new Map<string, LineIndex>();
  const linesOf = (file: string): LineIndex => {
    let index = indexes.get(file);
    if (!index) {
      index = new LineIndex(sourceOf(file));
      indexes.set(file, index);
    }
    return index;
  };
  return diagnostics.map((d) => renderWith(d, linesOf(d.file))).join("\n\n");
}

/** One line per diagnostic, for logs and golden files. */
export function summarizeDiagnostic(diagnostic: Diagnostic): string {
  return `${diagnostic.file}:${diagnostic.span.line}:${diagnostic.span.column} ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}`;
}
