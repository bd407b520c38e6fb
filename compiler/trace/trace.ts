// The traceability check: a policy model and the published text kept beside it in, a TraceReport out.
// 1. Layout (page headers, table headers, headings) is set aside: every whole-line occurrence.
// 2. Every quote of the DSL is looked up in what remains (skeletons: see skeleton.ts). A required
//    quote that is not there is a mismatch, reported with the closest published passage.
// 3. The published text is cut into sentences; each is accounted for when every character of its
//    wording (list numbering aside) lies in a quote that accounts for it.
// Plain data in and out: no file is read here.

import type { PolicyModel } from "../model/policy-model.js";
import { checkPlacement, type Match, type Misplacement, type Span, type Unjustified } from "./placement.js";
import { layoutQuotes, policyQuotes, type Accounting, type Quote } from "./quotes.js";
import { lineColumn, skeletonOf, type Skeleton, type SkeletonChar } from "./skeleton.js";

export interface Place {
  readonly line: number;
  readonly column: number;
}

export interface Mismatch {
  readonly quote: Quote;
  /** Where the published text comes closest, and where the two part. */
  readonly closest?: {
    readonly place: Place;
    /** The words both share just before they part. */
    readonly agreed: string;
    readonly policyHas: string;
    readonly publishedHas: string;
  };
}

export type SentenceAccounting = Accounting | "none";

export interface Sentence {
  readonly line: number;
  readonly text: string;
  readonly accounting: SentenceAccounting;
  /** The statements whose quotes cover it. */
  readonly owners: readonly string[];
}

export interface Omission {
  readonly owner: string;
  readonly reason: string;
  /** Sentences of the published text it accounts for. */
  readonly sentences: number;
}

export interface TraceReport {
  readonly sentences: readonly Sentence[];
  readonly accounted: number;
  readonly total: number;
  readonly counts: Readonly<Record<SentenceAccounting, number>>;
  readonly mismatches: readonly Mismatch[];
  /** Sentences neither encoded nor deliberately not encoded with a reason. */
  readonly unaccounted: readonly Sentence[];
  /** What is deliberately not encoded, with the reason. */
  readonly omissions: readonly Omission[];
  /** Where each quote was found, by `owner` and `field`. */
  readonly found: ReadonlyMap<string, Place>;
  /** Words found, but not under the statement's printed number or not inside its section. */
  readonly misplaced: readonly (Misplacement & { readonly place: Place })[];
  /** Prose without a reading, or layout printed once, among a section's criteria. */
  readonly unjustified: readonly (Unjustified & { readonly place: Place })[];
}

/** Nothing wrong: every quote found where its number says, every sentence accounted for, nothing set aside without a reason. */
export function traceIsClean(
  report: Pick<TraceReport, "mismatches" | "unaccounted" | "misplaced" | "unjustified">,
): boolean {
  return (
    report.mismatches.length === 0 &&
    report.unaccounted.length === 0 &&
    report.misplaced.length === 0 &&
    report.unjustified.length === 0
  );
}

const rank: Readonly<Record<SentenceAccounting, number>> = {
  rule: 5,
  structure: 4,
  notEncoded: 3,
  layout: 2,
  unexplained: 1,
  none: 0,
};

