// The formatter: a policy or case file in, the same file laid out the canonical way out. It works on
// the token stream, so no comment and no character of quoted text can be lost: statements start at
// column 0, clauses on their own lines indented by two, long conditions break before `and` / `or`,
// text blocks are re-indented (their decoded text is unchanged). A file with syntax errors is not
// formatted; and the result must parse to the same AST as the input, or nothing is returned.

import type { CstNode, IToken } from "chevrotain";
import { parseConcrete, parseSource } from "../syntax/parse.js";
import { firstOffset, isToken, nodeSpan } from "../syntax/cst-tokens.js";
import { clauseRulesOf } from "../syntax/clauses.js";
import type * as Cst from "../syntax/cst-types.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

const maxWidth = 100;

function childNodes(node: CstNode): [string, CstNode][] {
  return Object.entries(node.children).flatMap(([name, elements]) =>
    elements
      .filter((element): element is CstNode => !isToken(element))
      .map((element): [string, CstNode] => [name, element]),
  );
}

/** The children of a rule named `rule` that are nodes (the table of clauses names them by rule). */
function nodesNamed(node: CstNode, rule: string): CstNode[] {
  return (node.children[rule] ?? []).filter((element): element is CstNode => !isToken(element));
}

type StatementNode = NonNullable<Cst.StatementCstChildren[keyof Cst.StatementCstChildren]>[number];

/** The statement under a `statement` node (it holds one, under the rule that matched). */
function statementsUnder(statement: Cst.StatementCstNode): StatementNode[] {
  return Object.values(statement.children).flatMap((nodes: readonly StatementNode[] | undefined) => nodes ?? []);
}

function isExpression(node: CstNode): node is Cst.ExpressionCstNode {
  return node.name === "expression";
}

function isAndExpression(node: CstNode): node is Cst.AndExpressionCstNode {
  return node.name === "andExpression";
}

/** A billing rule's guard, joined by `or` (and its parts by `and`): a line may break there too. */
function isGuardOr(node: CstNode): node is Cst.BillingGuardCstNode {
  return node.name === "billingGuard";
}

function isGuardAnd(node: CstNode): node is Cst.GuardAndCstNode {
  return node.name === "guardAnd";
}

function isDefinesClause(node: CstNode): node is Cst.DefinesClauseCstNode {
  return node.name === "definesClause";
}

/** Where lines start and where a long condition may break, read off the concrete syntax tree. */
class LayoutPlan {
  /** Token start offset -> indentation of the line it starts. */
  readonly lineStarts = new Map<number, number>();
  /**
   * Offsets of `and` / `or` tokens that join conditions, each with how many record quantifiers hold
   * it: a join inside a quantifier's `where` or `has` breaks deeper than the joins around the
   * quantifier, as one inside parentheses does, so that the layout never shows it as theirs.
   */
  readonly breakable = new Map<number, number>();
  /** Offsets of the `(` of a definition's parameters and of a call's arguments, written against the name. */
  readonly callParentheses = new Set<number>();
  /** Offsets of tokens that start a condition on a line of its own (a definition's body). */
  readonly bodyStarts = new Set<number>();
  /**
   * Per fact or record field with a list of values: where its header (from `fact` or `field` to the
   * end of its type) starts and ends, the indent of its line, and the offset of each value, laid out
   * one per line, two deeper than the header, when the header is long.
   */
  readonly valueLists: { headerStart: number; headerEnd: number; headerIndent: number; values: number[] }[] = [];

  constructor(cst: Cst.FileCstNode) {
    for (const statement of cst.children.statement ?? []) {
      for (const node of statementsUnder(statement)) this.statement(node);
    }
  }

  private start(offset: number | undefined, indent: number): void {
    if (offset !== undefined) this.lineStarts.set(offset, indent);
  }

