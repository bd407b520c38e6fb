// `npm run docs`: the generated docs of every policy (generated/<slug>/README.md) rendered to a static
// site: an index page listing the policies, one page per policy, and Mermaid bundled beside them so
// that the diagrams are drawn with no network. Markdown in, HTML files out; nothing else is read.
// Only folders under generated/ with a safe name become pages: every link is built from a checked name.

import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { createMarkdown } from "./markdown.js";
import { isSafeName } from "../files/names.js";
import { readRegularFile } from "../files/read-file.js";
import { siteMarker } from "./site-folder.js";
import { compareText } from "../diagnostics/compare-text.js";

export interface SitePage {
  readonly slug: string;
  readonly title: string;
}

// Headings stay larger than body text at every level; on screen a wide table scrolls, on paper it
// wraps (a scrolled table would be cut off at the page edge).
const style = `body { font-family: system-ui, sans-serif; font-size: 1rem; line-height: 1.5; max-width: 70rem; margin: 0 auto; padding: 1rem 2rem; color: #1b1f24; }
h1 { font-size: 2rem; } h2 { font-size: 1.6rem; } h3 { font-size: 1.35rem; } h4 { font-size: 1.2rem; } h5 { font-size: 1.1rem; } h6 { font-size: 1.05rem; }
table { border-collapse: collapse; margin: 1rem 0; display: block; overflow-x: auto; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem; vertical-align: top; }
blockquote { margin: 0.5rem 0; padding: 0.2rem 1rem; border-left: 0.25rem solid #8c959f; background: #f6f8fa; }
code { background: #eff1f3; padding: 0 0.2rem; border-radius: 0.2rem; }
pre.mermaid { background: none; }
:target, :has(> a:target) { background: #fff8c5; }
a[id] { scroll-margin-top: 1rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  table { display: table; width: 100%; table-layout: auto; }
  th, td { overflow-wrap: anywhere; }
  thead { display: table-header-group; }
  tr, blockquote, pre { break-inside: avoid; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  .site-nav { display: none; }
}
`;

/** The policy's identity, read from the header table its docs start with, for the printed pages' running header. */
interface PrintedIdentity {
  readonly reference: string;
  readonly revision: string;
  readonly hash: string;
}

function printedIdentity(markdown: string): PrintedIdentity | undefined {
  const reference = /^\| Reference number \| ([^|]+?) \|$/m.exec(markdown)?.[1];
  const revision = /^\| Revision in force \| ([^,|]+?),/m.exec(markdown)?.[1];
  const hash = /sha256 `([0-9a-f]{64})`/.exec(markdown)?.[1];
  return reference && revision && hash ? { reference, revision, hash } : undefined;
}

/** A CSS string's content: only characters that can never end the string or the rule. */
function cssText(value: string): string {
  return value.replace(/[^A-Za-z0-9 ._:/-]/g, " ");
}

/** The running header and footer of each printed page: policy, revision in force, source hash, page. */
function printStyle(identity: PrintedIdentity | undefined): string {
  if (!identity) return "";
  const left = cssText(`${identity.reference} - revision ${identity.revision}`);
  const right = cssText(`source sha256 ${identity.hash.slice(0, 16)}`);
  return `<style>
@page { margin: 18mm 14mm; @top-left { content: "${left}"; font-size: 8pt; } @top-right { content: "${right}"; font-size: 8pt; } @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; } }
</style>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function page(title: string, body: string, assets: string, head = ""): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${assets}/style.css">
${head}</head>
<body>
${body}
<script src="${assets}/mermaid.min.js"></script>
<script>mermaid.initialize({ startOnLoad: true, securityLevel: "strict" });</script>
</body>
</html>
`;
}

/** Where the bundled Mermaid is: the dist file of the `mermaid` package. */
function mermaidScript(): string {
  return createRequire(import.meta.url).resolve("mermaid/dist/mermaid.min.js");
}

/** A page pinned to a revision: `revisions/2024-05.md` under the policy's folder. */
interface PinnedPage {
  readonly revision: string;
  readonly markdown: string;
}

