// What a policy model says the published text contains: every quoted text of the DSL, with the
// statement it belongs to and how it accounts for the published sentences it matches. Input: the
// PolicyModel; output: the quotes the traceability check (trace.ts) looks for, in source order.

import type { PolicyModel } from "../model/policy-model.js";

/**
 * How a matched sentence is accounted for:
 * - `rule`: encoded as logic (a criterion, an exclusion, a note with a rule, an exception);
 * - `structure`: kept as a statement that decides nothing by itself (a section title, a service, a
 *   note without a rule, a code, a revision, a reference, the header);
 * - `notEncoded`: deliberately not encoded, with a reason (`prose ... not encoded because`);
 * - `layout`: not policy content, with a reason (`layout ... not encoded because`);
 * - `unexplained`: quoted as prose without a reason, which does not account for it.
 */
export type Accounting = "rule" | "structure" | "notEncoded" | "layout" | "unexplained";

export interface Quote {
  /** The statement in the author's terms: `criterion I.A.3`, `code T1002 SD`. */
  readonly owner: string;
  /** Which of its texts: `text`, `item a`, `title`, `billing 1`... */
  readonly field: string;
  readonly text: string;
  /** A required quote that is not found is a mismatch; an optional one (a title) may be our own words. */
  readonly required: boolean;
  readonly accounting: Accounting;
  /** For a revision: its reviewed and approved months (YYYY-MM), which the revision log's row carries too. */
  readonly months?: readonly string[];
  /** The reason given for not encoding it. */
  readonly reason?: string;
  /** For a numbered statement's words: its id, and for an item its label (`a`), which the published text prints before them. */
  readonly numbered?: { readonly id: string; readonly label?: string };
  /** For prose: whether it carries a reading (prose among the criteria needs one). */
  readonly hasReading?: boolean;
}

/** Every quote of the model except layout (see `layoutQuotes`), in source order. */
export function policyQuotes(model: PolicyModel): Quote[] {
  const quotes: Quote[] = [];
  const add = (
    owner: string,
    field: string,
    text: string | undefined,
    required: boolean,
    accounting: Accounting,
    extra?: Partial<Quote>,
  ) => {
    if (text !== undefined && text.trim() !== "") quotes.push({ owner, field, text, required, accounting, ...extra });
  };
  const header = `policy ${model.reference}`;
  add(header, "title", model.title, false, "structure");
  add(header, "reference number", model.reference, false, "structure");
  add(header, "plan", model.plan, false, "structure");
  add(header, "description", model.description, true, "structure");

  model.revisions.forEach((revision) => {
    // A revision named by its month (`2023-04`, `2023-04-b`) was approved in it; one named `v7` says not when.
    const approved = /^\d{4}-\d{2}(?:-|$)/.test(revision.approved) ? [revision.approved.slice(0, 7)] : [];
    add(`revision ${revision.approved}`, "text", revision.text, true, "structure", {
      months: [...(revision.reviewed !== undefined ? [revision.reviewed] : []), ...approved],
    });
  });

  const rules = new Map(model.rules.map((rule) => [rule.id, rule]));
  for (const entry of model.outline) {
    if (entry.kind === "section") {
      add(`section ${entry.id}`, "title", entry.title, true, "structure", { numbered: { id: entry.id } });
      continue;
    }
    if (entry.kind === "rule") {
      const rule = rules.get(entry.id);
      if (!rule) continue;
      const owner = `${rule.kind} ${rule.id}`;
      add(owner, "text", rule.text, true, "rule", { numbered: { id: rule.id } });
      for (const item of rule.items)
        add(owner, `item ${item.label}`, item.text, true, "rule", { numbered: { id: rule.id, label: item.label } });
      continue;
    }
    const owner = `${entry.kind} ${entry.id}`;
    add(owner, "text", entry.text, true, "structure", { numbered: { id: entry.id } });
    for (const item of entry.items)
      add(owner, `item ${item.label}`, item.text, true, "structure", { numbered: { id: entry.id, label: item.label } });
  }

  for (const exception of model.exceptions) {
    const owner = `exception ${exception.id}`;
    add(owner, "title", exception.title, false, "rule");
    add(owner, "text", exception.text, true, "rule");
    add(owner, "prior approval text", exception.priorApprovalText, true, "rule");
  }

  for (const prose of model.prose) {
    const owner = `prose ${prose.id}`;
    const accounting: Accounting = prose.notEncodedBecause !== undefined ? "notEncoded" : "unexplained";
    const extra = {
      ...(prose.notEncodedBecause !== undefined ? { reason: prose.notEncodedBecause } : {}),
      hasReading: prose.readings.length > 0,
    };
    add(owner, "title", prose.title, false, accounting, extra);
    add(owner, "text", prose.text, true, accounting, extra);
  }

  for (const code of model.codes) {
    const label = code.modifier !== undefined ? `${code.code} ${code.modifier}` : code.code;
    const owner = `code ${label}`;
    add(owner, "code", label, true, "structure");
    add(owner, "description", code.description, true, "structure");
    code.billing.forEach((note, index) => add(owner, `billing ${index + 1}`, note.text, true, "structure"));
  }

  for (const reference of model.references) {
    add(`reference ${reference.number}`, "text", reference.text, true, "structure");
  }
  return quotes;
}

/** The layout statements, as quotes that set aside every whole-line occurrence of their text. */
export function layoutQuotes(model: PolicyModel): Quote[] {
  return model.layout.map((layout) => ({
    owner: `layout "${layout.text}"`,
    field: "text",
    text: layout.text,
    required: true,
    accounting: "layout",
    reason: layout.notEncodedBecause,
  }));
}
