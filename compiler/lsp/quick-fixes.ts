// Quick fixes from the checker's "did you mean": the misspelt name replaced by the one suggested. Only
// the diagnostics the server itself computed for the current text are read (never the client's copy),
// and only where the underlined text is one name, so a fix never rewrites more than the name.

import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic as EditorDiagnostic,
  type Range,
} from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { DiagnosticData } from "./diagnostics.js";

const suggestion = /Did you mean `([^`]+)`\?/;
const oneName = /^[A-Za-z0-9_.-]+$/;

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range["start"], y: Range["start"]) =>
    x.line < y.line || (x.line === y.line && x.character <= y.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

/** The quick fixes for `range` of `document`, from its current diagnostics. */
export function quickFixes(
  document: TextDocument,
  diagnostics: readonly EditorDiagnostic[],
  range: Range,
): CodeAction[] {
  const fixes: CodeAction[] = [];
  for (const found of diagnostics) {
    if (!overlaps(found.range, range)) continue;
    const hint = (found.data as DiagnosticData | undefined)?.hint;
    const replacement = hint === undefined ? undefined : suggestion.exec(hint)?.[1];
    if (replacement === undefined || !oneName.test(document.getText(found.range))) continue;
    fixes.push({
      title: `Change to \`${replacement}\``,
      kind: CodeActionKind.QuickFix,
      diagnostics: [found],
      isPreferred: true,
      edit: { changes: { [document.uri]: [{ range: found.range, newText: replacement }] } },
    });
  }
  return fixes;
}
