// What the evaluator and the claim checker both generate for a fact: the type of its values, the set
// of its allowed values, the property type in an input interface, and the statement that reads and
// validates it with a runtime reader.

import type { FactModel, RecordField } from "../../model/policy-model.js";
import { lineCommentText, stringLiteral } from "../code-text.js";
import * as names from "../../naming/generated-names.js";

/**
 * A union of ids, one per line with a comment saying what each is (`| "I.A.1" // criterion`): the
 * comments keep prettier from joining the union on one line, so adding an id adds one line.
 */
export function commentedUnion(members: readonly { readonly id: string; readonly comment: string }[]): string {
  if (members.length === 0) return "never";
  return `\n${members.map(({ id, comment }) => `| ${stringLiteral(id)} // ${lineCommentText(comment)}`).join("\n")}\n`;
}

/** `"a" | "b"`, or `never` for no values. */
export function union(values: readonly string[]): string {
  return values.length === 0 ? "never" : values.map(stringLiteral).join(" | ");
}

/** `therapy.kind` -> `TherapyKind`: the exported type of a one-of or set fact's values. */
export function valuesTypeName(fact: FactModel): string {
  return names.valuesTypeName(fact.name);
}

/** `therapy.kind` -> `THERAPY_KIND_VALUES`: the module constant holding the allowed values. */
export function valuesConstName(fact: FactModel): string {
  return names.valuesConstName(fact.name);
}

/** `oxygen.studies` -> `OxygenStudiesRecord`: the interface of one record of a list fact, as given. */
export function recordTypeName(fact: FactModel): string {
  return `${names.valuesTypeName(fact.name)}Record`;
}

/** `oxygen.studies` -> `OxygenStudiesRecordValues`: one record as the compiled logic reads it. */
export function recordValuesTypeName(fact: FactModel): string {
  return `${names.valuesTypeName(fact.name)}RecordValues`;
}

/** The type of a field of a record: as given (`input`), or as the compiled logic reads it. */
export function fieldType(field: RecordField, as: "input" | "logic"): string {
  const type = field.type;
  // NOTE: an input type admits undefined as well as absence, so that `{ age: undefined }` type-checks
  // under exactOptionalPropertyTypes, as the runtime accepts it.
  const missing = as === "input" ? " | null | undefined" : " | undefined";
  switch (type.kind) {
    case "boolean":
      return as === "input" ? "boolean | null | undefined" : "Truth";
    case "number":
      return `number${missing}`;
    case "date":
      return `string${missing}`;
    case "oneOf":
      return `${union(type.values.map((value) => value.name))}${missing}`;
    case "setOf":
      return `readonly (${union(type.values.map((value) => value.name))})[]${missing}`;
    case "code":
    case "codes":
      throw new Error(`policyc: internal error: the field ${field.name} holds codes (the checker refuses one)`);
  }
}

/** The type of the fact's property in an input interface; null, undefined and absent mean unknown. */
export function propertyType(fact: FactModel): string {
  return `${givenType(fact)} | null | undefined`;
}

function givenType(fact: FactModel): string {
  switch (fact.type.kind) {
    case "list":
      return `readonly ${recordTypeName(fact)}[]`;
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "date":
      return "string";
    case "oneOf":
      return `${valuesTypeName(fact)}`;
    case "setOf":
      return `readonly ${valuesTypeName(fact)}[]`;
    case "code":
      return "string";
    case "codes":
      return "readonly string[]";
  }
}

/** The type of the fact's value as compiled logic reads it: a truth for a yes-or-no fact. */
export function factValueType(fact: FactModel): string {
  switch (fact.type.kind) {
    case "list":
      return `readonly ${recordValuesTypeName(fact)}[] | undefined`;
    case "boolean":
      return "Truth";
    case "number":
      return "number | undefined";
    case "date":
      return "string | undefined";
    case "oneOf":
      return `${valuesTypeName(fact)} | undefined`;
    case "setOf":
      return `readonly ${valuesTypeName(fact)}[] | undefined`;
    case "code":
      return "string | undefined";
    case "codes":
      return "readonly string[] | undefined";
  }
}

/**
 * `const <local> = readX(<group>, "<key>", "<field>", ..., issues);` for the fact; `useRuntime`
 * registers the reader the module must import.
 */
export function readFactStatement(
  fact: FactModel,
  local: string,
  group: string,
  key: string,
  field: string,
  useRuntime: (name: string) => void,
): string {
  const common = `${group}, ${stringLiteral(key)}, ${stringLiteral(field)}`;
  const type = fact.type;
  const reader = (name: string, args: string) => {
    useRuntime(name);
    return `const ${local} = ${name}(${args});`;
  };
  switch (type.kind) {
    case "boolean":
      return reader("readBoolean", `${common}, issues`);
    case "number":
      return reader("readNumber", `${common}, ${type.min ?? "-Infinity"}, ${type.max ?? "Infinity"}, issues`);
    case "date":
      return reader("readDate", `${common}, issues`);
    case "oneOf":
      return reader("readChoice", `${common}, ${valuesConstName(fact)}, issues`);
    case "setOf":
      return reader("readChoiceSet", `${common}, ${valuesConstName(fact)}, issues`);
    case "list":
      throw new Error(`policyc: internal error: the claim fact ${fact.name} is a list (the checker refuses one)`);
    case "code":
      return reader("readCode", `${common}, ${stringLiteral(type.system)}, issues`);
    case "codes":
      return reader("readCodeSet", `${common}, ${stringLiteral(type.system)}, issues`);
  }
}
