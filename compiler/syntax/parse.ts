// Stage 1 of the pipeline: source text in, AST and syntax diagnostics out. Never throws on bad input.

import type { IToken } from "chevrotain";
import type { SourceFile, Span } from "./ast.js";
import { policyLexer } from "./tokens.js";
import { policyParser } from "./parser.js";
import { cstToAst, tokenSpan } from "./cst-to-ast.js";
import { catalogue } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";

export interface ParseResult {
  readonly source: SourceFile;
  /** Comments, kept apart for the formatter. */
  readonly comments: readonly IToken[];
  readonly diagnostics: readonly Diagnostic[];
}

function endOfText(text: string): Span {
  const lines = text.split(/\n/);
  const line = lines.length;
  const column = (lines[line - 1]?.length ?? 0) + 1;
  return { offset: text.length, endOffset: text.length, line, column, endLine: line, endColumn: column };
}

function errorSpan(token: IToken, previous: IToken | undefined, text: string): Span {
  if (!Number.isNaN(token.startOffset)) return tokenSpan(token);
  if (previous && !Number.isNaN(previous.startOffset)) return tokenSpan(previous);
  return endOfText(text);
}

export function parseSource(text: string, path: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const lexed = policyLexer.tokenize(text);
  for (const error of lexed.errors) {
    const span: Span = {
      offset: error.offset,
      endOffset: error.offset + error.length,
      line: error.line ?? 1,
      column: error.column ?? 1,
      endLine: error.line ?? 1,
      endColumn: (error.column ?? 1) + error.length - 1,
    };
    const found = text.slice(error.offset, error.offset + error.length);
    diagnostics.push(
      diagnostic(catalogue.unexpectedCharacter, path, span, `The text \`${found}\` is not part of the policy language.`, {
        hint: "Put words in double quotes if they are text, or start the line with # if it is a comment.",
      }),
    );
  }

  policyParser.input = lexed.tokens;
  const cst = policyParser.file();
  for (const error of policyParser.errors) {
    const previous = "previousToken" in error ? (error as { previousToken?: IToken }).previousToken : undefined;
    diagnostics.push(diagnostic(catalogue.syntaxError, path, errorSpan(error.token, previous, text), error.message));
  }

  const built = cstToAst(cst, path);
  diagnostics.push(...built.diagnostics);
  return {
    source: { path, text, statements: built.statements },
    comments: lexed.groups["comments"] ?? [],
    diagnostics,
  };
}
