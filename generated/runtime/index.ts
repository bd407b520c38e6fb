// DO NOT EDIT. Copied by policyc from compiler/runtime/index.ts.
// The small runtime shared by every generated evaluator. The build copies this folder into
// generated/runtime/ so that generated code never imports from compiler/.

export * from "./truth.js";
export { shiftDate, type DurationUnit } from "./calendar.js";
export * from "./decision.js";
export * from "./input.js";
export * from "./policy-table.js";
export { definePolicy, type PreparedPolicy } from "./prepare.js";
export {
  choiceOf,
  choicesOf,
  dateOf,
  numberIn,
  optionValues,
  readSubgroup,
  truthOf,
  MALFORMED,
  type FactSlots,
  type GroupReader,
  type Malformed,
} from "./group-readers.js";
export { parsePolicyFacts, type ParsedFacts } from "./parse-facts.js";
export { factMetadataOf, factTableOf } from "./fact-table.js";
export { questionnaireResponseFacts } from "./questionnaire-response.js";
export type { FactMetadata, FactMetadataOf, FactWords, OptionMetadata, TypeMetadata } from "./fact-metadata.js";
export { evaluatePolicy, policyIdentity } from "./decide.js";
export * from "./claims.js";
export { isListedGroup, unlisted, wellFormedClaim, type ClaimRead } from "./well-formed-claims.js";
export { NOT_LISTED, type NotListed } from "./well-formed.js";
export {
  MAX_RECORDS,
  someRecord,
  noRecord,
  everyRecord,
  countRecords,
  latestRecord,
  type RecordValues,
} from "./records.js";
export { joined, withinDates } from "./record-index.js";
export * from "./claim-rules.js";
export { checkUnitsPerPeriod, type UnitPeriod } from "./claim-periods.js";
export { checkUnitsAtLeastPerDate, linesOnSharedDates } from "./shared-dates.js";
export {
  anyMemberOf,
  codeSystems,
  inValueSet,
  isCodeOf,
  memberOf,
  valueSet,
  type CodeSystem,
  type ValueSet,
  type ValueSetEntry,
} from "./codes.js";
export { readCode, readCodeSet } from "./code-input.js";
