// Diagnostics as text for a terminal: the heading, the place, the source line with the span
// underlined, the message, the fix, and the page that explains the code at length. The lines of
// each source are indexed once for all its diagnostics, so rendering takes time linear in the text
// and the number of diagnostics. A diagnostic about a file as a whole (its name, a link) has no
// source to show. File names are shown escaped: a name read from disk may hold anything.

import type { Diagnostic } from "./diagnostic.js";
import { LineIndex } from "../syntax/line-index.js";
import { displayPath } from "../files/names.js";

const byteOrderMark = "\ufeff";

function underline(diagnostic: Diagnostic, lineText: string, shift: number): string {
  const { span } = diagnostic;
  const start = Math.max(0, span.column - 1 - shift);
  const end = span.endLine === span.line ? span.endColumn - shift : lineText.length;
  const width = Math.max(1, end - start);
  return " ".repeat(start) + "^".repeat(width);
}

function footer(diagnostic: Diagnostic, pad: string): string[] {
  const out: string[] = [];
  if (diagnostic.hint) out.push(`${pad} = help: ${diagnostic.hint}`);
  for (const related of diagnostic.related ?? []) {
    out.push(
      `${pad} = note: ${related.message} (${displayPath(related.file)}:${related.span.line}:${related.span.column})`,
    );
  }
  out.push(`${pad} = see: docs/diagnostics/${diagnostic.code}.md`);
  return out;
}

/** A diagnostic about a file that was not read, or whose problem is the file itself: no source line. */
function renderWithoutSource(diagnostic: Diagnostic): string {
  const pad = " ";
  return [
    `${diagnostic.severity}[${diagnostic.code}]: ${diagnostic.title}`,
    `${pad}--> ${displayPath(diagnostic.file)}`,
    `${pad} | ${diagnostic.message}`,
    ...footer(diagnostic, pad),
  ].join("\n");
}

function renderWith(diagnostic: Diagnostic, lines: LineIndex | undefined): string {
  if (lines === undefined) return renderWithoutSource(diagnostic);
  const { span } = diagnostic;
  // NOTE: a byte order mark is invisible in a terminal; shown, it would push the underline one column off.
  const raw = lines.line(span.line);
  const shift = span.line === 1 && raw.startsWith(byteOrderMark) ? 1 : 0;
  const lineText = raw.slice(shift);
  const gutter = String(span.line).length;
  const pad = " ".repeat(gutter);
  const where = `${displayPath(diagnostic.file)}:${span.line}:${span.column}${diagnostic.context ? ` (in ${diagnostic.context})` : ""}`;
  const out = [
    `${diagnostic.severity}[${diagnostic.code}]: ${diagnostic.title}`,
    `${pad}--> ${where}`,
    `${pad} |`,
    `${span.line} | ${lineText}`,
    `${pad} | ${underline(diagnostic, lineText, shift)} ${diagnostic.message}`,
    ...footer(diagnostic, pad),
  ];
  return out.join("\n");
}

/** Renders one diagnostic; `sourceText` is the text of `diagnostic.file`. For many, use renderDiagnostics. */
export function renderDiagnostic(diagnostic: Diagnostic, sourceText: string): string {
  return renderWith(diagnostic, new LineIndex(sourceText));
}

/** `sourceOf` gives the text of a file, or undefined for a file that was not read (its name was refused, say). */
export function renderDiagnostics(
  diagnostics: readonly Diagnostic[],
  sourceOf: (file: string) => string | undefined,
): string {
  const indexes = new Map<string, LineIndex | undefined>();
  const linesOf = (file: string): LineIndex | undefined => {
    if (indexes.has(file)) return indexes.get(file);
    const text = sourceOf(file);
    const index = text === undefined ? undefined : new LineIndex(text);
    indexes.set(file, index);
    return index;
  };
  return diagnostics.map((d) => renderWith(d, linesOf(d.file))).join("\n\n");
}

/** One line per diagnostic, for logs and golden files. */
export function summarizeDiagnostic(diagnostic: Diagnostic): string {
  return `${displayPath(diagnostic.file)}:${diagnostic.span.line}:${diagnostic.span.column} ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}`;
}
