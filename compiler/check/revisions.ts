// The revision log: months and dates valid and in order, and every `added in` / `removed in` naming
// a revision that exists. A statement's lifetime becomes a pair of indexes into the log.

import type * as Ast from "../syntax/ast.js";
import { catalogue, type CatalogueEntry } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { isValidDate, isValidMonth } from "./literals.js";
import type { PolicySymbols } from "./symbols.js";

/** Indexes into the revision log: in force from `from` (inclusive) until `until` (exclusive). */
export interface RevisionRange {
  readonly from: number;
  readonly until?: number;
}

export function checkRevisionLog(symbols: PolicySymbols, diagnostics: Diagnostic[]): void {
  const file = symbols.file;
  let previous: Ast.Revision | undefined;
  for (const revision of symbols.revisions) {
    const context = `revision ${revision.approved.text}`;
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

    if (!isValidMonth(revision.approved.text)) {
      report(catalogue.invalidLiteral, revision.approved.span, { text: revision.approved.text, expected: "month" });
    }
    if (revision.reviewed) {
      if (!isValidMonth(revision.reviewed.text)) {
        report(catalogue.invalidLiteral, revision.reviewed.span, { text: revision.reviewed.text, expected: "month" });
      } else if (revision.reviewed.text > revision.approved.text) {
        report(catalogue.revisionOrder, revision.reviewed.span, {
          date: "review month",
          value: revision.reviewed.text,
          is: "after",
          other: "approval month",
          otherValue: revision.approved.text,
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
        `Add \`effective ${revision.approved.text}-01\` (or the date it took effect).`,
      );
    } else if (!isValidDate(effective.text)) {
      report(catalogue.invalidLiteral, effective.span, { text: effective.text, expected: "date" });
    } else if (effective.text < `${revision.approved.text}-01`) {
      report(catalogue.revisionOrder, effective.span, {
        date: "effective date",
        value: effective.text,
        is: "before",
        other: "approval month",
        otherValue: revision.approved.text,
        otherIsOfRevisionBefore: false,
      });
    }

    if (previous) {
      if (revision.approved.text <= previous.approved.text) {
        report(
          catalogue.revisionOrder,
          revision.approved.span,
          {
            date: "approval month",
            value: revision.approved.text,
            is: "not after",
            other: "approval month",
            otherValue: previous.approved.text,
            otherIsOfRevisionBefore: true,
          },
          "List revisions from the oldest to the newest, each in a later month.",
          previous,
        );
      } else if (effective && previous.effective && effective.text <= previous.effective.text) {
        report(
          catalogue.revisionOrder,
          effective.span,
          {
            date: "effective date",
            value: effective.text,
            is: "not after",
            other: "effective date",
            otherValue: previous.effective.text,
            otherIsOfRevisionBefore: true,
          },
          "Each revision must take effect after the one before it.",
          previous,
        );
      }
    }
    previous = revision;
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
