// A CDS Hooks request the service cannot read: every problem found, each at its path in the request
// (`context.draftOrders.entry[0].resource.code`), which the service answers as a 400 with a FHIR
// OperationOutcome (serve/operation-outcome.ts). Never a decision, never another exception.

export interface HookInputIssue {
  /** Where, as a FHIRPath-like path into the request body: `prefetch.patient.birthDate`. */
  readonly expression: string;
  /** What is wrong, one sentence. */
  readonly message: string;
}

export class HookInputError extends Error {
  override readonly name = "HookInputError";

  constructor(readonly issues: readonly HookInputIssue[]) {
    super(
      issues.length === 1 && issues[0]
        ? `${issues[0].expression}: ${issues[0].message}`
        : `${issues.length} problems in the request: ${issues.map((issue) => issue.expression).join(", ")}`,
    );
  }
}
