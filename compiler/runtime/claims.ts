// Claims for the generated claim checkers: reading and validating a claim's lines, and collecting
// the findings of the coding table's rules into the result a billing specialist reads.

import type { PolicyIdentity } from "./decision.js";
import {
  NO_REVISION,
  SKIPPED,
  dateProblem,
  isCalendarDate,
  readListItems,
  readOptions,
  readPlainObject,
  requiredValue,
  revisionOn,
  revisionOnCheckedDate,
} from "./fields.js";
import type { Group } from "./input.js";
import { inputIssue, valueIssue } from "./issue-builders.js";
import type { InputIssue } from "./issues.js";
import { readClaimDecision, type ClaimDecision } from "./claim-rules.js";
import { describeSome, mismatch, ownValue } from "./untrusted.js";
import { wellFormedLines } from "./well-formed.js";
import { readLineDate } from "./line-dates.js";

/**
 * The most units one claim line may bill. Far above any real line, and low enough that the units of
 * every line of a claim added together stay exact integers (a total passes 2^53 only beyond nine
 * billion lines).
 */
export const MAX_UNITS_PER_LINE = 1_000_000;
const UNITS_EXPECTED = "must be a whole number of units from 0 to 1,000,000";

export interface ClaimLine {
  /** A HCPCS level II code (S9494) or a CPT code (99601). */
  readonly code: string;
  /** Two-character modifiers, such as SD. */
  readonly modifiers?: readonly string[] | null | undefined;
  /** A whole number from 0 to 1,000,000 (MAX_UNITS_PER_LINE), so that totals of units stay exact. */
  readonly units: number;
  /**
   * The line's own date of service, YYYY-MM-DD, for a claim that covers a period: a unit limit per
   * day or per month counts each line in the period of its date (left out: pending when it matters).
   */
  readonly date?: string | null | undefined;
}

export interface ClaimCheckOptions {
  /** The date whose rules apply; the claim's service date when left out. */
  readonly asOf?: string | undefined;
  /**
   * The policy's decision for the same service, for rules that read it (`billed only when coverage is
   * covered`, `when qualified under I`); without it such a rule is pending.
   */
  readonly decision?: ClaimDecision | null | undefined;
}

export type BillingRuleKind =
  | "billedOnlyWhen"
  | "notBilledWhen"
  | "requiresModifier"
  | "billedWithEach"
  | "unitsAtLeastGroup"
  | "unitsAtMost"
  | "billedOnlyWhenDecided"
  | "notBilledWhenDecided"
  | "requiresOneOfModifiers"
  | "mustNotHaveModifier"
  | "notBilledWith"
  | "groupUnitsAtMost"
  | "codeInForce"
  | "unitsPerPeriod";

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
  /** For a pending finding: the claim facts that would decide it. */
  readonly missingFacts?: readonly string[];
}

export interface ClaimCheck<RuleId extends string = string> {
  /** `clean`: no rule is broken; `violations`: some are; `pending`: none is, but some could not be checked. */
  readonly verdict: "clean" | "violations" | "pending";
  readonly violations: readonly ClaimFinding<RuleId>[];
  /** Rules that could not be checked because a claim fact they read is unknown. */
  readonly pending: readonly ClaimFinding<RuleId>[];
  /** Lines whose code is not in the policy's coding table: no rule of this policy governs them. */
  readonly linesNotGoverned: readonly number[];
  readonly asOf: string;
  readonly policy: PolicyIdentity;
}

export interface NormalizedLine {
  readonly code: string;
  readonly modifiers: readonly string[];
  readonly units: number;
  /** The line's own date of service, when given. */
  readonly date?: string;
}

/** A line's date of service: its own, or the claim's service date for a line that gives none. */
export function lineDate(line: NormalizedLine | undefined, serviceDate: string): string {
  return line?.date ?? serviceDate;
}

const codeFormat = /^(?:[A-Z]\d{4}|\d{4}[A-Z0-9])$/;
const modifierFormat = /^[A-Z0-9]{2}$/;
const LINE_KEYS = new Set(["code", "modifiers", "units", "date"]);
const NOT_A_LINE_FIELD = "is not a field of a claim line (code, modifiers, units, date)";
const NO_MODIFIERS: readonly string[] = Object.freeze([]);
const CLAIM_OPTIONS = new Set(["asOf", "decision"]);
const NOT_A_CLAIM_OPTION = "is not an option of checkClaim (asOf, decision)";

