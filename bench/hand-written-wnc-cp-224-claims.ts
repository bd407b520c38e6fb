// WNC.CP.224's coding table written by hand, as a baseline for the generated claim checker: the same
// input (the generated module's Claim), the same validation, and the same verdict, findings (rule ids,
// lines, missing claim facts) and lines not governed. It returns only those, not the generated check's
// messages, policy words, details or policy identity.

import type { BillingRuleId, Claim, ClaimTherapies } from "../generated/wnc-cp-224/evaluator.js";
import type { ClaimCheckOptions } from "../generated/runtime/index.js";
import { HandInputError, isCalendarDate, type HandIssue } from "./hand-written-wnc-cp-224.js";

export type ClaimFactName = "therapies" | "amphotericin_b" | "monitoring_minutes" | "termination_allowance";

export interface HandClaimFinding {
  readonly rule: BillingRuleId;
  /** Indexes into the claim's lines, in ascending order. */
  readonly lines: readonly number[];
  /** Only for an pending rule: the unknown claim facts it reads. */
  readonly missingFacts?: readonly ClaimFactName[];
}

export interface HandClaimCheck {
  readonly verdict: "clean" | "violations" | "pending";
  readonly violations: readonly HandClaimFinding[];
  readonly pending: readonly HandClaimFinding[];
  /** Lines whose code is not in the coding table. */
  readonly linesNotGoverned: readonly number[];
}

// ----- reading the claim -------------------------------------------------------------------------

/** Unknown is undefined, and is never taken as false. */
type Truth = boolean | undefined;

interface Line {
  readonly code: string;
  readonly modifiers: readonly string[];
  readonly units: number;
}

interface ClaimFacts {
  readonly therapies: readonly ClaimTherapies[] | undefined;
  readonly amphotericinB: Truth;
  readonly monitoringMinutes: number | undefined;
  readonly terminationAllowance: Truth;
}

type Fields = Readonly<Record<string, unknown>>;

const POLICY_EFFECTIVE = "2021-05-01";
/** The 2023-08 revision brought the billing sentences: S9379, T1030 with each therapy code, and T1002's. */
const BILLING_SENTENCES_EFFECTIVE = "2023-08-01";

const CLAIM_KEYS = new Set([
  "serviceDate",
  "lines",
  "therapies",
  "amphotericin_b",
  "monitoring_minutes",
  "termination_allowance",
]);
const LINE_KEYS = new Set(["code", "modifiers", "units"]);
const THERAPIES = new Set<string>([
  "antibiotic",
  "antiviral",
  "antifungal",
  "chemotherapy",
  "pain_management",
  "other_drug_therapy",
  "parenteral_nutrition",
  "enteral_nutrition",
]);
/** A HCPCS level II code (a letter and four digits) or a CPT code (four digits and a digit or letter). */
const CODE_FORMAT = /^(?:[A-Z]\d{4}|\d{4}[A-Z0-9])$/;
const MODIFIER_FORMAT = /^[A-Z0-9]{2}$/;
const UNKNOWN_FACTS: ClaimFacts = {
  therapies: undefined,
  amphotericinB: undefined,
  monitoringMinutes: undefined,
  terminationAllowance: undefined,
};

function isRecord(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads one claim, recording every problem so that all are reported together. */
class ClaimReader {
  readonly issues: HandIssue[] = [];

  problem(field: string, problem: string): void {
    this.issues.push({ field, problem });
  }

  serviceDate(value: unknown): string | undefined {
    if (value === undefined || value === null)
      this.problem("serviceDate", "is missing: every claim has a service date");
    else if (typeof value !== "string" || !isCalendarDate(value))
      this.problem("serviceDate", "must be a date written YYYY-MM-DD");
    else return value;
    return undefined;
  }

  lines(value: unknown): Line[] {
    if (!Array.isArray(value)) {
      this.problem("lines", "must be a list of lines");
      return [];
    }
    const lines: Line[] = [];
    value.forEach((item: unknown, index) => {
      const line = this.line(item, `lines[${index}]`);
      if (line) lines.push(line);
    });
    return lines;
  }

  private line(value: unknown, field: string): Line | undefined {
    if (!isRecord(value)) {
      this.problem(field, "must be an object with a code and units");
      return undefined;
    }
    const before = this.issues.length;
    for (const key in value) if (!LINE_KEYS.has(key)) this.problem(`${field}.${key}`, "is not a field of a claim line");
    const { code, modifiers, units } = value;
    if (typeof code !== "string" || !CODE_FORMAT.test(code))
      this.problem(`${field}.code`, "must be a HCPCS or CPT code");
    const modifierList: unknown = modifiers ?? [];
    const goodModifiers =
      Array.isArray(modifierList) &&
      modifierList.every((modifier) => typeof modifier === "string" && MODIFIER_FORMAT.test(modifier));
    if (!goodModifiers) this.problem(`${field}.modifiers`, "must be a list of two-character modifiers");
    if (typeof units !== "number" || !Number.isInteger(units) || units < 0)
      this.problem(`${field}.units`, "must be a whole number, zero or more");
    if (this.issues.length > before) return undefined;
    return { code: code as string, modifiers: modifierList as string[], units: units as number };
  }

  therapies(value: unknown): ClaimTherapies[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value) && value.every((item) => typeof item === "string" && THERAPIES.has(item)))
      return value as ClaimTherapies[];
    this.problem("therapies", `must be a list of ${[...THERAPIES].join(", ")}`);
    return undefined;
  }

  yesNo(value: unknown, field: ClaimFactName): Truth {
    if (typeof value === "boolean") return value;
    if (value !== undefined && value !== null) this.problem(field, "must be true or false");
    return undefined;
  }

  minutes(value: unknown): number | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= 1440) return value;
    this.problem("monitoring_minutes", "must be a number from 0 to 1440");
    return undefined;
  }
}

