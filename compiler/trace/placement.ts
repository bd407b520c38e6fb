// Whether the published text holds each statement's words where its number says, and whether what is
// set aside among the criteria is set aside for a reason an auditor can read. Finding the words is
// not enough: swapping the texts of I.A.1 and I.A.2 keeps every word in the published text, but a
// denial would then quote the wrong words under a number. Input: the model, the published skeleton
// and where the traceability check matched each quote; output: what is misplaced or unjustified.
// Plain data in and out: no file is read here.

import type { OutlineEntry, PolicyModel } from "../model/policy-model.js";
import type { Quote } from "./quotes.js";
import type { Skeleton } from "./skeleton.js";

/** A match in the published skeleton: its first and last positions. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Match {
  readonly quote: Quote;
  readonly span: Span;
}

export type Misplacement =
  | {
      /** The words stand after another number than the statement's (or after none). */
      readonly kind: "number";
      readonly quote: Quote;
      readonly at: number;
      readonly expected: string;
      readonly printed?: string;
    }
  | {
      /** The words stand outside the section (or statement) the statement belongs to. */
      readonly kind: "outside";
      readonly quote: Quote;
      readonly at: number;
      readonly parent: string;
    };

export interface Unjustified {
  readonly quote: Quote;
  readonly at: number;
  /** The top-level section whose criteria the text stands among. */
  readonly section: string;
  /** Prose among the criteria needs a reading; layout there is only what repeats on every page. */
  readonly kind: "prose without a reading" | "layout printed once";
}

export interface PlacementInput {
  readonly model: PolicyModel;
  readonly skeleton: Skeleton;
  /** Every quote of the policy that was found, where it was found. */
  readonly matches: readonly Match[];
  /** Every occurrence of each layout text that was set aside. */
  readonly layouts: ReadonlyMap<Quote, readonly Span[]>;
}

export interface Placement {
  readonly misplaced: readonly Misplacement[];
  readonly unjustified: readonly Unjustified[];
}

/** A part of an id that the published text prints as a list number: `I`, `A`, `4`, `a`, `iv`. */
const printable = /^(?:[A-Za-z]|\d{1,3}|[IVXLC]{1,7}|[ivxlc]{1,7})$/;

/** The list number printed at the start of the line just before `start` (`4` for `4. The physician...`), if any. */
export function printedNumber(skeleton: Skeleton, start: number): string | undefined {
  const chars = skeleton.chars;
  let first = start;
  while (first > 0 && chars[first - 1]?.marker === true) first--;
  if (first === start || chars[first]?.lineStart !== true) return undefined;
  return chars
    .slice(first, start)
    .map((c) => c.ch)
    .join("")
    .replace(/[.)]$/, "");
}

function lastPart(id: string): string {
  return id.slice(id.lastIndexOf(".") + 1);
}

export function checkPlacement(input: PlacementInput): Placement {
  const { model, skeleton, matches } = input;
  const entries = new Map(model.outline.map((entry) => [entry.id, entry]));
  const topLevel = model.outline.filter((entry) => entry.parent === undefined).map((entry) => entry.id);
  // Where each numbered statement's own words (not its items) start and end.
  const own = new Map<string, Span>();
  for (const { quote, span } of matches) {
    if (quote.numbered !== undefined && quote.numbered.label === undefined) own.set(quote.numbered.id, span);
  }

  const misplaced: Misplacement[] = [];
  for (const { quote, span } of matches) {
    const numbered = quote.numbered;
    if (numbered === undefined) continue;
    const expected = numbered.label ?? lastPart(numbered.id);
    if (printable.test(expected)) {
      const printed = printedNumber(skeleton, span.start);
      if (printed !== expected)
        misplaced.push({
          kind: "number",
          quote,
          at: span.start,
          expected,
          ...(printed === undefined ? {} : { printed }),
        });
    }
    // An item stands under its statement's words; a statement under its parent's, before what follows the parent.
    const parent = numbered.label !== undefined ? numbered.id : entries.get(numbered.id)?.parent;
    if (parent === undefined) continue;
    const parentSpan = own.get(parent);
    if (parentSpan === undefined) continue;
    const bound = followingStart(parent, entries, topLevel, own);
    if (span.start < parentSpan.start || (bound !== undefined && span.start > bound))
      misplaced.push({ kind: "outside", quote, at: span.start, parent });
  }

  return { misplaced, unjustified: unjustified(input, entries, own) };
}

/** Where the published text moves past an entry: the start of the next statement after it and its parts. */
function followingStart(
  id: string,
  entries: ReadonlyMap<string, OutlineEntry>,
  topLevel: readonly string[],
  own: ReadonlyMap<string, Span>,
): number | undefined {
  for (let current = entries.get(id); current !== undefined;) {
    const siblings = current.parent === undefined ? topLevel : (entries.get(current.parent)?.children ?? []);
    const after = siblings.slice(siblings.indexOf(current.id) + 1);
    const starts = after.flatMap((sibling) => {
      const span = own.get(sibling);
      return span === undefined ? [] : [span.start];
    });
    if (starts.length > 0) return Math.min(...starts);
    current = current.parent === undefined ? undefined : entries.get(current.parent);
  }
  return undefined;
}

/** Prose or layout standing among a top-level section's criteria, set aside with no reading an auditor can weigh. */
function unjustified(
  input: PlacementInput,
  entries: ReadonlyMap<string, OutlineEntry>,
  own: ReadonlyMap<string, Span>,
): Unjustified[] {
  const regions = criteriaRegions(input, entries, own);
  const within = (at: number) => regions.find((region) => at >= region.start && at <= region.end)?.section;
  const found: Unjustified[] = [];
  for (const { quote, span } of input.matches) {
    if (!quote.owner.startsWith("prose ") || quote.field !== "text" || quote.hasReading === true) continue;
    const section = within(span.start);
    if (section !== undefined) found.push({ quote, at: span.start, section, kind: "prose without a reading" });
  }
  for (const [quote, spans] of input.layouts) {
    const [only] = spans;
    if (spans.length !== 1 || only === undefined) continue;
    const section = within(only.start);
    if (section !== undefined) found.push({ quote, at: only.start, section, kind: "layout printed once" });
  }
  return found;
}

/** For each top-level section with rules under it: from its words to the end of the last words under it. */
function criteriaRegions(
  input: PlacementInput,
  entries: ReadonlyMap<string, OutlineEntry>,
  own: ReadonlyMap<string, Span>,
): { section: string; start: number; end: number }[] {
  const topOf = (id: string): string => {
    let entry = entries.get(id);
    while (entry?.parent !== undefined) entry = entries.get(entry.parent);
    return entry?.id ?? id;
  };
  const withRules = new Set(
    input.model.outline.filter((entry) => entry.kind === "rule").map((entry) => topOf(entry.id)),
  );
  const ends = new Map<string, number>();
  for (const { quote, span } of input.matches) {
    if (quote.numbered === undefined) continue;
    const top = topOf(quote.numbered.id);
    ends.set(top, Math.max(ends.get(top) ?? span.end, span.end));
  }
  return [...withRules].flatMap((section) => {
    const start = own.get(section)?.start;
    const end = ends.get(section);
    return start === undefined || end === undefined ? [] : [{ section, start, end }];
  });
}
