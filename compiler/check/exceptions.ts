// Bounded exceptions. An exception declares the categories of limitation it may override and those
// it never overrides; each criterion, exclusion or note it names in `overrides` must carry a category
// it may override. This is what keeps an exception from ever setting aside, say, the safety criteria
// or an exclusion of experimental services, whatever list an author writes.

import type * as Ast from "../syntax/ast.js";
import { catalogue, type CatalogueEntry } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { parentId, type OutlineStatement, type PolicySymbols } from "./symbols.js";

function checkCategoryNames(
  names: readonly Ast.Word[],
  symbols: PolicySymbols,
  context: string,
  diagnostics: Diagnostic[],
): void {
  for (const name of names) {
    if (symbols.categories.has(name.text)) continue;
    diagnostics.push(
      diagnostic(
        catalogue.unknownCategory,
        symbols.file,
        name.span,
        { name: name.text },
        {
          context,
          hint: didYouMean(name.text, symbols.categories.keys()) ?? `Declare it: \`category ${name.text} "..."\`.`,
        },
      ),
    );
  }
}

export function checkException(exception: Ast.Exception, symbols: PolicySymbols, diagnostics: Diagnostic[]): void {
  const file = symbols.file;
  const context = `exception ${exception.id.text}`;
  const report = <Arguments>(
    entry: CatalogueEntry<Arguments>,
    span: Ast.Span,
    args: NoInfer<Arguments>,
    hint?: string,
    related?: Ast.Span,
  ) =>
    diagnostics.push(
      diagnostic(entry, file, span, args, {
        context,
        ...(hint !== undefined && { hint }),
        ...(related && { related: [{ file, span: related, message: "declared here" }] }),
      }),
    );

  if (!exception.appliesWhen) {
    report(
      catalogue.missingClause,
      exception.id.span,
      { statement: "exception", clause: "applies when" },
      "Add `applies when <condition>`.",
    );
  }
  if (exception.overrides.length === 0) {
    report(
      catalogue.missingClause,
      exception.id.span,
      { statement: "exception", clause: "overrides" },
      "Add `overrides <criterion>, ...`.",
    );
  }
  checkCategoryNames(exception.mayOverride, symbols, context, diagnostics);
  checkCategoryNames(exception.neverOverrides, symbols, context, diagnostics);

  const never = new Map(exception.neverOverrides.map((word) => [word.text, word]));
  const may = new Map(exception.mayOverride.map((word) => [word.text, word]));
  for (const word of exception.mayOverride) {
    const conflicting = never.get(word.text);
    if (conflicting) {
      report(
        catalogue.categoryMayAndNever,
        word.span,
        { category: word.text },
        "Keep it in one of the two lists.",
        conflicting.span,
      );
    }
  }

  for (const target of exception.overrides) {
    const statement = symbols.outline.get(target.text);
    if (!statement) {
      const candidates = [...symbols.outline.values()]
        .filter((s) => s.kind !== "section" && s.kind !== "service")
        .map((s) => s.id.text);
      report(
        catalogue.unknownName,
        target.span,
        { name: target.text, kind: "criterion, exclusion or note" },
        didYouMean(target.text, candidates),
      );
      continue;
    }
    if (
      statement.kind === "section" ||
      statement.kind === "service" ||
      (statement.kind === "note" && !statement.notCovered)
    ) {
      report(
        catalogue.overrideTargetInvalid,
        target.span,
        { target: target.text, because: { kind: statement.kind === "note" ? "silentNote" : statement.kind } },
        "An exception overrides criteria, exclusions and notes that deny coverage.",
      );
      continue;
    }
    const parent = parentId(target.text);
    if (statement.kind === "criterion" && parent !== undefined && symbols.outline.get(parent)?.kind === "criterion") {
      report(
        catalogue.overrideTargetInvalid,
        target.span,
        { target: target.text, because: { kind: "part", criterion: parent } },
        `Override \`${parent}\` instead.`,
      );
      continue;
    }
    // Every version's category: an exception that may set a statement aside may set aside each of its versions.
    const versions = statement.kind === "criterion" || statement.kind === "exclusion" ? statement.versions : [];
    const categories = [statement.category, ...versions.map((version) => version.category)].filter(
      (word) => word !== undefined,
    );
    const category = statement.category;
    const seen = new Set([category?.text]);
    for (const earlier of categories.slice(1)) {
      if (seen.has(earlier.text)) continue;
      seen.add(earlier.text);
      const forbiddenEarlier = never.get(earlier.text);
      if (forbiddenEarlier)
        report(
          catalogue.overrideForbidden,
          target.span,
          { target: target.text, category: earlier.text },
          `Remove \`${target.text}\` from \`overrides\`.`,
          forbiddenEarlier.span,
        );
      else if (!may.has(earlier.text))
        report(
          catalogue.overrideNotDeclared,
          target.span,
          { target: target.text, category: earlier.text },
          `Add \`${earlier.text}\` to \`may override\`, or remove \`${target.text}\` from \`overrides\`.`,
        );
    }
    if (!category) {
      report(
        catalogue.overrideTargetInvalid,
        target.span,
        { target: target.text, because: { kind: "noCategory" } },
        "Give it a `category` that this exception declares under `may override`.",
      );
      continue;
    }
    const forbidden = never.get(category.text);
    if (forbidden) {
      report(
        catalogue.overrideForbidden,
        target.span,
        { target: target.text, category: category.text },
        `Remove \`${target.text}\` from \`overrides\`.`,
        forbidden.span,
      );
    } else if (!may.has(category.text)) {
      report(
        catalogue.overrideNotDeclared,
        target.span,
        { target: target.text, category: category.text },
        `Add \`${category.text}\` to \`may override\`, or remove \`${target.text}\` from \`overrides\`.`,
      );
    }
  }
}

