// The fact metadata a generated module exports for integrators (`factMetadata`): per fact, keyed by
// its name, its type with options and labels, range and unit, its question and description, the
// revisions that read it and the statements that read it, with a declared type per fact.

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

/**
 * Revisions as ranges: `{ from }` (read from that revision on) or `{ from, until }` (until the
 * revision that no longer reads it). NOTE: ranges rather than a list of every revision, so that a new
 * revision changes the metadata of only the facts it changes, and the review of it stays small.
 */
function lifetime(model: PolicyModel, revisions: readonly number[]): Json {
  const ranges: { [key: string]: string }[] = [];
  revisions.forEach((revision, index) => {
    if (index > 0 && revisions[index - 1] === revision - 1) return;
    let last = revision;
    while (revisions.includes(last + 1)) last++;
    const from = model.revisions[revision]?.approved ?? "?";
    const until = model.revisions[last + 1]?.approved;
    ranges.push(until === undefined ? { from } : { from, until });
  });
  return ranges;
}

function factEntry(fact: FactModel, model: PolicyModel, revisions: readonly number[]): Json {
  return {
    ...typeMetadata(fact.type),
    group: factGroup(fact),
    question: fact.question,
    description: fact.description,
    lifetime: lifetime(model, revisions),
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
 * The words of the policy's facts (`factWords`: the metadata but for who reads each fact), in
 * declaration order, and the fact table the runtime reads input with, made from them
 * (runtime/fact-table.ts). NOTE: the readers are added when the module loads, from the rules'
 * own lists (`exportedFactMetadata`): stated here, a new criterion would change the line of every
 * fact it reads, and the review of a change would name statements it did not touch.
 */
export function factWordsStatement(model: PolicyModel): string {
  const lifetimes = factRevisions(model);
  const entries: { [name: string]: Json } = {};
  for (const fact of model.facts) entries[fact.name] = factEntry(fact, model, lifetimes.get(fact.name) ?? []);
  return (
    `/** ${docText(`What each fact of ${model.reference} is, by its name, but for the statements that read it (see factMetadata).`)} */\n` +
    `const factWords: { readonly [Name in FactName]: FactWords } = ${JSON.stringify(entries)};\n\n` +
    `/** ${docText(`The facts of ${model.reference}: the schema the runtime reads and validates a case's facts with.`)} */\n` +
    "const factTable: readonly FactEntry<FactName>[] = factTableOf<FactName>(factWords);"
  );
}

/** `export const factMetadata: { ... }`, each fact's words with the rules and exceptions that read it. */
export function exportedFactMetadata(model: PolicyModel): string {
  const doc = docText(
    `What each fact of ${model.reference} is, by its name: its type (with options and labels, range, unit, record fields), ` +
      "the group it sits in, the question that asks it, its lifetime (the revisions, by approval month, whose statements read it) " +
      "and the rules and exceptions that read it.",
  );
  // NOTE: declared with a type per fact rather than `as const`: the declarations then state each
  // fact's kind and values, not every word of the metadata again (the package stays small).
  const type = `{\n${model.facts.map((fact) => `readonly ${stringLiteral(fact.name)}: ${metadataType(fact)};`).join("\n")}\n}`;
  return `/** ${doc} */\nexport const factMetadata: ${type} = factMetadataOf(factWords, policy);`;
}
