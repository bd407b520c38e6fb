// How the compiled logic names the record a quantifier goes through, and reads its fields: the
// parameter `record_study` of the arrow the runtime calls per record, and `record_study["pressure"]`.

import { stringLiteral } from "../code-text.js";

/** The parameter holding the record a quantifier names `variable` (prefixed: a name such as `new` is no parameter). */
export function recordParameter(variable: string): string {
  return `record_${variable}`;
}

/** A field of that record, as an expression. */
export function recordField(variable: string, field: string): string {
  return `${recordParameter(variable)}[${stringLiteral(field)}]`;
}
