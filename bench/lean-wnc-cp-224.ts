// WNC.CP.224 Home Infusion Therapy at the limit: the lean baseline of issue 12. Plain `if`s over the
// facts, validated as strictly as the generated evaluator (plain objects, no stray keys, every value
// of its type and range, a real service date on or after the policy took effect), computing only the
// outcome and the deciding reasons (section ids), as of the service date. What it leaves out is what
// the generated decision adds: texts, missing facts, the trace, the CRD mapping, the policy identity.
//
// NOTE: validation is split in two. The fast path only asks "is anything wrong?", with no issue list;
// when something is, the hand-written baseline's reader (hand-written-wnc-cp-224.ts) names every bad
// field. Bad input is rare in a benchmark and in production; its cost belongs to the error path.

import type { Facts } from "../generated/wnc-cp-224/evaluator.js";
import { decideHomeInfusion, HandInputError } from "./hand-written-wnc-cp-224.js";

export type LeanOutcome = "covered" | "not_covered" | "pending";

export interface LeanDecision {
  readonly outcome: LeanOutcome;
  /** Not covered: what denies. Pending: what is undecided. Covered: the criteria that applied, and EPSDT if it was used. */
  readonly reasons: readonly string[];
}

// Three-valued logic as small integers, so that truths live in a typed array and compare cheaply.
const F = 0;
const T = 1;
const U = 2;
type Truth = 0 | 1 | 2;

function and(a: Truth, b: Truth): Truth {
  return a === F || b === F ? F : a === T && b === T ? T : U;
}
function or(a: Truth, b: Truth): Truth {
  return a === T || b === T ? T : a === F && b === F ? F : U;
}
function not(a: Truth): Truth {
  return a === U ? U : a === T ? F : T;
}

const POLICY_EFFECTIVE = "2021-05-01";
/** I.A.5 came with the 2024-05 revision; no other rule of the decision changed since the policy began. */
const HOME_ENVIRONMENT_EFFECTIVE = "2024-05-01";

const ROOT_KEYS = new Set(["member", "therapy", "drug", "service", "home", "medicaid", "epsdt"]);
const MEMBER_KEYS = new Set([
  "age",
  "residence",
  "clinical_status_stable",
  "under_care_of_referring_physician",
  "condition_supports_safe_home_administration",
  "has_available_administration_site",
  "condition_prohibits_adequate_oral_intake",
  "gastrointestinal_tract_functions",
  "can_ingest_and_tolerate_adequate_oral_intake",
  "receives_private_duty_nursing",
  "receives_medicare_home_health_nursing",
]);
const THERAPY_KEYS = new Set(["kind", "route", "administered_by", "administrator_able_and_willing"]);
const DRUG_KEYS = new Set(["infusion_more_effective", "available_in_oral_form", "tolerated_orally"]);
const SERVICE_KEYS = new Set([
  "safe_in_living_environment",
  "ordered_as_medically_necessary",
  "duplicates_other_provider",
  "experimental_or_investigational",
  "part_of_clinical_trial",
]);
const HOME_KEYS = new Set(["features"]);
const MEDICAID_KEYS = new Set(["enrollment_start", "enrollment_ended", "enrollment_end", "category_restricts_service"]);
const EPSDT_KEYS = new Set(["documentation_shows_medical_necessity"]);

const RESIDENCES = new Set([
  "private_residence",
  "adult_care_home",
  "skilled_nursing_facility",
  "hospital",
  "other_setting",
]);
const KINDS = new Set([
  "chemotherapy",
  "antibiotic",
  "antiviral",
  "antifungal",
  "pain_management",
  "other_drug_therapy",
  "parenteral_nutrition",
  "enteral_nutrition",
  "oral_nutrition",
]);
const ROUTES = new Set(["intravenous", "subcutaneous", "epidural", "intrathecal", "other_route"]);
const ADMINISTRATORS = new Set(["member", "unpaid_primary_caregiver", "paid_caregiver", "nurse"]);
const HOME_FEATURES = new Set([
  "clean_environment",
  "electricity",
  "water",
  "telephone_access",
  "refrigeration",
  "space_for_supplies",
]);

