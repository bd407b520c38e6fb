// WNC.CP.224 Home Infusion Therapy written by hand, as a baseline for the generated evaluator: the same
// input (the generated module's Facts), the same validation, the same three-valued logic, and the same
// outcome, reason ids and missing facts. It returns only those three, not the generated decision's
// texts, questions, trace or CRD mapping.

import type {
  ExceptionId,
  FactName,
  Facts,
  HomeFeatures,
  MemberResidence,
  RuleId,
  TherapyAdministeredBy,
  TherapyKind,
  TherapyRoute,
} from "../generated/wnc-cp-224/evaluator.js";

export type HandOutcome = "covered" | "not_covered" | "pending";

export interface HandDecision {
  readonly outcome: HandOutcome;
  /** Not covered: what denies. Pending: what is undecided. Covered: what was met, and EPSDT if it was used. */
  readonly reasons: readonly (RuleId | ExceptionId)[];
  /** Only when pending, in the order the policy declares its facts. */
  readonly missingFacts: readonly FactName[];
}

export interface HandIssue {
  readonly field: string;
  readonly problem: string;
}

/** Thrown for malformed facts or a bad service date; never a decision on bad input. */
export class HandInputError extends Error {
  override readonly name = "HandInputError";

  constructor(readonly issues: readonly HandIssue[]) {
    super(`Invalid input for WNC.CP.224: ${issues.map((issue) => `${issue.field} ${issue.problem}`).join("; ")}.`);
  }
}

// ----- three-valued logic: undefined is "unknown", which is never taken as false ---------------------

type Truth = boolean | undefined;

function and(a: Truth, b: Truth): Truth {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : undefined;
}

function or(a: Truth, b: Truth): Truth {
  if (a === true || b === true) return true;
  return a === false && b === false ? false : undefined;
}

function not(a: Truth): Truth {
  return a === undefined ? undefined : !a;
}

/** A one-of fact is among `values`; unknown when the fact is. */
function isOneOf<T extends string>(value: T | undefined, values: readonly T[]): Truth {
  return value === undefined ? undefined : values.includes(value);
}

// ----- reading the facts -------------------------------------------------------------------------

type Group = Readonly<Record<string, unknown>>;

const RESIDENCES: readonly MemberResidence[] = [
  "private_residence",
  "adult_care_home",
  "skilled_nursing_facility",
  "hospital",
  "other_setting",
];
const KINDS: readonly TherapyKind[] = [
  "chemotherapy",
  "antibiotic",
  "antiviral",
  "antifungal",
  "pain_management",
  "other_drug_therapy",
  "parenteral_nutrition",
  "enteral_nutrition",
  "oral_nutrition",
];
const ROUTES: readonly TherapyRoute[] = ["intravenous", "subcutaneous", "epidural", "intrathecal", "other_route"];
const ADMINISTRATORS: readonly TherapyAdministeredBy[] = [
  "member",
  "unpaid_primary_caregiver",
  "paid_caregiver",
  "nurse",
];
const HOME_FEATURES: readonly HomeFeatures[] = [
  "clean_environment",
  "electricity",
  "water",
  "telephone_access",
  "refrigeration",
  "space_for_supplies",
];

/** The keys each group may hold: a misspelt fact must be an error, never silently unknown. */
const GROUP_KEYS = {
  member: [
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
  ],
  therapy: ["kind", "route", "administered_by", "administrator_able_and_willing"],
  drug: ["infusion_more_effective", "available_in_oral_form", "tolerated_orally"],
  service: [
    "safe_in_living_environment",
    "ordered_as_medically_necessary",
    "duplicates_other_provider",
    "experimental_or_investigational",
    "part_of_clinical_trial",
  ],
  home: ["features"],
  medicaid: ["enrollment_start", "enrollment_ended", "enrollment_end", "category_restricts_service"],
  epsdt: ["documentation_shows_medical_necessity"],
} as const satisfies Record<string, readonly string[]>;

type GroupName = keyof typeof GROUP_KEYS;
const GROUP_NAMES = Object.keys(GROUP_KEYS) as GroupName[];

