// Tokens of the policy language and the one lexer instance that produces them.
// Text in, tokens out; the parser (parser.ts) is the next stage.

import { createToken, Lexer, type CustomPatternMatcherFunc, type TokenType } from "chevrotain";
import { compareText } from "../diagnostics/compare-text.js";

/** Any word: a name or a keyword. Enumeration values and labels accept keywords too. */
export const Word = createToken({ name: "Word", pattern: Lexer.NA, label: "a word" });

/**
 * Where a code stands (`code`, `code group`, `orders`, `map ... as`, modifiers, claim lines): a name
 * (E0441, KX), a number (a CPT code, 99601; a modifier, 59) or a digit code (a PLA code, 0001U). A
 * category, never matched itself: each of those tokens keeps its own meaning everywhere else.
 */
export const CodeWord = createToken({ name: "CodeWord", pattern: Lexer.NA, label: "a code" });

/** A name: letters, digits and underscores, in dot- or hyphen-separated parts (`member.age`, `I.A.3`). */
export const Name = createToken({
  name: "Name",
  pattern: /[A-Za-z_][A-Za-z0-9_]*(?:[.-][A-Za-z0-9_]+)*/,
  categories: [Word, CodeWord],
  label: "a name",
});

// NOTE: every keyword is declared with `longer_alt: Name` so that `notes` or `member.age` lex as
// names. Keywords are tried longest first, so `note` wins over `not` on the input "note".
const keywordWords = [
  "policy",
  "title",
  "plan",
  "description",
  "last",
  "review",
  "published",
  "text",
  "reading",
  "revision",
  "reviewed",
  "effective",
  "category",
  "fact",
  "facts",
  "number",
  "unit",
  "from",
  "to",
  "date",
  "one",
  "of",
  "set",
  "yes",
  "no",
  "ask",
  "define",
  "as",
  "section",
  "applies",
  "when",
  "criterion",
  "met",
  "added",
  "in",
  "removed",
  "before",
  "exclusion",
  "not",
  "covered",
  "unless",
  "note",
  "item",
  "excludes",
  "services",
  "defines",
  "service",
  "exception",
  "may",
  "override",
  "never",
  "overrides",
  "requires",
  "prior",
  "approval",
  "prose",
  "encoded",
  "because",
  "code",
  "modifier",
  "billing",
  "reference",
  "link",
  "and",
  "or",
  "all",
  "any",
  "at",
  "least",
  "is",
  "contains",
  "cases",
  "for",
  "case",
  "on",
  "given",
  "expect",
  "pending",
  "asking",
  "under",
  "unknown",
  "claim",
  "group",
  "rule",
  "billed",
  "only",
  "with",
  "each",
  "units",
  "most",
  "rounded",
  "up",
  "down",
  "says",
  "line",
  "clean",
  "violations",
  // Time in conditions: `within 30 days before`, `between day 61 and day 90 after`.
  "within",
  "between",
  // References between statements and limitations: `criterion I.3`, `limited to "..."`.
  "limited",
  // Cases: `expect qualified under O.1.G2`, `expect limitations O.1.G2`.
  "limitations",
  // "before" is above: it also starts an earlier version of a statement.
  "after",
  "day",
  // Traceability to the published text (a `layout` statement).
  "layout",
  "list",
  "field",
  "some",
  "every",
  "count",
  "where",
  "has",
  "latest",
  "earliest",
  "by",
  // Claim rules: `when coverage is covered` (hard: `coverage is covered` would otherwise also read
  // as a test of a fact named coverage).
  "coverage",
  // Value sets: `value set copd "..." system "ICD-10-CM" file "..." source "..." version "..."`,
  // facts of `code in system "..."` or `codes in system "..."`, `is in copd`, `has any in copd`.
  "value",
  "system",
  "file",
  "source",
  "version",
  "codes",
] as const;

/**
 * Keywords that are names too wherever the grammar wants a name (a fact may still be named
 * `decision`): each is a keyword only where no name could stand. NOTE: added with the claim rules
 * (`must not have modifier GA`, `requires one of modifiers N1, N2`, `when qualified under I`, a claim
 * case's `decision`), so that no policy written before them stops parsing.
 */
// The FHIR mapping (`fhir`, `orders in system "HCPCS": ...`, `map member.age from patient.age`) is
// soft too: the block came after policies that may name a fact part `map` or `orders`.
const softKeywordWords = [
  "must",
  "have",
  "modifiers",
  "qualified",
  "decision",
  "alternative",
  "fhir",
  "orders",
  "map",
  "decides",
  "nothing",
  // A unit limit per period: `units of contents at most 1 per month`.
  "per",
  // A list's identifying fields: `identified by performed, method`.
  "identified",
] as const;

export type Keyword = (typeof keywordWords)[number] | (typeof softKeywordWords)[number];

function keywordToken(word: string, soft = false): TokenType {
  return createToken({
    name: `Kw_${word}`,
    pattern: new RegExp(word),
    longer_alt: Name,
    categories: soft ? [Word, Name] : [Word],
    label: `\`${word}\``,
  });
}

export const keywords: Readonly<Record<Keyword, TokenType>> = Object.fromEntries([
  ...keywordWords.map((word) => [word, keywordToken(word)]),
  ...softKeywordWords.map((word) => [word, keywordToken(word, true)]),
]) as Record<Keyword, TokenType>;

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\f\u00a0]+/, group: Lexer.SKIPPED });

