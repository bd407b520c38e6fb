// DO NOT EDIT. Copied by policyc from compiler/runtime/claims.ts.
// Claims for the generated claim checkers: reading and validating a claim's lines, and collecting
// the findings of the coding table's rules into the result a billing specialist reads.

import type { PolicyIdentity } from "./decision.js";
import { isCalendarDate, revisionInForce, type Group, type InputIssue } from "./input.js";

export interface ClaimLine {
  /** A HCPCS level II code (S9494) or a CPT code (99601). */
  readonly code: string;
  /** Two-character modifiers, such as SD. */
  readonly modifiers?: readonly string[] | null;
  /** A whole number, zero or more. */
  readonly units: number;
}

export interface ClaimCheckOptions {
  /** The date whose rules apply; the claim's service date when left out. */
  readonly asOf?: string;
}

export type BillingRuleKind =
  "billedOnlyWhen" | "notBilledWhen" | "requiresModifier" | "billedWithEach" | "unitsAtMost";

export interface BillingRuleEntry<RuleId extends string = string> {
  readonly id: RuleId;
  readonly code: string;
  readonly kind: BillingRuleKind;
  readonly message: string;
  /** The policy text the rule carries out. */
  readonly source: { readonly kind: "code" | "billing" | "note"; readonly id: string; readonly text: string };
}

export interface ClaimFinding<RuleId extends string = string> {
  readonly rule: RuleId;
  readonly code: string;
  readonly source: BillingRuleEntry["source"];
  readonly message: string;
  /** Indexes into the claim's lines. */
  readonly lines: readonly number[];
  /** Figures behind the finding: "billed 3 units; at most 2 allowed". */
  readonly detail?: string;
  /** For an undetermined finding: the claim facts that would decide it. */
  readonly missingFacts?: readonly string[];
}

export interface ClaimCheck<RuleId extends string = string> {
  /** `clean`: no rule is broken; `violations`: some are; `incomplete`: none is, but some could not be checked. */
  readonly verdict: "clean" | "violations" | "incomplete";
  readonly violations: readonly ClaimFinding<RuleId>[];
  /** Rules that could not be checked because a claim fact they read is unknown. */
  readonly undetermined: readonly ClaimFinding<RuleId>[];
  /** Lines whose code is not in the policy's coding table: no rule of this policy governs them. */
  readonly linesNotGoverned: readonly number[];
  readonly asOf: string;
  readonly policy: PolicyIdentity;
}

export interface NormalizedLine {
  readonly code: string;
  readonly modifiers: readonly string[];
  readonly units: number;
}

const codeFormat = /^(?:[A-Z]\d{4}|\d{4}[A-Z0-9])$/;
const modifierFormat = /^[A-Z0-9]{2}$/;
const lineKeys = new Set(["code", "modifiers", "units"]);