/** The first day each revision took effect; I.A.5 came with the 2024-05 revision. */
const POLICY_EFFECTIVE = "2021-05-01";
const HOME_ENVIRONMENT_EFFECTIVE = "2024-05-01";

function isGroup(value: unknown): value is Group {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reads one field at a time, recording every problem so that all are reported together. */
class FactReader {
  readonly issues: HandIssue[] = [];

  private problem(field: string, problem: string): void {
    this.issues.push({ field, problem });
  }

  private checkKeys(group: Group, prefix: string, allowed: readonly string[]): void {
    for (const key in group) {
      if (!allowed.includes(key))
        this.problem(prefix === "" ? key : `${prefix}.${key}`, "is not a fact of this policy");
    }
  }

  root(facts: unknown): Group | undefined {
    if (!isGroup(facts)) {
      this.problem("(facts)", "must be an object");
      return undefined;
    }
    this.checkKeys(facts, "", GROUP_NAMES);
    return facts;
  }

  group(root: Group | undefined, name: GroupName): Group | undefined {
    const value = root?.[name];
    if (value === undefined || value === null) return undefined;
    if (!isGroup(value)) {
      this.problem(name, "must be an object");
      return undefined;
    }
    this.checkKeys(value, name, GROUP_KEYS[name]);
    return value;
  }

  yesNo(group: Group | undefined, field: string, key: string): Truth {
    const value = group?.[key];
    if (typeof value === "boolean") return value;
    if (value !== undefined && value !== null) this.problem(`${field}.${key}`, "must be true or false");
    return undefined;
  }

  number(group: Group | undefined, field: string, key: string, min: number, max: number): number | undefined {
    const value = group?.[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "number" && Number.isFinite(value) && value >= min && value <= max) return value;
    this.problem(`${field}.${key}`, `must be a number from ${min} to ${max}`);
    return undefined;
  }

  date(group: Group | undefined, field: string, key: string): string | undefined {
    const value = group?.[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string" && isCalendarDate(value)) return value;
    this.problem(`${field}.${key}`, "must be a date written YYYY-MM-DD");
    return undefined;
  }

  oneOf<T extends string>(group: Group | undefined, field: string, key: string, allowed: readonly T[]): T | undefined {
    const value = group?.[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
    this.problem(`${field}.${key}`, `must be one of ${allowed.join(", ")}`);
    return undefined;
  }

  setOf<T extends string>(
    group: Group | undefined,
    field: string,
    key: string,
    allowed: readonly T[],
  ): readonly T[] | undefined {
    const value: unknown = group?.[key];
    if (value === undefined || value === null) return undefined;
    if (
      Array.isArray(value) &&
      value.every((item) => typeof item === "string" && (allowed as readonly string[]).includes(item))
    )
      return value as T[];
    this.problem(`${field}.${key}`, `must be a list of ${allowed.join(", ")}`);
    return undefined;
  }
}

/** The facts of one case, read and validated: yes-or-no facts as truths, the others undefined when unknown. */
interface Known {
  readonly age: number | undefined;
  readonly residence: MemberResidence | undefined;
  readonly clinicalStatusStable: Truth;
  readonly underCareOfReferringPhysician: Truth;
  readonly conditionSupportsSafeHomeAdministration: Truth;
  readonly hasAvailableAdministrationSite: Truth;
  readonly conditionProhibitsAdequateOralIntake: Truth;
  readonly gastrointestinalTractFunctions: Truth;
  readonly canIngestAndTolerateAdequateOralIntake: Truth;
  readonly receivesPrivateDutyNursing: Truth;
  readonly receivesMedicareHomeHealthNursing: Truth;
  readonly kind: TherapyKind | undefined;
  readonly route: TherapyRoute | undefined;
  readonly administeredBy: TherapyAdministeredBy | undefined;
  readonly administratorAbleAndWilling: Truth;
  readonly infusionMoreEffective: Truth;
  readonly availableInOralForm: Truth;
  readonly toleratedOrally: Truth;
  readonly safeInLivingEnvironment: Truth;
  readonly orderedAsMedicallyNecessary: Truth;
  readonly duplicatesOtherProvider: Truth;
  readonly experimentalOrInvestigational: Truth;
  readonly partOfClinicalTrial: Truth;
  readonly homeFeatures: readonly HomeFeatures[] | undefined;
  readonly enrollmentStart: string | undefined;
  readonly enrollmentEnded: Truth;
  readonly enrollmentEnd: string | undefined;
  readonly categoryRestrictsService: Truth;
  readonly epsdtDocumentation: Truth;
}

function readFacts(facts: unknown, asOf: unknown): { known: Known; asOf: string } {
  const read = new FactReader();
  let serviceDate = "";
  if (typeof asOf !== "string" || !isCalendarDate(asOf))
    read.issues.push({ field: "asOf", problem: "must be the service date written YYYY-MM-DD" });
  else if (asOf < POLICY_EFFECTIVE)
    read.issues.push({ field: "asOf", problem: `is before the policy took effect on ${POLICY_EFFECTIVE}` });
  else serviceDate = asOf;

  const root = read.root(facts);
  const member = read.group(root, "member");
  const therapy = read.group(root, "therapy");
  const drug = read.group(root, "drug");
  const service = read.group(root, "service");
  const home = read.group(root, "home");
  const medicaid = read.group(root, "medicaid");
  const epsdt = read.group(root, "epsdt");
  const known: Known = {
    age: read.number(member, "member", "age", 0, 130),
    residence: read.oneOf(member, "member", "residence", RESIDENCES),
    clinicalStatusStable: read.yesNo(member, "member", "clinical_status_stable"),
    underCareOfReferringPhysician: read.yesNo(member, "member", "under_care_of_referring_physician"),
    conditionSupportsSafeHomeAdministration: read.yesNo(
      member,
      "member",
      "condition_supports_safe_home_administration",
    ),
    hasAvailableAdministrationSite: read.yesNo(member, "member", "has_available_administration_site"),
    conditionProhibitsAdequateOralIntake: read.yesNo(member, "member", "condition_prohibits_adequate_oral_intake"),
    gastrointestinalTractFunctions: read.yesNo(member, "member", "gastrointestinal_tract_functions"),
    canIngestAndTolerateAdequateOralIntake: read.yesNo(
      member,
      "member",
      "can_ingest_and_tolerate_adequate_oral_intake",
    ),
    receivesPrivateDutyNursing: read.yesNo(member, "member", "receives_private_duty_nursing"),
    receivesMedicareHomeHealthNursing: read.yesNo(member, "member", "receives_medicare_home_health_nursing"),
    kind: read.oneOf(therapy, "therapy", "kind", KINDS),
    route: read.oneOf(therapy, "therapy", "route", ROUTES),
    administeredBy: read.oneOf(therapy, "therapy", "administered_by", ADMINISTRATORS),
    administratorAbleAndWilling: read.yesNo(therapy, "therapy", "administrator_able_and_willing"),
    infusionMoreEffective: read.yesNo(drug, "drug", "infusion_more_effective"),
    availableInOralForm: read.yesNo(drug, "drug", "available_in_oral_form"),
    toleratedOrally: read.yesNo(drug, "drug", "tolerated_orally"),
    safeInLivingEnvironment: read.yesNo(service, "service", "safe_in_living_environment"),
    orderedAsMedicallyNecessary: read.yesNo(service, "service", "ordered_as_medically_necessary"),
    duplicatesOtherProvider: read.yesNo(service, "service", "duplicates_other_provider"),
    experimentalOrInvestigational: read.yesNo(service, "service", "experimental_or_investigational"),
    partOfClinicalTrial: read.yesNo(service, "service", "part_of_clinical_trial"),
    homeFeatures: read.setOf(home, "home", "features", HOME_FEATURES),
    enrollmentStart: read.date(medicaid, "medicaid", "enrollment_start"),
    enrollmentEnded: read.yesNo(medicaid, "medicaid", "enrollment_ended"),
    enrollmentEnd: read.date(medicaid, "medicaid", "enrollment_end"),
    categoryRestrictsService: read.yesNo(medicaid, "medicaid", "category_restricts_service"),
    epsdtDocumentation: read.yesNo(epsdt, "epsdt", "documentation_shows_medical_necessity"),
  };
  if (read.issues.length > 0) throw new HandInputError(read.issues);
  return { known, asOf: serviceDate };
}

// ----- the rules ---------------------------------------------------------------------------------

const DRUG_THERAPIES: readonly TherapyKind[] = [
  "chemotherapy",
  "antibiotic",
  "antiviral",
  "antifungal",
  "pain_management",
  "other_drug_therapy",
];
const ANTIBIOTIC_THERAPIES: readonly TherapyKind[] = ["antibiotic", "antiviral", "antifungal"];
const PAIN_ROUTES: readonly TherapyRoute[] = ["subcutaneous", "epidural", "intrathecal", "intravenous"];

/** One criterion (must be met) or exclusion (denies when it holds), evaluated for one case. */
interface Check {
  readonly id: RuleId;
  readonly requirement: boolean;
  readonly applies: Truth;
  readonly holds: Truth;
  /** The EPSDT exception may set it aside. */
  readonly waivable: boolean;
}

function requirement(id: RuleId, applies: Truth, holds: Truth, waivable = false): Check {
  return { id, requirement: true, applies, holds, waivable };
}

function exclusion(id: RuleId, applies: Truth, holds: Truth, waivable = false): Check {
  return { id, requirement: false, applies, holds, waivable };
}

function selfAdministered(f: Known): Truth {
  return and(isOneOf(f.administeredBy, ["member", "unpaid_primary_caregiver"]), f.administratorAbleAndWilling);
}

/** I.C.note: the drug therapies the program covers, by route. */
function coveredDrugTherapy(f: Known): Truth {
  const intravenous = isOneOf(f.route, ["intravenous"]);
  return or(
    or(and(isOneOf(f.kind, ["chemotherapy"]), intravenous), and(isOneOf(f.kind, ANTIBIOTIC_THERAPIES), intravenous)),
    and(isOneOf(f.kind, ["pain_management"]), isOneOf(f.route, PAIN_ROUTES)),
  );
}

/** NC.ELIG.a, second half: enrollment had not ended before the service date. */
function notEndedBefore(f: Known, asOf: string): Truth {
  return or(not(f.enrollmentEnded), f.enrollmentEnd === undefined ? undefined : f.enrollmentEnd >= asOf);
}

function checks(f: Known, asOf: string): Check[] {
  const drugTherapy = isOneOf(f.kind, DRUG_THERAPIES);
  const parenteral = isOneOf(f.kind, ["parenteral_nutrition"]);
  const enteral = isOneOf(f.kind, ["enteral_nutrition", "oral_nutrition"]);
  const homeEnvironmentInForce = asOf >= HOME_ENVIRONMENT_EFFECTIVE;
  const features = f.homeFeatures;
  return [
    requirement("I.A.1", true, f.safeInLivingEnvironment),
    requirement("I.A.2", true, f.clinicalStatusStable),
    requirement("I.A.3", true, isOneOf(f.residence, ["private_residence", "adult_care_home"]), true),
    requirement("I.A.4", true, selfAdministered(f), true),
    requirement(
      "I.A.5",
      homeEnvironmentInForce,
      features === undefined ? undefined : HOME_FEATURES.every((feature) => features.includes(feature)),
      true,
    ),
    requirement("I.B.1", true, and(f.orderedAsMedicallyNecessary, f.underCareOfReferringPhysician)),
    requirement("I.C.1", drugTherapy, selfAdministered(f), true),
    requirement("I.C.2", drugTherapy, f.conditionSupportsSafeHomeAdministration),
    requirement("I.C.3", drugTherapy, f.hasAvailableAdministrationSite),
    requirement(
      "I.C.4",
      drugTherapy,
      or(f.infusionMoreEffective, or(not(f.availableInOralForm), not(f.toleratedOrally))),
      true,
    ),
    exclusion("I.C.note", drugTherapy, not(coveredDrugTherapy(f)), true),
    requirement("I.D.1", parenteral, f.conditionProhibitsAdequateOralIntake, true),
    requirement("I.D.2", parenteral, f.hasAvailableAdministrationSite),
    requirement(
      "I.E.1",
      enteral,
      and(f.gastrointestinalTractFunctions, not(f.canIngestAndTolerateAdequateOralIntake)),
      true,
    ),
    requirement("I.E.2", enteral, f.hasAvailableAdministrationSite),
    exclusion("I.E.note-1", enteral, isOneOf(f.kind, ["oral_nutrition"]), true),
    exclusion("II.A", true, f.duplicatesOtherProvider),
    exclusion("II.B", true, or(f.experimentalOrInvestigational, f.partOfClinicalTrial)),
    exclusion("II.C", true, isOneOf(f.kind, ["other_drug_therapy"]), true),
    exclusion("II.D", true, f.receivesMedicareHomeHealthNursing),
    exclusion("II.note-1", true, and(drugTherapy, f.receivesPrivateDutyNursing), true),
    requirement(
      "NC.ELIG.a",
      true,
      and(f.enrollmentStart === undefined ? undefined : f.enrollmentStart <= asOf, notEndedBefore(f, asOf)),
    ),
    requirement("NC.ELIG.c", true, not(f.categoryRestrictsService)),
  ];
}

// ----- missing facts: the unknown facts under an undecided rule ------------------------------------

const FACT_ORDER: readonly FactName[] = [
  "member.age",
  "member.residence",
  "member.clinical_status_stable",
  "member.under_care_of_referring_physician",
  "member.condition_supports_safe_home_administration",
  "member.has_available_administration_site",
  "member.condition_prohibits_adequate_oral_intake",
  "member.gastrointestinal_tract_functions",
  "member.can_ingest_and_tolerate_adequate_oral_intake",
  "member.receives_private_duty_nursing",
  "member.receives_medicare_home_health_nursing",
  "therapy.kind",
  "therapy.route",
  "therapy.administered_by",
  "therapy.administrator_able_and_willing",
  "drug.infusion_more_effective",
  "drug.available_in_oral_form",
  "drug.tolerated_orally",
  "service.safe_in_living_environment",
  "service.ordered_as_medically_necessary",
  "service.duplicates_other_provider",
  "service.experimental_or_investigational",
  "service.part_of_clinical_trial",
  "home.features",
  "medicaid.enrollment_start",
  "medicaid.enrollment_ended",
  "medicaid.enrollment_end",
  "medicaid.category_restricts_service",
  "epsdt.documentation_shows_medical_necessity",
];

/** Adds `fact` when its value is unknown. */
function askIfUnknown(missing: Set<FactName>, fact: FactName, value: unknown): void {
  if (value === undefined) missing.add(fact);
}

/**
 * The unknown facts of a rule whose condition is unknown. Only NC.ELIG.a needs care: its second half
 * may already be decided while the first is not, and then it asks nothing about the end of enrollment.
 */
function askForCondition(missing: Set<FactName>, id: RuleId, f: Known, asOf: string): void {
  const ask = (fact: FactName, value: unknown) => askIfUnknown(missing, fact, value);
  switch (id) {
    case "I.A.1":
      return ask("service.safe_in_living_environment", f.safeInLivingEnvironment);
    case "I.A.2":
      return ask("member.clinical_status_stable", f.clinicalStatusStable);
    case "I.A.3":
      return ask("member.residence", f.residence);
    case "I.A.4":
    case "I.C.1":
      ask("therapy.administered_by", f.administeredBy);
      return ask("therapy.administrator_able_and_willing", f.administratorAbleAndWilling);
    case "I.A.5":
      return ask("home.features", f.homeFeatures);
    case "I.B.1":
      ask("member.under_care_of_referring_physician", f.underCareOfReferringPhysician);
      return ask("service.ordered_as_medically_necessary", f.orderedAsMedicallyNecessary);
    case "I.C.2":
      return ask("member.condition_supports_safe_home_administration", f.conditionSupportsSafeHomeAdministration);
    case "I.C.3":
    case "I.D.2":
    case "I.E.2":
      return ask("member.has_available_administration_site", f.hasAvailableAdministrationSite);
    case "I.C.4":
      ask("drug.infusion_more_effective", f.infusionMoreEffective);
      ask("drug.available_in_oral_form", f.availableInOralForm);
      return ask("drug.tolerated_orally", f.toleratedOrally);
    case "I.C.note":
      ask("therapy.kind", f.kind);
      return ask("therapy.route", f.route);
    case "I.D.1":
      return ask("member.condition_prohibits_adequate_oral_intake", f.conditionProhibitsAdequateOralIntake);
    case "I.E.1":
      ask("member.gastrointestinal_tract_functions", f.gastrointestinalTractFunctions);
      return ask("member.can_ingest_and_tolerate_adequate_oral_intake", f.canIngestAndTolerateAdequateOralIntake);
    case "I.E.note-1":
    case "II.C":
      return ask("therapy.kind", f.kind);
    case "II.A":
      return ask("service.duplicates_other_provider", f.duplicatesOtherProvider);
    case "II.B":
      ask("service.experimental_or_investigational", f.experimentalOrInvestigational);
      return ask("service.part_of_clinical_trial", f.partOfClinicalTrial);
    case "II.D":
      return ask("member.receives_medicare_home_health_nursing", f.receivesMedicareHomeHealthNursing);
    case "II.note-1":
      ask("therapy.kind", f.kind);
      return ask("member.receives_private_duty_nursing", f.receivesPrivateDutyNursing);
    case "NC.ELIG.a":
      ask("medicaid.enrollment_start", f.enrollmentStart);
      if (notEndedBefore(f, asOf) === undefined) {
        ask("medicaid.enrollment_ended", f.enrollmentEnded);
        ask("medicaid.enrollment_end", f.enrollmentEnd);
      }
      return;
    case "NC.ELIG.c":
      return ask("medicaid.category_restricts_service", f.categoryRestrictsService);
    default:
      return;
  }
}

// ----- the decision ------------------------------------------------------------------------------

/** Decides WNC.CP.224 for one case on the service date `options.asOf`; throws HandInputError on bad input. */
export function decideHomeInfusion(facts: Facts, options: { readonly asOf: string }): HandDecision {
  const { known: f, asOf } = readFacts(facts, options.asOf);
  const epsdt = and(f.age === undefined ? undefined : f.age < 21, f.epsdtDocumentation);
  const all = checks(f, asOf);

  // A rule denies when it applies and fails (criterion) or holds (exclusion); EPSDT may set that aside.
  const denies: Truth[] = [];
  const blocks: Truth[] = [];
  let sure = false;
  let possible = false;
  for (const check of all) {
    const denial = and(check.applies, check.requirement ? not(check.holds) : check.holds);
    const block = check.waivable ? and(denial, not(epsdt)) : denial;
    denies.push(denial);
    blocks.push(block);
    if (block === true) sure = true;
    else if (block === undefined) possible = true;
  }
  const outcome: HandOutcome = sure ? "not_covered" : possible ? "pending" : "covered";

  // Not covered: the rules that surely deny. Pending: those that might. Covered: the criteria that
  // applied, and any rule EPSDT set aside.
  const reasons: (RuleId | ExceptionId)[] = [];
  let usedEpsdt = false;
  all.forEach((check, i) => {
    const waived = check.waivable && denies[i] === true && epsdt === true;
    if (waived) usedEpsdt = true;
    let isReason: boolean;
    if (outcome === "not_covered") isReason = blocks[i] === true;
    else if (outcome === "pending") isReason = blocks[i] === undefined;
    else isReason = (check.requirement && check.applies === true) || waived;
    if (isReason) reasons.push(check.id);
  });
  if (outcome === "covered" && usedEpsdt) reasons.push("EPSDT");
  if (outcome !== "pending") return { outcome, reasons, missingFacts: [] };

  const missing = new Set<FactName>();
  all.forEach((check, i) => {
    if (blocks[i] !== undefined) return;
    if (denies[i] === undefined) {
      // Only the section conditions (I.C, I.D, I.E) can leave `applies` unknown, and all read therapy.kind.
      if (check.applies === undefined) missing.add("therapy.kind");
      if (check.holds === undefined) askForCondition(missing, check.id, f, asOf);
    }
    if (check.waivable && epsdt === undefined) {
      askIfUnknown(missing, "member.age", f.age);
      askIfUnknown(missing, "epsdt.documentation_shows_medical_necessity", f.epsdtDocumentation);
    }
  });
  return { outcome, reasons, missingFacts: FACT_ORDER.filter((fact) => missing.has(fact)) };
}
