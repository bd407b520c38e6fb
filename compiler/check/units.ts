// The units of numbers, for the checker: a number fact's `unit` is part of its type. Input: facts and
// literals; output: the unit of each side and whether two may meet. Conversions are never invented:
// two units are the same only when their normal forms are equal.

import type * as Ast from "../syntax/ast.js";
import { closestName } from "../diagnostics/suggest.js";
import type { UnitOrigin, UnitSide } from "../diagnostics/unit-arguments.js";
import { normalUnit, percentNormal } from "../syntax/number-units.js";

/**
 * The unit of a number:
 * - `bare`: a literal written without a unit (`21`), which takes the unit of what it meets;
 * - `measured`: a unit (its text as written and its normal form), or none (`normal` undefined) for a
 *   number fact declared without `unit`, which is a plain count and meets only other plain counts.
 */
export type NumberUnit =
  | { readonly kind: "bare" }
  | {
      readonly kind: "measured";
      readonly written: string | undefined;
      readonly normal: string | undefined;
      readonly from: UnitOrigin;
    };

export const bareNumber: NumberUnit = { kind: "bare" };

export const percentUnit: NumberUnit = {
  kind: "measured",
  written: percentNormal,
  normal: percentNormal,
  from: { kind: "percent" },
};

/** The unit a `unit` clause declares (none: a plain count), named as the checker reports it. */
function declaredUnit(type: Ast.FactType, name: string): NumberUnit {
  const written = type.kind === "number" ? type.unit?.value : undefined;
  return {
    kind: "measured",
    written,
    normal: written === undefined ? undefined : normalUnit(written),
    from: { kind: "fact", fact: name, line: type.span.line },
  };
}

/** The unit of a number fact, from its `unit` clause. */
export function factUnit(fact: Ast.FactDeclaration): NumberUnit {
  return declaredUnit(fact.type, fact.name.text);
}

/** The unit of a number field of a list's records, from its `unit` clause; `name` is the field as read (`study.pressure`). */
export function fieldUnit(field: Ast.RecordFieldDeclaration, name: string): NumberUnit {
  return declaredUnit(field.type, name);
}

/** The unit of a number literal: a percent, or bare. */
export function literalUnit(literal: { readonly percent?: true }): NumberUnit {
  return literal.percent ? percentUnit : bareNumber;
}

/** Whether two numbers may be compared, added or subtracted: a bare literal meets any unit. */
export function unitsAgree(a: NumberUnit, b: NumberUnit): boolean {
  return a.kind === "bare" || b.kind === "bare" || a.normal === b.normal;
}

/** The unit of the sum (or difference) of two numbers whose units agree. */
export function sumUnit(a: NumberUnit, b: NumberUnit): NumberUnit {
  return a.kind === "bare" ? b : a;
}

/**
 * The unit of a product or quotient, or undefined when it has none the language names:
 * - by a bare literal or a plain count (a fact without a unit), the unit is kept: `minutes / 15`
 *   is in minutes, `2 * kg` in kg;
 * - a quotient of one unit by itself is bare (a ratio): `minutes / minutes`;
 * - any other product or quotient of units (`kg * kg`, `kg / cm`, `15 / minutes`) is refused.
 */
export function productUnit(operator: "*" | "/", a: NumberUnit, b: NumberUnit): NumberUnit | undefined {
  const plain = (unit: NumberUnit): boolean => unit.kind === "bare" || unit.normal === undefined;
  if (plain(b)) return plain(a) ? bareNumber : a;
  if (operator === "*") return plain(a) ? b : undefined;
  return a.kind === "measured" && b.kind === "measured" && a.normal === b.normal ? bareNumber : undefined;
}

/** One side of a message about units; `unit` is the unit as its fact wrote it. */
export function unitSide(text: string, unit: NumberUnit): UnitSide {
  return unit.kind === "bare"
    ? { text, unit: undefined, from: { kind: "literal" } }
    : { text, unit: unit.written, from: unit.from };
}

/** "Did you mean" for two units that are near misses of each other (`minute` and `minutes`). */
export function unitHint(
  a: Extract<NumberUnit, { kind: "measured" }>,
  b: Extract<NumberUnit, { kind: "measured" }>,
): string {
  if (a.normal !== undefined && b.normal !== undefined && closestName(a.normal, [b.normal]) !== undefined)
    return `Did you mean the same unit? Write \`unit "${b.written ?? ""}"\` on both facts, or compare numbers of one unit.`;
  if (a.from.kind === "percent" || b.from.kind === "percent")
    return 'Compare a percent with a fact of `unit "percent"`, or write the number without `%`.';
  return "Compare numbers of one unit: the language converts no unit to another.";
}
