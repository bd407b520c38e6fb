// The generated module's FHIR mapping as data: `FHIR_MAPPING`, the order codes that make the policy
// apply (with their system's FHIR URL) and, fact by fact, the named source it is read from
// (fhir/sources.ts). Data, not code, so that an integrator reads a hook's context with it without
// the service; a fact it does not list is asked through DTR.

import type { FhirMappingData } from "../../fhir/mapping.js";
import { docText } from "../code-text.js";
import { data, expandedList, expandedObject } from "./literal.js";

export const fhirMappingConstName = "FHIR_MAPPING";

/** `export const FHIR_MAPPING = { ... } as const;`, or nothing for a policy without a mapping. */
export function fhirMappingTable(mapping: FhirMappingData | undefined): string[] {
  if (mapping === undefined) return [];
  const literal = expandedObject([
    { name: "orders", code: expandedList(mapping.orders.map((orders) => data(orders))) },
    { name: "facts", code: expandedList(mapping.facts.map((source) => data(source))) },
  ]);
  return [
    `/** ${docText("Where the facts come from in FHIR (a CDS Hooks context): the order codes that make the policy apply, and for each fact FHIR can supply, its source. Facts not listed are asked through DTR.")} */\n` +
      `export const ${fhirMappingConstName} = ${literal} as const;`,
  ];
}
