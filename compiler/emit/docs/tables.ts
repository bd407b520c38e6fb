// The docs' tables and lists: the facts, the coding table, the revision log, the references and the
// prose that sits in no section.

import type { FactModel } from "../../model/policy-model.js";
import { factKey, partKey, parts, statementKey } from "./anchors.js";
import type { DocsContext } from "./context.js";
import { anchor, anchorLink, code, join, strong, text, webLink, words, type Block, type Inline } from "./markdown.js";
import { billingRuleBlocks } from "./billing.js";
import { proseBlocks } from "./outline.js";

function factType(fact: FactModel): Inline {
  return typeWords(fact.type);
}

function typeWords(type: FactModel["type"]): Inline {
  switch (type.kind) {
    case "list":
      return type.identifiedBy === undefined
        ? words`a list of records (at most 10,000)`
        : words`a list of records (at most 10,000), each identified by ${join(type.identifiedBy.map(code), ", ")}`;
    case "boolean":
      return words`yes or no`;
    case "number":
      return type.unit !== undefined ? words`number (${text(type.unit)})` : words`number`;
    case "date":
      return words`date`;
    case "oneOf":
      return words`one of a list`;
    case "setOf":
      return words`any of a list`;
    case "code":
      return words`a code (${text(type.system)})`;
    case "codes":
      return words`codes (${text(type.system)})`;
  }
}

function allowedValues(fact: FactModel): Inline {
  return allowedWords(fact.type);
}

function allowedWords(type: FactModel["type"]): Inline {
  switch (type.kind) {
    case "list":
      return join(
        type.fields.map(
          (field) =>
            words`${code(field.name)} (${text(field.label)}): ${typeWords(field.type)}, ${allowedWords(field.type)}`,
        ),
        "; ",
      );
    case "boolean":
      return words`yes, no`;
    case "number":
      return type.min !== undefined && type.max !== undefined
        ? words`from ${text(String(type.min))} to ${text(String(type.max))}`
        : words`any number`;
    case "date":
      return words`a date (YYYY-MM-DD)`;
    case "oneOf":
    case "setOf":
      return join(
        type.values.map((value) => words`${code(value.name)} ${text(value.label)}`),
        "; ",
      );
    case "code":
      return words`one code of ${text(type.system)}, as its code tables write it`;
    case "codes":
      return words`a list of codes of ${text(type.system)}, as its code tables write them`;
  }
}

/** The facts table: name, type, allowed values, the question to ask, and what reads each fact. */
export function factsBlocks(context: DocsContext): Block[] {
  return [
    { kind: "heading", level: 2, text: text(parts.facts), key: partKey("facts") },
    {
      kind: "paragraph",
      text: words`What a reviewer records about a case. A fact nobody recorded is unknown, never "no"; when an unknown fact can change the outcome, the decision is pending and asks its question.`,
    },
    {
      kind: "table",
      header: [words`Fact`, words`Type`, words`Allowed values`, words`Question`, words`Read by`],
      rows: context.model.facts.map((fact) => [
        words`${anchor(factKey(fact.name))}${code(fact.name)}: ${text(fact.description)}`,
        factType(fact),
        allowedValues(fact),
        text(fact.question),
        fact.readBy.length === 0
          ? words`nothing`
          : join(
              fact.readBy.map((id) => context.link(id)),
              ", ",
            ),
      ]),
    },
  ];
}

/** One row of the coding table: a code's billing sentences, each with the revision that added it. */
function billingCell(context: DocsContext, code: DocsContext["model"]["codes"][number]): Inline {
  if (code.billing.length === 0) return words``;
  return join(
    code.billing.map((note) => words`${text(note.text)} (${context.inForce(note.inForce)})`),
    " ",
  );
}

/**
 * The coding table, from `model.codes`: each code with its modifier, description, billing sentences
 * and the rules that carry them out, then each rule in plain words (billing.ts).
 */
