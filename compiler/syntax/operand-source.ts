// An operand of a condition as the author wrote it, for the messages of the parser and the checker.

import type * as Ast from "./ast.js";

/** An operand as the author wrote it, for a message: `21`, `service date - 30 days`. */
export function operandSource(operand: Ast.Operand): string {
  switch (operand.kind) {
    case "name":
      return operand.name.text;
    case "number":
      return String(operand.value);
    case "date":
      return operand.value;
    case "boolean":
      return operand.value ? "yes" : "no";
    case "serviceDate":
      return "service date";
    case "offset":
      return `${operandSource(operand.date)} ${operand.sign} ${operand.duration.count.value} ${operand.duration.unit.text}`;
  }
}
