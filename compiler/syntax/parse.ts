// Stage 1 of the pipeline: source text in, AST and syntax diagnostics out. Never throws on bad input,
// and never recurses deeper than the nesting limit allows: the tokens are checked (nesting.ts) before
// the parser, which is recursive, sees them.

import { EOF, tokenLabel, type IToken } from "chevrotain";
import type { SourceFile, Span } from "./ast.js";
import { DigitCode, keywords as K, Name, PercentLiteral, policyLexer } from "./tokens.js";
import { isFileNode, policyParser } from "./parser.js";
import type { FileCstNode } from "./cst-types.js";
import { cstToAst } from "./cst-to-ast.js";
import { tokenSpan } from "./cst-tokens.js";
import { boundNesting } from "./nesting.js";
import { LineIndex } from "./line-index.js";
import { catalogue } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Found } from "../diagnostics/message-arguments.js";

export interface ParseResult {
  readonly source: SourceFile;
  /** Comments, kept apart for the formatter. */
  readonly comments: readonly IToken[];
  readonly diagnostics: readonly Diagnostic[];
}

function endOfText(text: string): Span {
  const lines = new LineIndex(text);
  const line = lines.lineCount;
  const column = lines.line(line).length + 1;
  return { offset: text.length, endOffset: text.length, line, column, endLine: line, endColumn: column };
}

function found(token: IToken): Found {
  return token.tokenType === EOF ? { end: "file" } : { token: token.image };
}

/** The token a syntax error comes after, when there is one before the token found. */
function after(previous: IToken | undefined, token: IToken): { after: string } | undefined {
  // NOTE: after recovering, Chevrotain may give the token found as the one before it.
  return previous === undefined ||
    previous.tokenType === EOF ||
    previous.image === "" ||
    previous.startOffset === token.startOffset
    ? undefined
    : { after: previous.image };
}

function errorSpan(token: IToken, previous: IToken | undefined, text: string): Span {
  if (!Number.isNaN(token.startOffset)) return tokenSpan(token);
  if (previous && !Number.isNaN(previous.startOffset)) return tokenSpan(previous);
  return endOfText(text);
}

/**
 * A percent where the grammar takes none (`from 0 to 100%`, `within 30% days`): said as such, not as
 * a bare syntax error, since the fix is to drop the sign or to give the fact `unit "percent"`.
 */
function percentOutOfPlace(token: IToken, expected: string, path: string): Diagnostic {
  return diagnostic(
    catalogue.percentOutOfPlace,
    path,
    tokenSpan(token),
    { text: token.image, expected },
    {
      hint: `Write the number without the sign (\`${token.image.slice(0, -1)}\`); to say a fact is a percent, declare it \`number unit "percent"\`.`,
    },
  );
}

/**
 * A code where the grammar wants a name (`rule 99601-units:`, `qualified under 0001U`): said as such,
 * since codes may now be written with digits first and names still may not.
 */
function nameStartsWithDigit(token: IToken, path: string): Diagnostic {
  return diagnostic(
    catalogue.nameStartsWithDigit,
    path,
    tokenSpan(token),
    { text: token.image },
    { hint: `Start the name with a letter, such as \`cpt-${token.image}\` (hyphens and digits may follow).` },
  );
}

/**
 * `coverage is covered` in a criterion's condition: said as such, since the same words are a guard of
 * a billing rule (a decision is what a criterion makes, not what it reads).
 */
function decisionTestOutsideGuard(token: IToken, path: string): Diagnostic {
  return diagnostic(
    catalogue.decisionTestOutsideGuard,
    path,
    tokenSpan(token),
    { text: token.image },
    { hint: "Test the facts the decision reads instead, or move the test to a rule under the code it governs." },
  );
}

/** Whether a syntax error is a code written where a name was expected. */
function isCodeForName(token: IToken, expected: string): boolean {
  return expected === tokenLabel(Name) && (token.tokenType === DigitCode || /^\d+$/.test(token.image));
}

export interface ConcreteParse {
  readonly cst: FileCstNode;
  /** Every token but comments, in order, as lexed (the parser may have seen stand-ins for parts nested too deep). */
  readonly tokens: readonly IToken[];
  readonly comments: readonly IToken[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Text to concrete syntax tree, tokens and comments, with the lexer's and parser's diagnostics. */
export function parseConcrete(text: string, path: string): ConcreteParse {
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
    // NOTE: a run of stray characters is one error; a message shows the start of a long one.
    const stray =
      text.slice(error.offset, error.offset + Math.min(error.length, 40)) + (error.length > 40 ? "..." : "");
    diagnostics.push(
      diagnostic(
        catalogue.unexpectedCharacter,
        path,
        span,
        { text: stray },
        {
          hint: stray.startsWith("%")
            ? "Write a percent sign right after its number, without a space: `88%`."
            : "Put words in double quotes if they are text, or start the line with # if it is a comment.",
        },
      ),
    );
  }

  for (const unclosed of lexed.groups["unclosed"] ?? []) {
    diagnostics.push(
      diagnostic(
        catalogue.syntaxError,
        path,
        tokenSpan(unclosed),
        { expected: '`"` to close the text', found: { end: "line" } },
        {
          hint: 'Close it with `"` before the end of the line, or write a text over several lines as a text block: `"""..."""`.',
        },
      ),
    );
  }

  const bounded = boundNesting(lexed.tokens, path);
  for (const found of bounded.diagnostics) diagnostics.push(found);
  policyParser.input = bounded.tokens;
  const cst = policyParser.file();
  if (!isFileNode(cst))
    throw new Error(`policyc: the parser returned a ${cst.name} node for ${path}, not a file (a bug)`);
  for (const error of policyParser.errors) {
    const previous = "previousToken" in error ? (error as { previousToken?: IToken }).previousToken : undefined;
    // The error's message is what the parser expected (parser-messages.ts); what it found is its token.
    if (error.token.tokenType === PercentLiteral) {
      diagnostics.push(percentOutOfPlace(error.token, error.message, path));
      continue;
    }
    if (error.token.tokenType === K.coverage && error.message === "a condition") {
      diagnostics.push(decisionTestOutsideGuard(error.token, path));
      continue;
    }
    if (isCodeForName(error.token, error.message)) {
      diagnostics.push(nameStartsWithDigit(error.token, path));
      continue;
    }
    diagnostics.push(
      diagnostic(catalogue.syntaxError, path, errorSpan(error.token, previous, text), {
        expected: error.message,
        ...after(previous, error.token),
        found: found(error.token),
      }),
    );
  }
  return { cst, tokens: lexed.tokens, comments: lexed.groups["comments"] ?? [], diagnostics };
}

export function parseSource(text: string, path: string): ParseResult {
  const concrete = parseConcrete(text, path);
  const built = cstToAst(concrete.cst, path);
  return {
    source: { path, text, statements: built.statements, partialStatements: built.partialStatements },
    comments: concrete.comments,
    diagnostics: [...concrete.diagnostics, ...built.diagnostics],
  };
}
