// Anchors of the docs: each numbered statement gets a heading of its own ("Criterion I.A.3"), and
// its anchor is that heading's slug as GitHub computes it (a repeated slug gets -1, -2...), so links
// work on GitHub and in the site (compiler/site/ gives headings ids with this same function). Links
// are written to keys (`criterion I.A.3`, `part facts`) and resolved when the document is printed.

/** The id a heading gets: lower case, punctuation other than `-` and `_` dropped, spaces to `-`. */
export function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
    .replace(/ /g, "-");
}

/** The heading text of a statement: `Criterion I.A.3`, `Exception X`, `Definition eligible`. */
export function statementHeading(kind: string, id: string): string {
  return `${kind[0]?.toUpperCase() ?? ""}${kind.slice(1)} ${id}`;
}

/** The key a statement's heading and the links to it share. */
export function statementKey(kind: string, id: string): string {
  return `${kind} ${id}`;
}

/** Headings of the document's parts, and their anchors. */
export const parts = {
  procedure: "How a decision is made",
  criteria: "Criteria, exclusions and notes",
  limitations: "Limitations",
  exceptions: "Exceptions",
  definitions: "Definitions",
  facts: "Facts",
  coding: "Coding table",
  revisions: "Revision log",
  references: "References",
  prose: "Prose",
  traceability: "Traceability to the published text",
} as const;

export function partKey(part: keyof typeof parts): string {
  return `part ${part}`;
}
