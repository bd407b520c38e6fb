// The versions of a criterion or exclusion: each `before` names a revision of the log, the newest
// version first, every one within the statement's lifetime. Each version's lifetime becomes a range
// over the log, as a statement's does (revisions.ts), for lowering to read.

import type * as Ast from "../syntax/ast.js";
import { catalogue } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { resolveRevision, type RevisionRange } from "./revisions.js";
import type { PolicySymbols } from "./symbols.js";

/** When each version of a statement is in force: the current one, and each earlier one by its node. */
export interface VersionLifetimes {
  readonly current: RevisionRange;
  readonly earlier: ReadonlyMap<Ast.StatementVersion, RevisionRange>;
}

/**
 * Checks a statement's versions against the log and its lifetime, and returns when each is in force;
 * with a problem in any of them, the statement's lifetime stays its current version's and no earlier
 * version has a range (lowering never runs on a policy with errors).
 */
export function checkVersionLifetimes(
  statement: Ast.Criterion | Ast.Exclusion,
  lifetime: RevisionRange,
  symbols: PolicySymbols,
  context: string,
  diagnostics: Diagnostic[],
): VersionLifetimes {
  const id = statement.id.text;
  const file = symbols.file;
  const revisionName = (index: number): string => symbols.revisions[index]?.approved.text ?? "";
  const ends: number[] = [];
  let valid = true;
  let above: { readonly version: Ast.StatementVersion; readonly end: number } | undefined;
  for (const version of statement.versions) {
    if (version.text === undefined && version.category === undefined && version.readings.length === 0) {
      const logic = "metWhen" in version ? version.metWhen : "notCovered" in version ? version.notCovered : undefined;
      if (logic === undefined)
        diagnostics.push(
          diagnostic(
            catalogue.emptyVersion,
            file,
            version.span,
            { before: version.before.text },
            { context, hint: "Write the words, condition or category it had, or remove it." },
          ),
        );
    }
    const end = resolveRevision(version.before, symbols, context, diagnostics);
    if (end === undefined) {
      valid = false;
      continue;
    }
    if (above !== undefined && end >= above.end) {
      valid = false;
      diagnostics.push(
        diagnostic(
          catalogue.versionOrder,
          file,
          version.before.span,
          { before: version.before.text, above: above.version.before.text },
          {
            context,
            hint: "Write the versions from the newest to the oldest, each ending at an earlier revision.",
            related: [{ file, span: above.version.span, message: `the version before ${above.version.before.text}` }],
          },
        ),
      );
    } else if (above === undefined && lifetime.until !== undefined && end >= lifetime.until && statement.removed) {
      valid = false;
      diagnostics.push(
        diagnostic(
          catalogue.versionAfterRemoved,
          file,
          version.before.span,
          { id, before: version.before.text, removedIn: statement.removed.text },
          { context, hint: `A version must end before \`removed in ${statement.removed.text}\`.` },
        ),
      );
    } else if (end <= lifetime.from) {
      valid = false;
      diagnostics.push(
        diagnostic(
          catalogue.versionBeforeAdded,
          file,
          version.before.span,
          { id, before: version.before.text, addedIn: statement.added?.text ?? revisionName(lifetime.from) },
          {
            context,
            hint: "Remove the version, or give the statement an earlier `added in`.",
          },
        ),
      );
    }
    ends.push(end);
    above = { version, end };
  }
  if (!valid || statement.versions.length === 0) return { current: lifetime, earlier: new Map() };
  const earlier = new Map<Ast.StatementVersion, RevisionRange>();
  statement.versions.forEach((version, index) => {
    const from = ends[index + 1] ?? lifetime.from;
    earlier.set(version, { from, until: ends[index]! });
  });
  const current: RevisionRange =
    lifetime.until === undefined ? { from: ends[0]! } : { from: ends[0]!, until: lifetime.until };
  return { current, earlier };
}

/**
 * A version of a criterion may refer only to parts in force whenever it is: a part added after its
 * criterion is read by a version of the criterion from the part's revision on (PC073).
 */
export function checkPartsInForce(
  id: string,
  at: Ast.Span,
  range: RevisionRange,
  parts: Iterable<string>,
  lifetimes: ReadonlyMap<string, RevisionRange>,
  symbols: PolicySymbols,
  context: string,
  diagnostics: Diagnostic[],
): void {
  const until = range.until ?? symbols.revisions.length;
  for (const part of parts) {
    const partLifetime = lifetimes.get(part);
    if (!partLifetime) continue;
    const partUntil = partLifetime.until ?? symbols.revisions.length;
    const missing =
      range.from < partLifetime.from ? range.from : until > partUntil ? Math.max(range.from, partUntil) : undefined;
    if (missing === undefined || missing >= until) continue;
    const revision = symbols.revisions[missing]?.approved.text ?? "";
    const partFrom = symbols.revisions[partLifetime.from]?.approved.text ?? "";
    diagnostics.push(
      diagnostic(
        catalogue.partNotInForce,
        symbols.file,
        at,
        { id, part, revision },
        {
          context,
          hint:
            missing < partLifetime.from
              ? `Write the version of \`${id}\` in force before \`${part}\` was added, without it: \`before ${partFrom} "..."\`.`
              : `Refer to \`${part}\` only in a version of \`${id}\` that ends when \`${part}\` is removed.`,
        },
      ),
    );
  }
}

/**
 * A statement's changes (its `added in`, each version's `before`, its `removed in`) each take effect on
 * their revision's effective date, and on a date the latest change in the log that is in effect
 * decides. A change followed in the log by another that takes effect no later is never in force
 * (PC075): a retroactive revision must not leave a change of an earlier one with no time to apply.
 */
export function checkChangesTakeEffect(
  id: string,
  changes: readonly Ast.Word[],
  symbols: PolicySymbols,
  context: string,
  diagnostics: Diagnostic[],
): void {
  const resolved = changes.flatMap((word) => {
    const revision = symbols.revisions.findIndex((candidate) => candidate.approved.text === word.text);
    const effective = symbols.revisions[revision]?.effective?.text;
    return revision < 0 || effective === undefined ? [] : [{ word, revision, effective }];
  });
  for (const change of resolved) {
    const later = resolved
      .filter((other) => other.revision > change.revision && other.effective <= change.effective)
      .sort((a, b) => a.revision - b.revision)[0];
    if (!later) continue;
    diagnostics.push(
      diagnostic(
        catalogue.changeNeverInForce,
        symbols.file,
        change.word.span,
        {
          id,
          revision: change.word.text,
          effective: change.effective,
          later: later.word.text,
          laterEffective: later.effective,
        },
        {
          context,
          hint: `Correct the effective dates, or fold the change of ${change.word.text} into the one of ${later.word.text}.`,
        },
      ),
    );
  }
}
