// What each name in a condition stands for, decided once, by the checker, where it is checked. The
// model is built from these answers and never looks a name up again: two resolvers drift apart, and
// the drift is a miscompile (a fact and a definition of one name once read as the fact here and as
// the definition there).

import type * as Ast from "../syntax/ast.js";

export type Resolution =
  | { readonly kind: "fact"; readonly fact: Ast.FactDeclaration }
  | { readonly kind: "definition"; readonly definition: Ast.Definition }
  /** A part of the criterion whose condition names it (I.C.4.a within I.C.4). */
  | { readonly kind: "part"; readonly criterion: Ast.Criterion }
  /** A field of the record a quantifier around the name goes through: `study.pressure`. */
  | {
      readonly kind: "field";
      readonly variable: string;
      readonly list: Ast.FactDeclaration;
      readonly field: Ast.RecordFieldDeclaration;
    }
  /** A value parameter of the definition whose condition reads it (`limit`): lowering reads the call's argument. */
  | { readonly kind: "parameter"; readonly parameter: Extract<Ast.Parameter, { kind: "value" }> }
  /** Another criterion or a section, referred to as met (`criterion I.3`, `section I`). */
  | { readonly kind: "statement"; readonly statement: Ast.Criterion | Ast.Section };

/** Keyed by the name's node in the syntax tree: each use of a name is its own entry. */
export type Resolutions = Map<Ast.Word, Resolution>;

/** The resolution of a name the checker passed; a policy without errors has one for every name. */
export function resolutionOf(resolutions: ReadonlyMap<Ast.Word, Resolution>, name: Ast.Word): Resolution {
  const resolution = resolutions.get(name);
  if (!resolution)
    throw new Error(`policyc: internal error: the checker did not resolve \`${name.text}\` (line ${name.span.line})`);
  return resolution;
}

/** The fact a name resolved to; any other resolution is an internal error in a checked policy. */
export function resolvedFact(resolutions: ReadonlyMap<Ast.Word, Resolution>, name: Ast.Word): Ast.FactDeclaration {
  const resolution = resolutionOf(resolutions, name);
  if (resolution.kind !== "fact")
    throw new Error(
      `policyc: internal error: \`${name.text}\` (line ${name.span.line}) is a ${resolution.kind}, not a fact`,
    );
  return resolution.fact;
}