/** The claim's service date, which every claim must have. */
export function readServiceDate(claim: Group | undefined, issues: InputIssue[]): string | undefined {
  if (claim === undefined) return undefined;
  const value = requiredValue(
    claim,
    "serviceDate",
    "serviceDate",
    "is missing: every claim has a service date, YYYY-MM-DD",
    issues,
  );
  if (value === undefined) return undefined;
  if (typeof value === "string" && isCalendarDate(value)) return value;
  issues.push(inputIssue("not_a_date", "serviceDate", dateProblem(value)));
  return undefined;
}

/** A line's modifiers: absent or null is none; a hole is reported as `<field>.modifiers[index]`. */
function readModifiers(line: Group, field: string, issues: InputIssue[]): readonly string[] {
  const value = ownValue(line, "modifiers");
  if (value === undefined || value === null) return NO_MODIFIERS;
  const expected = 'must be a list of two-character modifiers, such as ["SD"]';
  const items = readListItems(value, `${field}.modifiers`, issues);
  if (items === undefined) {
    issues.push(valueIssue("wrong_type", `${field}.modifiers`, value, mismatch(expected, value)));
    return NO_MODIFIERS;
  }
  const modifiers: string[] = [];
  const bad: unknown[] = [];
  for (const item of items) {
    if (typeof item === "string" && modifierFormat.test(item)) modifiers.push(item);
    else if (item !== SKIPPED) bad.push(item);
  }
  if (bad.length > 0)
    issues.push(inputIssue("not_a_code", `${field}.modifiers`, `${expected}, not ${describeSome(bad)}`));
  return modifiers;
}

function readLine(value: unknown, field: string, issues: InputIssue[]): NormalizedLine | undefined {
  const line = readPlainObject(
    value,
    field,
    field,
    LINE_KEYS,
    NOT_A_LINE_FIELD,
    issues,
    "must be a plain object with a code and units",
  );
  if (line === undefined) return undefined;
  const before = issues.length;
  const code = ownValue(line, "code");
  if (typeof code !== "string" || !codeFormat.test(code)) {
    const problem = mismatch("must be a HCPCS code (a letter and four digits) or a CPT code", code);
    issues.push(valueIssue(typeof code === "string" ? "not_a_code" : "wrong_type", `${field}.code`, code, problem));
  }
  const modifiers = readModifiers(line, field, issues);
  const units = ownValue(line, "units");
  if (typeof units !== "number" || !Number.isInteger(units) || units < 0 || units > MAX_UNITS_PER_LINE) {
    const issueCode = typeof units === "number" && Number.isInteger(units) ? "out_of_range" : "wrong_type";
    issues.push(valueIssue(issueCode, `${field}.units`, units, mismatch(UNITS_EXPECTED, units)));
  }
  const date = readLineDate(line, field, issues);
  if (issues.length > before) return undefined;
  // -0 units read as 0.
  const read = { code: code as string, modifiers, units: (units as number) + 0 };
  return date === undefined ? read : { ...read, date };
}

/**
 * The revision in force for a claim: on `options.asOf` when given, else on its service date (already
 * checked, so a bad one is not reported twice). A service date before the policy is reported under
 * `serviceDate`, since it came from the claim; an `asOf` before it, under `asOf`.
 */
export function claimRevision(
  options: unknown,
  serviceDate: string | undefined,
  effectiveDates: readonly string[],
  issues: InputIssue[],
): { asOf: string; revision: number; decision?: ClaimDecision } {
  const read = readOptions(options, CLAIM_OPTIONS, NOT_A_CLAIM_OPTION, issues);
  if (read === undefined) return NO_REVISION;
  const decision = readClaimDecision(ownValue(read, "decision"), issues);
  const asOf = ownValue(read, "asOf");
  const dated =
    asOf !== undefined && asOf !== null
      ? revisionOn(asOf, "asOf", effectiveDates, issues)
      : serviceDate === undefined
        ? NO_REVISION
        : revisionOnCheckedDate(serviceDate, "serviceDate", effectiveDates, issues);
  return decision === undefined ? dated : { ...dated, decision };
}

