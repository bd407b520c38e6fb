// The fact metadata a generated module exports (`factMetadata`, keyed by fact name) and the fact
// table the runtime reads input with, made from it when the module loads: the facts are stated once,
// so the package ships their words once.

import type { CodeSystem } from "./codes.js";
import type { FactEntry, FactType } from "./policy-table.js";

/** An option of a one-of or set fact (or record field): its value, and how it reads. */
export interface OptionMetadata<Value extends string = string> {
  readonly value: Value;
  readonly label: string;
}

/** A type as metadata states it: its kind, and the unit, range, options, fields or code system it has. */
export type TypeMetadata =
  | { readonly type: "boolean" | "date" }
  | { readonly type: "number"; readonly unit?: string; readonly min?: number; readonly max?: number }
  | { readonly type: "oneOf" | "setOf"; readonly options: readonly OptionMetadata[] }
  | { readonly type: "code" | "codes"; readonly system: CodeSystem }
  | {
      readonly type: "list";
      readonly fields: readonly (FieldTypeMetadata & { readonly name: string; readonly label: string })[];
    };

type FieldTypeMetadata = Exclude<TypeMetadata, { readonly type: "list" }>;

/** What a generated module states of one fact. */
export type FactMetadata = TypeMetadata & {
  /** The group the input nests it in: `member` for `member.age`; "" at the root. */
  readonly group: string;
  /** The question to ask to learn it. */
  readonly question: string;
  readonly description: string;
  /** The revisions (by approval month) in which a statement in force reads it, oldest first. */
  readonly revisions: readonly string[];
  /** The rules and exceptions that read it, directly or through a definition. */
  readonly readBy: readonly string[];
};

/**
 * The metadata of a fact of the type `Kind`; for a one-of or set fact, its options' values typed as
 * `Value`. What a generated module declares `factMetadata` with, fact by fact.
 */
export type FactMetadataOf<Kind extends TypeMetadata["type"], Value extends string = never> = FactMetadata & {
  readonly type: Kind;
} & ([Value] extends [never] ? unknown : { readonly options: readonly OptionMetadata<Value>[] });

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
  readonly [Name in FactName]: FactMetadata;
}): readonly FactEntry<FactName>[] {
  return (Object.keys(metadata) as FactName[]).map((name) => ({
    name,
    type: factType(metadata[name]),
    description: metadata[name].description,
    question: metadata[name].question,
  }));
}
