// How the server words a declaration for an author: a fact's type, a statement's lifetime, who reads a
// fact. Shared by hover and completion, so both say the same thing.

import type * as Ast from "../syntax/ast.js";
import type { CheckedPolicy } from "../check/check-policy.js";
import type { Target } from "./names.js";

/** A fact's type as the author wrote it: `number unit "years" from 0 to 130`, `one of`, `yes or no`. */
export function factTypeWords(type: Ast.FactType): string {
  switch (type.kind) {
    case "boolean":
      return "yes or no";
    case "date":
      return "date";
    case "number": {
      const unit = type.unit ? ` unit "${type.unit.value}"` : "";
      const from = type.min !== undefined ? ` from ${type.min}` : "";
      const to = type.max !== undefined ? ` to ${type.max}` : "";
      return `number${unit}${from}${to}`;
    }
    case "oneOf":
      return "one of";
    case "setOf":
      return "set of";
    case "code":
      return `code in system "${type.system.value}"`;
    case "codes":
      return `codes in system "${type.system.value}"`;
    case "list":
      return `list of records (${type.fields.map((field) => `${field.name.text}: ${factTypeWords(field.type)}`).join(", ")})`;
  }
}

/** The values of a `one of` or `set of` fact, each with its label; none for another type. */
export function enumerationValues(fact: Ast.FactDeclaration): readonly Ast.EnumValueDeclaration[] {
  return fact.type.kind === "oneOf" || fact.type.kind === "setOf" ? fact.type.values : [];
}

/** The word a statement is declared with: `criterion`, `fact`, `revision`. */
export function declarationKeyword(target: Target): string {
  if (target.kind === "factSet") return "facts";
  if (target.kind === "codeGroup") return "code group";
  return target.statement.kind;
}

/** The statements, definitions and exceptions whose conditions read the fact or definition `name`. */
export function readersOf(checked: CheckedPolicy, name: string, kind: "fact" | "definition"): string[] {
  const readers: string[] = [];
  for (const [reader, reads] of checked.reads) {
    if ((kind === "fact" ? reads.facts : reads.definitions).has(name)) readers.push(reader);
  }
  return readers;
}

/** When a statement is in force, in the author's words: `added in 2024-05`, `from the first revision`. */
export function lifetimeWords(statement: Ast.Lifetime): string {
  const from = statement.added ? `added in ${statement.added.text}` : "in force from the first revision";
  return statement.removed ? `${from}, removed in ${statement.removed.text}` : from;
}

/** The first line of a text, shortened, for a completion's detail. */
export function firstLine(text: string, length = 80): string {
  const line = text.trim().split(/\r?\n/)[0] ?? "";
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}
