// CDS Hooks requests for the service tests: an order-sign or order-select call with draft orders of
// HCPCS codes, a Patient, a Coverage search Bundle and, when asked, the patient's Conditions.

import type * as fhir4 from "fhir/r4.js";

export const hcpcs = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
export const icd10cm = "http://hl7.org/fhir/sid/icd-10-cm";

export interface DraftOrderSpec {
  readonly id: string;
  readonly code: string;
  readonly system?: string;
  readonly date?: string;
}

export function serviceRequest(spec: DraftOrderSpec): fhir4.ServiceRequest {
  return {
    resourceType: "ServiceRequest",
    id: spec.id,
    status: "draft",
    intent: "order",
    subject: { reference: "Patient/pat-1" },
    code: { coding: [{ system: spec.system ?? hcpcs, code: spec.code }] },
    ...(spec.date !== undefined && { occurrenceDateTime: spec.date }),
  };
}

export interface RequestSpec {
  readonly hook?: "order-sign" | "order-select";
  readonly orders: readonly DraftOrderSpec[];
  readonly selections?: readonly string[];
  readonly birthDate?: string;
  /** Coverage period; `null` for no Coverage prefetched. */
  readonly coverage?: { readonly start: string; readonly end?: string } | null;
  /** ICD-10-CM codes of the patient's active Conditions; absent for no `conditions` prefetch. */
  readonly conditions?: readonly string[];
}

export function hookRequest(spec: RequestSpec): Record<string, unknown> {
  const hook = spec.hook ?? "order-sign";
  const coverage = spec.coverage === undefined ? { start: "2024-01-01" } : spec.coverage;
  return {
    hook,
    hookInstance: "2f5b4a2e-8e0d-4f65-9b8e-4d0c7f3a9c11",
    context: {
      userId: "Practitioner/prac-1",
      patientId: "pat-1",
      draftOrders: {
        resourceType: "Bundle",
        type: "collection",
        entry: spec.orders.map((order) => ({ resource: serviceRequest(order) })),
      },
      ...(hook === "order-select" && { selections: spec.selections ?? [] }),
    },
    prefetch: {
      patient: { resourceType: "Patient", id: "pat-1", birthDate: spec.birthDate ?? "1970-03-04" },
      ...(coverage !== null && {
        coverage: {
          resourceType: "Bundle",
          type: "searchset",
          entry: [
            {
              resource: {
                resourceType: "Coverage",
                id: "cov-1",
                status: "active",
                beneficiary: { reference: "Patient/pat-1" },
                payor: [{ display: "Fixture Health Plan" }],
                period: { start: coverage.start, ...(coverage.end !== undefined && { end: coverage.end }) },
              },
            },
          ],
        },
      }),
      ...(spec.conditions !== undefined && {
        conditions: {
          resourceType: "Bundle",
          type: "searchset",
          entry: spec.conditions.map((code, index) => ({
            resource: {
              resourceType: "Condition",
              id: `cond-${index}`,
              subject: { reference: "Patient/pat-1" },
              clinicalStatus: {
                coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "active" }],
              },
              code: { coding: [{ system: icd10cm, code }] },
            },
          })),
        },
      }),
    },
  };
}
