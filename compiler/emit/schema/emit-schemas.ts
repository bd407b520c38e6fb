// Stage 4c of the pipeline: the policy model in, the JSON Schema files of its contract out, for a
// program in any language: the facts (every fact, and those each revision reads), a decision, a
// claim, a claim check and the input error. Written into generated/<policy>/schema/, deterministically.

import type { FactModel, PolicyModel } from "../../model/policy-model.js";
import { factsOfRevision } from "../../model/fact-revisions.js";
import { claimSchema, DRAFT_2020_12, factsSchema, type Json, type JsonObject } from "./fact-schemas.js";
import { claimCheckSchema, decisionSchema, inputErrorSchema } from "./result-schemas.js";
import { generatedNotice } from "../fhir/questionnaire.js";

export interface SchemaFile {
  /** The file's name in the schema folder: `facts.2024-05.schema.json`. */
  readonly name: string;
  readonly schema: JsonObject;
}

const ALL_FACTS = "facts.schema.json";

interface NameTree {
  readonly children: Map<string, NameTree>;
}

/** Only the names of `facts` at each level of the input, each group checked below its key. */
function namesOnly(tree: NameTree, nullable: boolean): JsonObject {
  const keys = [...tree.children.keys()];
  const groups = [...tree.children].filter(([, child]) => child.children.size > 0);
  return {
    type: nullable ? ["object", "null"] : "object",
    propertyNames: { enum: keys },
    ...(groups.length > 0 && {
      properties: Object.fromEntries(groups.map(([key, child]): [string, Json] => [key, namesOnly(child, true)])),
    }),
  };
}

/**
 * The facts of one revision: every fact's schema is that of the schema of all facts (a reference, so
 * each fact is stated once); this one only narrows the names to the facts its statements read.
 */
function revisionSchema($comment: string, facts: readonly FactModel[], id: string, title: string): JsonObject {
  const root: NameTree = { children: new Map() };
  for (const fact of facts) {
    let tree = root;
    for (const part of fact.name.split(".")) {
      const next = tree.children.get(part) ?? { children: new Map<string, NameTree>() };
      tree.children.set(part, next);
      tree = next;
    }
  }
  return { $comment, $schema: DRAFT_2020_12, $id: id, title, $ref: ALL_FACTS, ...namesOnly(root, false) };
}

/** Every schema of the policy's contract, by file name; `base` is where they are published (`$id`). */
export function policySchemas(model: PolicyModel, base: string): SchemaFile[] {
  const named = `${model.reference} ${model.title}`;
  const $comment = generatedNotice(model);
  const withId = (name: string, schema: JsonObject): SchemaFile => {
    const { $schema, ...rest } = schema;
    return { name, schema: { $comment, $schema: $schema ?? DRAFT_2020_12, $id: `${base}/${name}`, ...rest } };
  };
  const byRevision = model.revisions.map((revision, index): SchemaFile => {
    const names = new Set(factsOfRevision(model, index));
    const name = `facts.${revision.approved}.schema.json`;
    return {
      name,
      schema: revisionSchema(
        $comment,
        model.facts.filter((fact) => names.has(fact.name)),
        `${base}/${name}`,
        `The facts of ${named}, revision ${revision.approved} (in force from ${revision.effective}): those its statements read`,
      ),
    };
  });
  return [
    withId(ALL_FACTS, factsSchema(model.facts, `The facts of ${named}, every revision`)),
    ...byRevision,
    withId("decision.schema.json", decisionSchema(model)),
    withId("claim.schema.json", claimSchema(model)),
    withId("claim-check.schema.json", claimCheckSchema(model)),
    withId("input-error.schema.json", inputErrorSchema(model)),
  ];
}

/** A schema as its file holds it: two-space JSON, a newline at the end. */
export function schemaText(schema: JsonObject): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