function isGroup(value: unknown): value is Group {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The claim's service date, which every claim must have. */
export function readServiceDate(claim: Group | undefined, issues: InputIssue[]): string | undefined {
  const value = claim?.["serviceDate"];
  if (claim !== undefined && (value === undefined || value === null)) {
    issues.push({ field: "serviceDate", problem: "is missing: every claim has a service date, YYYY-MM-DD" });
    return undefined;
  }
  if (value !== undefined && (typeof value !== "string" || !isCalendarDate(value))) {
    issues.push({ field: "serviceDate", problem: `must be a date written YYYY-MM-DD, not ${JSON.stringify(value)}` });
    return undefined;
  }
  return value;
}

function readLine(value: unknown, field: string, issues: InputIssue[]): NormalizedLine | undefined {
  if (!isGroup(value)) {
    issues.push({ field, problem: "must be an object with a code and units" });
    return undefined;
  }
  const before = issues.length;
  for (const key in value)
    if (!lineKeys.has(key))
      issues.push({ field: `${field}.${key}`, problem: "is not a field of a claim line (code, modifiers, units)" });
  const { code, modifiers, units } = value;
  if (typeof code !== "string" || !codeFormat.test(code)) {
    issues.push({
      field: `${field}.code`,
      problem: `must be a HCPCS code (a letter and four digits) or a CPT code, not ${JSON.stringify(code)}`,
    });
  }
  const modifierList = modifiers === undefined || modifiers === null ? [] : modifiers;
  if (
    !Array.isArray(modifierList) ||
    modifierList.some((modifier) => typeof modifier !== "string" || !modifierFormat.test(modifier))
  ) {
    issues.push({ field: `${field}.modifiers`, problem: 'must be a list of two-character modifiers, such as ["SD"]' });
  }
  if (typeof units !== "number" || !Number.isInteger(units) || units < 0) {
    issues.push({
      field: `${field}.units`,
      problem: `must be a whole number of units, zero or more, not ${JSON.stringify(units)}`,
    });
  }
  if (issues.length > before) return undefined;
  return { code: code as string, modifiers: modifierList as string[], units: units as number };
}

/** The revision in force for a claim: on `options.asOf`, else on its service date (already checked). */
export function claimRevision(
  options: ClaimCheckOptions | undefined,
  serviceDate: string | undefined,
  effectiveDates: readonly string[],
  issues: InputIssue[],
): { asOf: string; revision: number } {
  if (options?.asOf === undefined && serviceDate === undefined) return { asOf: "", revision: -1 };
  return revisionInForce(options ?? {}, effectiveDates, issues, serviceDate);
}

export function readClaimLines(claim: Group | undefined, issues: InputIssue[]): NormalizedLine[] {
  if (claim === undefined) return [];
  const value = claim["lines"];
  if (!Array.isArray(value)) {
    issues.push({
      field: "lines",
      problem:
        value === undefined || value === null ? "is missing: a claim has a list of lines" : "must be a list of lines",
    });
    return [];
  }
  const lines: NormalizedLine[] = [];
  value.forEach((line, index) => {
    const read = readLine(line, `lines[${index}]`, issues);
    if (read) lines.push(read);
  });
  return lines;
}

/** Lines among `indexes` that lack `modifier`. */
export function linesWithoutModifier(
  lines: readonly NormalizedLine[],
  indexes: readonly number[],
  modifier: string,
): number[] {
  return indexes.filter((index) => !lines[index]?.modifiers.includes(modifier));
}

export function totalUnits(lines: readonly NormalizedLine[], indexes: readonly number[]): number {
  let total = 0;
  for (const index of indexes) total += lines[index]?.units ?? 0;
  return total;
}

export function largestUnits(lines: readonly NormalizedLine[], indexes: readonly number[]): number {
  let largest = 0;
  for (const index of indexes) largest = Math.max(largest, lines[index]?.units ?? 0);
  return largest;
}

/** Collects what the rules find; `result` turns it into the check a caller receives. */
export class ClaimFindings<RuleId extends string> {
  private readonly violations: ClaimFinding<RuleId>[] = [];
  private readonly undetermined: ClaimFinding<RuleId>[] = [];

  constructor(private readonly rules: readonly BillingRuleEntry<RuleId>[]) {}

  private finding(
    rule: number,
    lines: readonly number[],
    extra: { detail?: string; missingFacts?: readonly string[] },
  ): ClaimFinding<RuleId> {
    const entry = this.rules[rule]!;
    return {
      rule: entry.id,
      code: entry.code,
      source: entry.source,
      message: entry.message,
      lines: [...lines].sort((a, b) => a - b),
      ...extra,
    };
  }

  violated(rule: number, lines: readonly number[], detail?: string): void {
    this.violations.push(this.finding(rule, lines, detail === undefined ? {} : { detail }));
  }

  couldNotCheck(rule: number, lines: readonly number[], missingFacts: readonly string[]): void {
    this.undetermined.push(this.finding(rule, lines, { missingFacts }));
  }

  result(policy: PolicyIdentity, asOf: string, linesNotGoverned: readonly number[]): ClaimCheck<RuleId> {
    const verdict = this.violations.length > 0 ? "violations" : this.undetermined.length > 0 ? "incomplete" : "clean";
    return { verdict, violations: this.violations, undetermined: this.undetermined, linesNotGoverned, asOf, policy };
  }
}
