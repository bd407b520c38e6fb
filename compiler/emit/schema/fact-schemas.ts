// JSON Schema (draft 2020-12) of what a generated module reads: the facts of a case, nested in their
// groups as the input holds them, and a claim. Each fact's schema accepts exactly what the runtime's
// reader of its type accepts (runtime/input.ts, records.ts, code-input.ts), null and absence included.

import type { FactModel, FactType, PolicyModel } from "../../model/policy-model.js";
import { claimFieldName } from "../../naming/generated-names.js";
import { MAX_RECORDS } from "../../runtime/records.js";
import { codePattern, type CodeSystem } from "../../runtime/codes.js";
import { MAX_UNITS_PER_LINE } from "../../runtime/claims.js";

export type Json = string | number | boolean | null | readonly Json[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: Json;
}

export const DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

/** The schema of a value that may also be null (unknown). */
function orNull(type: string): Json {
  return [type, "null"];
}

/** Each option as a constant titled with its label: a form can show the label, a program send the value. */
function options(values: readonly { readonly name: string; readonly label: string }[]): Json {
  return values.map((value) => ({ const: value.name, title: value.label }));
}

/** The schema of a value of `type` (not yet with its words). */
export function valueSchema(type: FactType): JsonObject {
  switch (type.kind) {
    case "boolean":
      return { type: orNull("boolean") };
    case "number":
      return {
        type: orNull("number"),
        ...(type.min !== undefined && { minimum: type.min }),
        ...(type.max !== undefined && { maximum: type.max }),
        ...(type.unit !== undefined && { "x-unit": type.unit }),
      };
    case "date":
      return { type: orNull("string"), format: "date" };
    case "oneOf":
      return { oneOf: [...(options(type.values) as readonly Json[]), { type: "null" }] };
    case "setOf":
      return { type: orNull("array"), items: { oneOf: options(type.values) } };
    case "list":
      return {
        type: orNull("array"),
        maxItems: MAX_RECORDS,
        items: {
          type: "object",
          additionalProperties: false,
          properties: Object.fromEntries(
            type.fields.map((field) => [field.name, { title: field.label, ...valueSchema(field.type) }]),
          ),
        },
      };
    case "code":
      return { type: orNull("string"), pattern: codePattern(type.system as CodeSystem), "x-code-system": type.system };
    case "codes":
      return {
        type: orNull("array"),
        items: { type: "string", pattern: codePattern(type.system as CodeSystem) },
        "x-code-system": type.system,
      };
  }
}

/** A fact's schema with its words: the question as its title, its description. */
function factSchema(fact: FactModel, key = fact.name): [string, JsonObject] {
  return [key, { title: fact.question, description: fact.description, ...valueSchema(fact.type) }];
}

interface Group {
  readonly facts: [string, JsonObject][];
  readonly groups: Map<string, Group>;
}

function groupSchema(group: Group, nullable: boolean): JsonObject {
  return {
    type: nullable ? orNull("object") : "object",
    additionalProperties: false,
    properties: Object.fromEntries([
      ...[...group.groups].map(([key, child]): [string, Json] => [key, groupSchema(child, true)]),
      ...group.facts,
    ]),
  };
}

/** The schema of the facts of a case holding only `facts`, nested in their groups. */
export function factsSchema(facts: readonly FactModel[], title: string): JsonObject {
  const root: Group = { facts: [], groups: new Map() };
  for (const fact of facts) {
    const parts = fact.name.split(".");
    let group = root;
    for (const part of parts.slice(0, -1)) {
      const next = group.groups.get(part) ?? { facts: [], groups: new Map<string, Group>() };
      group.groups.set(part, next);
      group = next;
    }
    group.facts.push(factSchema(fact, parts.at(-1)));
  }
  return { $schema: DRAFT_2020_12, title, ...groupSchema(root, false) };
}

/** The schema of a claim: its service date and lines, and the policy's claim facts. */
export function claimSchema(model: PolicyModel): JsonObject {
  return {
    $schema: DRAFT_2020_12,
    title: `A claim under ${model.reference} ${model.title}`,
    type: "object",
    additionalProperties: false,
    required: ["serviceDate", "lines"],
    properties: {
      serviceDate: { type: "string", format: "date" },
      lines: {
        type: "array",
        items: {
          type: "object",
          additionalProperties: false,
          required: ["code", "units"],
          properties: {
            code: { type: "string", pattern: "^(?:[A-Z]\\d{4}|\\d{4}[A-Z0-9])$" },
            modifiers: { type: orNull("array"), items: { type: "string", pattern: "^[A-Z0-9]{2}$" } },
            units: { type: "integer", minimum: 0, maximum: MAX_UNITS_PER_LINE },
            // The line's own date of service, for a claim that covers a period (unit limits per month).
            date: { type: orNull("string"), format: "date" },
          },
        },
      },
      ...Object.fromEntries(model.claimFacts.map((fact) => factSchema(fact, claimFieldName(fact.name)))),
    },
  };
}
