// Reading generated Markdown the way the site does (compiler/site/markdown.ts: markdown-it, raw HTML
// off, GitHub's heading ids): the headings with their ids, the links, the tables and their rows.

import type { Token } from "markdown-it";
import { createMarkdown, headingText } from "../../compiler/site/markdown.js";

export interface Heading {
  readonly level: number;
  readonly text: string;
  readonly id: string;
}

export interface ParsedDoc {
  readonly tokens: readonly Token[];
  readonly headings: readonly Heading[];
  readonly links: readonly string[];
  /** The stable anchors (`criterion-I.A.3`, `fact-member.age`), in order. */
  readonly anchors: readonly string[];
  /** Each table's source lines: header, delimiter row, body rows. */
  readonly tables: readonly (readonly string[])[];
}

function walk(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    if (token.children) walk(token.children, visit);
  }
}

export function parseDoc(markdown: string): ParsedDoc {
  const md = createMarkdown();
  const tokens = md.parse(markdown, {});
  // The core rule that sets heading ids runs during parse.
  const headings: Heading[] = [];
  tokens.forEach((token, index) => {
    if (token.type === "heading_open")
      headings.push({
        level: Number(token.tag.slice(1)),
        text: headingText(tokens[index + 1]),
        id: String(token.attrGet("id") ?? ""),
      });
  });
  const links: string[] = [];
  const anchors: string[] = [];
  walk(tokens, (token) => {
    if (token.type === "link_open") links.push(String(token.attrGet("href") ?? ""));
    if (token.type === "stable_anchor") anchors.push(String(token.attrGet("id") ?? ""));
  });
  const lines = markdown.split("\n");
  const tables = tokens
    .filter((token) => token.type === "table_open" && token.map)
    .map((token) => lines.slice(token.map?.[0], token.map?.[1]));
  return { tokens, headings, links, anchors, tables };
}

/** The cells of a table row, split at pipes that are not escaped. */
export function cells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, "").replace(/\|$/, "");
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/** The id of the heading that reads `text` exactly. */
export function headingId(doc: ParsedDoc, text: string): string | undefined {
  return doc.headings.find((heading) => heading.text === text)?.id;
}

/** The text a block shows, after the heading whose id is given: the inline content of the next blockquote. */
export function quoteAfter(doc: ParsedDoc, id: string): string | undefined {
  const tokens = doc.tokens;
  const start = tokens.findIndex((token) => token.type === "heading_open" && token.attrGet("id") === id);
  if (start < 0) return undefined;
  const open = tokens.findIndex((token, i) => i > start && token.type === "blockquote_open");
  const close = tokens.findIndex((token, i) => i > open && token.type === "blockquote_close");
  const parts: string[] = [];
  for (const token of tokens.slice(open, close)) {
    if (token.type === "paragraph_close" && parts.length > 0) parts.push("\n\n");
    for (const child of token.children ?? []) {
      if (child.type === "text" || child.type === "code_inline") parts.push(child.content);
      else if (child.type === "softbreak" || child.type === "hardbreak") parts.push("\n");
      else parts.push(`<${child.type}>`);
    }
  }
  return parts.join("").trim();
}
