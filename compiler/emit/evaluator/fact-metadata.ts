// The fact metadata a generated module exports for integrators (`factMetadata`): per fact, keyed by
// its name, its type with options and labels, range and unit, its question and description, the
// revisions that read it and the statements that read it. Emitted `as const`, so its types are exact.

import type { FactModel, FactType, PolicyModel, RecordField } from "../../model/policy-model.js";
import { factRevisions } from "../../model/fact-revisions.js";
import { docText, stringLiteral } from "../code-text.js";
import { valuesTypeName } from "./fact-code.js";

type Json = string | number | boolean | readonly Json[] | { readonly [key: string]: Json };

/** A fact's type as data: its kind, and the options, range, unit, fields or code system it has. */
export function typeMetadata(type: FactType | RecordField["type"]): { readonly [key: string]: Json } {
  switch (type.kind) {
    case "boolean":
    case "date":
      return { type: type.kind };
    case "number":
      return {
        type: "number",
        ...(type.unit !== undefined && { unit: type.unit }),
        ...(type.min !== undefined && { min: type.min }),
        ...(type.max !== undefined && { max: type.max }),
      };
    case "oneOf":
    case "setOf":
      return { type: type.kind, options: type.values.map((value) => ({ value: value.name, label: value.label })) };
    case "list":
      return {
        type: "list",
        fields: type.fields.map((field) => ({ name: field.name, label: field.label, ...typeMetadata(field.type) })),
      };
    case "code":
    case "codes":
      return { type: type.kind, system: type.system };
  }
}

/** The group a fact sits in, as the input nests it: `member` for `member.age`; "" for a fact at the root. */
export function factGroup(fact: FactModel): string {
  return fact.name.split(".").slice(0, -1).join(".");
}

function factEntry(fact: FactModel, model: PolicyModel, revisions: readonly number[]): Json {
  return {
    ...typeMetadata(fact.type),
    group: factGroup(fact),
    question: fact.question,
    description: fact.description,
    revisions: revisions.map((revision) => model.revisions[revision]?.approved ?? "?"),
    readBy: fact.readBy,
  };
}

/** The declared type of one fact's metadata: its kind, and for a one-of or set fact its values' type. */
function metadataType(fact: FactModel): string {
  const kind = stringLiteral(fact.type.kind);
  return fact.type.kind === "oneOf" || fact.type.kind === "setOf"
    ? `FactMetadataOf<${kind}, ${valuesTypeName(fact)}>`
    : `FactMetadataOf<${kind}>`;
}

/**
 * `export const factMetadata: { ... } = { ... }` for the policy's facts, in declaration order, and the
 * fact table the runtime reads input with, made from it (runtime/fact-metadata.ts).
 */
export function factMetadataStatement(model: PolicyModel): string {
  const lifetimes = factRevisions(model);
  const entries: { [name: string]: Json } = {};
  for (const fact of model.facts) entries[fact.name] = factEntry(fact, model, lifetimes.get(fact.name) ?? []);
  const doc = docText(
    `What each fact of ${model.reference} is, by its name: its type (with options and labels, range, unit, record fields), ` +
      "the group it sits in, the question that asks it, the revisions whose statements read it (by approval month) " +
      "and the rules and exceptions that read it.",
  );
  // NOTE: declared with a type per fact rather than `as const`: the declarations then state each
  // fact's kind and values, not every word of the metadata again (the package stays small).
  const type = `{\n${model.facts.map((fact) => `readonly ${stringLiteral(fact.name)}: ${metadataType(fact)};`).join("\n")}\n}`;
  return (
    `/** ${doc} */\nexport const factMetadata: ${type} = ${JSON.stringify(entries)};\n\n` +
    `/** ${docText(`The facts of ${model.reference}: the schema the runtime reads and validates a case's facts with.`)} */\n` +
    "const factTable: readonly FactEntry<FactName>[] = factTableOf<FactName>(factMetadata);"
  );
}
