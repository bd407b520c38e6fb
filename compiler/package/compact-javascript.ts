// The shipped JavaScript without its indentation: the lines of compiled code start at the margin,
// except inside a template literal that spans lines, whose text is the program's. The result must
// print, through TypeScript's printer, exactly as the code given does (the printer lays out code by
// its syntax alone), or the code is shipped as it was: a mistake here can cost bytes, never meaning.

import { ts } from "ts-morph";

/** Where the template literals that span lines are: text no line may lose its indentation in. */
function multiLineTemplates(javascript: string): { start: number; end: number }[] {
  const file = ts.createSourceFile("shipped.js", javascript, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const found: { start: number; end: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTemplateLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const start = node.getStart(file);
      if (javascript.slice(start, node.end).includes("\n")) found.push({ start, end: node.end });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function printed(javascript: string): string {
  const file = ts.createSourceFile("shipped.js", javascript, ts.ScriptTarget.ES2022, false, ts.ScriptKind.JS);
  return ts.createPrinter({ removeComments: true }).printFile(file);
}

export function compactJavaScript(javascript: string): string {
  const templates = multiLineTemplates(javascript);
  let offset = 0;
  const lines = javascript.split("\n").map((line) => {
    const start = offset;
    offset += line.length + 1;
    const inTemplate = templates.some((template) => template.start < start && start < template.end);
    return inTemplate ? line : line.trimStart();
  });
  const compact = lines.join("\n");
  return printed(compact) === printed(javascript) ? compact : javascript;
}
