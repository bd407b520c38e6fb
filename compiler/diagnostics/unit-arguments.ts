// The arguments of the messages about units and percents (PC110-PC112), and how each says it in
// words. Kept apart from message-arguments.ts: these belong to the units of number facts.

import { quoted } from "./message-arguments.js";

/** Where a number's unit comes from, for the message that says two units differ. */
export type UnitOrigin =
  /** The `unit` clause of a fact (or its absence), at that line of the policy when known. */
  | { readonly kind: "fact"; readonly fact: string; readonly line?: number }
  /** A percent literal as written: `88%`. */
  | { readonly kind: "percent" }
  /** A number as written, without a unit: `15`. */
  | { readonly kind: "literal" }
  /** A definition's number parameter (`limit: number unit "mm Hg"`), at that line. */
  | { readonly kind: "parameter"; readonly parameter: string; readonly line: number };

/** One side of a comparison or of arithmetic: its text, its unit (undefined: none) and where that comes from. */
export interface UnitSide {
  readonly text: string;
  readonly unit: string | undefined;
  readonly from: UnitOrigin;
}

function describeOrigin(from: UnitOrigin): string {
  switch (from.kind) {
    case "fact":
      return from.line === undefined ? `fact ${from.fact}` : `fact ${from.fact}, line ${from.line}`;
    case "percent":
      return "a percent literal";
    case "literal":
      return "a number as written";
    case "parameter":
      return `parameter ${from.parameter}, line ${from.line}`;
  }
}

export function describeUnitSide(side: UnitSide): string {
  return side.unit === undefined
    ? `a number without a unit (${describeOrigin(side.from)})`
    : `in ${quoted(side.unit)} (${describeOrigin(side.from)})`;
}

/** What was done with two numbers of different units (PC110). */
export type UnitOperation = "compare" | "addOrSubtract";

export function describeUnitOperation(operation: UnitOperation): string {
  return operation === "compare" ? "compared" : "added or subtracted";
}

/** Arithmetic whose result has no unit the language names (PC111). */
export type UnnamedUnit = "product" | "quotient";
