// The names of the grammar's rules and the children of each, as types read off the generated CST
// types (cst-types.ts), so that code naming a rule by its name is checked against the grammar.

import type { ICstVisitor } from "chevrotain";
import type { PolicyCstVisitor } from "./cst-types.js";

/** The name of a rule of the grammar in parser.ts. */
export type GrammarRule = Exclude<keyof PolicyCstVisitor<unknown, unknown>, keyof ICstVisitor<unknown, unknown>>;

/** The children type of each grammar rule, by the rule's name. */
export type ChildrenOfRule = {
  [Rule in GrammarRule]: PolicyCstVisitor<unknown, unknown>[Rule] extends (
    children: infer Children,
    param?: unknown,
  ) => unknown
    ? Children
    : never;
};