/** Whether an exception can set this statement aside at all: a criterion (not a part), an exclusion, or a note that denies. */
function overridable(statement: OutlineStatement, symbols: PolicySymbols): boolean {
  if (statement.kind === "exclusion") return true;
  if (statement.kind === "note") return statement.notCovered !== undefined;
  if (statement.kind !== "criterion") return false;
  const parent = parentId(statement.id.text);
  return parent === undefined || symbols.outline.get(parent)?.kind !== "criterion";
}

/**
 * Every statement in a category an exception may override is in its `overrides` list, or is reported
 * (PC082): the categories say what the exception's reach is, the list says what it sets aside, and
 * the two must agree, or the docs claim a reach the evaluator does not have.
 */
export function checkExceptionReach(exception: Ast.Exception, symbols: PolicySymbols, diagnostics: Diagnostic[]): void {
  const may = new Map(exception.mayOverride.map((word) => [word.text, word]));
  const listed = new Set(exception.overrides.map((word) => word.text));
  for (const statement of symbols.outline.values()) {
    if (statement.kind !== "criterion" && statement.kind !== "exclusion" && statement.kind !== "note") continue;
    const category = statement.category;
    const declared = category === undefined ? undefined : may.get(category.text);
    if (category === undefined || declared === undefined) continue;
    if (listed.has(statement.id.text) || !overridable(statement, symbols)) continue;
    diagnostics.push(
      diagnostic(
        catalogue.overridableNotOverridden,
        symbols.file,
        category.span,
        { id: statement.id.text, category: category.text, exception: exception.id.text },
        {
          context: `${statement.kind} ${statement.id.text}`,
          hint: `Add ${statement.id.text} to the \`overrides\` of ${exception.id.text}, or give it a category ${exception.id.text} does not override.`,
          related: [
            { file: symbols.file, span: declared.span, message: `${exception.id.text} may override ${category.text}` },
          ],
        },
      ),
    );
  }
}