  private statement(node: StatementNode): void {
    this.start(firstOffset(node), 0);
    this.clausesOf(node.name, node, 2);
    const { children } = node;
    if ("definitionBody" in children) for (const body of children.definitionBody) this.definitionBody(body, 2);
    if ("factType" in children) for (const type of children.factType ?? []) this.valueList(firstOffset(node), type, 0);
    if ("listType" in children)
      for (const list of children.listType ?? []) {
        for (const field of list.children.fieldDeclaration) {
          this.start(firstOffset(field), 4);
          for (const type of field.children.factType) this.valueList(firstOffset(field), type, 4);
        }
        for (const identifying of list.children.identifyingFields ?? []) this.start(firstOffset(identifying), 4);
      }
    if ("Kw_link" in children) this.start(children.Kw_link?.[0]?.startOffset, 2);
    this.expressions(node);
  }

  /** The clauses of a statement or clause start lines at `indent`, by the table of clauses. */
  private clausesOf(rule: string, node: CstNode, indent: number): void {
    for (const clauseRule of clauseRulesOf(rule)) {
      for (const clause of nodesNamed(node, clauseRule)) this.clause(clauseRule, clause, indent);
    }
  }

  /** A clause starts a line; the clauses inside it (a rule under a billing sentence, say) start lines two deeper. */
  private clause(rule: string, node: CstNode, indent: number): void {
    this.start(firstOffset(node), indent);
    this.clausesOf(rule, node, indent + 2);
    // A fact an alternative declares (`with fact ...`) lays its clauses out as a fact statement does.
    if (rule === "alternativeFactClause")
      for (const fact of nodesNamed(node, "factStatement")) this.clausesOf("factStatement", fact, indent + 2);
    if (isDefinesClause(node)) for (const body of node.children.definitionBody) this.definitionBody(body, indent + 2);
  }

  private definitionBody(node: Cst.DefinitionBodyCstNode, indent: number): void {
    const expression = node.children.expression[0];
    const first = expression ? firstOffset(expression) : undefined;
    if (first === undefined) return;
    this.start(first, indent);
    this.bodyStarts.add(first);
  }

  private valueList(headerStart: number | undefined, type: Cst.FactTypeCstNode, headerIndent: number): void {
    const list = type.children.oneOfType?.[0] ?? type.children.setOfType?.[0];
    const declarations = list?.children.valueDeclarations[0];
    if (!declarations) return;
    const headerEnd = nodeSpan(type)?.endOffset;
    if (headerStart === undefined || headerEnd === undefined) return;
    const values = declarations.children.valueDeclaration.flatMap((declaration) => firstOffset(declaration) ?? []);
    this.valueLists.push({ headerStart, headerEnd, headerIndent, values });
  }

  /** The `or` and `and` that join conditions, anywhere under a node, `quantifiers` deep in record quantifiers. */
  private expressions(node: CstNode, quantifiers = 0): void {
    for (const [, child] of childNodes(node)) {
      const joins = isExpression(child)
        ? child.children.Kw_or
        : isAndExpression(child)
          ? child.children.Kw_and
          : isGuardOr(child)
            ? child.children.Kw_or
            : isGuardAnd(child)
              ? child.children.Kw_and
              : [];
      for (const token of joins ?? []) this.breakable.set(token.startOffset, quantifiers);
      if (child.name === "definitionCall" || child.name === "parameterList") {
        const open = child.children.LParen?.[0];
        if (open !== undefined && "startOffset" in open) this.callParentheses.add(open.startOffset);
      }
      this.expressions(child, child.name === "recordQuantifier" ? quantifiers + 1 : quantifiers);
    }
  }
}

interface Piece {
  readonly text: string;
  readonly breakable: boolean;
  /** For a breakable join: the record quantifiers it sits in, which count as parentheses do. */
  readonly quantifiers?: number;
  /** An opening parenthesis written against the name before it: a definition's parameters or a call's arguments. */
  readonly againstName?: boolean;
  readonly comment?: boolean;
}

interface Line {
  indent: number;
  /** Where a broken condition continues. */
  continuation: number;
  blankBefore: boolean;
  pieces: Piece[];
}

