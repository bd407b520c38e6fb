// The revision log: months and dates valid and in order, and every `added in` / `removed in` naming
// a revision that exists. A statement's lifetime becomes a pair of indexes into the log.

import type * as Ast from "../syntax/ast.js";
import { catalogue, type CatalogueEntry } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { isValidDate, isValidMonth } from "./literals.js";
import type { PolicySymbols } from "./symbols.js";
import { revisionConstName } from "../naming/generated-names.js";

/** Indexes into the revision log: in force from `from` (inclusive) until `until` (exclusive). */
export interface RevisionRange {
  readonly from: number;
  readonly until?: number;
}

/**
 * The approval month a revision's name gives: `2021-05` and `2023-04-b` name theirs; a name such as
 * `v7` names none.
 */
export function approvalMonthOf(name: string): string | undefined {
  return /^\d{4}-\d{2}(?:-|$)/.test(name) ? name.slice(0, 7) : undefined;
}

/**
 * The log: names valid and distinct, months and dates valid, approval months never going back. Several
 * revisions may share a month (`2023-04`, `2023-04-b`) or an effective date, and a revision may take
 * effect before it was approved, or before a revision listed above it (retroactively): see
 * `statementEvents` for what a date is then judged by.
 */
export function checkRevisionLog(symbols: PolicySymbols, diagnostics: Diagnostic[]): void {
  const file = symbols.file;
  let previousDated: { readonly revision: Ast.Revision; readonly month: string } | undefined;
  const byConstant = new Map<string, Ast.Revision>();
  for (const revision of symbols.revisions) {
    const name = revision.approved.text;
    const context = `revision ${name}`;
    const report = <Arguments>(
      entry: CatalogueEntry<Arguments>,
      span: Ast.Span,
      args: NoInfer<Arguments>,
      hint?: string,
      related?: Ast.Revision,
    ) =>
      diagnostics.push(
        diagnostic(entry, file, span, args, {
          context,
          ...(hint !== undefined && { hint }),
          ...(related && { related: [{ file, span: related.span, message: `revision ${related.approved.text}` }] }),
        }),
      );

    // NOTE: two names the generated code would spell alike (`v7`, `V7`) are one name.
    const constant = revisionConstName(name);
    const same = byConstant.get(constant);
    if (same) {
      report(
        catalogue.duplicateName,
        revision.approved.span,
        { name, first: "revision", second: "revision" },
        "Give each revision its own name: a second revision in one month can be `2023-04-b`.",
        same,
      );
    } else {
      byConstant.set(constant, revision);
    }
    const month = approvalMonthOf(name);
    const validMonth = month !== undefined && isValidMonth(month);
    if (month !== undefined && !validMonth) {
      report(catalogue.invalidLiteral, revision.approved.span, { text: name, expected: "month" });
    }
    if (revision.reviewed) {
      if (!isValidMonth(revision.reviewed.text)) {
        report(catalogue.invalidLiteral, revision.reviewed.span, { text: revision.reviewed.text, expected: "month" });
      } else if (validMonth && revision.reviewed.text > month) {
        report(catalogue.revisionOrder, revision.reviewed.span, {
          date: "review month",
          value: revision.reviewed.text,
          is: "after",
          other: "approval month",
          otherValue: month,
          otherIsOfRevisionBefore: false,
        });
      }
    }
    const effective = revision.effective;
    if (!effective) {
      report(
        catalogue.missingClause,
        revision.approved.span,
        { statement: "revision", clause: "effective" },
        `Add \`effective ${validMonth ? `${month}-01` : "YYYY-MM-DD"}\` (or the date it took effect).`,
      );
    } else if (!isValidDate(effective.text)) {
      report(catalogue.invalidLiteral, effective.span, { text: effective.text, expected: "date" });
    }

    if (!validMonth) continue;
    if (previousDated && month < previousDated.month) {
      report(
        catalogue.revisionOrder,
        revision.approved.span,
        {
          date: "approval month",
          value: month,
          is: "before",
          other: "approval month",
          otherValue: previousDated.month,
          otherIsOfRevisionBefore: true,
        },
        "List revisions from the oldest to the newest, in the order they were approved.",
        previousDated.revision,
      );
    }
    previousDated = { revision, month };
  }
}

/** The index of the revision approved in `month`, or undefined with a diagnostic. */
export function resolveRevision(
  month: Ast.Word,
  symbols: PolicySymbols,
  context: string,
  diagnostics: Diagnostic[],
): number | undefined {
  const index = symbols.revisions.findIndex((revision) => revision.approved.text === month.text);
  if (index >= 0) return index;
  const months = symbols.revisions.map((revision) => revision.approved.text);
  diagnostics.push(
    diagnostic(
      catalogue.unknownRevision,
      symbols.file,
      month.span,
      { month: month.text },
      {
        context,
        hint:
          didYouMean(month.text, months) ??
          (months.length > 0 ? `The revisions are: ${months.join(", ")}.` : "Add a `revision` to the log."),
      },
    ),
  );
  return undefined;
}

/** The revisions in which a statement is in force; the whole log when it names none. */
export function resolveLifetime(
  lifetime: Ast.Lifetime,
  symbols: PolicySymbols,
  context: string,
  diagnostics: Diagnostic[],
): RevisionRange {
  const from = lifetime.added ? (resolveRevision(lifetime.added, symbols, context, diagnostics) ?? 0) : 0;
  const until = lifetime.removed ? resolveRevision(lifetime.removed, symbols, context, diagnostics) : undefined;
  if (until !== undefined && until <= from && lifetime.removed) {
    diagnostics.push(
      diagnostic(
        catalogue.removedBeforeAdded,
        symbols.file,
        lifetime.removed.span,
        { removedIn: lifetime.removed.text },
        {
          context,
          hint: "A statement must be added in an earlier revision than the one that removes it.",
        },
      ),
    );
    return { from };
  }
  return until === undefined ? { from } : { from, until };
}

/** True when `inner` is in force only while `outer` is. */
export function rangeWithin(inner: RevisionRange, outer: RevisionRange): boolean {
  const innerUntil = inner.until ?? Infinity;
  const outerUntil = outer.until ?? Infinity;
  return inner.from >= outer.from && innerUntil <= outerUntil;
}
