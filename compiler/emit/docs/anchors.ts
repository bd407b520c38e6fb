// Anchors of the docs: each numbered statement gets a heading of its own ("Criterion I.A.3"), and in
// it a stable anchor built from its kind and id (`criterion-I.A.3`), which never collides or shifts
// between revisions: a slug of the heading would ("Section I.I" and "Section II" both slug to
// `section-ii`, so the first revision that adds I.I moves `#section-ii` to it). Facts get anchors in
// the facts table likewise. Headings still get the slug GitHub computes (compiler/site/ gives them
// ids with this same function). Links are written to keys (`criterion I.A.3`, `part facts`) and
// point at the key's stable anchor when the document is printed.

import { stableAnchor } from "../../naming/stable-anchor.js";

export { stableAnchor };

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

/** The Markdown of a stable anchor: raw HTML GitHub keeps, and the site's renderer lets through (only this form). */
export function anchorTag(key: string): string {
  return `<a id="${stableAnchor(key)}"></a>`;
}

/** The key of a fact's row in the facts table. */
export function factKey(name: string): string {
  return `fact ${name}`;
}

/** Headings of the document's parts, and their anchors. */
export const parts = {
  procedure: "How a decision is made",
  criteria: "Criteria, exclusions and notes",
  limitations: "Limitations",
  exceptions: "Exceptions",
  definitions: "Definitions",
  facts: "Facts",
  valueSets: "Value sets",
  coding: "Coding table",
  fhir: "FHIR mapping",
  revisions: "Revision log",
  references: "References",
  prose: "Prose",
  readings: "Register of readings",
  traceability: "Traceability to the published text",
} as const;

export function partKey(part: keyof typeof parts): string {
  return `part ${part}`;
}
