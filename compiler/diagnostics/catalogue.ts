// The one catalogue of diagnostic codes. Every problem the compiler reports has an entry here: its
// code, its title, and its message, written once as a template over typed arguments; a diagnostic is
// made only from an entry and its arguments (diagnostic.ts). Each code has a page
// docs/diagnostics/<code>.md that explains it at length (a test checks both stay in step).
// NOTE: codes are numbered by family (PC00x syntax, PC01x names, PC02x expressions and types, PC03x
// revisions, PC04x categories and exceptions, PC05x cases, PC060-PC064 files, PC065-PC069 time in
// conditions, PC07x versions of a statement, PC08x the revision log and exceptions' reach, PC11x units, percents and value sets, PC14x the FHIR mapping) and never
// renumbered, since users' docs link to them. So one code is one kind of problem, and where that
// problem shows in several places its template takes the few words that differ as arguments
// (message-arguments.ts).

import type * as Ast from "../syntax/ast.js";
import { displayPath, quotedName } from "../files/names.js";
import {
  belongsInCases,
  describeFound,
  describeGeneratedRole,
  describeDateNeed,
  describeDeciding,
  describeImpossibleCount,
  describeImpossibleDuration,
  describeLiteralKind,
  describeNameShape,
  describeNeed,
  describeNesting,
  describeNotOverridable,
  describeParentProblem,
  describeReach,
  describeReservation,
  describeUnknownKind,
  describeUnreadable,
  describeWayOut,
  quoted,
  quotedChoices,
  statementKeyword,
  withArticle,
  type ClauseOwner,
  type DeclaredKind,
  type Found,
  type GeneratedRole,
  type DateNeed,
  type DecidingStatement,
  type ImpossibleCount,
  type ImpossibleDuration,
  type LiteralKind,
  type Need,
  type NestingSubject,
  type NotOverridable,
  type OutlineKind,
  type OutOfReach,
  type ParentProblem,
  type RequiredClause,
  type RequiredClauseOwner,
  type Reservation,
  type RevisionDate,
  type ShapedName,
  type TypeWord,
  type UnknownKind,
  type Unreadable,
  type WayOut,
} from "./message-arguments.js";
import {
  describeUnitOperation,
  describeUnitSide,
  type UnitOperation,
  type UnitSide,
  type UnnamedUnit,
} from "./unit-arguments.js";
import {
  describeFhirSourcePartsProblem,
  describeFhirSourceWords,
  type FhirSourcePartsProblem,
  type FhirSourceWords,
} from "./fhir-arguments.js";
import {
  describeMalformedRow,
  describeMembershipProblem,
  describeValueSetFileProblem,
  type MalformedRow,
  type MembershipProblem,
  type ValueSetFileProblem,
} from "./value-set-arguments.js";

/** A sentence that starts with a code or a name in backquotes is left as it is. */
function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export type Severity = "error" | "warning";

export interface CatalogueEntry<Arguments> {
  readonly code: string;
  readonly severity: Severity;
  /** A short title for the kind of problem, shown in the heading of the rendered diagnostic. */
  readonly title: string;
  /** The entry's one message: one sentence, present tense, ending with a period. */
  readonly message: (args: Arguments) => string;
}

/** The arguments of a message that has nothing to fill in: `{}`. */
export type NoArguments = Readonly<Record<string, never>>;

function entry<Arguments>(
  code: string,
  severity: Severity,
  title: string,
  message: (args: Arguments) => string,
): CatalogueEntry<Arguments> {
  return { code, severity, title, message };
}

function fixed(code: string, severity: Severity, title: string, message: string): CatalogueEntry<NoArguments> {
  return { code, severity, title, message: () => message };
}

