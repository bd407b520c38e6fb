// A FHIR R4 OperationOutcome for a request the service refuses: one issue per problem, each with its
// FHIRPath-like `expression` into the request (https://hl7.org/fhir/R4/operationoutcome.html).

import type * as fhir4 from "fhir/r4.js";

export interface OutcomeIssue {
  readonly code: "invalid" | "structure" | "required" | "value" | "not-found" | "too-long" | "processing" | "exception";
  readonly message: string;
  readonly expression?: string;
}

export function operationOutcome(issues: readonly OutcomeIssue[]): fhir4.OperationOutcome {
  return {
    resourceType: "OperationOutcome",
    issue: issues.map((issue) => ({
      severity: "error",
      code: issue.code,
      diagnostics: issue.message,
      ...(issue.expression !== undefined && { expression: [issue.expression] }),
    })),
  };
}
