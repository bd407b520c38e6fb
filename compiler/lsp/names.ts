// Every name written in a policy or case file, with the declaration it stands for: the index that
// hover, go to definition, find references and rename-free navigation read. A name in a condition
// takes the checker's recorded resolution (check/resolutions.ts), never a second lookup; every other
// name (an `added in` month, a category, an id an exception overrides, a fact a case sets) names one
// declaration of one kind by its text, as the checker reads it.

import type * as Ast from "../syntax/ast.js";
import type { CheckedPolicy } from "../check/check-policy.js";
import type { PolicySymbols } from "../check/symbols.js";

export type TargetKind =
  "fact" | "definition" | "statement" | "exception" | "prose" | "category" | "revision" | "codeGroup" | "factSet";

/** A declaration a name can stand for, with the word that declares it. */
export interface Target {
  readonly kind: TargetKind;
  readonly name: string;
  readonly uri: string;
  readonly word: Ast.Word;
  readonly statement: Ast.Statement;
}

/** A name as written, with what it stands for (undefined when it names nothing declared). */
export interface NamedWord {
  readonly word: Ast.Word;
  readonly target: Target | undefined;
  /** Whether this is the declaration itself. */
  readonly declares: boolean;
}

/** The declarations of one file, by name and by declaring word. */
export interface Declarations {
  readonly byName: ReadonlyMap<string, Target>;
  readonly byWord: ReadonlyMap<Ast.Word, Target>;
}

/** Words under these keys are not names of declarations: enumeration values, units, codes, dates. */
const notNames = new Set([
  "word",
  "unit",
  "reference",
  "code",
  "modifier",
  "codes",
  "label",
  "lastReview",
  "reviewed",
  "effective",
  "policy",
  "on",
  "violations",
]);
/** Subtrees that hold no name of a declaration: a fact's type lists its values. */
const skippedSubtrees = new Set(["span", "type"]);

function isWord(value: object): value is Ast.Word {
  const keys = Object.keys(value);
  return keys.length === 2 && "text" in value && "span" in value && typeof value.text === "string";
}

function collectWords(value: unknown, key: string, into: Ast.Word[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectWords(item, key, into);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  if (isWord(value)) {
    if (!notNames.has(key)) into.push(value);
    return;
  }
  for (const [childKey, child] of Object.entries(value)) {
    if (!skippedSubtrees.has(childKey)) collectWords(child, childKey, into);
  }
}

/** Every word of the file that could name a declaration, in source order. */
export function wordsOf(source: Ast.SourceFile): Ast.Word[] {
  const words: Ast.Word[] = [];
  collectWords(source.statements, "statements", words);
  return words.sort((a, b) => a.span.offset - b.span.offset);
}

/** The declarations of a policy: the checker's symbol tables, in the order a bare name is looked up. */
export function policyDeclarations(symbols: PolicySymbols, uri: string): Declarations {
  const targets: Target[] = [];
  const add = (kind: TargetKind, word: Ast.Word, statement: Ast.Statement) =>
    targets.push({ kind, name: word.text, uri, word, statement });
  for (const fact of symbols.facts.values()) add("fact", fact.name, fact);
  for (const definition of symbols.definitions.values()) add("definition", definition.name, definition);
  for (const statement of symbols.outline.values()) add("statement", statement.id, statement);
  for (const exception of symbols.exceptions.values()) add("exception", exception.id, exception);
  for (const prose of symbols.prose) add("prose", prose.id, prose);
  for (const category of symbols.categories.values()) add("category", category.name, category);
  for (const revision of symbols.revisions) add("revision", revision.approved, revision);
  for (const group of symbols.codeGroups.values()) add("codeGroup", group.name, group);
  return indexTargets(targets);
}

/** The declarations a case file sees: its own fact sets, then its policy's. */
export function casesDeclarations(source: Ast.SourceFile, uri: string, policy: Declarations | undefined): Declarations {
  const targets: Target[] = [];
  for (const statement of source.statements) {
    if (statement.kind === "factSet")
      targets.push({ kind: "factSet", name: statement.name.text, uri, word: statement.name, statement });
  }
  const own = indexTargets(targets);
  if (!policy) return own;
  return {
    byName: new Map([...policy.byName, ...own.byName]),
    byWord: new Map([...policy.byWord, ...own.byWord]),
  };
}

function indexTargets(targets: readonly Target[]): Declarations {
  const byName = new Map<string, Target>();
  const byWord = new Map<Ast.Word, Target>();
  for (const target of targets) {
    if (!byName.has(target.name)) byName.set(target.name, target);
    byWord.set(target.word, target);
  }
  return { byName, byWord };
}

/** What a name in a condition resolved to, from the checker's record. */
function resolvedTarget(checked: CheckedPolicy, declarations: Declarations, word: Ast.Word): Target | undefined {
  const resolution = checked.resolutions.get(word);
  if (!resolution) return undefined;
  switch (resolution.kind) {
    case "fact":
      return declarations.byWord.get(resolution.fact.name);
    case "definition":
      return declarations.byWord.get(resolution.definition.name);
    case "part":
      // The part is a criterion of its own, under the one whose condition names it.
      return declarations.byName.get(word.text) ?? declarations.byWord.get(resolution.criterion.id);
  }
}

/** Every name of the file with what it stands for; `checked` gives the resolutions of a policy's conditions. */
export function indexNames(
  source: Ast.SourceFile,
  declarations: Declarations,
  checked: CheckedPolicy | undefined,
): NamedWord[] {
  return wordsOf(source).map((word) => {
    const declared = declarations.byWord.get(word);
    if (declared) return { word, target: declared, declares: true };
    const resolved = checked ? resolvedTarget(checked, declarations, word) : undefined;
    return { word, target: resolved ?? declarations.byName.get(word.text), declares: false };
  });
}

/** The name at `offset`, if the cursor is on one. */
export function nameAt(names: readonly NamedWord[], offset: number): NamedWord | undefined {
  return names.find((named) => named.word.span.offset <= offset && offset <= named.word.span.endOffset);
}

/** Whether two targets are one declaration. */
export function sameTarget(a: Target, b: Target): boolean {
  return a.uri === b.uri && a.word.span.offset === b.word.span.offset && a.kind === b.kind;
}