/** Accounted for: encoded, kept as structure, or set aside with a reason. */
export function isAccounted(accounting: SentenceAccounting): boolean {
  return rank[accounting] >= rank.layout;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** The part of the published skeleton still in play, with a map back to its positions. */
class View {
  text = "";
  positions: number[] = [];

  constructor(
    private readonly skeleton: Skeleton,
    removed: ReadonlySet<number>,
  ) {
    const kept: string[] = [];
    skeleton.chars.forEach((c, i) => {
      if (removed.has(i)) return;
      kept.push(c.ch);
      this.positions.push(i);
    });
    this.text = kept.join("");
  }

  char(index: number): SkeletonChar | undefined {
    const position = this.positions[index];
    return position === undefined ? undefined : this.skeleton.chars[position];
  }

  /** A match may not start or end inside a word of the published text. */
  atBoundaries(start: number, end: number): boolean {
    const startsClean =
      start === 0 ||
      this.char(start)?.wordStart === true ||
      !isWordChar(this.text[start - 1]) ||
      !isWordChar(this.text[start]);
    const endsClean =
      end >= this.text.length ||
      this.char(end)?.wordStart === true ||
      !isWordChar(this.text[end - 1]) ||
      !isWordChar(this.text[end]);
    return startsClean && endsClean;
  }

  /** Where the needle's words stand, word for word: the same characters, and words starting at the same places. */
  *occurrences(needle: Skeleton): Generator<number> {
    const text = needle.text;
    if (text === "") return;
    for (let at = this.text.indexOf(text); at >= 0; at = this.text.indexOf(text, at + 1)) {
      if (this.atBoundaries(at, at + text.length) && this.firstSplitWord(needle, at) === undefined) yield at;
    }
  }

  /**
   * The first place (in the needle) where the words part though the characters agree: "private
   * residence" against "privateresidence". Undefined when every word starts where the needle's does
   * (between two letters or digits: a word after punctuation may start with or without a space).
   */
  firstSplitWord(needle: Skeleton, at: number): number | undefined {
    for (let k = 1; k < needle.chars.length; k++) {
      // Punctuation already parts words: "transaction)Unless" reads as "transaction) Unless".
      if (!isWordChar(needle.text[k - 1]) || !isWordChar(needle.text[k])) continue;
      if (needle.chars[k]?.wordStart !== this.char(at + k)?.wordStart) return k;
    }
    return undefined;
  }

  /** Occurrences that stand on lines (or table cells) of their own come first: a heading before a mention of it. */
  alignedFirst(needle: Skeleton): number[] {
    const all = [...this.occurrences(needle)];
    const aligned = all.filter((at) => this.startsLine(at) && this.endsLine(at + needle.text.length));
    return [...aligned, ...all.filter((at) => !aligned.includes(at))];
  }

  private startsLine(at: number): boolean {
    for (let i = at; i >= 0; i--) {
      const c = this.char(i);
      if (!c) return false;
      if (i < at && !c.marker) return false;
      if (c.lineStart || (i === at && c.cellStart)) return true;
    }
    return false;
  }

  private endsLine(end: number): boolean {
    const last = this.char(end - 1);
    const next = this.char(end);
    return last?.lineEnd === true || next === undefined || next.cellStart;
  }
}

/** Months as a revision log writes them: `05/21`, `05/2021`, `2021-05`. */
function monthForms(month: string): string[] {
  const [year = "", mm = ""] = month.split("-");
  return [`${mm}/${year.slice(2)}`, `${mm}/${year}`, month];
}

class Tracer {
  private readonly skeleton: Skeleton;
  /** Per skeleton position: the quotes that cover it. */
  private readonly covered: Quote[][];
  private readonly mismatches: Mismatch[] = [];
  private readonly found = new Map<string, Place>();
  private readonly matches: Match[] = [];
  private readonly layoutSpans = new Map<Quote, Span[]>();

  constructor(
    private readonly model: PolicyModel,
    private readonly published: string,
  ) {
    this.skeleton = skeletonOf(published);
    this.covered = this.skeleton.chars.map((): Quote[] => []);
  }

  private place(position: number | undefined): Place {
    const offset =
      position === undefined ? this.published.length : (this.skeleton.chars[position]?.offset ?? this.published.length);
    return lineColumn(this.published, offset);
  }

  private cover(quote: Quote, positions: readonly number[]): void {
    for (const position of positions) this.covered[position]?.push(quote);
  }

  /** Layout: every occurrence made of whole lines, longest text first; returns the positions set aside. */
  private setAsideLayout(): Set<number> {
    const removed = new Set<number>();
    const layouts = layoutQuotes(this.model).sort(
      (a, b) => skeletonOf(b.text).text.length - skeletonOf(a.text).text.length,
    );
    for (const quote of layouts) {
      const needle = skeletonOf(quote.text);
      const view = new View(this.skeleton, removed);
      const spans: Span[] = [];
      this.layoutSpans.set(quote, spans);
      let count = 0;
      for (const at of [...view.occurrences(needle)]) {
        const positions = view.positions.slice(at, at + needle.text.length);
        const first = this.skeleton.chars[positions[0] ?? -1];
        const last = this.skeleton.chars[positions.at(-1) ?? -1];
        if (!first?.lineStart || !last?.lineEnd) continue;
        if (count === 0) this.found.set(`${quote.owner}#${quote.field}`, this.place(positions[0]));
        count++;
        spans.push({ start: positions[0] ?? 0, end: positions.at(-1) ?? 0 });
        this.cover(quote, positions);
        for (const position of positions) removed.add(position);
      }
      if (count === 0) this.mismatches.push({ quote, ...this.closest(quote.text, new View(this.skeleton, removed)) });
    }
    return removed;
  }

  private matchQuotes(view: View): void {
    /** Start positions already taken, per skeleton text: identical quotes take successive occurrences. */
    const taken = new Map<string, Set<number>>();
    for (const quote of policyQuotes(this.model)) {
      const needle = skeletonOf(quote.text);
      const used = taken.get(needle.text) ?? new Set<number>();
      taken.set(needle.text, used);
      let at: number | undefined;
      for (const candidate of view.alignedFirst(needle)) {
        if (!used.has(candidate)) {
          at = candidate;
          break;
        }
      }
      if (at === undefined) {
        if (quote.required) this.mismatches.push({ quote, ...this.closest(quote.text, view) });
        continue;
      }
      used.add(at);
      this.found.set(`${quote.owner}#${quote.field}`, this.place(view.positions[at]));
      const positions = view.positions.slice(at, at + needle.text.length);
      this.matches.push({ quote, span: { start: positions[0] ?? 0, end: positions.at(-1) ?? 0 } });
      this.cover(quote, positions);
      if (quote.months) this.coverMonths(quote, view, at + needle.text.length);
    }
  }

  /** A revision's row in the revision log: its text, then the reviewed and approved months. */
  private coverMonths(quote: Quote, view: View, from: number): void {
    let at = from;
    for (const month of quote.months ?? []) {
      const form = monthForms(month).find(
        (candidate) => view.text.startsWith(candidate, at) && view.atBoundaries(at, at + candidate.length),
      );
      if (form === undefined) return;
      this.cover(quote, view.positions.slice(at, at + form.length));
      at += form.length;
    }
  }

  /** The published passage closest to a quote that is not there: its longest shared beginning or ending. */
  private closest(text: string, view: View): Pick<Mismatch, "closest"> {
    const quote = skeletonOf(text);
    const split = this.splitWords(text, quote, view);
    if (split) return split;
    const longest = (fits: (length: number) => number | undefined): { length: number; at: number } => {
      let low = 0;
      let high = quote.text.length;
      let best = { length: 0, at: -1 };
      while (low <= high) {
        const middle = Math.floor((low + high) / 2);
        const at = fits(middle);
        if (at !== undefined && middle > 0) {
          best = { length: middle, at };
          low = middle + 1;
        } else if (middle === 0) low = 1;
        else high = middle - 1;
      }
      return best;
    };
    const prefix = longest((length) => {
      const at = view.text.indexOf(quote.text.slice(0, length));
      return at >= 0 ? at : undefined;
    });
    const suffix = longest((length) => {
      const at = view.text.indexOf(quote.text.slice(quote.text.length - length));
      return at >= 0 ? at : undefined;
    });
    if (Math.max(prefix.length, suffix.length) < 12) return {};
    const policyWords = (from: number, to: number) => {
      const start = quote.chars[Math.max(0, from)]?.offset ?? text.length;
      const end = to >= quote.chars.length ? text.length : (quote.chars[to]?.offset ?? text.length);
      return text.slice(start, end).replace(/\s+/g, " ").trim();
    };
    const publishedWords = (from: number, to: number) => {
      const start = view.char(Math.max(0, from))?.offset ?? this.published.length;
      const end = to >= view.text.length ? this.published.length : (view.char(to)?.offset ?? this.published.length);
      return this.published.slice(start, end).replace(/\s+/g, " ").trim();
    };
    const span = 40;
    if (prefix.length >= 12 || prefix.length >= suffix.length) {
      // Part at the start of a word, so that whole words are shown.
      let partQuote = prefix.length;
      while (partQuote > 0 && quote.chars[partQuote]?.wordStart === false) partQuote--;
      const partPublished = prefix.at + partQuote;
      // Where the two agree again after parting: the longest ending of the quote found soon after.
      const window = view.text.slice(partPublished, partPublished + 2 * (quote.text.length - partQuote) + 40);
      const rest = longest((length) => {
        if (length > quote.text.length - partQuote) return undefined;
        const at = window.indexOf(quote.text.slice(quote.text.length - length));
        return at >= 0 ? at : undefined;
      });
      let quoteAgain =
        rest.length > 0 ? quote.text.length - rest.length : Math.min(quote.text.length, partQuote + span);
      let publishedAgain = rest.length > 0 ? partPublished + rest.at : partPublished + span;
      while (rest.length > 0 && quoteAgain < quote.text.length && quote.chars[quoteAgain]?.wordStart === false) {
        quoteAgain++;
        publishedAgain++;
      }
      return {
        closest: {
          place: this.place(view.positions[partPublished]),
          agreed: policyWords(partQuote - span, partQuote),
          policyHas: policyWords(partQuote, Math.min(quoteAgain, partQuote + 2 * span)),
          publishedHas: publishedWords(partPublished, Math.min(publishedAgain, partPublished + 2 * span)),
        },
      };
    }
    const partQuote = quote.text.length - suffix.length;
    const partPublished = suffix.at;
    return {
      closest: {
        place: this.place(view.positions[Math.max(0, partPublished - 1)]),
        agreed: policyWords(partQuote, partQuote + span),
        policyHas: policyWords(partQuote - span, partQuote),
        publishedHas: publishedWords(partPublished - span, partPublished),
      },
    };
  }

  /** The same characters with words joined or split differently ("privateresidence"): where they part. */
  private splitWords(text: string, quote: Skeleton, view: View): Pick<Mismatch, "closest"> | undefined {
    for (let at = view.text.indexOf(quote.text); at >= 0; at = view.text.indexOf(quote.text, at + 1)) {
      const k = view.firstSplitWord(quote, at);
      if (k === undefined) continue;
      // Back to the start of a word both texts start there: "private" of "privateresidence".
      let wordStart = k - 1;
      while (wordStart > 0 && !(quote.chars[wordStart]?.wordStart && view.char(at + wordStart)?.wordStart)) wordStart--;
      const before = Math.max(0, wordStart - 40);
      const offsetIn = (index: number) => quote.chars[index]?.offset ?? text.length;
      const endIn = (index: number) => (quote.chars[index - 1]?.offset ?? text.length - 1) + 1;
      const publishedOffset = (index: number) => view.char(index)?.offset ?? this.published.length;
      const publishedEndAt = (index: number) => (view.char(index - 1)?.offset ?? this.published.length - 1) + 1;
      // Show two words from where they part on each side: "privateresidence" against "private residence".
      const throughNextWord = (starts: (index: number) => boolean) => {
        let end = k;
        for (let words = 0; words < 2 && end < quote.chars.length;) if (starts(++end)) words++;
        return Math.min(end, quote.chars.length);
      };
      const policyEnd = throughNextWord((i) => quote.chars[i]?.wordStart === true);
      const publishedEnd = throughNextWord((i) => view.char(at + i)?.wordStart === true);
      const squash = (s: string) => s.replace(/\s+/g, " ").trim();
      return {
        closest: {
          place: this.place(view.positions[at + wordStart]),
          agreed: squash(text.slice(offsetIn(before), offsetIn(wordStart))),
          policyHas: squash(text.slice(offsetIn(wordStart), endIn(policyEnd))),
          publishedHas: squash(
            this.published.slice(publishedOffset(at + wordStart), publishedEndAt(at + publishedEnd)),
          ),
        },
      };
    }
    return undefined;
  }

  /** The published text's sentences: split at line breaks, table cells and sentence ends. */
  private sentences(): Sentence[] {
    const groups: number[][] = [];
    let current: number[] = [];
    const chars = this.skeleton.chars;
    chars.forEach((c, i) => {
      if (current.length > 0 && (c.lineStart || c.cellStart || this.endsSentence(i - 1))) {
        groups.push(current);
        current = [];
      }
      current.push(i);
    });
    if (current.length > 0) groups.push(current);
    return groups.flatMap((positions) => {
      const wording = positions.filter((position) => !chars[position]?.marker);
      if (wording.length === 0) return [];
      let accounting: SentenceAccounting = "rule";
      const owners = new Set<string>();
      for (const position of wording) {
        const quotes = this.covered[position] ?? [];
        let best: SentenceAccounting = "none";
        for (const quote of quotes) {
          owners.add(quote.owner);
          if (rank[quote.accounting] > rank[best]) best = quote.accounting;
        }
        if (rank[best] < rank[accounting]) accounting = best;
      }
      const first = chars[positions[0] ?? 0];
      const last = chars[positions.at(-1) ?? 0];
      const text = first && last ? this.published.slice(first.offset, last.offset + 1).replace(/\s+/g, " ") : "";
      return [{ line: this.place(positions[0]).line, text, accounting, owners: [...owners] }];
    });
  }

  /** A sentence ends at `.`, `!` or `?` before a new word that does not start in lower case, unless it ends an abbreviation (`U.S.C.`). */
  private endsSentence(index: number): boolean {
    const chars = this.skeleton.chars;
    const c = chars[index];
    const next = chars[index + 1];
    if (!c || !next || !/[.!?]/.test(c.ch) || !next.wordStart || /\p{Ll}/u.test(next.ch)) return false;
    let start = index;
    while (start > 0 && !chars[start]?.wordStart) start--;
    const word = chars
      .slice(start, index + 1)
      .map((x) => x.ch)
      .join("");
    return !/^(?:\p{L}\.){2,}$/u.test(word);
  }

  run(): TraceReport {
    const removed = this.setAsideLayout();
    this.matchQuotes(new View(this.skeleton, removed));
    const sentences = this.sentences();
    const counts: Record<SentenceAccounting, number> = {
      rule: 0,
      structure: 0,
      notEncoded: 0,
      layout: 0,
      unexplained: 0,
      none: 0,
    };
    for (const sentence of sentences) counts[sentence.accounting]++;
    const omissionCounts = new Map<string, { owner: string; reason: string; sentences: number }>();
    for (const quote of [...layoutQuotes(this.model), ...policyQuotes(this.model)]) {
      if (quote.reason !== undefined && !omissionCounts.has(quote.owner))
        omissionCounts.set(quote.owner, { owner: quote.owner, reason: quote.reason, sentences: 0 });
    }
    for (const sentence of sentences) {
      if (sentence.accounting !== "notEncoded" && sentence.accounting !== "layout") continue;
      for (const owner of sentence.owners) {
        const omission = omissionCounts.get(owner);
        if (omission) omission.sentences++;
      }
    }
    const unaccounted = sentences.filter((sentence) => !isAccounted(sentence.accounting));
    const placement = checkPlacement({
      model: this.model,
      skeleton: this.skeleton,
      matches: this.matches,
      layouts: this.layoutSpans,
    });
    return {
      sentences,
      accounted: sentences.length - unaccounted.length,
      total: sentences.length,
      counts,
      mismatches: this.mismatches,
      unaccounted,
      omissions: [...omissionCounts.values()],
      found: this.found,
      misplaced: placement.misplaced.map((m) => ({ ...m, place: this.place(m.at) })),
      unjustified: placement.unjustified.map((u) => ({ ...u, place: this.place(u.at) })),
    };
  }
}

/** Checks a policy model against its published text. */
export function tracePolicy(model: PolicyModel, published: string): TraceReport {
  return new Tracer(model, published.replace(/\r\n/g, "\n")).run();
}

/** The share accounted for, as the docs print it: `100%`, `97.4%`. */
export function sharePercent(report: Pick<TraceReport, "accounted" | "total">): string {
  if (report.total === 0) return "100%";
  const share = (report.accounted * 100) / report.total;
  return share === 100 ? "100%" : `${(Math.floor(share * 10) / 10).toFixed(1)}%`;
}
