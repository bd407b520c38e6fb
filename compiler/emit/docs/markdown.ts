// Markdown as structure, then printed: the blocks the docs emitter builds, the inline text they hold,
// and the one escaping function every text from a policy goes through. An `Inline` can only be made
// by the functions below, so a policy's words can never reach the page as Markdown or HTML.

import { anchorTag, stableAnchor } from "./anchors.js";

declare const inlineBrand: unique symbol;
/** Markdown inline text that is safe to print as it is. */
export type Inline = string & { readonly [inlineBrand]: true };

/**
 * The one escaping function: text from a policy as Markdown that renders as exactly that text.
 * Every character that can start inline structure is backslash-escaped (CommonMark allows it before
 * any ASCII punctuation), and so is whatever could start a block at the start of a line.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|~&$]/g, "\\$&")
    .replace(/^(\s*)([-+=>:])/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/gm, "$1\\$2");
}

/**
 * Inline text back to the plain text it shows (for a message written from the docs' words): links
 * become their labels, code spans their names, and escaped characters themselves.
 */
export function plainText(inline: Inline): string {
  // One pass from the left, so that an escaped character is never read as the start of a link.
  // eslint-disable-next-line no-control-regex -- the NUL characters mark an anchor link's key (anchorLink).
  const marks = /\\(.)|`|\[|\]\(#\u0000[^\u0000]*\u0000\)/g;
  return inline.replace(marks, (_match, escaped: string | undefined) => escaped ?? "");
}

/** Policy text on one line (table cells, headings, list items): line breaks become spaces. */
export function text(value: string): Inline {
  return escapeMarkdown(value.replace(/\s*\n\s*/g, " ").trim()) as Inline;
}

/** Our own words, written in this compiler: never text from a policy. */
export function words(strings: TemplateStringsArray, ...parts: readonly Inline[]): Inline {
  return strings.reduce((out, literal, i) => out + literal + (parts[i] ?? ""), "") as Inline;
}

/**
 * A name of the DSL (a fact, a value, an id) or a checked path in a code span. Anything else (a
 * backtick, a table's `|`, a line break) could end the span or the table cell: shown as plain text.
 */
export function code(name: string): Inline {
  return (/^[A-Za-z0-9_.\-/: ]+$/.test(name) ? `\`${name}\`` : text(name)) as Inline;
}

export function strong(inline: Inline): Inline {
  return `**${inline}**` as Inline;
}

export function emphasis(inline: Inline): Inline {
  return `_${inline}_` as Inline;
}

/** A stable anchor for a key, placed where it stands (a fact's row of the facts table). */
export function anchor(key: string): Inline {
  return anchorTag(key) as Inline;
}

/** A link inside this document, to the heading with this key (resolved by `printMarkdown`). */
export function anchorLink(label: Inline, key: string): Inline {
  return `[${label}](#\u0000${key}\u0000)` as Inline;
}

/** A link to a web address from a policy; anything but http(s) is shown as text, not linked. */
export function webLink(label: Inline, address: string): Inline {
  if (!/^https?:\/\/[^\s<>]+$/.test(address)) return label;
  const destination = address.replace(/[()\\]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${label}](${destination})` as Inline;
}

/** A count with its digits grouped by thousands, whatever the machine's locale: `13,529,146,982,400`. */
export function grouped(count: bigint): string {
  return count.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function join(parts: readonly Inline[], separator: string): Inline {
  return parts.join(separator) as Inline;
}

/** `a`, `a and b`, `a, b and c`. */
export function series(parts: readonly Inline[], conjunction: "and" | "or" | "nor"): Inline {
  if (parts.length <= 1) return (parts[0] ?? "") as Inline;
  return `${parts.slice(0, -1).join(", ")} ${conjunction} ${parts.at(-1) ?? ""}` as Inline;
}

export interface ListItem {
  readonly text: Inline;
  readonly children?: readonly Block[];
}

export type Block =
  /** `key` names the heading for links (`criterion I.A.3`); the heading holds its stable anchor. */
  | { readonly kind: "heading"; readonly level: number; readonly text: Inline; readonly key?: string }
  | { readonly kind: "paragraph"; readonly text: Inline }
  /** Lines shown one under the other (hard line breaks), such as a policy text's list items. */
  | { readonly kind: "lines"; readonly lines: readonly Inline[] }
  | { readonly kind: "list"; readonly items: readonly ListItem[] }
  | { readonly kind: "table"; readonly header: readonly Inline[]; readonly rows: readonly (readonly Inline[])[] }
  | { readonly kind: "quote"; readonly blocks: readonly Block[] }
  | { readonly kind: "fence"; readonly info: string; readonly code: string }
  /** Printed nowhere by Markdown viewers: a link reference definition whose title holds the text. */
  | { readonly kind: "comment"; readonly text: string };

/** A policy text as blocks: its paragraphs, and inside each its lines (list items of a text block). */
export function policyText(value: string): Block[] {
  return value
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.split("\n").map((line) => text(line)))
    .filter((lines) => lines.some((line) => line !== ""))
    .map((lines): Block =>
      lines.length === 1 ? { kind: "paragraph", text: lines[0] ?? ("" as Inline) } : { kind: "lines", lines },
    );
}

function indent(lines: string, prefix: string, first: string): string {
  return lines
    .split("\n")
    .map((line, i) => (i === 0 ? first : line === "" ? "" : prefix) + line)
    .join("\n");
}

function printBlock(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `${"#".repeat(block.level)} ${block.key === undefined ? "" : anchorTag(block.key)}${block.text}`;
    case "paragraph":
      return block.text;
    case "lines":
      return block.lines.join("\\\n");
    case "list":
      return block.items
        .map((item) => {
          const children = (item.children ?? []).map(printBlock).join("\n\n");
          const body = children === "" ? item.text : `${item.text}\n\n${children}`;
          return indent(body, "  ", "- ");
        })
        .join("\n");
    case "table": {
      const row = (cells: readonly string[]) => `| ${cells.map((cell) => (cell === "" ? " " : cell)).join(" | ")} |`;
      return [row(block.header), row(block.header.map(() => "---")), ...block.rows.map(row)].join("\n");
    }
    case "quote":
      return block.blocks
        .map(printBlock)
        .join("\n\n")
        .split("\n")
        .map((line) => (line === "" ? ">" : `> ${line}`))
        .join("\n");
    case "fence":
      return `\`\`\`${block.info}\n${block.code}\n\`\`\``;
    case "comment":
      // A link reference definition's title ends at a quote and cannot span a blank line: one line, no quotes.
      return `[//]: # "${block.text.replace(/["\\]/g, "'").replace(/[\r\n\u2028\u2029]+/g, " ")}"`;
  }
}

/** A link's key as anchorLink writes it, between NUL characters: no text from a policy holds one. */
// eslint-disable-next-line no-control-regex -- the NUL characters are the marks this finds.
const anchorKey = /#\u0000([^\u0000]*)\u0000/g;

/**
 * The document's Markdown, with every link to a key pointing at the key's stable anchor (a key with
 * no anchor keeps a link that the docs tests report as broken).
 */
export function printMarkdown(blocks: readonly Block[]): string {
  const printed = `${blocks.map(printBlock).join("\n\n")}\n`.replace(/[ \t]+$/gm, "");
  return printed.replace(anchorKey, (_, key: string) => `#${stableAnchor(key)}`);
}
