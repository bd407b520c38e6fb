// The nesting limit, checked on the token stream before the parser runs. Every later stage (the
// parser, cst-to-ast, the checker, lowering, both emitters, prettier) walks conditions and
// arithmetic recursively, so a condition nested thousands deep would overflow the stack. This scan
// is a loop: it finds where a file nests deeper than `maxNestingDepth`, reports PC007 there, and
// hands the parser a bounded token stream in which that part is replaced by a neutral stand-in.

import { createTokenInstance, type IToken, type TokenType } from "chevrotain";
import { catalogue } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { NestingSubject } from "../diagnostics/message-arguments.js";
import { tokenSpan } from "./cst-tokens.js";
import { Divide, keywords as K, LParen, Minus, Name, NumberLiteral, Plus, RParen, Times } from "./tokens.js";

/** How deep conditions and arithmetic may nest, and how many dot-separated parts a name may have. */
export const maxNestingDepth = 64;

/**
 * What an open parenthesis starts: a condition (or the list of `at least N of`), arithmetic, or a
 * list of values (`is one of (...)`), which holds only values and so never nests.
 */
type FrameKind = "condition" | "arithmetic" | "values";

interface Frame {
  readonly kind: FrameKind;
  /** The levels this frame adds by itself: 1, or 0 for a list of values. */
  readonly own: number;
  /** `not`s waiting for their operand, which is inside this frame. */
  nots: number;
  /** Operators of the arithmetic in this frame so far: `a + b * c` nests two deep in the AST. */
  operators: number;
}

const arithmeticOperators: ReadonlySet<TokenType> = new Set([Plus, Minus, Times, Divide]);
/** Words between a `not` and the parenthesis it applies to: `not at least 2 of (`. */
const quantifierWords: ReadonlySet<TokenType> = new Set([K.all, K.any, K.at, K.least, K.one, K.of, NumberLiteral]);
/** Words after which `not` is a clause's or a value's, not a condition's: `expect not covered`, `is not`. */
const notAfter: ReadonlySet<TokenType> = new Set([K.is, K.contains, K.expect]);
const notBefore: ReadonlySet<TokenType> = new Set([K.covered, K.encoded, K.billed]);
/** Words that arithmetic follows: `units at most (`, and its operators. */
const arithmeticAfter: ReadonlySet<TokenType> = new Set([K.most, ...arithmeticOperators]);

export interface BoundedTokens {
  /** The tokens to parse: the input, with each part nested too deep replaced by a stand-in. */
  readonly tokens: IToken[];
  readonly diagnostics: Diagnostic[];
}

function is(token: IToken | undefined, type: TokenType): boolean {
  return token?.tokenType === type;
}

/** A stand-in for a part nested too deep, at its place: `yes` in a condition, `1` in arithmetic. */
function standIn(at: IToken, arithmetic: boolean): IToken {
  const type = arithmetic ? NumberLiteral : K.yes;
  return createTokenInstance(
    type,
    arithmetic ? "1" : "yes",
    at.startOffset,
    at.endOffset ?? at.startOffset,
    at.startLine ?? 1,
    at.endLine ?? at.startLine ?? 1,
    at.startColumn ?? 1,
    at.endColumn ?? at.startColumn ?? 1,
  );
}

/** Whether a name has more than `maxNestingDepth` dot-separated parts (each part takes two characters at least). */
function hasTooManyParts(image: string): boolean {
  if (image.length < 2 * maxNestingDepth + 1) return false;
  let parts = 1;
  for (let index = image.indexOf("."); index >= 0; index = image.indexOf(".", index + 1)) parts++;
  return parts > maxNestingDepth;
}

/** A name shortened for a message: a name of ten thousand parts would make a very long line. */
function shortName(image: string): string {
  return image.length <= 40 ? image : `${image.slice(0, 40)}...`;
}

