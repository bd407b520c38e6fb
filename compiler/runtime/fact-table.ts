// The fact table the runtime reads input with, made from a generated module's fact metadata when
// the module loads: the facts are stated once, so the package ships their words once.

import type { FactMetadata, FactWords, TypeMetadata } from "./fact-metadata.js";
import type { FactEntry, FactType } from "./policy-table.js";
import type { PreparedPolicy } from "./prepare.js";

function factType(metadata: TypeMetadata): FactType {
  switch (metadata.type) {
    case "boolean":
    case "date":
      return { kind: metadata.type };
    case "number":
      return {
        kind: "number",
        ...(metadata.unit !== undefined && { unit: metadata.unit }),
        ...(metadata.min !== undefined && { min: metadata.min }),
        ...(metadata.max !== undefined && { max: metadata.max }),
      };
    case "oneOf":
    case "setOf":
      return { kind: metadata.type, values: metadata.options.map((option) => option.value) };
    case "code":
    case "codes":
      return { kind: metadata.type, system: metadata.system };
    case "list":
      return {
        kind: "list",
        fields: metadata.fields.map((field) => ({ name: field.name, type: factType(field) as FieldType })),
      };
  }
}

type FieldType = Extract<FactType, { kind: "list" }>["fields"][number]["type"];

/** The fact table of a policy, in the metadata's order (the order the policy declares its facts). */
export function factTableOf<FactName extends string>(metadata: {
  readonly [Name in FactName]: FactWords;
}): readonly FactEntry<FactName>[] {
  return (Object.keys(metadata) as FactName[]).map((name) => ({
    name,
    type: factType(metadata[name]),
    description: metadata[name].description,
    question: metadata[name].question,
  }));
}

/**
 * The fact metadata a module exports: each fact's words with the rules and exceptions that read it,
 * as the prepared policy found them (the readers of a missing fact), in the words' order.
 */
export function factMetadataOf<Metadata>(
  words: { readonly [name: string]: FactWords },
  policy: Pick<PreparedPolicy<never, string, string, string>, "missingFacts">,
): Metadata {
  const metadata: { [name: string]: FactMetadata } = {};
  Object.keys(words).forEach((name, position) => {
    metadata[name] = Object.freeze({ ...words[name]!, readBy: policy.missingFacts[position]?.readBy ?? [] });
  });
  return Object.freeze(metadata) as Metadata;
}
