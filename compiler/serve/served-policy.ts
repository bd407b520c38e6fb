// A built policy as the service holds it: its identity, its FHIR mapping and value sets, and its
// evaluate function, read from the generated module (dist/generated/<slug>/evaluator.js) and checked
// for the shape the service needs, so a module built before the mapping existed is refused by name.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { builtPolicies } from "../build/generated-index.js";
import type { FhirMappingData } from "../fhir/mapping.js";
import type { Decision } from "../runtime/decision.js";
import type { ValueSet } from "../runtime/codes.js";

export interface ServedPolicy {
  /** The folder under generated/: `wnc-cp-224`. */
  readonly slug: string;
  readonly reference: string;
  readonly title: string;
  readonly mapping: FhirMappingData;
  readonly valueSets: Readonly<Record<string, ValueSet>>;
  /** Throws the runtime's PolicyInputError for facts it cannot read. */
  evaluate(facts: unknown, options: { readonly asOf: string }): Decision;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null;
}

/** The served policy of an imported generated module, or why it cannot be served. */
export function servedPolicyOf(slug: string, module: unknown): ServedPolicy | string {
  if (!isRecord(module)) return `${slug}: not a module`;
  const policy = module["policy"];
  const mapping = module["FHIR_MAPPING"];
  const evaluate = module["evaluate"];
  if (!isRecord(policy) || typeof policy["reference"] !== "string" || typeof policy["title"] !== "string")
    return `${slug}: the module exports no policy`;
  if (typeof evaluate !== "function") return `${slug}: the module exports no evaluate`;
  if (!isRecord(mapping) || !Array.isArray(mapping["orders"]) || !Array.isArray(mapping["facts"]))
    return `${slug}: the policy declares no FHIR mapping (a \`fhir\` block)`;
  const valueSets = module["VALUE_SETS"];
  return {
    slug,
    reference: policy["reference"],
    title: policy["title"],
    // The generated module's own data, written by emit/evaluator/fhir-mapping-table.ts from this type.
    mapping: mapping as unknown as FhirMappingData,
    valueSets: isRecord(valueSets) ? (valueSets as Readonly<Record<string, ValueSet>>) : {},
    evaluate: evaluate as ServedPolicy["evaluate"],
  };
}

/** Every built policy of the project at `root` with a FHIR mapping; the others, with why, in `skipped`. */
export async function loadServedPolicies(root: string): Promise<{ policies: ServedPolicy[]; skipped: string[] }> {
  const built = join(root, "dist", "generated");
  const policies: ServedPolicy[] = [];
  const skipped: string[] = [];
  for (const { slug } of builtPolicies(root)) {
    const file = join(built, slug, "evaluator.js");
    if (!existsSync(file)) {
      skipped.push(`${slug}: not compiled (dist/generated/${slug}/evaluator.js): run \`npm run build\``);
      continue;
    }
    const served = servedPolicyOf(slug, await import(pathToFileURL(file).href));
    if (typeof served === "string") skipped.push(served);
    else policies.push(served);
  }
  return { policies, skipped };
}
