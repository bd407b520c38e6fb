// Stage 4c of the pipeline: the policy model in, the JSON Schema files of its contract out, for a
// program in any language: the facts (all of them, and those of each revision), a decision, a claim,
// a claim check and the input error. Written into generated/<policy>/schema/, deterministically.

import type { PolicyModel } from "../../model/policy-model.js";
import { factsOfRevision } from "../../model/fact-revisions.js";
import { claimSchema, factsSchema, type JsonObject } from "./fact-schemas.js";
import { claimCheckSchema, decisionSchema, inputErrorSchema } from "./result-schemas.js";

export interface SchemaFile {
  /** The file's name in the schema folder: `facts.2024-05.schema.json`. */
  readonly name: string;
  readonly schema: JsonObject;
}

/** Every schema of the policy's contract, by file name. */
export function policySchemas(model: PolicyModel): SchemaFile[] {
  const named = `${model.reference} ${model.title}`;
  const byRevision = model.revisions.map((revision, index) => {
    const names = new Set(factsOfRevision(model, index));
    return {
      name: `facts.${revision.approved}.schema.json`,
      schema: factsSchema(
        model.facts.filter((fact) => names.has(fact.name)),
        `The facts of ${named}, revision ${revision.approved} (in force from ${revision.effective}): those its statements read`,
      ),
    };
  });
  return [
    { name: "facts.schema.json", schema: factsSchema(model.facts, `The facts of ${named}, every revision`) },
    ...byRevision,
    { name: "decision.schema.json", schema: decisionSchema(model) },
    { name: "claim.schema.json", schema: claimSchema(model) },
    { name: "claim-check.schema.json", schema: claimCheckSchema(model) },
    { name: "input-error.schema.json", schema: inputErrorSchema(model) },
  ];
}

/** A schema as its file holds it: two-space JSON, a newline at the end. */
export function schemaText(schema: JsonObject): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