const DAYS_IN_MONTH = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The digit at `index`, or a large negative number when it is not one (so a sum with it fails every check). */
export function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : -100;
}

/** A real calendar date written YYYY-MM-DD, without a regular expression or a Date. */
export function isCalendarDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  const month = digit(value, 5) * 10 + digit(value, 6);
  const day = digit(value, 8) * 10 + digit(value, 9);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month] ?? 0)) return false;
  return month !== 2 || day < 29 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
}

/** Set by the readers below when a value is malformed; the error path then names every bad field. */
let malformed = false;

type Group = Readonly<Record<string, unknown>>;

/** A group of facts: absent or null is unknown (undefined); a plain object with only its own facts, or malformed. */
function group(value: unknown, keys: ReadonlySet<string>): Group | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object") {
    malformed = true;
    return undefined;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    malformed = true;
    return undefined;
  }
  // NOTE: Object.keys, not for-in: measured faster here, where many groups lost a property (a `delete`).
  const own = Object.keys(value);
  for (let index = 0; index < own.length; index++) if (!keys.has(own[index] as string)) malformed = true;
  return value as Group;
}

function yesNo(value: unknown): Truth {
  if (value === true) return T;
  if (value === false) return F;
  if (value !== undefined && value !== null) malformed = true;
  return U;
}

function choice(value: unknown, allowed: ReadonlySet<string>): string | undefined {
  if (typeof value === "string" && allowed.has(value)) return value;
  if (value !== undefined && value !== null) malformed = true;
  return undefined;
}

function date(value: unknown): string | undefined {
  if (typeof value === "string" && isCalendarDate(value)) return value;
  if (value !== undefined && value !== null) malformed = true;
  return undefined;
}

/** home.features holds all six things the 2024-05 criterion lists (T), lacks one (F), or is unknown (U). */
function allFeatures(value: unknown): Truth {
  if (value === undefined || value === null) return U;
  if (!Array.isArray(value)) {
    malformed = true;
    return U;
  }
  let seen = 0;
  for (let index = 0; index < value.length; index++) {
    const item: unknown = value[index];
    if (typeof item !== "string" || !HOME_FEATURES.has(item) || !(index in value)) {
      malformed = true;
      return U;
    }
    seen |= featureBit(item);
  }
  return seen === 0b111111 ? T : F;
}

function featureBit(feature: string): number {
  switch (feature) {
    case "clean_environment":
      return 1;
    case "electricity":
      return 2;
    case "water":
      return 4;
    case "telephone_access":
      return 8;
    case "refrigeration":
      return 16;
    default:
      return 32;
  }
}

/** The rules in the policy's order, with what a lean decision needs of each. */
const RULES = [
  "I.A.1",
  "I.A.2",
  "I.A.3",
  "I.A.4",
  "I.A.5",
  "I.B.1",
  "I.C.1",
  "I.C.2",
  "I.C.3",
  "I.C.4",
  "I.C.note",
  "I.D.1",
  "I.D.2",
  "I.E.1",
  "I.E.2",
  "I.E.note-1",
  "II.A",
  "II.B",
  "II.C",
  "II.D",
  "II.note-1",
  "NC.ELIG.a",
  "NC.ELIG.c",
] as const;
/** 1 for a criterion (denies when not met), 0 for an exclusion or a denying note (denies when it holds). */
const IS_CRITERION = Uint8Array.from([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1]);
/** 1 when EPSDT may set the rule aside. */
const WAIVABLE = Uint8Array.from([0, 0, 1, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0]);

// NOTE: one set of scratch arrays for every call: a decision is synchronous, so none can interleave.
const applies = new Uint8Array(RULES.length);
const denies = new Uint8Array(RULES.length);
const blocks = new Uint8Array(RULES.length);

function refuse(facts: Facts, options: { readonly asOf: string }): never {
  // The hand-written reader names every bad field; if it finds none, this reader was stricter (a
  // class instance for a group, say), and says so for the whole input.
  decideHomeInfusion(facts, options);
  throw new HandInputError([{ field: "(facts)", problem: "must be plain objects holding only this policy's facts" }]);
}

