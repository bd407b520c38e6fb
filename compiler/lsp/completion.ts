// Completion: what may be written at the cursor. After `added in`, `removed in` or `before`: the
// revisions; after `category`: the categories; after `<fact> is`, `contains ... of` or `=`: that
// fact's values with their labels; after `map <fact> from`: the FHIR sources. Anywhere else: the
// language's keywords and clause words (read from syntax/tokens.ts and syntax/clauses.ts, so new
// syntax completes with no edit here), and every fact, definition, statement, exception, revision
// and category of the policy (and a case file's fact sets).

import { CompletionItemKind, type CompletionItem, type Range } from "vscode-languageserver";
import { keywords } from "../syntax/tokens.js";
import { clauseLists } from "../syntax/clauses.js";
import type { Analysis } from "./analysis.js";
import type { Target, TargetKind } from "./names.js";
import { enumerationValues, factTypeWords, firstLine } from "./describe.js";
import { fhirSourceNames, fhirSources } from "../fhir/sources.js";

const targetItemKinds: Readonly<Record<TargetKind, CompletionItemKind>> = {
  fact: CompletionItemKind.Variable,
  definition: CompletionItemKind.Function,
  statement: CompletionItemKind.Reference,
  exception: CompletionItemKind.Class,
  prose: CompletionItemKind.Text,
  category: CompletionItemKind.Enum,
  revision: CompletionItemKind.Constant,
  codeGroup: CompletionItemKind.Module,
  factSet: CompletionItemKind.Struct,
};

/** Characters of a name (`member.age`, `I.A.note-1`, `2024-05`): what a completion replaces. */
const nameCharacter = /[A-Za-z0-9_.-]/;

/** The keywords and the words that start a clause, once each. */
function keywordItems(): CompletionItem[] {
  const words = new Set<string>(Object.keys(keywords));
  for (const { list } of clauseLists()) for (const clause of list.clauses) words.add(clause.keyword);
  return [...words].sort().map((word) => ({ label: word, kind: CompletionItemKind.Keyword }));
}

function targetDetail(target: Target): string {
  const statement = target.statement;
  switch (statement.kind) {
    case "fact":
      return factTypeWords(statement.type);
    case "definition":
      return statement.label.value;
    case "revision":
      return firstLine(statement.text.value);
    case "category":
    case "codeGroup":
    case "factSet":
      return firstLine(statement.description.value);
    case "section":
    case "exception":
    case "prose":
      return firstLine(statement.title.value);
    case "criterion":
    case "exclusion":
    case "note":
    case "service":
      return firstLine(statement.text.value);
    default:
      return target.kind;
  }
}

function targetItem(target: Target): CompletionItem {
  const description = target.statement.kind === "fact" ? target.statement.description?.value : undefined;
  return {
    label: target.name,
    kind: targetItemKinds[target.kind],
    detail: targetDetail(target),
    labelDetails: { description: target.kind },
    ...(description !== undefined && { documentation: description }),
  };
}

/** What the text before the cursor asks for. */
type CompletionContext =
  | { readonly kind: "revision" }
  | { readonly kind: "category" }
  | { readonly kind: "values"; readonly fact: string }
  /** After `map <fact> from` in a FHIR mapping: the named sources. */
  | { readonly kind: "fhirSource" }
  | { readonly kind: "anything" };

function contextOf(before: string): CompletionContext {
  if (/\b(?:added in|removed in|before)\s+[\w-]*$/.test(before)) return { kind: "revision" };
  if (/^\s+category\s+\w*$/.test(before)) return { kind: "category" };
  if (/^\s+map\s+[\w.]+\s+from\s+[\w.]*$/.test(before)) return { kind: "fhirSource" };
  const value =
    /([A-Za-z_][\w.-]*)\s+(?:is(?:\s+not)?(?:\s+one\s+of)?|contains\s+(?:all|any)\s+of|=)\s*\(?(?:\w+\s*,\s*)*\w*$/.exec(
      before,
    );
  if (value?.[1] !== undefined) return { kind: "values", fact: value[1] };
  return { kind: "anything" };
}

/** The completions at `offset` of the analysed file. */
export function completionsAt(analysis: Analysis, offset: number): CompletionItem[] {
  const text = analysis.document.getText();
  let start = offset;
  while (start > 0 && nameCharacter.test(text.charAt(start - 1))) start--;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const context = contextOf(text.slice(lineStart, offset));
  const replacing: Range = { start: analysis.document.positionAt(start), end: analysis.document.positionAt(offset) };
  const targets = [...analysis.declarations.byName.values()];
  const items = itemsFor(context, targets);
  return items.map((item) => ({ ...item, textEdit: { range: replacing, newText: item.label } }));
}

function itemsFor(context: CompletionContext, targets: readonly Target[]): CompletionItem[] {
  switch (context.kind) {
    case "revision":
      return targets.filter((target) => target.kind === "revision").map(targetItem);
    case "category":
      return targets.filter((target) => target.kind === "category").map(targetItem);
    case "values": {
      const fact = targets.find((target) => target.kind === "fact" && target.name === context.fact)?.statement;
      if (fact?.kind === "fact" && enumerationValues(fact).length > 0)
        return enumerationValues(fact).map((value) => ({
          label: value.name.text,
          kind: CompletionItemKind.EnumMember,
          detail: value.label?.value ?? context.fact,
          labelDetails: { description: value.label?.value ?? "" },
        }));
      return [...keywordItems(), ...targets.map(targetItem)];
    }
    case "fhirSource":
      return fhirSourceNames.map((name) => ({
        label: name,
        kind: CompletionItemKind.Property,
        detail: fhirSources[name].reads,
        labelDetails: { description: "FHIR source" },
      }));
    case "anything":
      return [...keywordItems(), ...targets.map(targetItem)];
  }
}
