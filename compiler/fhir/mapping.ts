// The FHIR mapping as data: what lowering produces from a policy's `fhir` block, what the generated
// module exports as `FHIR_MAPPING`, and what fhir/context-facts.ts reads a hook's context with.

import type { FhirCodeSystem } from "./sources.js";

/** `orders in system "HCPCS": S9494, S9329`: an order carrying one of these codes makes the policy apply. */
export interface FhirOrderCodes {
  readonly system: FhirCodeSystem;
  /** The system's FHIR URL, which an order's Coding must carry. */
  readonly systemUrl: string;
  readonly codes: readonly string[];
}

/** `S9329 as chemotherapy`. */
export interface FhirCodeMeaningData {
  readonly code: string;
  readonly value: string;
}

/** Where one fact comes from. */
export type FhirFactSource =
  | {
      readonly fact: string;
      readonly source: "patient.age" | "patient.birth_date" | "coverage.start" | "coverage.end" | "coverage.has_end";
    }
  /** Into a fact of one code: the order's code of `system`. */
  | { readonly fact: string; readonly source: "order.code"; readonly system: FhirCodeSystem }
  /** Into a fact of listed values: the value the order's code means; a code not listed leaves the fact unknown. */
  | { readonly fact: string; readonly source: "order.code"; readonly meanings: readonly FhirCodeMeaningData[] }
  /** Yes when the patient has a Condition with a code in the value set. */
  | { readonly fact: string; readonly source: "condition"; readonly valueSet: string };

export interface FhirMappingData {
  readonly orders: readonly FhirOrderCodes[];
  /** In source order; a fact not listed is asked through DTR. */
  readonly facts: readonly FhirFactSource[];
}