function readClaim(claim: unknown, options: ClaimCheckOptions): { lines: Line[]; facts: ClaimFacts; asOf: string } {
  const read = new ClaimReader();
  let lines: Line[] = [];
  let facts = UNKNOWN_FACTS;
  let serviceDate: string | undefined;
  if (!isRecord(claim)) {
    read.problem("(claim)", "must be an object");
  } else {
    for (const key in claim) if (!CLAIM_KEYS.has(key)) read.problem(key, "is not a fact of this policy");
    serviceDate = read.serviceDate(claim["serviceDate"]);
    lines = read.lines(claim["lines"]);
    facts = {
      therapies: read.therapies(claim["therapies"]),
      amphotericinB: read.yesNo(claim["amphotericin_b"], "amphotericin_b"),
      monitoringMinutes: read.minutes(claim["monitoring_minutes"]),
      terminationAllowance: read.yesNo(claim["termination_allowance"], "termination_allowance"),
    };
  }
  // The rules of `options.asOf` apply, else those of the service date; a bad service date was reported
  // above, and a good one need not be read again.
  const asOf: unknown = options.asOf ?? serviceDate;
  if (options.asOf !== undefined || serviceDate !== undefined) {
    const unread = asOf === undefined || asOf !== serviceDate;
    if (unread && (typeof asOf !== "string" || !isCalendarDate(asOf)))
      read.problem("asOf", "must be a date written YYYY-MM-DD");
    // A date before the policy is the fault of whoever gave it: the caller's asOf, or the claim.
    else if ((asOf as string) < POLICY_EFFECTIVE)
      read.problem(
        options.asOf === undefined ? "serviceDate" : "asOf",
        `is before the policy took effect on ${POLICY_EFFECTIVE}`,
      );
  }
  if (read.issues.length > 0) throw new HandInputError(read.issues);
  return { lines, facts, asOf: asOf as string };
}

// ----- the rules ---------------------------------------------------------------------------------

const ANTI_INFECTIVES: readonly ClaimTherapies[] = ["antibiotic", "antiviral", "antifungal"];
const DRUG_THERAPIES: readonly ClaimTherapies[] = [
  "antibiotic",
  "antiviral",
  "antifungal",
  "chemotherapy",
  "pain_management",
  "other_drug_therapy",
];

/** The claim bills one of `wanted`; unknown when its therapies are. */
function billsAny(therapies: readonly ClaimTherapies[] | undefined, wanted: readonly ClaimTherapies[]): Truth {
  return therapies === undefined ? undefined : therapies.some((therapy) => wanted.includes(therapy));
}

function and(a: Truth, b: Truth): Truth {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : undefined;
}

function isKnown(facts: ClaimFacts, fact: ClaimFactName): boolean {
  switch (fact) {
    case "therapies":
      return facts.therapies !== undefined;
    case "amphotericin_b":
      return facts.amphotericinB !== undefined;
    case "monitoring_minutes":
      return facts.monitoringMinutes !== undefined;
    case "termination_allowance":
      return facts.terminationAllowance !== undefined;
  }
}

function unitsOf(lines: readonly Line[], indexes: readonly number[]): number {
  return indexes.reduce((sum, index) => sum + (lines[index]?.units ?? 0), 0);
}

const TABLE_CODES = ["S9494", "S9329", "S9325", "S9379", "T1030", "T1002"] as const;
type TableCode = (typeof TABLE_CODES)[number];

