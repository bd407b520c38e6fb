// One line of a batch, answered: the line's JSON envelope is read, the evaluator's `evaluate` (or
// `checkClaim`) runs on it, and the answer is one line of JSON, the decision or
// `{"line": n, "error": {...}}`. Runs in the batch's worker threads (worker.ts); pure otherwise.

import type { LoadedEvaluator } from "../cli/load-evaluator.js";
import { MAX_LINE_CHARACTERS, type InputLine } from "./ndjson-lines.js";

/** `decisions`: each line is `{ "asOf", "facts" }`; `claims`: `{ "claim", "asOf"?, "decision"? }`. */
export type BatchKind = "decisions" | "claims";

export interface BatchIssue {
  readonly field: string;
  readonly problem: string;
}

/** What one line came to: its JSON, and what the summary counts of it. */
export interface LineAnswer {
  readonly json: string;
  /** The decision's outcome or the claim check's verdict; undefined for a line answered with an error. */
  readonly result: string | undefined;
  /** The fields of the line's input error, one per issue; empty when it was answered. */
  readonly errorFields: readonly string[];
}

/** A line the evaluator failed on with an error other than an input error: a bug, which ends the run. */
export class BatchLineFailure extends Error {
  constructor(line: number, cause: unknown) {
    super(`line ${line}: the evaluator failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "BatchLineFailure";
  }
}

const envelopeFields: Readonly<Record<BatchKind, { readonly required: readonly string[]; readonly all: string }>> = {
  decisions: { required: ["asOf", "facts"], all: "asOf, facts" },
  claims: { required: ["claim"], all: "claim, asOf, decision" },
};

const optionalFields: Readonly<Record<BatchKind, readonly string[]>> = {
  decisions: [],
  claims: ["asOf", "decision"],
};

const requiredProblem: Readonly<Record<string, string>> = {
  asOf: "is missing: each line gives the service date, YYYY-MM-DD",
  facts: "is missing: each line gives the facts of one case",
  claim: "is missing: each line gives one claim",
};

function isInputError(error: unknown): error is Error & { issues: readonly BatchIssue[] } {
  return (
    error instanceof Error && error.name === "PolicyInputError" && Array.isArray((error as { issues?: unknown }).issues)
  );
}

function errorAnswer(line: number, name: string, message: string, issues: readonly BatchIssue[]): LineAnswer {
  return {
    json: JSON.stringify({ line, error: { name, message, issues } }),
    result: undefined,
    errorFields: issues.map((issue) => issue.field),
  };
}

function lineError(line: number, issues: readonly BatchIssue[]): LineAnswer {
  const words = issues.map((issue) => `${issue.field} ${issue.problem}`).join("; ");
  return errorAnswer(line, "BatchLineError", `Line ${line}: ${words}.`, issues);
}

/** The line's envelope as an object with the fields its kind allows, or the issues that keep it from being one. */
function readEnvelope(text: string, kind: BatchKind): Record<string, unknown> | BatchIssue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const problem = text.trim() === "" ? "is empty" : `is not JSON: ${(error as Error).message}`;
    return [{ field: "(line)", problem }];
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return [{ field: "(line)", problem: `must be a JSON object with ${envelopeFields[kind].all}` }];
  const envelope = parsed as Record<string, unknown>;
  const issues: BatchIssue[] = [];
  for (const field of envelopeFields[kind].required)
    if (!Object.hasOwn(envelope, field)) issues.push({ field, problem: requiredProblem[field] ?? "is missing" });
  const known = new Set([...envelopeFields[kind].required, ...optionalFields[kind]]);
  for (const field of Object.keys(envelope))
    if (!known.has(field))
      issues.push({ field, problem: `is not a field of a batch line (${envelopeFields[kind].all})` });
  return issues.length > 0 ? issues : envelope;
}

function resultOf(answer: unknown, field: "outcome" | "verdict"): string | undefined {
  const value = typeof answer === "object" && answer !== null ? (answer as Record<string, unknown>)[field] : undefined;
  return typeof value === "string" ? value : undefined;
}

/** Answers one line: never throws for bad input (that is an answer); throws BatchLineFailure on an evaluator bug. */
export function answerLine(
  line: InputLine,
  kind: BatchKind,
  evaluator: LoadedEvaluator,
  options: { readonly trace: boolean },
): LineAnswer {
  if (line.dropped !== undefined)
    return lineError(line.number, [
      {
        field: "(line)",
        problem: `is ${line.dropped} characters long, more than the ${MAX_LINE_CHARACTERS} a line may have, and was not read`,
      },
    ]);
  const envelope = readEnvelope(line.text, kind);
  if (Array.isArray(envelope)) return lineError(line.number, envelope);
  try {
    // NOTE: the casts only satisfy LoadedEvaluator's types: asOf is the caller's untrusted input, which
    // the evaluator validates and names in a PolicyInputError, as it does for `policyc eval`.
    if (kind === "decisions") {
      const decision = evaluator.evaluate(envelope["facts"], {
        asOf: envelope["asOf"] as string,
        trace: options.trace,
      });
      return { json: JSON.stringify(decision), result: resultOf(decision, "outcome"), errorFields: [] };
    }
    const claimOptions = {
      ...(envelope["asOf"] !== undefined && { asOf: envelope["asOf"] as string }),
      ...(envelope["decision"] !== undefined && { decision: envelope["decision"] }),
    };
    const check = evaluator.checkClaim(envelope["claim"], claimOptions);
    return { json: JSON.stringify(check), result: resultOf(check, "verdict"), errorFields: [] };
  } catch (error) {
    if (isInputError(error)) return errorAnswer(line.number, error.name, error.message, error.issues);
    throw new BatchLineFailure(line.number, error);
  }
}
