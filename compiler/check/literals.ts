// Literals: calendar checks for the date and month literals the lexer accepts by shape alone, and
// how a literal value is shown in a message.

import type * as Ast from "../syntax/ast.js";
import type { TypeWord } from "../diagnostics/message-arguments.js";

export function isValidMonth(text: string): boolean {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  const month = match ? Number(match[2]) : 0;
  return month >= 1 && month <= 12;
}

export function isValidDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A value as the source wrote it: `home`, `21`, `2024-01-01`. */
export function valueText(value: Ast.Value): string {
  return value.kind === "word" ? value.word.text : String(value.value);
}

/** What a value is, for a type mismatch: a word, a number or a date. */
export function valueTypeWord(value: Ast.Value): TypeWord {
  switch (value.kind) {
    case "word":
      return "a word";
    case "number":
      return "a number";
    case "date":
      return "a date";
  }
}
