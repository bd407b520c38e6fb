// The named FHIR sources a policy's `fhir` mapping may read a fact from, and the FHIR system URL of
// each code system. A small, closed set (no general FHIRPath): the checker holds each mapping to the
// type its source gives, the model and the generated module carry the source by name, and
// fhir/context-facts.ts is the one reader of each.

/** Every source by name, as an author writes it after `from`. */
export const fhirSourceNames = [
  "patient.age",
  "patient.birth_date",
  "coverage.start",
  "coverage.end",
  "coverage.has_end",
  "order.code",
  "condition",
] as const;

export type FhirSourceName = (typeof fhirSourceNames)[number];

/** What a source gives, as a fact type: the checker compares it with the mapped fact's type. */
export type FhirSourceGives =
  | { readonly kind: "number"; readonly unit: string }
  | { readonly kind: "date" }
  | { readonly kind: "boolean" }
  /** The order's code: a fact of one code of the orders' system, or a fact of listed values through `S9329 as chemotherapy`. */
  | { readonly kind: "orderCode" };

export interface FhirSource {
  readonly name: FhirSourceName;
  readonly gives: FhirSourceGives;
  /** Where in FHIR it is read, for the docs and the checker's messages. */
  readonly reads: string;
  /** Whether what it reads is administrative (the member's coverage) rather than clinical. */
  readonly administrative: boolean;
}

export const fhirSources: Readonly<Record<FhirSourceName, FhirSource>> = {
  "patient.age": {
    name: "patient.age",
    gives: { kind: "number", unit: "years" },
    reads: "the Patient's birthDate, as whole years on the service date",
    administrative: false,
  },
  "patient.birth_date": {
    name: "patient.birth_date",
    gives: { kind: "date" },
    reads: "the Patient's birthDate",
    administrative: false,
  },
  "coverage.start": {
    name: "coverage.start",
    gives: { kind: "date" },
    reads: "the Coverage's period.start",
    administrative: true,
  },
  "coverage.end": {
    name: "coverage.end",
    gives: { kind: "date" },
    reads: "the Coverage's period.end",
    administrative: true,
  },
  "coverage.has_end": {
    name: "coverage.has_end",
    gives: { kind: "boolean" },
    reads: "whether the Coverage's period has an end",
    administrative: true,
  },
  "order.code": {
    name: "order.code",
    gives: { kind: "orderCode" },
    reads:
      "the order's code (ServiceRequest.code, DeviceRequest.codeCodeableConcept, MedicationRequest.medicationCodeableConcept)",
    administrative: false,
  },
  condition: {
    name: "condition",
    gives: { kind: "boolean" },
    reads: "whether the patient has a Condition (prefetch `conditions`) with a code in the value set",
    administrative: false,
  },
};

export function isFhirSourceName(name: string): name is FhirSourceName {
  return (fhirSourceNames as readonly string[]).includes(name);
}

/** The FHIR `system` URL of each code system the language names (terminology.hl7.org). */
export const fhirSystemUrls = {
  HCPCS: "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets",
  CPT: "http://www.ama-assn.org/go/cpt",
  "ICD-10-PCS": "http://www.cms.gov/Medicare/Coding/ICD10",
  "ICD-10-CM": "http://hl7.org/fhir/sid/icd-10-cm",
} as const;

export type FhirCodeSystem = keyof typeof fhirSystemUrls;

/** The systems an order's code may be of (a procedure, a service or a supply; ICD-10-CM codes diagnoses). */
export const orderSystems: readonly FhirCodeSystem[] = ["HCPCS", "CPT", "ICD-10-PCS"];