/** The pages pinned to each earlier revision, by their file names (`YYYY-MM.md` only), oldest first. */
function pinnedPages(folder: string): PinnedPage[] {
  const revisions = join(folder, "revisions");
  if (!existsSync(revisions)) return [];
  return readdirSync(revisions, { withFileTypes: true })
    .flatMap((entry) => {
      const revision = /^(\d{4}-\d{2})\.md$/.exec(entry.name)?.[1];
      if (!entry.isFile() || revision === undefined) return [];
      const read = readRegularFile(join(revisions, entry.name));
      return read.kind === "text" ? [{ revision, markdown: read.text }] : [];
    })
    .sort((a, b) => compareText(a.revision, b.revision));
}

/**
 * The docs of each policy under generated/: folders with a safe name holding a README.md file, the
 * policy in its published order when the build wrote it, and the pages pinned to earlier revisions.
 */
function policyDocs(
  generated: string,
): { slug: string; markdown: string; publishedOrder?: string; pinned: PinnedPage[] }[] {
  if (!existsSync(generated)) return [];
  return readdirSync(generated, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && isSafeName(entry.name))
    .map((entry) => ({
      slug: entry.name,
      read: readRegularFile(join(generated, entry.name, "README.md")),
      order: readRegularFile(join(generated, entry.name, "published-order.md")),
    }))
    .flatMap(({ slug, read, order }) =>
      read.kind === "text"
        ? [
            {
              slug,
              markdown: read.text,
              ...(order.kind === "text" && { publishedOrder: order.text }),
              pinned: pinnedPages(join(generated, slug)),
            },
          ]
        : [],
    )
    .sort((a, b) => compareText(a.slug, b.slug));
}

/** The generated docs link each other by their Markdown names; the site's pages have their own. */
function siteLinks(markdown: string): string {
  return markdown
    .replaceAll("](README.md", "](index.html")
    .replaceAll("](../README.md", "](../index.html")
    .replaceAll("](published-order.md)", "](published-order.html)")
    .replace(/\]\(revisions\/(\d{4}-\d{2})\.md\)/g, "](revisions/$1.html)");
}

/**
 * Builds the site from the generated docs under `root` into `out` (emptied first; checked beforehand
 * by checkSiteFolder); returns its pages.
 */
export function buildSite(root: string, out: string): SitePage[] {
  const md = createMarkdown();
  const docs = policyDocs(join(root, "generated"));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, "assets"), { recursive: true });
  writeFileSync(join(out, siteMarker), "This folder is a site written by `policyc docs`, which empties it on every run.\n");
  copyFileSync(mermaidScript(), join(out, "assets", "mermaid.min.js"));
  writeFileSync(join(out, "assets", "style.css"), style);
  const pages = docs.map(({ slug, markdown, publishedOrder, pinned }): SitePage => {
    const tokens = md.parse(markdown, {});
    const first = tokens.findIndex((token) => token.type === "heading_open" && token.tag === "h1");
    const title = first >= 0 ? (tokens[first + 1]?.content ?? slug) : slug;
    mkdirSync(join(out, slug), { recursive: true });
    const nav = `<p class="site-nav"><a href="../index.html">All policies</a></p>\n`;
    const style = printStyle(printedIdentity(markdown));
    writeFileSync(join(out, slug, "index.html"), page(title, `${nav}${md.render(siteLinks(markdown))}`, "../assets", style));
    if (publishedOrder !== undefined)
      writeFileSync(
        join(out, slug, "published-order.html"),
        page(`${title}, in its published order`, `${nav}${md.render(siteLinks(publishedOrder))}`, "../assets", style),
      );
    if (pinned.length > 0) mkdirSync(join(out, slug, "revisions"));
    for (const { revision, markdown: pinnedMarkdown } of pinned) {
      const pinnedNav = `<p class="site-nav"><a href="../../index.html">All policies</a> · <a href="../index.html">The current ${escapeHtml(title)}</a></p>\n`;
      writeFileSync(
        join(out, slug, "revisions", `${revision}.html`),
        page(
          `${title}, revision ${revision}`,
          `${pinnedNav}${md.render(siteLinks(pinnedMarkdown))}`,
          "../../assets",
          printStyle(printedIdentity(pinnedMarkdown)),
        ),
      );
    }
    return { slug, title };
  });
  // NOTE: `./` first, so that no name could ever be read as a scheme (`javascript:`).
  const list = pages.map((p) => `<li><a href="./${escapeHtml(p.slug)}/index.html">${escapeHtml(p.title)}</a></li>`).join("\n");
  writeFileSync(join(out, "index.html"), page("Clinical policies", `<h1>Clinical policies</h1>\n<ul>\n${list}\n</ul>`, "assets"));
  return pages;
}
