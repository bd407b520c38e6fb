// The comparable form of a text, for the traceability check: a published policy (PDF text with a
// little Markdown) or a quoted text of the DSL in, its "skeleton" out: the characters that carry
// words, whitespace and markup removed and quote styles unified, each remembering where it came from.
// Two texts agree when their skeletons are equal, so line wrapping, spacing, bullets, emphasis and
// curly quotes never make a mismatch, while any changed word, letter or punctuation mark does.

export interface SkeletonChar {
  readonly ch: string;
  /** Offset in the original text. */
  readonly offset: number;
  /** Whitespace (or the start of the text) comes before it. */
  readonly wordStart: boolean;
  /** First and last kept character of its line. */
  readonly lineStart: boolean;
  lineEnd: boolean;
  /** First kept character of a table cell (after a tab). */
  readonly cellStart: boolean;
  /** Part of a list marker at the start of a line (`a.`, `3.`, `II.`): numbering, not wording. */
  readonly marker: boolean;
}

export interface Skeleton {
  readonly text: string;
  readonly chars: readonly SkeletonChar[];
}

const doubleQuotes = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/;
const singleQuotes = /[\u2018\u2019\u201a\u201b\u2032]/;
const superscripts = /[\u00b9\u00b2\u00b3\u2070-\u2079]/;
const bullet = /^\s*[-\u2022]\s+/;
const listMarker = /^(?:[A-Za-z]|\d{1,3}|[IVXivx]{1,5})[.)](?=\s)/;

/** Offsets within a line that are markup: link brackets and targets, autolink brackets, escapes, emphasis. */
function markupOffsets(line: string): Set<number> {
  const dropped = new Set<number>();
  const dropRange = (from: number, to: number) => {
    for (let i = from; i < to; i++) dropped.add(i);
  };
  // [text](target): keep the text, drop the brackets and the target.
  for (const match of line.matchAll(/\[((?:[^\]\\]|\\.)*)\]\(([^)\s]*)\)/g)) {
    const start = match.index;
    const textEnd = start + 1 + (match[1]?.length ?? 0);
    dropped.add(start);
    dropRange(textEnd, start + match[0].length);
  }
  // <https://...>: keep the address.
  for (const match of line.matchAll(/<(https?:\/\/[^>\s]+)>/g)) {
    dropped.add(match.index);
    dropped.add(match.index + match[0].length - 1);
  }
  // [®]: a symbol set in brackets by the PDF conversion.
  for (const match of line.matchAll(/\[([^\p{L}\p{N}\s])\]/gu)) {
    dropped.add(match.index);
    dropped.add(match.index + 2);
  }
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "\\" && i + 1 < line.length && /[()[\]*_\\.#<>|-]/.test(line[i + 1] ?? "")) {
      dropped.add(i);
      i++;
    } else if (ch === "*" || superscripts.test(ch ?? "")) {
      dropped.add(i);
    }
  }
  return dropped;
}

function normaliseChar(ch: string): string {
  if (doubleQuotes.test(ch)) return '"';
  if (singleQuotes.test(ch)) return "'";
  return ch;
}

/** The skeleton of a text, line by line; `offsetBase` is added to every recorded offset. */
export function skeletonOf(text: string): Skeleton {
  const chars: SkeletonChar[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    const dropped = markupOffsets(line);
    // A bullet at the start of the line is layout; a list marker after it is kept but flagged.
    const bulletMatch = bullet.exec(line.replace(/\*/g, " "));
    const bodyStart = bulletMatch ? bulletMatch[0].length : (/^\s*/.exec(line)?.[0].length ?? 0);
    const cleanedBody = [...line.slice(bodyStart)].map((ch, i) => (dropped.has(bodyStart + i) ? " " : ch)).join("");
    const markerMatch = listMarker.exec(cleanedBody);
    const markerEnd = markerMatch ? bodyStart + markerMatch[0].length : bodyStart;
    let wordStart = true;
    let lineStart = true;
    let cellStart = true;
    let last: SkeletonChar | undefined;
    for (let i = bodyStart; i < line.length; i++) {
      const ch = line[i] ?? "";
      if (dropped.has(i)) continue;
      if (/\s/.test(ch)) {
        wordStart = true;
        if (ch === "\t") cellStart = true;
        continue;
      }
      last = {
        ch: normaliseChar(ch),
        offset: offset + i,
        wordStart,
        lineStart,
        lineEnd: false,
        cellStart,
        marker: i < markerEnd,
      };
      chars.push(last);
      wordStart = false;
      lineStart = false;
      cellStart = false;
    }
    if (last) last.lineEnd = true;
    offset += line.length + 1;
  }
  return { text: chars.map((c) => c.ch).join(""), chars };
}

/** Line and column (from 1) of an offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}
