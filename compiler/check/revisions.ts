// The revision log: months and dates valid and in order, and every `added in` / `removed in` naming
// a revision that exists. A statement's lifetime becomes a pair of indexes into the log.

import type * as Ast from "../syntax/ast.js";
import { catalogue } from "../diagnostics/catalogue.js";
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
    const report = (
      entry: typeof catalogue.revisionOrder,
      span: Ast.Span,
      message: string,
      hint?: string,
      related?: Ast.Revision,
    ) =>
      diagnostics.push(
        diagnostic(entry, file, span, message, {
          context,
          ...(hint !== undefined && { hint }),
          ...(related && { related: [{ file, span: related.span, message: `revision ${related.approved.text}` }] }),
        }),
      );

    if (!isValidMonth(revision.approved.text)) {
      report(
        catalogue.invalidLiteral,
        revision.approved.span,
        `${revision.approved.text} is not a month (YYYY-MM, month 01 to 12).`,
      );
    }
    if (revision.reviewed) {
      if (!isValidMonth(revision.reviewed.text)) {
        report(
          catalogue.invalidLiteral,
          revision.reviewed.span,
          `${revision.reviewed.text} is not a month (YYYY-MM, month 01 to 12).`,
        );
      } else if (revision.reviewed.text > revision.approved.text) {
        report(
          catalogue.revisionOrder,
          revision.reviewed.span,
          `The review month ${revision.reviewed.text} is after the approval month ${revision.approved.text}.`,
        );
      }
    }
    const effective = revision.effective;
    if (!effective) {
      report(
        catalogue.missingClause,
        revision.approved.span,
        "This revision does not say when it takes effect.",
        `Add \`effective ${revision.approved.text}-01\` (or the date it took effect).`,
      );
    } else if (!isValidDate(effective.text)) {
      report(catalogue.invalidLiteral, effective.span, `${effective.text} is not a date on the calendar.`);
    } else if (effective.text < `${revision.approved.text}-01`) {
      report(
        catalogue.revisionOrder,
        effective.span,
        `The revision takes effect on ${effective.text}, before it was approved in ${revision.approved.text}.`,
      );
    }

    if (previous) {
      if (revision.approved.text <= previous.approved.text) {
        report(
          catalogue.revisionOrder,
          revision.approved.span,
          `Revision ${revision.approved.text} comes after revision ${previous.approved.text} in the log but is not later.`,
          "List revisions from the oldest to the newest, each in a later month.",
          previous,
        );
      } else if (effective && previous.effective && effective.text <= previous.effective.text) {
        report(
          catalogue.revisionOrder,
          effective.span,
          `Revision ${revision.approved.text} takes effect on ${effective.text}, not after revision ${previous.approved.text} (${previous.effective.text}).`,
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
    diagnostic(catalogue.unknownRevision, symbols.file, month.span, `No revision was approved in ${month.text}.`, {
      context,
      hint:
        didYouMean(month.text, months) ??
        (months.length > 0 ? `The revisions are: ${months.join(", ")}.` : "Add a `revision` to the log."),
    }),
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
        catalogue.invalidLifetime,
        symbols.file,
        lifetime.removed.span,
        `It is removed in ${lifetime.removed.text}, which is not after it was added.`,
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
