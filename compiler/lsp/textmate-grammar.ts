// The TextMate grammar of policy and case files (editors/vscode/syntaxes/policy.tmLanguage.json),
// made from the lexer's own tokens (syntax/tokens.ts): every keyword, in the lexer's order, each
// token with its scope. A keyword added to the language is highlighted with no edit here; a new kind
// of token without a scope below stops the grammar being made (test/lsp/grammar.test.ts).

import type { TokenType } from "chevrotain";
import { allTokens, keywords, Name } from "../syntax/tokens.js";

export const grammarScope = "source.policy";
export const keywordScope = "keyword.other.policy";
export const nameScope = "variable.other.name.policy";

/** The scope of each token the lexer reads, by the token's name. */
export const tokenScopes: Readonly<Record<string, string>> = {
  Comment: "comment.line.number-sign.policy",
  Text: "string.quoted.double.policy",
  UnclosedText: "invalid.illegal.unclosed-text.policy",
  DateLiteral: "constant.other.date.policy",
  SuffixedMonth: "constant.other.month.policy",
  MonthLiteral: "constant.other.month.policy",
  NumberLiteral: "constant.numeric.policy",
  DigitCode: "constant.other.code.policy",
  PercentLiteral: "constant.numeric.percent.policy",
  LessOrEqual: "keyword.operator.comparison.policy",
  GreaterOrEqual: "keyword.operator.comparison.policy",
  NotEqual: "keyword.operator.comparison.policy",
  Less: "keyword.operator.comparison.policy",
  Greater: "keyword.operator.comparison.policy",
  Equal: "keyword.operator.comparison.policy",
  LParen: "punctuation.parenthesis.begin.policy",
  RParen: "punctuation.parenthesis.end.policy",
  LBracket: "punctuation.section.brackets.begin.policy",
  RBracket: "punctuation.section.brackets.end.policy",
  Comma: "punctuation.separator.comma.policy",
  Colon: "punctuation.separator.colon.policy",
  Plus: "keyword.operator.arithmetic.policy",
  Minus: "keyword.operator.arithmetic.policy",
  Times: "keyword.operator.arithmetic.policy",
  Divide: "keyword.operator.arithmetic.policy",
};

/** Tokens that span lines, which a TextMate grammar reads as a begin and an end. */
export const multiLineTokens: Readonly<
  Record<string, { readonly begin: string; readonly end: string; readonly name: string }>
> = {
  TextBlock: { begin: '"""', end: '"""', name: "string.quoted.triple.policy" },
};

/** Tokens with nothing to show: white space, the byte order mark, the categories of words and codes. */
const unshownTokens = new Set(["WhiteSpace", "ByteOrderMark", "Word", "CodeWord"]);

export interface GrammarPattern {
  readonly name: string;
  readonly match?: string;
  readonly begin?: string;
  readonly end?: string;
}

export interface TextMateGrammar {
  readonly $comment: string;
  readonly name: string;
  readonly scopeName: string;
  readonly fileTypes: readonly string[];
  readonly patterns: readonly GrammarPattern[];
}

function patternSource(token: TokenType): string {
  if (!(token.PATTERN instanceof RegExp))
    throw new Error(`policyc: token ${token.name} has no pattern to highlight by`);
  return token.PATTERN.source;
}

/** The grammar, its patterns in the lexer's order (TextMate, like the lexer, takes the first that matches). */
export function textMateGrammar(): TextMateGrammar {
  const keywordNames = new Set(Object.values(keywords).map((token) => token.name));
  const words = Object.keys(keywords).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const patterns: GrammarPattern[] = [];
  let keywordsPlaced = false;
  for (const token of allTokens) {
    if (unshownTokens.has(token.name)) continue;
    const multiLine = multiLineTokens[token.name];
    if (multiLine) {
      patterns.push(multiLine);
    } else if (keywordNames.has(token.name)) {
      if (keywordsPlaced) continue;
      keywordsPlaced = true;
      // A keyword only where the lexer reads one: not inside a longer name (`notes`, `member.age`).
      patterns.push({
        name: "keyword.other.policy",
        match: `(?<![\\w.-])(?:${words.join("|")})(?![\\w]|[.-][A-Za-z0-9_])`,
      });
    } else if (token === Name) {
      patterns.push({ name: nameScope, match: patternSource(token) });
    } else {
      const scope = tokenScopes[token.name];
      if (scope === undefined) throw new Error(`policyc: token ${token.name} has no scope in the TextMate grammar`);
      patterns.push({ name: scope, match: patternSource(token) });
    }
  }
  return {
    $comment: "DO NOT EDIT. Made by policyc from compiler/syntax/tokens.ts (compiler/lsp/textmate-grammar.ts).",
    name: "Policy",
    scopeName: grammarScope,
    fileTypes: ["policy", "cases"],
    patterns,
  };
}

/** The grammar as the extension's file holds it. */
export function textMateGrammarFile(): string {
  return `${JSON.stringify(textMateGrammar(), null, 2)}\n`;
}