function joinPieces(pieces: readonly Piece[]): string {
  let text = "";
  pieces.forEach((piece, index) => {
    const previous = pieces[index - 1];
    const tight =
      previous === undefined ||
      previous.text === "(" ||
      previous.text === "[" ||
      piece.againstName === true ||
      [")", "]", ",", ":"].includes(piece.text);
    text += (piece.comment ? "  " : tight ? "" : " ") + piece.text;
  });
  return text;
}

function lineText(line: Line): string {
  return " ".repeat(line.indent) + joinPieces(line.pieces);
}

function lastLineWidth(text: string): number {
  return text.length - (text.lastIndexOf("\n") + 1);
}

/** A text block laid out under a line indented by `indent`: contents two deeper, closing quotes at the clause's depth. */
function layoutTextBlock(image: string, indent: number): string {
  const closing = Math.max(indent, 2);
  const lines = image.slice(3, -3).split(/\r?\n/);
  const content = lines.map((line) => line.trimEnd());
  while (content.length > 0 && content[0] === "") content.shift();
  while (content.length > 0 && content[content.length - 1] === "") content.pop();
  const margin = content.reduce(
    (least, line) => (line === "" ? least : Math.min(least, line.length - line.trimStart().length)),
    Infinity,
  );
  const body = content.map((line) => (line === "" ? "" : " ".repeat(closing + 2) + line.slice(margin)));
  return `"""\n${body.join("\n")}\n${" ".repeat(closing)}"""`;
}

/** Breaks a line too wide at its outermost `and` / `or`, then the pieces that are still too wide. */
function breakLine(line: Line): Line[] {
  if (lastLineWidth(lineText(line)) <= maxWidth) return [line];
  let depth = 0;
  const candidates: { index: number; depth: number }[] = [];
  line.pieces.forEach((piece, index) => {
    if (piece.breakable && index > 0) candidates.push({ index, depth: depth + (piece.quantifiers ?? 0) });
    if (piece.text === "(") depth++;
    if (piece.text === ")") depth--;
  });
  if (candidates.length === 0) return [line];
  const outermost = candidates.reduce((least, candidate) => Math.min(least, candidate.depth), Infinity);
  const cuts = candidates.filter((candidate) => candidate.depth === outermost).map((candidate) => candidate.index);
  const segments = [0, ...cuts].map((start, i) => line.pieces.slice(start, cuts[i] ?? line.pieces.length));
  return segments.flatMap((pieces, i) => {
    const indent = i === 0 ? line.indent : line.continuation;
    return breakLine({
      indent,
      continuation: i === 0 ? line.continuation : indent + 2,
      blankBefore: i === 0 && line.blankBefore,
      pieces,
    });
  });
}

/** Where the line holding `offset` starts; a lone carriage return ends a line too, as the lexer counts lines. */
function lineStart(text: string, offset: number): number {
  // NOTE: a loop back to the line's end, not lastIndexOf("\r"), which in a file without one would search to its start.
  let start = offset;
  while (start > 0 && text[start - 1] !== "\n" && text[start - 1] !== "\r") start--;
  return start;
}

function blankLineBetween(text: string, from: number, to: number): boolean {
  return /\n[ \t\r]*\n/.test(text.slice(from, to));
}

