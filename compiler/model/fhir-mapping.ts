// Lowering the FHIR mapping: the checked `fhir` block of a policy as data (fhir/mapping.ts), or
// nothing for a policy without one. The checker has held every part to its source, so this only
// copies names out (the first of any mapping given twice, as the checker reported the rest).

import type * as Ast from "../syntax/ast.js";
import type { FhirFactSource, FhirMappingData } from "../fhir/mapping.js";
import { fhirSystemUrls, orderSystems, type FhirCodeSystem } from "../fhir/sources.js";

function codeSystem(name: string): FhirCodeSystem {
  const system = orderSystems.find((candidate) => candidate === name);
  if (system === undefined) throw new Error(`internal error: the checker let order system "${name}" through`);
  return system;
}

function factSource(
  map: Ast.FhirFactMap,
  fact: Ast.FactDeclaration,
  orders: readonly Ast.FhirOrders[],
): FhirFactSource {
  const name = map.fact.text;
  switch (map.source.text) {
    case "patient.age":
    case "patient.birth_date":
    case "coverage.start":
    case "coverage.end":
    case "coverage.has_end":
      return { fact: name, source: map.source.text };
    case "condition":
      if (!map.valueSet) break;
      return { fact: name, source: "condition", valueSet: map.valueSet.text };
    case "order.code":
      if (fact.type.kind === "code")
        return { fact: name, source: "order.code", system: codeSystem(fact.type.system.value) };
      return {
        fact: name,
        source: "order.code",
        meanings: map.meanings.map((meaning) => ({ code: meaning.code.text, value: meaning.value.text })),
      };
  }
  throw new Error(
    `internal error: the checker let the FHIR source "${map.source.text}" of ${name} through (${orders.length} orders)`,
  );
}

export function lowerFhirMapping(
  source: Ast.SourceFile,
  facts: ReadonlyMap<string, Ast.FactDeclaration>,
): FhirMappingData | undefined {
  const mapping = source.statements.find((statement) => statement.kind === "fhirMapping");
  if (!mapping) return undefined;
  return {
    orders: mapping.orders.map((orders) => {
      const system = codeSystem(orders.system.value);
      return { system, systemUrl: fhirSystemUrls[system], codes: orders.codes.map((code) => code.text) };
    }),
    facts: mapping.maps.map((map) => {
      const fact = facts.get(map.fact.text);
      if (!fact) throw new Error(`internal error: the checker let the unknown fact ${map.fact.text} through`);
      return factSource(map, fact, mapping.orders);
    }),
  };
}
