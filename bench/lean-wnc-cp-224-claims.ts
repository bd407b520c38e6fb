// WNC.CP.224's coding table at the limit: the lean claim baseline of issue 12. One pass over the
// claim's lines with plain `if`s, validated as strictly as the generated checkClaim, returning only
// the verdict and the ids of the rules violated and pending, under the rules in force on the
// claim's service date (or `options.asOf`). Not the lines, messages, policy words or identity the
// generated check adds.
//
// NOTE: as in lean-wnc-cp-224.ts, the fast path only asks whether anything is malformed; the
// hand-written baseline (hand-written-wnc-cp-224-claims.ts) then names every bad field.

import type { BillingRuleId, Claim } from "../generated/wnc-cp-224/evaluator.js";
import type { ClaimCheckOptions } from "../generated/runtime/index.js";
import { checkWncClaim } from "./hand-written-wnc-cp-224-claims.js";
import { HandInputError } from "./hand-written-wnc-cp-224.js";
import { digit, isCalendarDate } from "./lean-wnc-cp-224.js";

export interface LeanClaimCheck {
  readonly verdict: "clean" | "violations" | "pending";
  readonly violations: readonly BillingRuleId[];
  readonly pending: readonly BillingRuleId[];
}

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
const OPTION_KEYS = new Set(["asOf", "decision"]);