class NestingScan {
  readonly out: IToken[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly frames: Frame[] = [{ kind: "condition", own: 0, nots: 0, operators: 0 }];
  private depth = 0;
  /** Set when a run of `not`s was cut: the parenthesis right after is their operand, and already reported. */
  private cutNots = false;

  constructor(
    private readonly tokens: readonly IToken[],
    private readonly path: string,
  ) {}

  private get top(): Frame {
    return this.frames[this.frames.length - 1] as Frame;
  }

  private report(token: IToken, nesting: NestingSubject, hint: string): void {
    this.diagnostics.push(
      diagnostic(catalogue.nestingTooDeep, this.path, tokenSpan(token), { nesting, limit: maxNestingDepth }, { hint }),
    );
  }

  private reportCondition(token: IToken): void {
    this.report(
      token,
      { what: "condition" },
      'Give a part of the condition a name with `define name "label" as <condition>`, and use the name here.',
    );
  }

  private reportArithmetic(token: IToken): void {
    this.report(token, { what: "arithmetic" }, "Write the limit with fewer operations.");
  }

  /** The `not`s pending in the current frame have their operand: a predicate, or a closed parenthesis. */
  private operandEnded(): void {
    this.depth -= this.top.nots;
    this.top.nots = 0;
  }

  private arithmeticEnded(): void {
    this.depth -= this.top.operators;
    this.top.operators = 0;
  }

  /** What the parenthesis at `index` opens. */
  private frameKind(index: number): FrameKind {
    const before = (back: number) => this.tokens[index - back];
    if (is(before(1), K.of)) {
      // `is one of (`, `is not one of (` and `contains all of (` list values; `at least one of (` and `all of (` list conditions.
      if (is(before(2), K.one) && (is(before(3), K.is) || is(before(3), K.not))) return "values";
      if ((is(before(2), K.all) || is(before(2), K.any)) && is(before(3), K.contains)) return "values";
    }
    const previous = before(1);
    if (previous && arithmeticAfter.has(previous.tokenType)) return "arithmetic";
    if (is(previous, LParen) && this.top.kind === "arithmetic") return "arithmetic";
    return "condition";
  }

  /** Where the condition opened by the parenthesis at `index` starts: at `all` in `all of (`, else there. */
  private groupStart(index: number): number {
    const before = (back: number) => this.tokens[index - back];
    if (!is(before(1), K.of)) return index;
    if ((is(before(2), K.all) || is(before(2), K.any)) && !is(before(3), K.contains)) return index - 2;
    if ((is(before(2), K.one) || is(before(2), NumberLiteral)) && is(before(3), K.least) && is(before(4), K.at))
      return index - 4;
    return index;
  }

  /** The index of the parenthesis that closes the one at `open`, or the last index when none does. */
  private closing(open: number): number {
    let balance = 0;
    for (let index = open; index < this.tokens.length; index++) {
      const token = this.tokens[index];
      if (is(token, LParen)) balance++;
      if (is(token, RParen) && --balance === 0) return index;
    }
    return this.tokens.length - 1;
  }

  /** The end (exclusive) of the arithmetic of the current frame from `from`: its `)`, or the first word that is not arithmetic. */
  private arithmeticEnd(from: number): number {
    let balance = 0;
    for (let index = from; index < this.tokens.length; index++) {
      const token = this.tokens[index] as IToken;
      if (is(token, LParen)) balance++;
      else if (is(token, RParen)) {
        if (balance === 0) return index;
        balance--;
      } else if (
        balance === 0 &&
        !arithmeticOperators.has(token.tokenType) &&
        !is(token, Name) &&
        !is(token, NumberLiteral)
      )
        return index;
    }
    return this.tokens.length;
  }

  /**
   * Whether the operator at `index` joins two operands: only then does it deepen the AST. A run of
   * dashes (a comment that lost its `#`) is a syntax error, not arithmetic.
   */
  private followsOperand(index: number): boolean {
    const previous = this.tokens[index - 1];
    return is(previous, Name) || is(previous, NumberLiteral) || is(previous, RParen);
  }

  private isPrefixNot(index: number): boolean {
    const previous = this.tokens[index - 1];
    const next = this.tokens[index + 1];
    if (this.top.kind === "values") return false;
    if (previous && notAfter.has(previous.tokenType)) return false;
    return !(next && notBefore.has(next.tokenType));
  }

  /** Scans from `index`; returns the index to go on from. */
  private step(index: number): number {
    const token = this.tokens[index] as IToken;
    const type = token.tokenType;
    if (type === LParen) return this.open(index);
    if (type === RParen) {
      if (this.frames.length > 1) {
        const closed = this.frames.pop() as Frame;
        this.depth -= closed.own + closed.nots + closed.operators;
      }
      this.operandEnded();
      this.cutNots = false;
      this.out.push(token);
      return index + 1;
    }
    if (type === K.not && this.isPrefixNot(index)) {
      if (this.depth + 1 > maxNestingDepth) return this.cutNotRun(index);
      this.top.nots++;
      this.depth++;
      this.out.push(token);
      return index + 1;
    }
    if (arithmeticOperators.has(type) && this.followsOperand(index)) {
      if (this.depth + 1 > maxNestingDepth) {
        this.reportArithmetic(token);
        return this.arithmeticEnd(index);
      }
      this.top.operators++;
      this.depth++;
      this.out.push(token);
      return index + 1;
    }
    if (type === Name && hasTooManyParts(token.image)) {
      this.report(
        token,
        { what: "name", name: shortName(token.image) },
        `Use a name of at most ${maxNestingDepth} parts separated by dots, such as \`I.A.3\`.`,
      );
    }
    if (!quantifierWords.has(type)) {
      this.operandEnded();
      this.cutNots = false;
    }
    if (type !== Name && type !== NumberLiteral) this.arithmeticEnded();
    this.out.push(token);
    return index + 1;
  }

  private open(index: number): number {
    const token = this.tokens[index] as IToken;
    const kind = this.frameKind(index);
    const own = kind === "values" ? 0 : 1;
    if (this.depth + own <= maxNestingDepth) {
      this.frames.push({ kind, own, nots: 0, operators: 0 });
      this.depth += own;
      this.out.push(token);
      return index + 1;
    }
    // Too deep: the whole parenthesis (with its `all of`, say) becomes one neutral stand-in.
    const start = kind === "condition" ? this.groupStart(index) : index;
    if (this.cutNots) this.cutNots = false;
    else if (kind === "arithmetic") this.reportArithmetic(this.tokens[start] as IToken);
    else this.reportCondition(this.tokens[start] as IToken);
    this.out.length -= index - start;
    this.out.push(standIn(this.tokens[start] as IToken, kind === "arithmetic"));
    this.operandEnded();
    return this.closing(index) + 1;
  }

  /** Too many `not`s: the run is cut where it crosses the limit; what follows is their operand. */
  private cutNotRun(index: number): number {
    this.reportCondition(this.tokens[index] as IToken);
    let next = index;
    while (is(this.tokens[next], K.not)) next++;
    this.cutNots = true;
    return next;
  }

  run(): void {
    for (let index = 0; index < this.tokens.length;) index = this.step(index);
  }
}

/**
 * The tokens of a file with every part nested deeper than `maxNestingDepth` replaced by a stand-in,
 * and a PC007 diagnostic at the token where each crosses the limit. Names of more than
 * `maxNestingDepth` parts are reported too (the fact groups and the outline are walked recursively).
 */
export function boundNesting(tokens: readonly IToken[], path: string): BoundedTokens {
  const scan = new NestingScan(tokens, path);
  scan.run();
  return { tokens: scan.out, diagnostics: scan.diagnostics };
}