/** Decides WNC.CP.224 for one case on `options.asOf`: the outcome and the deciding reasons. Throws HandInputError on bad input. */
export function decideLean(facts: Facts, options: { readonly asOf: string }): LeanDecision {
  malformed = false;
  const asOf: unknown = options.asOf;
  if (typeof asOf !== "string" || !isCalendarDate(asOf) || asOf < POLICY_EFFECTIVE) refuse(facts, options);
  const root = group(facts, ROOT_KEYS);
  if (root === undefined) refuse(facts, options);

  const member = group(root["member"], MEMBER_KEYS);
  const therapy = group(root["therapy"], THERAPY_KEYS);
  const drug = group(root["drug"], DRUG_KEYS);
  const service = group(root["service"], SERVICE_KEYS);
  const home = group(root["home"], HOME_KEYS);
  const medicaid = group(root["medicaid"], MEDICAID_KEYS);
  const epsdtGroup = group(root["epsdt"], EPSDT_KEYS);

  const ageValue: unknown = member?.["age"];
  let age: number | undefined;
  if (typeof ageValue === "number" && ageValue >= 0 && ageValue <= 130) age = ageValue;
  else if (ageValue !== undefined && ageValue !== null) malformed = true;
  const residence = choice(member?.["residence"], RESIDENCES);
  const stable = yesNo(member?.["clinical_status_stable"]);
  const underCare = yesNo(member?.["under_care_of_referring_physician"]);
  const safeAtHome = yesNo(member?.["condition_supports_safe_home_administration"]);
  const site = yesNo(member?.["has_available_administration_site"]);
  const prohibitsOralIntake = yesNo(member?.["condition_prohibits_adequate_oral_intake"]);
  const giFunctions = yesNo(member?.["gastrointestinal_tract_functions"]);
  const canIngest = yesNo(member?.["can_ingest_and_tolerate_adequate_oral_intake"]);
  const privateDutyNursing = yesNo(member?.["receives_private_duty_nursing"]);
  const medicareNursing = yesNo(member?.["receives_medicare_home_health_nursing"]);
  const kind = choice(therapy?.["kind"], KINDS);
  const route = choice(therapy?.["route"], ROUTES);
  const administeredBy = choice(therapy?.["administered_by"], ADMINISTRATORS);
  const ableAndWilling = yesNo(therapy?.["administrator_able_and_willing"]);
  const moreEffective = yesNo(drug?.["infusion_more_effective"]);
  const oralForm = yesNo(drug?.["available_in_oral_form"]);
  const toleratedOrally = yesNo(drug?.["tolerated_orally"]);
  const safeEnvironment = yesNo(service?.["safe_in_living_environment"]);
  const orderedAsNecessary = yesNo(service?.["ordered_as_medically_necessary"]);
  const duplicates = yesNo(service?.["duplicates_other_provider"]);
  const experimental = yesNo(service?.["experimental_or_investigational"]);
  const clinicalTrial = yesNo(service?.["part_of_clinical_trial"]);
  const features = allFeatures(home?.["features"]);
  const enrollmentStart = date(medicaid?.["enrollment_start"]);
  const enrollmentEnded = yesNo(medicaid?.["enrollment_ended"]);
  const enrollmentEnd = date(medicaid?.["enrollment_end"]);
  const restricted = yesNo(medicaid?.["category_restricts_service"]);
  const epsdtDocumentation = yesNo(epsdtGroup?.["documentation_shows_medical_necessity"]);
  if (malformed) refuse(facts, options);

  const drugTherapy: Truth =
    kind === undefined
      ? U
      : kind === "chemotherapy" ||
          kind === "antibiotic" ||
          kind === "antiviral" ||
          kind === "antifungal" ||
          kind === "pain_management" ||
          kind === "other_drug_therapy"
        ? T
        : F;
  const parenteral: Truth = kind === undefined ? U : kind === "parenteral_nutrition" ? T : F;
  const enteral: Truth = kind === undefined ? U : kind === "enteral_nutrition" || kind === "oral_nutrition" ? T : F;
  const selfAdministered = and(
    administeredBy === undefined
      ? U
      : administeredBy === "member" || administeredBy === "unpaid_primary_caregiver"
        ? T
        : F,
    ableAndWilling,
  );
  const intravenous: Truth = route === undefined ? U : route === "intravenous" ? T : F;
  const painRoute: Truth = route === undefined ? U : route === "other_route" ? F : T;
  const antiInfective: Truth =
    kind === undefined ? U : kind === "antibiotic" || kind === "antiviral" || kind === "antifungal" ? T : F;
  const coveredDrug = or(
    or(and(kind === undefined ? U : kind === "chemotherapy" ? T : F, intravenous), and(antiInfective, intravenous)),
    and(kind === undefined ? U : kind === "pain_management" ? T : F, painRoute),
  );
  const notEndedBefore = or(not(enrollmentEnded), enrollmentEnd === undefined ? U : enrollmentEnd >= asOf ? T : F);
  const enrolled = and(enrollmentStart === undefined ? U : enrollmentStart <= asOf ? T : F, notEndedBefore);
  const epsdt = and(age === undefined ? U : age < 21 ? T : F, epsdtDocumentation);
  const otherDrug: Truth = kind === undefined ? U : kind === "other_drug_therapy" ? T : F;
  const oral: Truth = kind === undefined ? U : kind === "oral_nutrition" ? T : F;

  // Each rule's applies and holds, in RULES order (I.A.5 only from its revision on).
  rule(0, T, safeEnvironment);
  rule(1, T, stable);
  rule(
    2,
    T,
    residence === undefined ? U : residence === "private_residence" || residence === "adult_care_home" ? T : F,
  );
  rule(3, T, selfAdministered);
  rule(4, asOf >= HOME_ENVIRONMENT_EFFECTIVE ? T : F, features);
  rule(5, T, and(orderedAsNecessary, underCare));
  rule(6, drugTherapy, selfAdministered);
  rule(7, drugTherapy, safeAtHome);
  rule(8, drugTherapy, site);
  rule(9, drugTherapy, or(moreEffective, or(not(oralForm), not(toleratedOrally))));
  rule(10, drugTherapy, not(coveredDrug));
  rule(11, parenteral, prohibitsOralIntake);
  rule(12, parenteral, site);
  rule(13, enteral, and(giFunctions, not(canIngest)));
  rule(14, enteral, site);
  rule(15, enteral, oral);
  rule(16, T, duplicates);
  rule(17, T, or(experimental, clinicalTrial));
  rule(18, T, otherDrug);
  rule(19, T, medicareNursing);
  rule(20, T, and(drugTherapy, privateDutyNursing));
  rule(21, T, enrolled);
  rule(22, T, not(restricted));

  let sure = false;
  let possible = false;
  for (let index = 0; index < RULES.length; index++) {
    const block = WAIVABLE[index] === 1 ? and(denies[index] as Truth, not(epsdt)) : (denies[index] as Truth);
    blocks[index] = block;
    if (block === T) sure = true;
    else if (block === U) possible = true;
  }
  const outcome: LeanOutcome = sure ? "not_covered" : possible ? "pending" : "covered";
  const reasons: string[] = [];
  let usedEpsdt = false;
  for (let index = 0; index < RULES.length; index++) {
    const waived = WAIVABLE[index] === 1 && denies[index] === T && epsdt === T;
    if (waived) usedEpsdt = true;
    const isReason =
      outcome === "not_covered"
        ? blocks[index] === T
        : outcome === "pending"
          ? blocks[index] === U
          : (IS_CRITERION[index] === 1 && applies[index] === T) || waived;
    if (isReason) reasons.push(RULES[index] as string);
  }
  if (outcome === "covered" && usedEpsdt) reasons.push("EPSDT");
  return { outcome, reasons };
}

/** Records whether rule `index` applies and whether its condition holds, and so whether it denies. */
function rule(index: number, applied: Truth, holds: Truth): void {
  applies[index] = applied;
  denies[index] = and(applied, IS_CRITERION[index] === 1 ? not(holds) : holds);
}
