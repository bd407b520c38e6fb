// The site's Markdown renderer: markdown-it with raw HTML disabled, headings given the same ids as
// GitHub gives them (anchors.ts), the docs' stable anchors (`<a id="criterion-I.A.3"></a>`, the one
// piece of HTML let through, and only in exactly that form), and Mermaid blocks left for the bundled
// Mermaid to draw. The tests parse the generated docs with this same renderer.

import MarkdownIt from "markdown-it";
import type { MarkdownIt as Markdown, Token } from "markdown-it";
import { slug } from "../emit/docs/anchors.js";

/** The text of a heading as GitHub slugs it: its text and code, without markup. */
export function headingText(inline: Token | undefined): string {
  return (inline?.children ?? []).map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : "")).join("");
}

/** Gives every heading an id: its slug, with `-1`, `-2`... after a repeat, as GitHub does. */
function headingIds(md: Markdown): void {
  md.core.ruler.push("heading_ids", (state) => {
    const seen = new Map<string, number>();
    state.tokens.forEach((token, index) => {
      if (token.type !== "heading_open") return;
      const base = slug(headingText(state.tokens[index + 1]));
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      token.attrSet("id", count === 0 ? base : `${base}-${count}`);
    });
  });
}

/** An anchor exactly as anchors.ts writes it; its id holds only letters, digits, `.`, `_` and `-`. */
const stableAnchorTag = /^<a id="([A-Za-z0-9][A-Za-z0-9._-]*)"><\/a>/;

/** Lets the docs' stable anchors through (raw HTML stays off: any other tag is shown as text). */
function stableAnchors(md: Markdown): void {
  md.inline.ruler.before("html_inline", "stable_anchor", (state, silent) => {
    if (!state.src.startsWith('<a id="', state.pos)) return false;
    const match = stableAnchorTag.exec(state.src.slice(state.pos, state.pos + 200));
    if (!match?.[1]) return false;
    if (!silent) state.push("stable_anchor", "a", 0).attrSet("id", match[1]);
    state.pos += match[0].length;
    return true;
  });
  md.renderer.rules["stable_anchor"] = (tokens, index) =>
    `<a id="${md.utils.escapeHtml(String(tokens[index]?.attrGet("id") ?? ""))}"></a>`;
}

/** A ```mermaid block becomes <pre class="mermaid"> holding the escaped diagram source. */
function mermaidBlocks(md: Markdown): void {
  const fence = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, index, options, env, self) => {
    const token = tokens[index];
    if (token?.info.trim() === "mermaid") return `<pre class="mermaid">${md.utils.escapeHtml(token.content)}</pre>\n`;
    return fence ? fence(tokens, index, options, env, self) : self.renderToken(tokens, index, options);
  };
}

export function createMarkdown(): Markdown {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.use(headingIds);
  md.use(stableAnchors);
  md.use(mermaidBlocks);
  return md;
}