export interface FormatResult {
  /** The formatted text, or undefined when the file has syntax errors. */
  readonly text?: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** The index of the first token that starts at or after `offset`, in tokens sorted by offset (a binary search). */
function firstTokenFrom(tokens: readonly IToken[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((tokens[middle]?.startOffset ?? Infinity) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function layout(text: string, tokens: readonly IToken[], comments: readonly IToken[], plan: LayoutPlan): string {
  for (const list of plan.valueLists) {
    const headerTokens = tokens.slice(firstTokenFrom(tokens, list.headerStart), firstTokenFrom(tokens, list.headerEnd));
    const header = joinPieces(headerTokens.map((token) => ({ text: token.image, breakable: false })));
    if (list.headerIndent + header.length > maxWidth)
      // A fact's values sit under its clauses (4); a field's, two deeper than the field.
      for (const value of list.values) plan.lineStarts.set(value, Math.max(4, list.headerIndent + 2));
  }
  const all = [...tokens, ...comments].sort((a, b) => a.startOffset - b.startOffset);
  // For each token, the next one that is not a comment: found in one pass from the end, not searched per comment.
  const nextCode: (IToken | undefined)[] = new Array<IToken | undefined>(all.length);
  for (let index = all.length - 1, next: IToken | undefined; index >= 0; index--) {
    nextCode[index] = next;
    const token = all[index] as IToken;
    if (token.tokenType.name !== "Comment") next = token;
  }
  const lines: Line[] = [];
  let current: Line | undefined;
  let previousEnd = 0;
  let mustBreak = false;
  all.forEach((token, index) => {
    const isComment = token.tokenType.name === "Comment";
    const ownLine = isComment && !/\S/.test(text.slice(lineStart(text, token.startOffset), token.startOffset));
    const blankBefore = blankLineBetween(text, previousEnd, token.startOffset);
    previousEnd = (token.endOffset ?? token.startOffset) + 1;
    const declared = plan.lineStarts.get(token.startOffset);
    if (isComment && !ownLine && current) {
      current.pieces.push({ text: token.image.trimEnd(), breakable: false, comment: true });
      mustBreak = true;
      return;
    }
    let indent: number | undefined = declared;
    let continuation: number | undefined;
    if (ownLine) {
      // A comment sits at the depth of what follows it: the next line, or the rest of a condition.
      const next = nextCode[index];
      const nextStart = next ? plan.lineStarts.get(next.startOffset) : undefined;
      indent = nextStart ?? current?.continuation ?? 0;
      if (nextStart === undefined) continuation = indent;
    } else if (indent === undefined && mustBreak) {
      indent = current ? current.continuation : 0;
      continuation = indent;
    }
    mustBreak = false;
    if (indent !== undefined || !current) {
      const start = indent ?? 0;
      continuation ??= plan.bodyStarts.has(token.startOffset) ? start : start + 2;
      current = { indent: start, continuation, blankBefore: blankBefore && lines.length > 0, pieces: [] };
      lines.push(current);
    }
    const image = token.tokenType.name === "TextBlock" ? layoutTextBlock(token.image, current.indent) : token.image;
    current.pieces.push({
      text: isComment ? image.trimEnd() : image,
      breakable: plan.breakable.has(token.startOffset),
      quantifiers: plan.breakable.get(token.startOffset),
      againstName: plan.callParentheses.has(token.startOffset),
    });
    if (ownLine) mustBreak = true;
  });
  const out: string[] = [];
  for (const line of lines.flatMap(breakLine)) {
    if (line.blankBefore) out.push("");
    out.push(lineText(line));
  }
  return `${out.join("\n")}\n`;
}

/** A source position, under any key (`span`, or an alternative's `value`). */
function isSpan(value: unknown): boolean {
  return typeof value === "object" && value !== null && "offset" in value && "endOffset" in value;
}

/** Strips source positions, so two ASTs compare by structure. */
function withoutSpans(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSpans);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, inner]) => !isSpan(inner))
      .map(([key, inner]) => [key, withoutSpans(inner)]),
  );
}

export function formatSource(text: string, path: string): FormatResult {
  const concrete = parseConcrete(text, path);
  if (concrete.diagnostics.length > 0) return { diagnostics: concrete.diagnostics };
  const formatted = layout(text, concrete.tokens, concrete.comments, new LayoutPlan(concrete.cst));
  // NOTE: a safety net, not a check of the input: the layout must never change what the file says.
  const before = parseSource(text, path);
  const after = parseSource(formatted, path);
  // A comment's trailing white space is layout: the formatter drops it.
  const commentTexts = (comments: readonly IToken[]) =>
    JSON.stringify(comments.map((comment) => comment.image.trimEnd()));
  const sameComments = commentTexts(before.comments) === commentTexts(after.comments);
  if (
    JSON.stringify(withoutSpans(before.source.statements)) !== JSON.stringify(withoutSpans(after.source.statements)) ||
    !sameComments
  ) {
    throw new Error(
      `policyc format: the layout of ${path} would change its meaning; nothing was written (a bug in the formatter)`,
    );
  }
  return { text: formatted, diagnostics: [] };
}
