// Folding: every statement of more than one line folds to its first line, and so does every run of
// comment lines (a file's heading comment, a banner between parts of the policy).

import { FoldingRangeKind, type FoldingRange } from "vscode-languageserver";
import type { Analysis } from "./analysis.js";

export function foldingRanges(analysis: Analysis): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const statement of analysis.source.statements) {
    // A statement's span ends at its last token; folding counts lines from 0.
    if (statement.span.endLine > statement.span.line)
      ranges.push({ startLine: statement.span.line - 1, endLine: statement.span.endLine - 1 });
  }
  const lines = analysis.document.getText().split(/\r?\n/);
  let commentStart: number | undefined;
  lines.forEach((line, index) => {
    const isComment = line.trimStart().startsWith("#");
    if (isComment && commentStart === undefined) commentStart = index;
    if (!isComment && commentStart !== undefined) {
      if (index - 1 > commentStart)
        ranges.push({ startLine: commentStart, endLine: index - 1, kind: FoldingRangeKind.Comment });
      commentStart = undefined;
    }
  });
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
