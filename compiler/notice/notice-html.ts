// A notice as one HTML page, rendered with the site's Markdown renderer (raw HTML off), with a print
// style: a notice is printed and mailed.

import { createMarkdown } from "../site/markdown.js";

const style = `body { font-family: system-ui, sans-serif; font-size: 11pt; line-height: 1.45; max-width: 48rem; margin: 2rem auto; color: #111; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; } h3 { font-size: 1.12rem; }
blockquote { margin: 0.5rem 0; padding: 0.2rem 1rem; border-left: 0.25rem solid #888; }
@media print { body { margin: 0; max-width: none; } h2, h3 { break-after: avoid; } blockquote, li { break-inside: avoid; } }`;

export function noticeHtml(markdown: string, title: string): string {
  const md = createMarkdown();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${md.utils.escapeHtml(`Notice: ${title}`)}</title>
<style>
${style}
</style>
</head>
<body>
${md.render(markdown)}</body>
</html>
`;
}
