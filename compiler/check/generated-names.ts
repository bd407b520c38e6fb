// Names the evaluator could not hold. Each fact, and each group of facts, becomes declarations in the
// generated module (naming/generated-names.ts) and a property read from the caller's objects. This
// check refuses a policy whose names would collide there, take a name the module already uses, or
// shadow a property every JavaScript object has, so the emitter never has to rename anything.

import type * as Ast from "../syntax/ast.js";
import { catalogue } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { GeneratedRole } from "../diagnostics/message-arguments.js";
import {
  claimFieldName,
  claimFields,
  fixedModuleNames,
  groupInterfaceName,
  objectPropertyNames,
  valuesConstName,
  valuesTypeName,
} from "../naming/generated-names.js";
import { describeStatement, type PolicySymbols } from "./symbols.js";
import { maxNestingDepth } from "../syntax/nesting.js";

/** The fact whose name first produced a generated name, and what that name is for (its identity). */
interface Claimant {
  readonly fact: Ast.FactDeclaration;
  readonly role: GeneratedRole;
}

/** Whether two names are for one thing: facts of one group all bring its interface and keys. */
function sameRole(a: GeneratedRole, b: GeneratedRole): boolean {
  if (a.kind !== b.kind) return false;
  return "group" in a && "group" in b ? a.group === b.group : "fact" in a && "fact" in b && a.fact === b.fact;
}

function isEnumerated(fact: Ast.FactDeclaration): boolean {
  return fact.type.kind === "oneOf" || fact.type.kind === "setOf";
}

/** Every module-level name a fact brings into its policy's generated module, with what each is for. */
function namesOf(fact: Ast.FactDeclaration): { name: string; role: GeneratedRole }[] {
  const name = fact.name.text;
  const names: { name: string; role: GeneratedRole }[] = [];
  if (!fact.forClaims) {
    const parts = name.split(".");
    for (let depth = 1; depth < parts.length; depth++) {
      const group = parts.slice(0, depth);
      names.push({ name: groupInterfaceName(group), role: { kind: "groupInterface", group: group.join(".") } });
    }
  }
  if (fact.type.kind === "list")
    for (const suffix of ["Record", "RecordValues"])
      names.push({ name: `${valuesTypeName(name)}${suffix}`, role: { kind: "recordInterface", fact: name } });
  if (isEnumerated(fact)) {
    names.push({ name: valuesTypeName(name), role: { kind: "valuesType", fact: name } });
    // Only the claim checker keeps a constant of allowed values; the evaluator reads its fact table.
    if (fact.forClaims) names.push({ name: valuesConstName(name), role: { kind: "valuesConstant", fact: name } });
  }
  return names;
}

/** The parts of a fact's name that become property names in the caller's objects. */
function propertyParts(fact: Ast.FactDeclaration): string[] {
  return fact.forClaims ? [claimFieldName(fact.name.text)] : fact.name.text.split(".");
}

export function checkGeneratedNames(symbols: PolicySymbols, diagnostics: Diagnostic[]): void {
  const file = symbols.file;
  const claimed = new Map<string, Claimant>();
  const byLowerCase = new Map<string, Ast.FactDeclaration>();

  for (const fact of symbols.facts.values()) {
    // A name of more parts than the nesting limit already has PC007; its groups are not worth naming.
    if (fact.name.text.split(".").length > maxNestingDepth) continue;
    const context = describeStatement(fact);
    const shadowing = propertyParts(fact).find((part) => objectPropertyNames.has(part));
    if (shadowing !== undefined) {
      diagnostics.push(
        diagnostic(
          catalogue.reservedName,
          file,
          fact.name.span,
          { word: shadowing, reservation: { as: "objectProperty" } },
          {
            hint: "Choose another word, such as `kind` or `text`.",
            context,
          },
        ),
      );
      continue;
    }
    const field = claimFieldName(fact.name.text);
    if (fact.forClaims && (claimFields as readonly string[]).includes(field)) {
      diagnostics.push(
        diagnostic(
          catalogue.reservedName,
          file,
          fact.name.span,
          { word: field, reservation: { as: "claimField" } },
          {
            hint: "Choose another name for the claim fact.",
            context,
          },
        ),
      );
      continue;
    }
    if (fact.forClaims && field.includes(".")) {
      diagnostics.push(
        diagnostic(
          catalogue.malformedName,
          file,
          fact.name.span,
          { name: field, of: "claimFact" },
          {
            hint: "A claim fact is one field of the claim: use underscores instead of dots.",
            context,
          },
        ),
      );
      continue;
    }

    const lower = fact.name.text.toLowerCase();
    const sameButCase = byLowerCase.get(lower);
    if (sameButCase) {
      diagnostics.push(
        diagnostic(
          catalogue.namesDifferInCase,
          file,
          fact.name.span,
          { name: fact.name.text, other: sameButCase.name.text },
          {
            hint: "Rename one of them: names that differ only in case are easily confused in facts files, and collide on some file systems and in generated names.",
            context,
            related: [{ file, span: sameButCase.name.span, message: "the other fact" }],
          },
        ),
      );
      continue;
    }
    byLowerCase.set(lower, fact);

    for (const { name, role } of namesOf(fact)) {
      if (fixedModuleNames.has(name)) {
        diagnostics.push(
          diagnostic(
            catalogue.reservedName,
            file,
            fact.name.span,
            { word: name, reservation: { as: "moduleName", role } },
            {
              hint: "Rename the fact or its group.",
              context,
            },
          ),
        );
        break;
      }
      const first = claimed.get(name);
      // Facts of one group all bring its interface and keys: the same name for the same thing.
      if (first && sameRole(first.role, role)) continue;
      if (first) {
        diagnostics.push(
          diagnostic(
            catalogue.generatedNameClash,
            file,
            fact.name.span,
            { name, role, takenAs: first.role },
            {
              hint: "Rename one of the two facts (or groups) so that their names differ in more than dots, underscores and case.",
              context,
              related: [
                { file, span: first.fact.name.span, message: `\`${first.fact.name.text}\` takes the name first` },
              ],
            },
          ),
        );
        break;
      }
      claimed.set(name, { fact, role });
    }
  }
}
