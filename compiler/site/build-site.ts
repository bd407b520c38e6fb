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

const style = `body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 70rem; margin: 0 auto; padding: 1rem 2rem; color: #1b1f24; }
table { border-collapse: collapse; margin: 1rem 0; display: block; overflow-x: auto; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem; vertical-align: top; }
blockquote { margin: 0.5rem 0; padding: 0.2rem 1rem; border-left: 0.25rem solid #8c959f; background: #f6f8fa; }
code { background: #eff1f3; padding: 0 0.2rem; border-radius: 0.2rem; }
pre.mermaid { background: none; }
:target { background: #fff8c5; }
`;

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function page(title: string, body: string, assets: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${assets}/style.css">
</head>
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

/** The docs of each policy under generated/: folders with a safe name holding a README.md file. */
function policyDocs(generated: string): { slug: string; markdown: string }[] {
  if (!existsSync(generated)) return [];
  return readdirSync(generated, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && isSafeName(entry.name))
    .map((entry) => ({ slug: entry.name, read: readRegularFile(join(generated, entry.name, "README.md")) }))
    .flatMap(({ slug, read }) => (read.kind === "text" ? [{ slug, markdown: read.text }] : []))
    .sort((a, b) => compareText(a.slug, b.slug));
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
  const pages = docs.map(({ slug, markdown }): SitePage => {
    const tokens = md.parse(markdown, {});
    const first = tokens.findIndex((token) => token.type === "heading_open" && token.tag === "h1");
    const title = first >= 0 ? (tokens[first + 1]?.content ?? slug) : slug;
    mkdirSync(join(out, slug), { recursive: true });
    writeFileSync(join(out, slug, "index.html"), page(title, `<p><a href="../index.html">All policies</a></p>\n${md.render(markdown)}`, "../assets"));
    return { slug, title };
  });
  // NOTE: `./` first, so that no name could ever be read as a scheme (`javascript:`).
  const list = pages.map((p) => `<li><a href="./${escapeHtml(p.slug)}/index.html">${escapeHtml(p.title)}</a></li>`).join("\n");
  writeFileSync(join(out, "index.html"), page("Clinical policies", `<h1>Clinical policies</h1>\n<ul>\n${list}\n</ul>`, "assets"));
  return pages;
}