export function codingBlocks(context: DocsContext): Block[] {
  const codes = context.model.codes;
  if (codes.length === 0) return [];
  return [
    { kind: "heading", level: 2, text: text(parts.coding), key: partKey("coding") },
    {
      kind: "table",
      header: [words`Code`, words`Modifier`, words`Description`, words`Billing`, words`Rules`],
      rows: codes.map((entry) => [
        code(entry.code),
        entry.modifier !== undefined ? code(entry.modifier) : words``,
        text(entry.description),
        billingCell(context, entry),
        join(
          entry.rules.map((id) => anchorLink(text(id), statementKey("rule", id))),
          ", ",
        ),
      ]),
    },
    ...codes.flatMap((entry) =>
      entry.readings.length === 0
        ? []
        : [
            {
              kind: "paragraph" as const,
              text: words`${strong(words`Reading on ${code(entry.code)}:`)} ${join(entry.readings.map(text), " ")}`,
            },
          ],
    ),
    ...billingRuleBlocks(context),
  ];
}

/** The revision log, each revision linked to the statements it added or removed. */
export function revisionBlocks(context: DocsContext): Block[] {
  const model = context.model;
  const touched = (ids: readonly string[], verb: string) =>
    ids.length === 0
      ? []
      : [
          words`${text(verb)} ${join(
            ids.map((id) => context.link(id)),
            ", ",
          )}`,
        ];
  return [
    { kind: "heading", level: 2, text: text(parts.revisions), key: partKey("revisions") },
    {
      kind: "paragraph",
      text:
        context.pages.pinnedPages === true && model.revisions.length > 1
          ? words`A service date is judged by the statements in force on that date: a revision applies from its effective date. Each earlier revision links to its own page: the policy as it stood in that revision, with the same anchors as this one.`
          : words`A service date is judged by the statements in force on that date: a revision applies from its effective date.`,
    },
    {
      kind: "table",
      header: [words`Approved`, words`Reviewed`, words`Effective`, words`Revision`, words`Statements it touched`],
      rows: model.revisions.map((revision) => {
        const changes = [
          ...touched(revision.added, "added"),
          ...touched(revision.changed, "changed"),
          ...touched(revision.removed, "removed"),
        ];
        const pinned = context.pages.pinnedPages === true && revision !== model.revisions.at(-1);
        return [
          pinned
            ? words`[${text(revision.approved)}](revisions/${text(revision.approved)}.md)`
            : text(revision.approved),
          text(revision.reviewed ?? ""),
          text(revision.effective),
          text(revision.text),
          changes.length === 0 ? words`none encoded` : join(changes, "; "),
        ];
      }),
    },
    ...model.revisions.flatMap((revision) =>
      revision.readings.map((reading) => ({
        kind: "paragraph" as const,
        text: words`${strong(words`Reading on ${text(revision.approved)}:`)} ${text(reading)}`,
      })),
    ),
  ];
}

export function referenceBlocks(context: DocsContext): Block[] {
  const references = context.model.references;
  if (references.length === 0) return [];
  return [
    { kind: "heading", level: 2, text: text(parts.references), key: partKey("references") },
    {
      kind: "list",
      items: references.map((reference) => ({
        text: words`${text(String(reference.number))}: ${text(reference.text)}${reference.link !== undefined ? words` ${webLink(text(reference.link), reference.link)}` : words``}`,
      })),
    },
  ];
}

/** Every `limited to` of the policy, each with the statement that carries it. */
export function limitationBlocks(context: DocsContext): Block[] {
  const limitations = context.model.limitations;
  if (limitations.length === 0) return [];
  return [
    { kind: "heading", level: 2, text: text(parts.limitations), key: partKey("limitations") },
    {
      kind: "paragraph",
      text: words`A covered decision lists the limitation of each statement its coverage went through (a criterion met, an alternative that qualified, a section whose criteria were met).`,
    },
    {
      kind: "list",
      items: limitations.map((limitation) => ({
        text: words`${context.link(limitation.id)}: ${text(limitation.text)}`,
      })),
    },
  ];
}

/** Prose that sits in no section: shown as it stands, with why it is not encoded. */
export function proseSectionBlocks(context: DocsContext): Block[] {
  const sections = new Set(context.model.outline.filter((e) => e.kind === "section").map((e) => e.id));
  const loose = context.model.prose.filter(
    (prose) => ![...sections].some((section) => prose.id.startsWith(`${section}.`)),
  );
  if (loose.length === 0) return [];
  return [
    { kind: "heading", level: 2, text: text(parts.prose), key: partKey("prose") },
    ...loose.flatMap((prose) => proseBlocks(prose, 3)),
  ];
}
