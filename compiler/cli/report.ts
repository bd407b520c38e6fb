// Diagnostics for the terminal, with a one-line count at the end.

import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { renderDiagnostics } from "../diagnostics/render.js";

export function reportDiagnostics(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  const summary = `${plural(errors, "error")}, ${plural(warnings, "warning")}.`;
  const rendered = renderDiagnostics(diagnostics, (file) => sources.get(file));
  return rendered === "" ? summary : `${rendered}\n\n${summary}`;
}