function isTableCode(code: string): code is TableCode {
  return (TABLE_CODES as readonly string[]).includes(code);
}

/** Collects what the rules find, in the coding table's order. */
class Findings {
  readonly violations: HandClaimFinding[] = [];
  readonly pending: HandClaimFinding[] = [];

  constructor(private readonly facts: ClaimFacts) {}

  /** A "billed only when" rule: broken when its code is billed and `condition` fails, which reads `reads`. */
  billedOnlyWhen(
    rule: BillingRuleId,
    lines: readonly number[],
    condition: Truth,
    reads: readonly ClaimFactName[],
  ): void {
    if (lines.length === 0 || condition === true) return;
    if (condition === false) this.violations.push({ rule, lines });
    else this.pending.push({ rule, lines, missingFacts: reads.filter((fact) => !isKnown(this.facts, fact)) });
  }
}

/**
 * Checks a claim against WNC.CP.224's coding table, with the rules in force on its service date (or
 * on `options.asOf`); throws HandInputError on a malformed claim.
 */
export function checkWncClaim(claim: Claim, options: ClaimCheckOptions = {}): HandClaimCheck {
  const { lines, facts, asOf } = readClaim(claim, options);
  const billingSentences = asOf >= BILLING_SENTENCES_EFFECTIVE;

  const byCode: Record<TableCode, number[]> = { S9494: [], S9329: [], S9325: [], S9379: [], T1030: [], T1002: [] };
  const linesNotGoverned: number[] = [];
  lines.forEach((line, index) =>
    isTableCode(line.code) ? byCode[line.code].push(index) : linesNotGoverned.push(index),
  );

  const found = new Findings(facts);
  found.billedOnlyWhen("S9494-therapy", byCode.S9494, billsAny(facts.therapies, ANTI_INFECTIVES), ["therapies"]);
  found.billedOnlyWhen("S9329-therapy", byCode.S9329, billsAny(facts.therapies, ["chemotherapy"]), ["therapies"]);
  found.billedOnlyWhen("S9325-therapy", byCode.S9325, billsAny(facts.therapies, ["pain_management"]), ["therapies"]);
  if (billingSentences)
    found.billedOnlyWhen("S9379-termination-only", byCode.S9379, facts.terminationAllowance, ["termination_allowance"]);

  // II.note-2: nursing for nutrition is not covered, so the nursing codes need a drug therapy.
  const drugTherapy = billsAny(facts.therapies, DRUG_THERAPIES);
  found.billedOnlyWhen("T1030-drug-therapy-only", byCode.T1030, drugTherapy, ["therapies"]);
  if (billingSentences) {
    // Day by day: T1030 for as many days as the longest therapy line (one visit serves two therapies).
    const therapyLines = [...byCode.S9494, ...byCode.S9329, ...byCode.S9325];
    if (therapyLines.length > 0) {
      const daysNeeded = Math.max(...therapyLines.map((index) => lines[index]?.units ?? 0));
      if (unitsOf(lines, byCode.T1030) < daysNeeded) {
        found.violations.push({
          rule: "T1030-with-each-therapy-code",
          lines: [...therapyLines, ...byCode.T1030].sort((a, b) => a - b),
        });
      }
    }
  }

  found.billedOnlyWhen("T1002-drug-therapy-only", byCode.T1002, drugTherapy, ["therapies"]);
  if (billingSentences && byCode.T1002.length > 0) {
    const withoutSd = byCode.T1002.filter((index) => !lines[index]?.modifiers.includes("SD"));
    if (withoutSd.length > 0) found.violations.push({ rule: "T1002-modifier-SD", lines: withoutSd });

    const minutes = facts.monitoringMinutes;
    const overTwoHours = minutes === undefined ? undefined : minutes > 120;
    found.billedOnlyWhen("T1002-amphotericin-monitoring", byCode.T1002, and(facts.amphotericinB, overTwoHours), [
      "amphotericin_b",
      "monitoring_minutes",
    ]);

    // A unit for each 15 minutes, or part of them, beyond the first 2 hours.
    if (minutes === undefined)
      found.pending.push({ rule: "T1002-units", lines: byCode.T1002, missingFacts: ["monitoring_minutes"] });
    else if (unitsOf(lines, byCode.T1002) > Math.max(0, Math.ceil((minutes - 120) / 15)))
      found.violations.push({ rule: "T1002-units", lines: byCode.T1002 });
  }

  const verdict = found.violations.length > 0 ? "violations" : found.pending.length > 0 ? "pending" : "clean";
  return { verdict, violations: found.violations, pending: found.pending, linesNotGoverned };
}
