// The decision a notice is written from, read from what the generated evaluator returned. The
// evaluator is typed for engineers; `policyc notice` loads it at run time, so its answer is checked
// here field by field before anything is written from it: a notice is never drafted from a shape
// we did not expect.

export type NoticeOutcome = "covered" | "not_covered" | "pending";

export interface NoticeReason {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly overriddenBy?: string;
  /** The ids of the readings it relied on (the register's anchors). */
  readonly readings: readonly string[];
}

export interface NoticeDecision {
  readonly outcome: NoticeOutcome;
  readonly reasons: readonly NoticeReason[];
  readonly missingFacts: readonly { readonly fact: string; readonly question: string }[];
  readonly exceptionsApplied: readonly string[];
  readonly priorApprovalRequired: boolean;
  readonly asOf: string;
  readonly policy: {
    readonly reference: string;
    readonly revision: string;
    readonly sourceHash: string;
    readonly modelHash: string;
    readonly compiler: string;
    readonly publishedTextHash?: string;
  };
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error(`policyc notice: the evaluator's ${what} is not an object`);
  return value as Record<string, unknown>;
}

function string(value: unknown, what: string): string {
  if (typeof value !== "string") throw new Error(`policyc notice: the evaluator's ${what} is not text`);
  return value;
}

function list(value: unknown, what: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new Error(`policyc notice: the evaluator's ${what} is not a list`);
  return value;
}

const outcomes: readonly NoticeOutcome[] = ["covered", "not_covered", "pending"];

/** The decision, checked; an internal error (never a notice) when the evaluator answered another shape. */
export function readDecision(value: unknown): NoticeDecision {
  const decision = record(value, "decision");
  const outcome = outcomes.find((candidate) => candidate === decision["outcome"]);
  if (outcome === undefined) throw new Error("policyc notice: the evaluator's outcome is not one it can give");
  const policy = record(decision["policy"], "policy identity");
  return {
    outcome,
    reasons: list(decision["reasons"], "reasons").map((value, index) => {
      const reason = record(value, `reason ${index}`);
      const overriddenBy = reason["overriddenBy"];
      return {
        id: string(reason["id"], "reason id"),
        kind: string(reason["kind"], "reason kind"),
        status: string(reason["status"], "reason status"),
        readings: list(reason["readings"], "reason's readings").map((id) => string(id, "reading id")),
        ...(overriddenBy === undefined ? {} : { overriddenBy: string(overriddenBy, "reason's exception") }),
      };
    }),
    missingFacts: list(decision["missingFacts"], "missing facts").map((value) => {
      const missing = record(value, "missing fact");
      return { fact: string(missing["fact"], "missing fact"), question: string(missing["question"], "question") };
    }),
    exceptionsApplied: list(decision["exceptionsApplied"], "exceptions applied").map((id) =>
      string(id, "exception applied"),
    ),
    priorApprovalRequired: decision["priorApprovalRequired"] === true,
    asOf: string(decision["asOf"], "service date"),
    policy: {
      reference: string(policy["reference"], "policy reference"),
      revision: string(policy["revision"], "revision"),
      sourceHash: string(policy["sourceHash"], "source hash"),
      modelHash: string(policy["modelHash"], "model hash"),
      compiler: string(policy["compiler"], "compiler"),
      ...(policy["publishedTextHash"] !== undefined && {
        publishedTextHash: string(policy["publishedTextHash"], "published text hash"),
      }),
    },
  };
}