function isUpperOrDigit(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** A HCPCS level II code (a letter and four digits) or a CPT code (four digits and a digit or letter). */
function isCode(value: string): boolean {
  if (value.length !== 5) return false;
  for (let index = 1; index < 4; index++) if (digit(value, index) < 0) return false;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(4);
  if (first >= 65 && first <= 90) return digit(value, 4) >= 0;
  return first >= 48 && first <= 57 && isUpperOrDigit(last);
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

// Therapies as bits: the rules ask only which kinds a claim bills.
const ANTI_INFECTIVE = 1;
const CHEMOTHERAPY = 2;
const PAIN_MANAGEMENT = 4;
const OTHER_DRUG = 8;
const NUTRITION = 16;
const DRUG_THERAPY = ANTI_INFECTIVE | CHEMOTHERAPY | PAIN_MANAGEMENT | OTHER_DRUG;

function therapyBit(therapy: unknown): number {
  switch (therapy) {
    case "antibiotic":
    case "antiviral":
    case "antifungal":
      return ANTI_INFECTIVE;
    case "chemotherapy":
      return CHEMOTHERAPY;
    case "pain_management":
      return PAIN_MANAGEMENT;
    case "other_drug_therapy":
      return OTHER_DRUG;
    case "parenteral_nutrition":
    case "enteral_nutrition":
      return NUTRITION;
    default:
      return -1;
  }
}

/** Unknown as undefined; malformed as null. */
function yesNo(value: unknown): boolean | undefined | null {
  if (value === true || value === false) return value;
  return value === undefined || value === null ? undefined : null;
}

function refuse(claim: Claim, options: ClaimCheckOptions): never {
  checkWncClaim(claim, options);
  throw new HandInputError([{ field: "(claim)", problem: "must be a plain object holding only a claim's fields" }]);
}

/** Checks a claim against WNC.CP.224's coding table: the verdict and the rule ids. Throws HandInputError on a malformed claim. */
export function checkLeanClaim(claim: Claim, options: ClaimCheckOptions = {}): LeanClaimCheck {
  if (!isPlainObject(claim) || !isPlainObject(options)) refuse(claim, options);
  for (const key in claim) if (!CLAIM_KEYS.has(key)) refuse(claim, options);
  for (const key in options) if (!OPTION_KEYS.has(key)) refuse(claim, options);
  const serviceDate: unknown = claim["serviceDate"];
  if (typeof serviceDate !== "string" || !isCalendarDate(serviceDate)) refuse(claim, options);
  const asOfOption: unknown = options.asOf;
  let asOf = serviceDate;
  if (asOfOption !== undefined && asOfOption !== null) {
    if (typeof asOfOption !== "string" || !isCalendarDate(asOfOption)) refuse(claim, options);
    asOf = asOfOption;
  }
  if (asOf < POLICY_EFFECTIVE) refuse(claim, options);

  const therapiesValue: unknown = claim["therapies"];
  let therapies = -1; // unknown
  if (therapiesValue !== undefined && therapiesValue !== null) {
    if (!Array.isArray(therapiesValue)) refuse(claim, options);
    therapies = 0;
    for (let index = 0; index < therapiesValue.length; index++) {
      const bit = therapyBit(therapiesValue[index]);
      if (bit < 0 || !(index in therapiesValue)) refuse(claim, options);
      therapies |= bit;
    }
  }
  const amphotericinB = yesNo(claim["amphotericin_b"]);
  const termination = yesNo(claim["termination_allowance"]);
  const minutesValue: unknown = claim["monitoring_minutes"];
  let minutes: number | undefined;
  if (typeof minutesValue === "number" && minutesValue >= 0 && minutesValue <= 1440) minutes = minutesValue;
  else if (minutesValue !== undefined && minutesValue !== null) refuse(claim, options);
  if (amphotericinB === null || termination === null) refuse(claim, options);

  // One pass over the lines: what each rule needs of them.
  const lines: unknown = claim["lines"];
  if (!Array.isArray(lines)) refuse(claim, options);
  let s9494 = 0;
  let s9329 = 0;
  let s9325 = 0;
  let s9379 = 0;
  let t1030 = 0;
  let t1030Units = 0;
  let t1002 = 0;
  let t1002Units = 0;
  let t1002WithoutSd = 0;
  let therapyDays = 0;
  for (let index = 0; index < lines.length; index++) {
    const line: unknown = lines[index];
    if (!isPlainObject(line) || !(index in lines)) refuse(claim, options);
    for (const key in line) {
      if (key !== "code" && key !== "modifiers" && key !== "units") refuse(claim, options);
    }
    const code: unknown = line["code"];
    const units: unknown = line["units"];
    const modifiers: unknown = line["modifiers"];
    if (typeof code !== "string" || !isCode(code)) refuse(claim, options);
    if (typeof units !== "number" || !Number.isInteger(units) || units < 0) refuse(claim, options);
    let hasSd = false;
    if (modifiers !== undefined && modifiers !== null) {
      if (!Array.isArray(modifiers)) refuse(claim, options);
      for (let m = 0; m < modifiers.length; m++) {
        const modifier: unknown = modifiers[m];
        if (
          typeof modifier !== "string" ||
          modifier.length !== 2 ||
          !isUpperOrDigit(modifier.charCodeAt(0)) ||
          !isUpperOrDigit(modifier.charCodeAt(1)) ||
          !(m in modifiers)
        )
          refuse(claim, options);
        if (modifier === "SD") hasSd = true;
      }
    }
    switch (code) {
      case "S9494":
        s9494++;
        if (units > therapyDays) therapyDays = units;
        break;
      case "S9329":
        s9329++;
        if (units > therapyDays) therapyDays = units;
        break;
      case "S9325":
        s9325++;
        if (units > therapyDays) therapyDays = units;
        break;
      case "S9379":
        s9379++;
        break;
      case "T1030":
        t1030++;
        t1030Units += units;
        break;
      case "T1002":
        t1002++;
        t1002Units += units;
        if (!hasSd) t1002WithoutSd++;
        break;
    }
  }

  const violations: BillingRuleId[] = [];
  const pending: BillingRuleId[] = [];
  const billingSentences = asOf >= BILLING_SENTENCES_EFFECTIVE;
  /** A "billed only when" rule on a code billed: the claim's therapies must include one of `wanted`. */
  const billsTherapy = (rule: BillingRuleId, wanted: number): void => {
    if (therapies < 0) pending.push(rule);
    else if ((therapies & wanted) === 0) violations.push(rule);
  };
  if (s9494 > 0) billsTherapy("S9494-therapy", ANTI_INFECTIVE);
  if (s9329 > 0) billsTherapy("S9329-therapy", CHEMOTHERAPY);
  if (s9325 > 0) billsTherapy("S9325-therapy", PAIN_MANAGEMENT);
  if (billingSentences && s9379 > 0) {
    if (termination === undefined) pending.push("S9379-termination-only");
    else if (!termination) violations.push("S9379-termination-only");
  }
  if (t1030 > 0) billsTherapy("T1030-drug-therapy-only", DRUG_THERAPY);
  if (billingSentences && s9494 + s9329 + s9325 > 0 && t1030Units < therapyDays)
    violations.push("T1030-with-each-therapy-code");
  if (t1002 > 0) billsTherapy("T1002-drug-therapy-only", DRUG_THERAPY);
  if (billingSentences && t1002 > 0) {
    if (t1002WithoutSd > 0) violations.push("T1002-modifier-SD");
    const overTwoHours = minutes === undefined ? undefined : minutes > 120;
    if (amphotericinB === false || overTwoHours === false) violations.push("T1002-amphotericin-monitoring");
    else if (amphotericinB === undefined || overTwoHours === undefined) pending.push("T1002-amphotericin-monitoring");
    if (minutes === undefined) pending.push("T1002-units");
    else if (t1002Units > Math.max(0, Math.ceil((minutes - 120) / 15))) violations.push("T1002-units");
  }
  const verdict = violations.length > 0 ? "violations" : pending.length > 0 ? "pending" : "clean";
  return { verdict, violations, pending };
}