const entries = {
  // ----- PC00x: syntax ---------------------------------------------------------------------------
  unexpectedCharacter: entry(
    "PC001",
    "error",
    "Unexpected character",
    (a: { text: string }) => `The text ${quoted(a.text)} is not part of the policy language.`,
  ),
  syntaxError: entry(
    "PC002",
    "error",
    "Syntax error",
    (a: { expected: string; after?: string; found: Found }) =>
      `Expected ${a.expected}${a.after === undefined ? "" : ` after ${quoted(a.after)}`}, but found ${describeFound(a.found)}.`,
  ),
  duplicateClause: entry(
    "PC003",
    "error",
    "Clause given twice",
    (a: { statement: ClauseOwner }) => `This ${a.statement} already has this clause.`,
  ),
  missingClause: entry(
    "PC004",
    "error",
    "Missing clause",
    (a: { statement: RequiredClauseOwner; clause: RequiredClause }) =>
      `This ${a.statement} has no ${quoted(a.clause)}.`,
  ),
  invalidLiteral: entry(
    "PC005",
    "error",
    "Invalid date, month, number or code",
    (a: { text: string; expected: LiteralKind }) => `${quoted(a.text)} is not ${describeLiteralKind(a.expected)}.`,
  ),
  misplacedStatement: entry(
    "PC006",
    "error",
    "Statement in the wrong kind of file",
    (a: { statement: Ast.Statement["kind"] }) => {
      const [right, wrong] = belongsInCases(a.statement) ? ["cases", "policy"] : ["policy", "cases"];
      return `A ${quoted(statementKeyword(a.statement))} statement belongs in a \`.${right}\` file, not in a \`.${wrong}\` file.`;
    },
  ),
  nestingTooDeep: entry("PC007", "error", "Nesting too deep", (a: { nesting: NestingSubject; limit: number }) => {
    const { subject, unit } = describeNesting(a.nesting);
    return `${subject} nests more than ${a.limit} ${unit} deep.`;
  }),
  noteDeniesAndExcludes: fixed(
    "PC008",
    "error",
    "Note that both denies and excludes",
    "A note either denies coverage (`not covered`) or excludes some services (`excludes services of`), not both.",
  ),
  secondPolicyInFile: entry(
    "PC009",
    "error",
    "Two policies in one file",
    (a: { statement: "policy" | "cases for" }) =>
      `A ${a.statement === "policy" ? "policy" : "case"} file holds one ${quoted(a.statement)} statement, and this is the second.`,
  ),

  // ----- PC01x: names ----------------------------------------------------------------------------
  duplicateName: entry(
    "PC010",
    "error",
    "Duplicate name",
    (a: { name: string; first: DeclaredKind; second: DeclaredKind }) =>
      a.first === a.second
        ? `The ${a.first} ${quoted(a.name)} is declared twice.`
        : `The name ${quoted(a.name)} is declared twice, as ${withArticle(a.first)} and as ${withArticle(a.second)}.`,
  ),
  missingParent: entry(
    "PC011",
    "error",
    "Missing parent section",
    (a: { id: string; allowed: readonly OutlineKind[]; problem: ParentProblem }) =>
      `${quoted(a.id)} must sit under a ${a.allowed.join(" or ")}, but ${describeParentProblem(a.problem)}.`,
  ),
  unreferencedSubcriterion: entry(
    "PC012",
    "warning",
    "Sub-criterion not used by its parent",
    (a: { parent: string; part: string }) =>
      `Criterion ${quoted(a.parent)} does not use its part ${quoted(a.part)}, so it decides nothing.`,
  ),
  generatedNameClash: entry(
    "PC013",
    "error",
    "Names that collide in the evaluator",
    (a: { name: string; role: GeneratedRole; takenAs: GeneratedRole }) =>
      `The evaluator would name ${describeGeneratedRole(a.role)} ${quoted(a.name)}, which is already ${describeGeneratedRole(a.takenAs)}.`,
  ),
  reservedName: entry("PC014", "error", "Reserved name", (a: { word: string; reservation: Reservation }) => {
    const { is, cannotName } = describeReservation(a.reservation);
    return `${quoted(a.word)} is ${is}, so it cannot name ${cannotName}.`;
  }),
  malformedName: entry("PC015", "error", "Name of the wrong shape", (a: { name: string; of: ShapedName }) => {
    const { label, shape } = describeNameShape(a.of);
    return `The ${label} ${quoted(a.name)} is not ${shape}.`;
  }),
  nameOutOfReach: entry("PC016", "error", "Name out of reach", (a: { name: string; is: OutOfReach }) => {
    const { is, rule } = describeReach(a.is);
    return `${quoted(a.name)} is ${is}, and ${rule}.`;
  }),
  namesDifferInCase: entry(
    "PC017",
    "error",
    "Names that differ only in letter case",
    (a: { name: string; other: string }) =>
      `${quoted(a.name)} differs from the fact ${quoted(a.other)} only in letter case.`,
  ),

  // ----- PC02x: expressions and types ------------------------------------------------------------
  unknownName: entry("PC020", "error", "Unknown name", (a: { name: string; kind: UnknownKind }) => {
    const { noun, verb } = describeUnknownKind(a.kind);
    return `No ${noun} is ${verb} ${quoted(a.name)}.`;
  }),
  typeMismatch: entry(
    "PC021",
    "error",
    "Type mismatch",
    (a: { subject: string; is: TypeWord; needs: Need }) =>
      `${quoted(a.subject)} is ${a.is}, but ${describeNeed(a.needs)}.`,
  ),
  unknownValue: entry(
    "PC022",
    "error",
    "Value not in the enumeration",
    (a: { value: string; fact: string }) => `${quoted(a.value)} is not one of the values of ${quoted(a.fact)}.`,
  ),
  definitionCycle: entry(
    "PC023",
    "error",
    "Definition refers to itself",
    (a: { name: string; cycle: readonly string[] }) => `${quoted(a.name)} depends on itself: ${a.cycle.join(" -> ")}.`,
  ),
  unusedFact: entry(
    "PC024",
    "warning",
    "Unused fact",
    (a: { fact: string }) => `No criterion, exclusion, note or exception reads the fact ${quoted(a.fact)}.`,
  ),
  unusedDefinition: entry(
    "PC025",
    "warning",
    "Unused definition",
    (a: { definition: string }) => `Nothing uses the definition ${quoted(a.definition)}.`,
  ),
  impossibleCount: entry(
    "PC026",
    "error",
    "Impossible count",
    (a: { count: ImpossibleCount }) => `${describeImpossibleCount(a.count)} can never vary as meant.`,
  ),
  impossibleRange: entry(
    "PC027",
    "error",
    "Impossible range",
    (a: { min: number; max: number }) => `The range from ${a.min} to ${a.max} holds no number.`,
  ),
  reservedValue: fixed(
    "PC028",
    "error",
    "Reserved word used as a value",
    "`unknown` cannot be a value: in cases it means the fact is not known.",
  ),
  divisionByZero: fixed("PC029", "error", "Division by zero", "This divides by zero."),

  // ----- PC03x: revisions ------------------------------------------------------------------------
  revisionOrder: entry(
    "PC030",
    "error",
    "Revisions out of order",
    (a: {
      date: RevisionDate;
      value: string;
      is: "after" | "before";
      other: RevisionDate;
      otherValue: string;
      otherIsOfRevisionBefore: boolean;
    }) =>
      `The ${a.date} ${a.value} is ${a.is} the ${a.other} ${a.otherValue}${a.otherIsOfRevisionBefore ? " of the revision before" : ""}.`,
  ),
  unknownRevision: entry(
    "PC031",
    "error",
    "Unknown revision",
    (a: { month: string }) => `No revision was approved in ${a.month}.`,
  ),
  removedBeforeAdded: entry(
    "PC032",
    "error",
    "Removed before it was added",
    (a: { removedIn: string }) => `It is removed in ${a.removedIn}, which is not after it was added.`,
  ),
  lifetimeOutsideParent: entry(
    "PC033",
    "error",
    "In force when its parent is not",
    (a: { id: string; parent: string }) =>
      `${quoted(a.id)} must be in force only when its parent ${quoted(a.parent)} is.`,
  ),

  // ----- PC07x: versions of a statement ----------------------------------------------------------
  versionOrder: entry(
    "PC070",
    "error",
    "Versions out of order",
    (a: { before: string; above: string }) =>
      `The version before ${a.before} must end at an earlier revision than the version above it, which ends at ${a.above}.`,
  ),
  versionBeforeAdded: entry(
    "PC071",
    "error",
    "Version ends before the statement is added",
    (a: { id: string; before: string; addedIn: string }) =>
      `The version of ${quoted(a.id)} before ${a.before} is never in force: ${quoted(a.id)} is added in ${a.addedIn}.`,
  ),
  versionAfterRemoved: entry(
    "PC072",
    "error",
    "Version ends after the statement is removed",
    (a: { id: string; before: string; removedIn: string }) =>
      `The version of ${quoted(a.id)} before ${a.before} ends at or after ${a.removedIn}, when ${quoted(a.id)} is removed.`,
  ),
  partNotInForce: entry(
    "PC073",
    "error",
    "Refers to a part not in force",
    (a: { id: string; part: string; revision: string }) =>
      `This version of ${quoted(a.id)} refers to ${quoted(a.part)}, which is not in force in revision ${a.revision}.`,
  ),
  changeNeverInForce: entry(
    "PC075",
    "error",
    "Change never in force",
    (a: { id: string; revision: string; effective: string; later: string; laterEffective: string }) =>
      `The change to ${quoted(a.id)} in ${a.revision} never takes effect: ${a.later}, later in the log, changes it from ${a.laterEffective}, no later than ${a.revision} takes effect (${a.effective}).`,
  ),
  emptyVersion: entry(
    "PC074",
    "warning",
    "Version changes nothing",
    (a: { before: string }) =>
      `The version before ${a.before} restates nothing, so it is the same as the version above it.`,
  ),

  // ----- PC04x: categories and exceptions --------------------------------------------------------
  unknownCategory: entry(
    "PC040",
    "error",
    "Unknown category",
    (a: { name: string }) => `No category is named ${quoted(a.name)}.`,
  ),
  overrideNotDeclared: entry(
    "PC041",
    "error",
    "Exception overrides what it does not declare",
    (a: { target: string; category: string }) =>
      `${quoted(a.target)} is in the category ${quoted(a.category)}, which this exception does not declare it may override.`,
  ),
  overrideForbidden: entry(
    "PC042",
    "error",
    "Exception overrides what it may never override",
    (a: { target: string; category: string }) =>
      `${quoted(a.target)} is in the category ${quoted(a.category)}, which this exception never overrides.`,
  ),
  overrideTargetInvalid: entry(
    "PC043",
    "error",
    "Exception overrides something that cannot be overridden",
    (a: { target: string; because: NotOverridable }) =>
      `${quoted(a.target)} ${describeNotOverridable(a.because)}, so no exception may override it.`,
  ),
  categoryMayAndNever: entry(
    "PC044",
    "error",
    "Category both may and never be overridden",
    (a: { category: string }) =>
      `The category ${quoted(a.category)} is declared both as one the exception may override and one it never overrides.`,
  ),

  // ----- PC05x: cases ----------------------------------------------------------------------------
  unknownPolicy: entry(
    "PC050",
    "error",
    "Cases for an unknown policy",
    (a: { reference: string }) => `No policy without errors has the reference number ${quoted(a.reference)}.`,
  ),
  invalidCase: fixed(
    "PC051",
    "error",
    "Incomplete case",
    "Only a pending decision asks for facts, so `asking` needs `expect pending`.",
  ),
  valueOutOfRange: entry(
    "PC052",
    "error",
    "Number outside the fact's range",
    (a: { value: number; fact: string; min?: number; max?: number }) => {
      const range =
        a.min !== undefined && a.max !== undefined
          ? `${a.min} to ${a.max}`
          : a.min !== undefined
            ? `at least ${a.min}`
            : `at most ${a.max}`;
      return `${quoted(String(a.value))} is outside the range of ${quoted(a.fact)} (${range}).`;
    },
  ),

  // ----- PC06x: files ----------------------------------------------------------------------------
  unsafeFileName: entry(
    "PC060",
    "error",
    "Unsafe file or folder name",
    (a: { name: string; of: "file" | "folder" }) =>
      `The ${a.of} name ${quotedName(a.name)} is not one policyc accepts.`,
  ),
  unreadableFile: entry(
    "PC061",
    "error",
    "File policyc will not read",
    (a: { path: string; publishedText: boolean; reason: Unreadable }) =>
      `${a.publishedText ? "The published text " : ""}${displayPath(a.path)} ${describeUnreadable(a.reason)}.`,
  ),
  publishedTextOutside: entry(
    "PC062",
    "error",
    "Published text outside the policy's folder",
    (a: { path: string; way: WayOut }) =>
      `The published text ${displayPath(a.path)} ${describeWayOut(a.way)} the policy's folder.`,
  ),
  generatedFolderClash: entry(
    "PC063",
    "error",
    "Two policies build into one folder",
    (a: { path: string; other: string; folder: string }) =>
      `${displayPath(a.path)} and ${displayPath(a.other)} would both build into generated/${a.folder}/.`,
  ),
  foldersTooDeep: entry(
    "PC064",
    "error",
    "Folders nested too deep",
    (a: { path: string; limit: number; under: string }) =>
      `${displayPath(a.path)} is more than ${a.limit} folders deep under ${a.under}/.`,
  ),

  // ----- PC065-PC069: time in conditions ---------------------------------------------------------
  unknownTimeUnit: entry(
    "PC065",
    "error",
    "Unknown unit of time",
    (a: { unit: string; count: number; units: readonly string[] }) =>
      `${quoted(a.unit)} is not a unit of time after ${a.count}: write ${quotedChoices(a.units)}.`,
  ),
  impossibleDuration: entry(
    "PC066",
    "error",
    "Impossible duration",
    (a: { problem: ImpossibleDuration }) => `${describeImpossibleDuration(a.problem)}.`,
  ),
  daysOutOfOrder: entry(
    "PC067",
    "error",
    "Days of a window out of order",
    (a: { first: number; last: number }) =>
      `The window from day ${a.first} to day ${a.last} is empty: its first day comes after its last.`,
  ),
  durationOnNonDate: entry(
    "PC068",
    "error",
    "Duration added to something that is not a date",
    (a: { subject: string; is: TypeWord }) =>
      `${quoted(a.subject)} is ${a.is}, and only a date can be moved by days, weeks, months or years.`,
  ),
  dateExpected: entry(
    "PC069",
    "error",
    "Date expected",
    (a: { subject: string; is: TypeWord; need: DateNeed }) =>
      `${quoted(a.subject)} is ${a.is}, but ${describeDateNeed(a.need)}.`,
  ),

  // ----- PC08x: the revision log against lifetimes ----------------------------------------------
  loggedChangeWithoutLifetime: entry(
    "PC080",
    "warning",
    "Revision log names a change the statement does not carry",
    (a: { revision: string; id: string; change: "added" | "removed" }) =>
      `The text of revision ${a.revision} says it ${a.change} ${a.id}, but ${a.id} is not \`${a.change} in ${a.revision}\`.`,
  ),
  lifetimeNotLogged: entry(
    "PC081",
    "warning",
    "Statement's lifetime not in the revision log",
    (a: { revision: string; id: string; change: "added" | "removed" }) =>
      `${a.id} is \`${a.change} in ${a.revision}\`, but the text of revision ${a.revision} does not say it ${a.change} ${a.id} or a statement it belongs to.`,
  ),
  overridableNotOverridden: entry(
    "PC082",
    "warning",
    "Statement an exception may override is not in its list",
    (a: { id: string; category: string; exception: string }) =>
      `${a.id} is in the category ${a.category}, which ${a.exception} may override, but ${a.exception} does not list it under \`overrides\`.`,
  ),

  // ----- PC09x-PC10x: records and lists -----------------------------------------------------------
  unknownRecordField: entry(
    "PC090",
    "error",
    "Field not in the record",
    (a: { name: string; list: string }) => `${quoted(a.name)} is not a field of the records of ${a.list}.`,
  ),
  quantifierOverNonList: entry(
    "PC091",
    "error",
    "Going through the records of something that is not a list",
    (a: { name: string; is: TypeWord | "not a fact" }) =>
      `${quoted(a.name)} is ${a.is}, and only a list fact has records to go through.`,
  ),
  fieldOutsideQuantifier: entry(
    "PC092",
    "error",
    "Record field used outside its quantifier",
    (a: { name: string; list: string }) =>
      `${quoted(a.name)} reads a field of a record of ${a.list}, but no condition around it goes through those records.`,
  ),
  recordNameTaken: entry(
    "PC093",
    "error",
    "Name of the records taken",
    (a: {
      name: string;
      is: "a fact" | "a definition" | "a criterion" | "the records of an enclosing condition" | "a dotted name";
    }) => `${quoted(a.name)} cannot name each record: it is ${a.is}.`,
  ),
  latestByNonDate: entry(
    "PC094",
    "error",
    "Latest or earliest by a field that is not a date",
    (a: { field: string; is: TypeWord; quantifier: "latest" | "earliest" }) =>
      `The ${a.quantifier} record is found by a date, and the field ${quoted(a.field)} is ${a.is}.`,
  ),
  countComparedWithNonNumber: entry(
    "PC095",
    "error",
    "Count compared with something that is not a number",
    (a: { subject: string; is: TypeWord }) => `A count of records is a number, and ${quoted(a.subject)} is ${a.is}.`,
  ),
  listUsedAsValue: entry(
    "PC096",
    "error",
    "List fact used as a value",
    (a: { name: string }) =>
      `${quoted(a.name)} is a list of records: it is neither a condition nor a value to compare.`,
  ),
  duplicateRecordField: entry(
    "PC097",
    "error",
    "Field declared twice",
    (a: { field: string; list: string }) => `The records of ${a.list} declare the field ${quoted(a.field)} twice.`,
  ),
  listFactOfClaim: entry(
    "PC098",
    "error",
    "Claim fact that is a list",
    (a: { name: string }) => `${quoted(a.name)} is a fact of a claim, and a claim's facts are single values.`,
  ),
  caseRecordProblem: entry(
    "PC099",
    "error",
    "Record in a case does not fit its list",
    (a: {
      list: string;
      index: number;
      field: string;
      problem: "not a field" | "given twice" | "a list of records is expected";
    }) =>
      a.problem === "a list of records is expected"
        ? `${a.list} is a list of records: give it as \`[(${a.field} ...), ...]\`, \`[]\` or \`unknown\`.`
        : `The record ${a.index + 1} of ${a.list} gives ${quoted(a.field)}, which is ${a.problem === "not a field" ? "not one of its fields" : "given twice"}.`,
  ),
  wrongDefinitionCall: entry(
    "PC100",
    "error",
    "Wrong call of a definition",
    (a: {
      name: string;
      problem:
        | { kind: "noParameters" }
        | { kind: "arity"; expected: number; given: number }
        | { kind: "notARecord"; argument: string }
        | { kind: "otherList"; argument: string; list: string; expected: string };
    }) => {
      switch (a.problem.kind) {
        case "noParameters":
          return `${quoted(a.name)} is a definition without parameters: name it on its own, without parentheses.`;
        case "arity":
          return `${quoted(a.name)} takes ${a.problem.expected} argument${a.problem.expected === 1 ? "" : "s"}, and is given ${a.problem.given}.`;
        case "notARecord":
          return `${quoted(a.problem.argument)} is not the name of a record here, and ${quoted(a.name)} is given records.`;
        case "otherList":
          return `${quoted(a.problem.argument)} is a record of ${a.problem.list}, and ${quoted(a.name)} takes a record of ${a.problem.expected}.`;
      }
    },
  ),
  definitionNeedsRecords: entry(
    "PC101",
    "error",
    "Definition named without its arguments",
    (a: { name: string; parameters: string }) =>
      `${quoted(a.name)} is a condition on ${a.parameters}: give it what it is about, as ${quoted(`${a.name}(...)`)}.`,
  ),
  recordFieldOfCodes: entry(
    "PC102",
    "error",
    "Record field of codes",
    (a: { field: string; list: string }) =>
      `The field ${quoted(a.field)} of ${a.list} holds codes, and a record's field cannot hold codes yet.`,
  ),
  // ----- PC103-PC105: readings' alternatives ------------------------------------------------------
  alternativeWithoutClause: entry(
    "PC103",
    "error",
    "Alternative replaces a clause the statement does not have",
    (a: { id: string; clause: string; found: boolean }) =>
      a.found
        ? `${quoted(a.id)} has no ${quoted(a.clause)} clause for the alternative to replace.`
        : `No statement, definition or revision of this policy is named ${quoted(a.id)}.`,
  ),
  alternativeReplacesTwice: entry(
    "PC104",
    "error",
    "Alternative replaces one clause twice",
    (a: { id: string; clause: string }) =>
      `This alternative already replaces the ${quoted(a.clause)} clause of ${quoted(a.id)}.`,
  ),
  alternativeDoesNotCompile: entry(
    "PC105",
    "error",
    "Alternative does not compile",
    (a: { problem: string; line: number }) =>
      `With this alternative's replacements made, the policy does not compile (line ${String(a.line)}): ${a.problem}`,
  ),
  releaseLedgerInvalid: entry(
    "PC106",
    "error",
    "Release ledger cannot be used",
    (a: { path: string; why: string }) => `The release ledger ${displayPath(a.path)} cannot be used: ${a.why}.`,
  ),
  readingDecides: entry(
    "PC107",
    "error",
    "Reading that decides nothing is on a statement that decides",
    (a: { id: string; why: DecidingStatement }) =>
      `This reading says it decides nothing, but ${quoted(a.id)} ${describeDeciding(a.why)}.`,
  ),
  // ----- PC108-PC109: definitions' value parameters -----------------------------------------------
  wrongDefinitionArgument: entry(
    "PC108",
    "error",
    "Argument that does not fit its parameter",
    (a: {
      name: string;
      parameter: string;
      argument: string;
      problem:
        | { kind: "kind"; expected: TypeWord; given: TypeWord | "a record" }
        | { kind: "unit"; expected: UnitSide; given: UnitSide }
        | { kind: "moved" };
    }) => {
      const parameter = `the parameter ${quoted(a.parameter)} of ${quoted(a.name)}`;
      switch (a.problem.kind) {
        case "kind":
          return `${quoted(a.argument)} is ${a.problem.given}, and ${parameter} takes ${a.problem.expected}.`;
        case "unit":
          return `${quoted(a.argument)} is ${describeUnitSide(a.problem.given)}, and ${parameter} is ${describeUnitSide(a.problem.expected)}.`;
        case "moved":
          return `${quoted(a.argument)} is a date moved by a duration, and ${parameter} takes a date as it stands.`;
      }
    },
  ),
  unusedParameter: entry(
    "PC109",
    "warning",
    "Parameter the definition never reads",
    (a: { name: string; parameter: string }) =>
      `The condition of ${quoted(a.name)} never reads its parameter ${quoted(a.parameter)}: every call gives it for nothing.`,
  ),
  // ----- PC110-PC119: units, percents and value sets ---------------------------------------------
  unitMismatch: entry(
    "PC110",
    "error",
    "Numbers of different units",
    (a: { operation: UnitOperation; left: UnitSide; right: UnitSide }) =>
      `${quoted(a.left.text)} is ${describeUnitSide(a.left)} and ${quoted(a.right.text)} is ${describeUnitSide(a.right)}: numbers of different units cannot be ${describeUnitOperation(a.operation)}.`,
  ),
  unnamedUnit: entry(
    "PC111",
    "error",
    "Arithmetic without a unit",
    (a: { operation: UnnamedUnit; left: UnitSide; right: UnitSide }) =>
      `${a.operation === "product" ? "Multiplying" : "Dividing"} ${quoted(a.left.text)} (${describeUnitSide(a.left)}) by ${quoted(a.right.text)} (${describeUnitSide(a.right)}) gives a number of no unit the language names.`,
  ),
  percentOutOfPlace: entry(
    "PC112",
    "error",
    "Percent where a number is expected",
    (a: { text: string; expected: string }) =>
      `${quoted(a.text)} is a percent, but ${a.expected} is expected here: only a number compared in a condition, or a case's value, may be written with \`%\`.`,
  ),
  valueSetFileUnread: entry(
    "PC113",
    "error",
    "Value set file not read",
    (a: { path: string; problem: ValueSetFileProblem }) =>
      `The value set file ${displayPath(a.path)} ${describeValueSetFileProblem(a.problem)}.`,
  ),
  malformedValueSetRow: entry(
    "PC114",
    "error",
    "Malformed row in a value set file",
    (a: { row: MalformedRow }) => `This row of the value set file is malformed: ${describeMalformedRow(a.row)}.`,
  ),
  overlappingCodes: entry(
    "PC115",
    "error",
    "Code listed twice in a value set",
    (a: { code: string; other: string; line: number }) =>
      a.code === a.other
        ? `${quoted(a.code)} is already listed at line ${a.line} of the value set file.`
        : `${quoted(a.code)} overlaps ${quoted(a.other)}, listed at line ${a.line}: a code may be covered by one row only.`,
  ),
  reversedRange: entry(
    "PC116",
    "error",
    "Range of codes out of order",
    (a: { first: string; last: string }) =>
      `The range ${quoted(`${a.first}..${a.last}`)} is empty: its first code comes after its last.`,
  ),
  emptyValueSet: entry(
    "PC117",
    "error",
    "Empty value set",
    (a: { name: string; path: string }) =>
      `The value set ${a.name} lists no code: ${displayPath(a.path)} has no row after its header.`,
  ),
  unknownCodeSystem: entry(
    "PC118",
    "error",
    "Unknown code system",
    (a: { system: string; systems: readonly string[] }) =>
      `${quoted(a.system)} is not a code system policyc knows: write ${quotedChoices(a.systems)}.`,
  ),
  membershipMismatch: entry(
    "PC119",
    "error",
    "Membership the value set cannot answer",
    (a: { problem: MembershipProblem }) => `${capitalized(describeMembershipProblem(a.problem))}.`,
  ),
  // ----- PC12x: references between statements, limitations ---------------------------------------
  unknownStatement: entry(
    "PC120",
    "error",
    "Unknown statement",
    (a: { target: "criterion" | "section"; id: string }) => `No ${a.target} is numbered ${quoted(a.id)}.`,
  ),
  referenceCycle: entry(
    "PC121",
    "error",
    "Statements refer to each other in a cycle",
    (a: { cycle: readonly string[] }) =>
      `${a.cycle.join(" needs ")} needs ${a.cycle[0] ?? ""}: a statement cannot be met through itself.`,
  ),
  referenceToWrongKind: entry(
    "PC122",
    "error",
    "Reference to a statement that is not met",
    (a: { target: "criterion" | "section"; id: string; is: OutlineKind }) =>
      `${quoted(a.id)} is ${withArticle(a.is)}, not a ${a.target}: only a criterion or a section can be referred to as met.`,
  ),
  referenceOutlivesTarget: entry(
    "PC123",
    "error",
    "Reference to a statement not in force as long",
    (a: { referrer: string; id: string }) =>
      `${a.referrer} refers to ${a.id}, which is not in force for all of ${a.referrer}'s lifetime.`,
  ),
  referenceOutsideCriterion: entry(
    "PC124",
    "error",
    "Reference outside a criterion's condition",
    (a: { id: string }) =>
      `${quoted(a.id)} is referred to outside the \`met when\` of a criterion, where no statement's status is known yet.`,
  ),
  decisionTestOutsideGuard: entry(
    "PC127",
    "error",
    "Test of the coverage decision outside a claim rule",
    (a: { text: string }) =>
      `${quoted(a.text)} tests the coverage decision, which only a claim check is given: it stands in a billing rule's guard (\`when ...\`, \`billed only when ...\`, \`not billed when ...\`), not in a criterion's or another statement's condition.`,
  ),
  unknownUnitPeriod: entry(
    "PC128",
    "error",
    "Unit limit per a period that is not one",
    (a: { text: string }) =>
      `\`per ${a.text}\` is not a period a unit limit counts over: a limit is per day, per month (of the lines' dates) or per claim.`,
  ),
  nameStartsWithDigit: entry(
    "PC129",
    "error",
    "Name that starts with a digit",
    (a: { text: string }) =>
      `${quoted(a.text)} starts with a digit, and a name must start with a letter: only a code or a modifier (in \`code\`, \`code group\`, \`orders\`, \`map ... as\`, a modifier rule or a claim line) may be written with digits first.`,
  ),
  // ----- PC130-PC139: claim rules as coding rules are written -------------------------------------
  refusesOwnModifier: entry(
    "PC130",
    "error",
    "Rule refuses the modifier its code is billed with",
    (a: { code: string; modifier: string }) =>
      `The coding table bills ${a.code} with modifier ${a.modifier}, so a rule of that code cannot refuse ${a.modifier}.`,
  ),
  codeExcludedWithItself: entry(
    "PC131",
    "error",
    "Code must not be billed with itself",
    (a: { code: string; through?: string }) =>
      a.through === undefined
        ? `${a.code} is named as a code it must not be billed with: a code is always billed with itself.`
        : `The group ${a.through} holds ${a.code} itself, so ${a.code} could never be billed at all.`,
  ),
  groupLimitOutsideGroup: entry(
    "PC132",
    "error",
    "Group unit limit under a code outside the group",
    (a: { code: string; group: string }) => `${a.code} is not in the group ${a.group}, whose units the rule limits.`,
  ),
  ruleOutlivesParent: entry(
    "PC133",
    "error",
    "Billing rule in force outside what it sits under",
    (a: { rule: string; parent: string }) => `${a.rule} would be in force in revisions where ${a.parent} is not.`,
  ),
  cannotQualifyUnder: entry(
    "PC134",
    "error",
    "A decision cannot qualify a service under this statement",
    (a: { id: string; kind: string }) =>
      `${a.id} is ${a.kind}: a decision qualifies a service under sections and criteria only.`,
  ),
  modifierRequiredAndRefused: entry(
    "PC135",
    "error",
    "Modifier both required and refused",
    (a: { code: string; modifier: string }) =>
      `${a.code} both requires and refuses modifier ${a.modifier} in the same revisions: every line of it would break one rule.`,
  ),
  // ----- PC136-PC138: records' identifying fields, definitions' one-of and code parameters -------
  unfitIdentifyingField: entry(
    "PC136",
    "error",
    "Identifying field that cannot identify a record",
    (a: { field: string; list: string; problem: "not a field" | "a set" | "named twice" }) =>
      a.problem === "not a field"
        ? `${quoted(a.field)} is not a field of the records of ${a.list}, so it cannot identify one.`
        : a.problem === "a set"
          ? `The field ${quoted(a.field)} of ${a.list} holds a set of values, and a record is identified by single values.`
          : `${quoted(a.field)} is named twice among the identifying fields of ${a.list}.`,
  ),
  unlistedArgumentValues: entry(
    "PC137",
    "error",
    "Argument with values its parameter does not list",
    (a: { name: string; parameter: string; argument: string; values: readonly string[] }) =>
      `${quoted(a.argument)} may be ${a.values.map(quoted).join(", ")}, which the parameter ${quoted(a.parameter)} of ${quoted(a.name)} does not list.`,
  ),
  ruleNeverPending: entry(
    "PC139",
    "error",
    "Claim case expects a rule pending that never is",
    (a: { rule: string }) =>
      `${a.rule} reads no claim fact and no coverage decision, so a claim check is never pending on it: the claim's lines always settle it.`,
  ),
  // ----- PC140-PC148: the FHIR mapping ------------------------------------------------------------
  unknownFhirSource: entry(
    "PC140",
    "error",
    "Unknown FHIR source",
    (a: { name: string }) => `${quoted(a.name)} is not a FHIR source the compiler can read a fact from.`,
  ),
  fhirSourceTypeMismatch: entry(
    "PC141",
    "error",
    "FHIR source cannot give this fact",
    (a: {
      source: string;
      gives: FhirSourceWords;
      fact: string;
      is: TypeWord | `a code of ${string}` | `a number of ${string}`;
    }) => `${quoted(a.source)} gives ${describeFhirSourceWords(a.gives)}, but ${quoted(a.fact)} is ${a.is}.`,
  ),
  factMappedTwice: entry(
    "PC142",
    "error",
    "Fact mapped twice",
    (a: { fact: string; line: number }) =>
      `${quoted(a.fact)} is already mapped on line ${a.line}: a fact comes from one source.`,
  ),
  fhirMappingTwice: entry(
    "PC143",
    "error",
    "Second FHIR mapping",
    (a: { line: number }) => `The policy already has a FHIR mapping, on line ${a.line}.`,
  ),
  unknownOrderSystem: entry(
    "PC144",
    "error",
    "Orders of an unknown code system",
    (a: { system: string; systems: readonly string[] }) =>
      `${quoted(a.system)} is not a code system of orders: ${quotedChoices(a.systems)}.`,
  ),
  meaningOfCodeNotOrdered: entry(
    "PC145",
    "error",
    "Code not among the orders",
    (a: { code: string }) =>
      `${quoted(a.code)} is not one of the FHIR mapping's \`orders\`: no order the policy applies to carries it.`,
  ),
  fhirSourceParts: entry(
    "PC146",
    "error",
    "FHIR source written with the wrong parts",
    (a: { source: string; problem: FhirSourcePartsProblem }) =>
      `${quoted(a.source)} ${describeFhirSourcePartsProblem(a.problem)}.`,
  ),
  fhirMappingWithoutOrders: fixed(
    "PC147",
    "error",
    "FHIR mapping names no orders",
    "This FHIR mapping has no `orders in system`: no order would make the policy apply.",
  ),
  codeMeantTwice: entry(
    "PC148",
    "error",
    "Order code given two meanings",
    (a: { code: string; fact: string }) =>
      `${quoted(a.code)} already says which value of ${quoted(a.fact)} it means: an order code means one value.`,
  ),
  // ----- PC149-PC150: what a claim case expects ---------------------------------------------------
  ruleBrokenAndPending: entry(
    "PC149",
    "error",
    "Claim case expects a rule both broken and pending",
    (a: { rule: string }) =>
      `${a.rule} is expected both broken and pending: a claim check finds a rule broken or pending, never both.`,
  ),
  cleanAndPending: fixed(
    "PC150",
    "error",
    "Claim case expects clean and pending",
    "A clean claim breaks no rule and leaves none pending, so `expect clean` and `expect pending` contradict each other.",
  ),
} as const;

export type CatalogueKey = keyof typeof entries;

/** The arguments the message of `catalogue[K]` is written over. */
export type MessageArguments<K extends CatalogueKey> = Parameters<(typeof entries)[K]["message"]>[0];

/** Every entry, by key. NOTE: typed as a mapped type so that `catalogue[key]`, for a key not yet
 * known, is still the entry of that key's arguments. */
export const catalogue: { readonly [K in CatalogueKey]: CatalogueEntry<MessageArguments<K>> } = entries;

export const allCatalogueEntries: readonly CatalogueEntry<never>[] = Object.values(catalogue);