/** The claim's lines, each at the index it has in the caller's list; a hole is reported as `lines[index]`. */
export function readClaimLines(claim: Group | undefined, issues: InputIssue[]): NormalizedLine[] {
  if (claim === undefined) return [];
  const value = requiredValue(claim, "lines", "lines", "is missing: a claim has a list of lines", issues);
  if (value === undefined) return [];
  const wellFormed = wellFormedLines(value);
  if (wellFormed !== undefined) return wellFormed;
  const items = readListItems(value, "lines", issues);
  if (items === undefined) {
    issues.push(valueIssue("wrong_type", "lines", value, mismatch("must be a list of lines", value)));
    return [];
  }
  const lines: NormalizedLine[] = [];
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const line = item === SKIPPED ? undefined : readLine(item, `lines[${index}]`, issues);
    // A line not read leaves a gap, never a shift: indexes are the caller's (and the claim is refused).
    if (line !== undefined) lines[index] = line;
  }
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

/**
 * Each line once, in order, in a list of the finding's own: a rule may reach a line twice (a code in
 * the group it must travel with). Most lists are in order already and are only copied.
 */
function distinctInOrder(lines: readonly number[]): number[] {
  let ordered = true;
  for (let k = 1; k < lines.length && ordered; k++) ordered = lines[k - 1]! < lines[k]!;
  return ordered ? lines.slice() : [...new Set(lines)].sort((a, b) => a - b);
}

/** Each policy's billing rules by id, indexed once: a check makes findings by rule id. */
const ruleIndexes = new WeakMap<readonly BillingRuleEntry[], ReadonlyMap<string, BillingRuleEntry>>();
/** The last policy's rules looked up, and their index: most checks in a row are of one policy, and skip the WeakMap. */
let lastRules: readonly BillingRuleEntry[] | undefined;
let lastIndex: ReadonlyMap<string, BillingRuleEntry> | undefined;

function ruleIndex<RuleId extends string>(
  rules: readonly BillingRuleEntry<RuleId>[],
): ReadonlyMap<string, BillingRuleEntry<RuleId>> {
  if (rules === lastRules) return lastIndex as ReadonlyMap<string, BillingRuleEntry<RuleId>>;
  let index = ruleIndexes.get(rules);
  if (index === undefined) {
    index = new Map(rules.map((rule) => [rule.id, rule]));
    ruleIndexes.set(rules, index);
  }
  lastRules = rules;
  lastIndex = index;
  return index as ReadonlyMap<string, BillingRuleEntry<RuleId>>;
}

/** Collects what the rules find; `result` turns it into the check a caller receives. */
export class ClaimFindings<RuleId extends string> {
  private readonly violations: ClaimFinding<RuleId>[] = [];
  private readonly pending: ClaimFinding<RuleId>[] = [];

  private readonly rules: ReadonlyMap<string, BillingRuleEntry<RuleId>>;

  constructor(rules: readonly BillingRuleEntry<RuleId>[]) {
    this.rules = ruleIndex(rules);
  }

  private finding(
    rule: RuleId,
    lines: readonly number[],
    detail: string | undefined,
    missingFacts: readonly string[] | undefined,
  ): ClaimFinding<RuleId> {
    const entry = this.rules.get(rule);
    if (entry === undefined)
      throw new Error(`policyc runtime: no billing rule ${rule}; rebuild with \`npm run build\`.`);
    const distinct = distinctInOrder(lines);
    const { id, code, source, message } = entry;
    // NOTE: literals rather than one copied with the extras spread in: spreading an object is slow in V8.
    if (detail !== undefined) return { rule: id, code, source, message, lines: distinct, detail };
    if (missingFacts !== undefined) return { rule: id, code, source, message, lines: distinct, missingFacts };
    return { rule: id, code, source, message, lines: distinct };
  }

  violated(rule: RuleId, lines: readonly number[], detail?: string): void {
    this.violations.push(this.finding(rule, lines, detail, undefined));
  }

  couldNotCheck(rule: RuleId, lines: readonly number[], missingFacts: readonly string[]): void {
    this.pending.push(this.finding(rule, lines, undefined, missingFacts));
  }

  result(policy: PolicyIdentity, asOf: string, linesNotGoverned: readonly number[]): ClaimCheck<RuleId> {
    const verdict = this.violations.length > 0 ? "violations" : this.pending.length > 0 ? "pending" : "clean";
    return { verdict, violations: this.violations, pending: this.pending, linesNotGoverned, asOf, policy };
  }
}