/** U+FEFF at the very start of a file, as editors on Windows write it: skipped like white space, so offsets still index the text. */
const matchByteOrderMark: CustomPatternMatcherFunc = (text, offset) =>
  offset === 0 && text.charCodeAt(0) === 0xfeff ? ["\ufeff"] : null;
export const ByteOrderMark = createToken({
  name: "ByteOrderMark",
  pattern: { exec: matchByteOrderMark },
  start_chars_hint: ["\ufeff"],
  line_breaks: false,
  group: Lexer.SKIPPED,
});

/**
 * Comments run from `#` to the end of the line; they are kept apart for the formatter. NOTE: a carriage
 * return ends the comment, so that the comments of a file with CRLF line ends read as those of LF.
 */
export const Comment = createToken({ name: "Comment", pattern: /#[^\r\n]*/, group: "comments" });

/** A text block: three double quotes, any text over any number of lines, three double quotes. */
export const TextBlock = createToken({
  name: "TextBlock",
  pattern: /"""[\s\S]*?"""/,
  line_breaks: true,
  label: "a text block",
});
/** A one-line text: double quotes, with \" and \\ for a quote or backslash inside. */
export const Text = createToken({ name: "Text", pattern: /"(?:[^"\\\n]|\\.)*"/, label: "a quoted text" });
/**
 * A double quote whose text does not close on its line, up to the end of the line, kept apart and
 * reported by parse.ts. NOTE: without it the lexer would try a text again at every escaped quote of
 * the line (`"\"\"\"...`), each time to the end of the line: time quadratic in the line's length.
 */
export const UnclosedText = createToken({
  name: "UnclosedText",
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/,
  group: "unclosed",
});

export const DateLiteral = createToken({
  name: "DateLiteral",
  pattern: /\d{4}-\d{2}-\d{2}/,
  label: "a date (YYYY-MM-DD)",
});
export const MonthLiteral = createToken({ name: "MonthLiteral", pattern: /\d{4}-\d{2}/, label: "a month (YYYY-MM)" });
/** A revision named by its month and a suffix, for a second revision in one month: `2023-04-b`. */
export const SuffixedMonth = createToken({
  name: "SuffixedMonth",
  pattern: /\d{4}-\d{2}(?:-[A-Za-z][A-Za-z0-9]*)+/,
  label: "a revision name (YYYY-MM-suffix)",
});
export const NumberLiteral = createToken({
  name: "NumberLiteral",
  pattern: /\d+(?:\.\d+)?/,
  categories: [CodeWord],
  label: "a number",
});
/**
 * Digits then letters, such as the PLA code 0001U: a code only (a number never runs into a letter; a
 * unit is written apart, `30 days`, or as a percent, `88%`).
 */
export const DigitCode = createToken({
  name: "DigitCode",
  pattern: /\d+[A-Za-z][A-Za-z0-9]*/,
  categories: [CodeWord],
  label: "a code",
});
/** A percent: `88%`, `88.5%`, the number 88 with the unit `percent` (no space before the sign). */
export const PercentLiteral = createToken({
  name: "PercentLiteral",
  pattern: /\d+(?:\.\d+)?%/,
  label: "a percent (88%)",
});

export const LessOrEqual = createToken({ name: "LessOrEqual", pattern: /<=/, label: "`<=`" });
export const GreaterOrEqual = createToken({ name: "GreaterOrEqual", pattern: />=/, label: "`>=`" });
export const NotEqual = createToken({ name: "NotEqual", pattern: /!=/, label: "`!=`" });
export const Less = createToken({ name: "Less", pattern: /</, label: "`<`" });
export const Greater = createToken({ name: "Greater", pattern: />/, label: "`>`" });
export const Equal = createToken({ name: "Equal", pattern: /=/, label: "`=`" });
export const LParen = createToken({ name: "LParen", pattern: /\(/, label: "`(`" });
export const RParen = createToken({ name: "RParen", pattern: /\)/, label: "`)`" });
export const LBracket = createToken({ name: "LBracket", pattern: /\[/, label: "`[`" });
export const RBracket = createToken({ name: "RBracket", pattern: /\]/, label: "`]`" });
export const Comma = createToken({ name: "Comma", pattern: /,/, label: "`,`" });
export const Colon = createToken({ name: "Colon", pattern: /:/, label: "`:`" });
export const Plus = createToken({ name: "Plus", pattern: /\+/, label: "`+`" });
/** Minus needs spaces around it: `a-1` reads as one name, as in `II.note-1`. */
export const Minus = createToken({ name: "Minus", pattern: /-/, label: "`-`" });
export const Times = createToken({ name: "Times", pattern: /\*/, label: "`*`" });
export const Divide = createToken({ name: "Divide", pattern: /\//, label: "`/`" });

const keywordsLongestFirst = [...keywordWords, ...softKeywordWords]
  .sort((a, b) => b.length - a.length || compareText(a, b))
  .map((word) => keywords[word]);

export const allTokens: TokenType[] = [
  ByteOrderMark,
  WhiteSpace,
  Comment,
  TextBlock,
  Text,
  UnclosedText,
  DateLiteral,
  SuffixedMonth,
  MonthLiteral,
  DigitCode,
  PercentLiteral,
  NumberLiteral,
  LessOrEqual,
  GreaterOrEqual,
  NotEqual,
  Less,
  Greater,
  Equal,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Colon,
  Plus,
  Minus,
  Times,
  Divide,
  ...keywordsLongestFirst,
  Name,
  Word,
  CodeWord,
];

/** The single lexer instance (Chevrotain's performance guide: build it once, reuse it). */
export const policyLexer = new Lexer(allTokens, { positionTracking: "full", ensureOptimizations: false });
