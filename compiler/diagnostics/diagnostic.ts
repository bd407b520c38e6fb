// Diagnostics are data, never thrown strings: every stage returns its result with its diagnostics.
// A diagnostic is made from a catalogue entry and the arguments of its message, never from a message
// written where the problem is found.

import type { Span } from "../syntax/ast.js";
import type { CatalogueEntry, Severity } from "./catalogue.js";
import { compareText } from "./compare-text.js";

export interface RelatedLocation {
  readonly file: string;
  readonly span: Span;
  readonly message: string;
}

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly title: string;
  /** The entry's message filled with its arguments: one sentence, present tense, ending with a period. */
  readonly message: string;
  readonly file: string;
  readonly span: Span;
  /** How to fix it, when that is clear: "Did you mean `member.residence`?" */
  readonly hint?: string;
  /** Where in the policy it sits: "criterion I.A.3". */
  readonly context?: string;
  readonly related?: readonly RelatedLocation[];
}

export interface DiagnosticDetails {
  readonly hint?: string;
  readonly context?: string;
  readonly related?: readonly RelatedLocation[];
}

/**
 * The diagnostic of `entry` at `span` of `file`, its message filled from `args`. NOTE: `args` is
 * typed by the entry alone (NoInfer), so arguments of another entry's shape are a compile error.
 */
export function diagnostic<Arguments>(
  entry: CatalogueEntry<Arguments>,
  file: string,
  span: Span,
  args: NoInfer<Arguments>,
  details: DiagnosticDetails = {},
): Diagnostic {
  return {
    code: entry.code,
    severity: entry.severity,
    title: entry.title,
    message: entry.message(args),
    file,
    span,
    ...details,
  };
}

/** Sorted by file, then position, then code, so output never depends on the order checks ran. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.span.offset - b.span.offset ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  );
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}
