// Tokens and nodes of Chevrotain's concrete syntax tree as source spans, for cst-to-ast.ts and the
// formatter. Error recovery may insert tokens that are not in the text (their offset is NaN): they
// are never counted. Spans come from the locations Chevrotain records, so asking for the span of
// every node of a file takes time linear in its size.

import type { CstElement, CstNode, IToken } from "chevrotain";
import type { Span } from "./ast.js";

export function isToken(element: CstElement): element is IToken {
  return "image" in element;
}

/** A token that is in the text, rather than one that error recovery inserted. */
export function isInText(token: IToken): boolean {
  return !Number.isNaN(token.startOffset);
}

export function tokenSpan(token: IToken): Span {
  return {
    offset: token.startOffset,
    endOffset: (token.endOffset ?? token.startOffset) + 1,
    line: token.startLine ?? 1,
    column: token.startColumn ?? 1,
    endLine: token.endLine ?? token.startLine ?? 1,
    endColumn: token.endColumn ?? token.startColumn ?? 1,
  };
}

export function joinSpans(first: Span, last: Span): Span {
  return {
    offset: first.offset,
    endOffset: last.endOffset,
    line: first.line,
    column: first.column,
    endLine: last.endLine,
    endColumn: last.endColumn,
  };
}

/**
 * The span of a node, from the first token under it that is in the text to the last. Chevrotain keeps
 * this location on every node as it parses (`nodeLocationTracking: "full"`, which with error
 * recovery skips inserted tokens): reading it takes constant time, where collecting the tokens
 * under each node would take time quadratic in the depth of the tree. Undefined for a node that
 * recovery left without a token.
 */
export function nodeSpan(node: CstNode): Span | undefined {
  const location = node.location;
  if (!location) return undefined;
  const { startOffset, startLine, startColumn, endOffset, endLine, endColumn } = location;
  if (Number.isNaN(startOffset) || endOffset === undefined || Number.isNaN(endOffset)) return undefined;
  return {
    offset: startOffset,
    endOffset: endOffset + 1,
    line: startLine ?? 1,
    column: startColumn ?? 1,
    endLine: endLine ?? startLine ?? 1,
    endColumn: endColumn ?? startColumn ?? 1,
  };
}

/** Where the first token under a node starts, or undefined for a node without one. */
export function firstOffset(node: CstNode): number | undefined {
  return nodeSpan(node)?.offset;
}
