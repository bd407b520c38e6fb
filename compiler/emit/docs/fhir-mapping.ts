// The docs' section on the FHIR mapping: the order codes that make the policy apply, each fact read
// from FHIR with its source and where that source reads it, and the facts asked through DTR. Words for
// the sources come from fhir/sources.ts, the one place that says what each reads.

import type { FhirFactSource } from "../../fhir/mapping.js";
import { fhirSources } from "../../fhir/sources.js";
import { partKey, parts } from "./anchors.js";
import type { DocsContext } from "./context.js";
import { code, join, text, words, type Block, type Inline } from "./markdown.js";

function sourceWords(source: FhirFactSource): Inline {
  const reads = text(fhirSources[source.source].reads);
  if ("valueSet" in source) return words`${code(`condition in ${source.valueSet}`)}: ${reads}`;
  if ("meanings" in source) {
    const meanings = source.meanings.map((meaning) => `${meaning.code} as ${meaning.value}`).join(", ");
    return words`${code("order.code")}: ${reads}; ${text(meanings)} (another code leaves it unknown)`;
  }
  return words`${code(source.source)}: ${reads}`;
}

export function fhirMappingBlocks(context: DocsContext): Block[] {
  const mapping = context.model.fhir;
  if (mapping === undefined) return [];
  const mapped = new Set(mapping.facts.map((source) => source.fact));
  const asked = context.model.facts.filter((fact) => !mapped.has(fact.name));
  return [
    { kind: "heading", level: 2, text: text(parts.fhir), key: partKey("fhir") },
    {
      kind: "paragraph",
      text: words`Where the CDS Hooks service (Da Vinci CRD STU 2.1) reads the facts of a request. An order whose code is one of these makes the policy apply: ${text(
        mapping.orders.map((orders) => `${orders.system} ${orders.codes.join(", ")}`).join("; "),
      )}. What FHIR does not give is unknown, and asked.`,
    },
    {
      kind: "table",
      header: [words`Fact`, words`Read from`],
      rows: mapping.facts.map((source) => [context.factLink(source.fact), sourceWords(source)]),
    },
    ...(asked.length > 0
      ? [
          {
            kind: "paragraph" as const,
            text: words`Asked through DTR (no FHIR source), ${text(`${asked.length} fact${asked.length === 1 ? "" : "s"}`)}: ${join(
              asked.map((fact) => context.factLink(fact.name)),
              ", ",
            )}.`,
          },
        ]
      : []),
  ];
}
