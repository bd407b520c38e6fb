// DO NOT EDIT. Copied by policyc from compiler/runtime/fact-metadata.ts.
// The fact metadata a generated module exports (`factMetadata`, keyed by fact name): what a program
// reads of each fact. The fact table the runtime reads input with is made from it (fact-table.ts).

import type { CodeSystem } from "./codes.js";

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
/** What a generated module states of a fact: its type and words; the readers are added when it loads (fact-table.ts). */
export type FactWords = TypeMetadata & {
  /** The group the input nests it in: `member` for `member.age`; "" at the root. */
  readonly group: string;
  /** The question to ask to learn it. */
  readonly question: string;
  readonly description: string;
  /**
   * The revisions (by approval month) in which a statement in force reads it, oldest first: from
   * `from` until just before `until` (to the latest revision when there is none).
   */
  readonly lifetime: readonly { readonly from: string; readonly until?: string }[];
};

/** What a generated module exports of a fact (`factMetadata`). */
export type FactMetadata = FactWords & {
  /** The rules and exceptions that read it, directly or through a definition. */
  readonly readBy: readonly string[];
};

/**
 * The metadata of a fact of the type `Kind`; for a one-of or set fact, its options' values typed as
 * `Value`. What a generated module declares `factMetadata` with, fact by fact.
 */
export type FactMetadataOf<Kind extends TypeMetadata["type"], Value extends string = never> = [Value] extends [never]
  ? FactMetadata & { readonly type: Kind }
  : Omit<FactMetadata & { readonly type: Kind }, "options"> & { readonly options: readonly OptionMetadata<Value>[] };
