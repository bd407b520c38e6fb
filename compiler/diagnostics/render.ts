// Diagnostics as text for a terminal: the heading, the place, the source line with the span
// underlined, the message, the fix, and the page that explains the code at length.

import type { Diagnostic } from "./diagnostic.js";

function sourceLine(text: string, line: number): string {
  return text.split(/\r?\n/)[line - 1] ?? "";
}

function underline(diagnostic: Diagnostic, lineText: string): string {
  const { span } = diagnostic;
  const start = span.column - 1;
  const end = span.endLine === span.line ? span.endColumn : lineText.length;
  const width = Math.max(1, end - start);
  return " ".repeat(start) + "^".repeat(width);
}

/** Renders one diagnostic; `sourceText` is the text of `diagnostic.file`. */
export function renderDiagnostic(diagnostic: Diagnostic, sourceText: string): string {
  const { span } = diagnostic;
  const lineText = sourceLine(sourceText, span.line);
  const gutter = String(span.line).length;
  const pad = " ".repeat(gutter);
  const where = `${diagnostic.file}:${span.line}:${span.column}${diagnostic.context ? ` (in ${diagnostic.context})` : ""}`;
  const lines = [
    `${diagnostic.severity}[${diagnostic.code}]: ${diagnostic.title}`,
    `${pad}--> ${where}`,
    `${pad} |`,
    `${span.line} | ${lineText}`,
    `${pad} | ${underline(diagnostic, lineText)} ${diagnostic.message}`,
  ];
  if (diagnostic.hint) lines.push(`${pad} = help: ${diagnostic.hint}`);
  for (const related of diagnostic.related ?? []) {
    lines.push(`${pad} = note: ${related.message} (${related.file}:${related.span.line}:${related.span.column})`);
  }
  lines.push(`${pad} = see: docs/diagnostics/${diagnostic.code}.md`);
  return lines.join("\n");
}

export function renderDiagnostics(diagnostics: readonly Diagnostic[], sourceOf: (file: string) => string): string {
  return diagnostics.map((d) => renderDiagnostic(d, sourceOf(d.file))).join("\n\n");
}

/** One line per diagnostic, for logs and golden files. */
export function summarizeDiagnostic(diagnostic: Diagnostic): string {
  return `${diagnostic.file}:${diagnostic.span.line}:${diagnostic.span.column} ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}`;
}
