// The arguments the catalogue's messages are written over (catalogue.ts), and how each reads in a
// sentence. Where a message names one of a few things (a kind of statement, a type, a reason), the
// argument is one of a closed set listed here, so a call site chooses among words written once and
// never words a message itself.

import type * as Ast from "../syntax/ast.js";
import type { Refusal } from "../files/read-file.js";
import type { TimeUnit } from "../syntax/time-units.js";

/** A name or a piece of the policy's text, as a message shows it: in backticks. */
export function quoted(text: string): string {
  return `\`${text}\``;
}

/** "a criterion", "an exclusion". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? "an" : "a"} ${noun}`;
}

// ----- statements and clauses --------------------------------------------------------------------

/** A statement that owns clauses, as a message names it (PC003). */
export type ClauseOwner =
  | "policy"
  | "revision"
  | "fact"
  | "section"
  | "criterion"
  | "exclusion"
  | "version"
  | "note"
  | "service"
  | "exception"
  | "prose"
  | "billing note"
  | "rule"
  | "case"
  | "claim case"
  | "code"
  | "value set"
  | "fhir mapping";

/** What lacks a clause it needs (PC004): a statement, or a file that lacks its first statement. */
export type RequiredClauseOwner =
  | "file"
  | "policy"
  | "revision"
  | "fact"
  | "criterion"
  | "exclusion"
  | "exception"
  | "case"
  | "claim case"
  | "value set";

/** The keyword of a clause (or first statement) that cannot be left out (PC004). */
export type RequiredClause =
  | "policy"
  | "cases for"
  | "title"
  | "plan"
  | "description"
  | "last review"
  | "revision"
  | "effective"
  | "ask"
  | "met when"
  | "not covered when"
  | "applies when"
  | "overrides"
  | "on"
  | "expect"
  | "system"
  | "file"
  | "source"
  | "version";

/** The keyword that starts each kind of statement (PC006). */
const statementKeywords: Readonly<Record<Ast.Statement["kind"], string>> = {
  policy: "policy",
  revision: "revision",
  category: "category",
  fact: "fact",
  definition: "define",
  section: "section",
  criterion: "criterion",
  exclusion: "exclusion",
  note: "note",
  service: "service",
  exception: "exception",
  prose: "prose",
  code: "code",
  codeGroup: "code group",
  reference: "reference",
  layout: "layout",
  cases: "cases for",
  factSet: "facts",
  case: "case",
  claimCase: "claim case",
  valueSet: "value set",
  fhirMapping: "fhir",
};

export function statementKeyword(kind: Ast.Statement["kind"]): string {
  return statementKeywords[kind];
}

/** Whether a kind of statement belongs in a `.cases` file (else in a `.policy` file). */
export function belongsInCases(kind: Ast.Statement["kind"]): boolean {
  return kind === "cases" || kind === "factSet" || kind === "case" || kind === "claimCase";
}

/** The statements numbered in the policy's outline. */
export type OutlineKind = "section" | "criterion" | "exclusion" | "note" | "service";

const outlineTypeWords: Readonly<Record<OutlineKind, TypeWord>> = {
  section: "a section",
  criterion: "a criterion",
  exclusion: "an exclusion",
  note: "a note",
  service: "a service",
};

/** An outline statement as what a name in a condition turned out to be (PC021). */
export function outlineTypeWord(kind: OutlineKind): TypeWord {
  return outlineTypeWords[kind];
}

// ----- literals ----------------------------------------------------------------------------------

/** What a literal of the right shape fails to be (PC005). */
export type LiteralKind = "date" | "month" | "units" | "code" | "modifier";

const literalKinds: Readonly<Record<LiteralKind, string>> = {
  date: "a date on the calendar",
  month: "a month (YYYY-MM, month 01 to 12)",
  units: "a whole number of units",
  code: "a HCPCS or CPT code",
  modifier: "a modifier",
};

export function describeLiteralKind(kind: LiteralKind): string {
  return literalKinds[kind];
}

// ----- syntax ------------------------------------------------------------------------------------

/** What the parser found where it expected something else (PC002). */
export type Found = { readonly token: string } | { readonly end: "file" | "line" };

export function describeFound(found: Found): string {
  return "token" in found ? quoted(found.token) : `the end of the ${found.end}`;
}

/** What nests too deep (PC007). */
export type NestingSubject =
  { readonly what: "condition" | "arithmetic" } | { readonly what: "name" | "definition"; readonly name: string };

export function describeNesting(subject: NestingSubject): { readonly subject: string; readonly unit: string } {
  switch (subject.what) {
    case "condition":
      return { subject: "This condition", unit: "levels" };
    case "arithmetic":
      return { subject: "This arithmetic", unit: "operations" };
    case "name":
      return { subject: `The name ${quoted(subject.name)}`, unit: "parts" };
    case "definition":
      return { subject: `The definition ${quoted(subject.name)}`, unit: "definitions" };
  }
}

// ----- names -------------------------------------------------------------------------------------

/** What a name is declared as (PC010). */
export type DeclaredKind =
  | OutlineKind
  | "revision"
  | "number"
  | "category"
  | "fact"
  | "group of facts"
  | "definition"
  | "exception"
  | "prose"
  | "code"
  | "code group"
  | "billing rule"
  | "reference"
  | "reference number"
  | "value"
  | "set of facts"
  | "section, criterion or exception"
  | "value set";

/** Why a statement's number does not place it under a parent of the right kind (PC011). */
export type ParentProblem =
  | { readonly kind: "none" }
  | { readonly kind: "undeclared"; readonly parent: string }
  | { readonly kind: "wrongKind"; readonly parent: string; readonly parentKind: OutlineKind };

export function describeParentProblem(problem: ParentProblem): string {
  switch (problem.kind) {
    case "none":
      return "its number names none";
    case "undeclared":
      return `no ${quoted(problem.parent)} is declared`;
    case "wrongKind":
      return `${quoted(problem.parent)} is ${withArticle(problem.parentKind)}`;
  }
}

/** What a name in the generated evaluator is for (PC013, PC014). */
export type GeneratedRole =
  | { readonly kind: "groupInterface"; readonly group: string }
  | { readonly kind: "valuesType" | "valuesConstant"; readonly fact: string }
  /** The interfaces of one record of a list fact: as handed in, and as the rules read it. */
  | { readonly kind: "recordInterface"; readonly fact: string };

export function describeGeneratedRole(role: GeneratedRole): string {
  switch (role.kind) {
    case "groupInterface":
      return `the interface of the group ${quoted(role.group)}`;
    case "valuesType":
      return `the type of the values of ${quoted(role.fact)}`;
    case "valuesConstant":
      return `the allowed values of ${quoted(role.fact)}`;
    case "recordInterface":
      return `the interface of a record of ${quoted(role.fact)}`;
  }
}

/** Why a word cannot name a fact (PC014). */
export type Reservation =
  { readonly as: "objectProperty" | "claimField" } | { readonly as: "moduleName"; readonly role: GeneratedRole };

export function describeReservation(reservation: Reservation): { readonly is: string; readonly cannotName: string } {
  switch (reservation.as) {
    case "objectProperty":
      return { is: "a property of every JavaScript object", cannotName: "a fact or a group" };
    case "claimField":
      return { is: "a field of every claim", cannotName: "a claim fact" };
    case "moduleName":
      return { is: "a name the evaluator already uses", cannotName: describeGeneratedRole(reservation.role) };
  }
}

/** A name that must be of a certain shape (PC015). */
export type ShapedName = "fact" | "value" | "claimFact";

const nameShapes: Readonly<Record<ShapedName, { readonly label: string; readonly shape: string }>> = {
  fact: { label: "fact name", shape: "made of words that start with a letter, joined by dots" },
  value: { label: "value", shape: "a single word" },
  claimFact: { label: "claim fact name", shape: "a single word" },
};

export function describeNameShape(name: ShapedName): { readonly label: string; readonly shape: string } {
  return nameShapes[name];
}

/** A name that exists but that a condition cannot read where it stands (PC016). */
export type OutOfReach = "claimFact" | "coverageFact" | "otherCriterion";

const reaches: Readonly<Record<OutOfReach, { readonly is: string; readonly rule: string }>> = {
  claimFact: { is: "a fact of a claim", rule: "only billing rules read the facts of a claim" },
  coverageFact: { is: "a fact of the coverage decision", rule: "a billing rule reads only the facts of a claim" },
  otherCriterion: { is: "another criterion", rule: "a condition names only the parts of its own criterion" },
};

export function describeReach(reach: OutOfReach): { readonly is: string; readonly rule: string } {
  return reaches[reach];
}

// ----- expressions and types ---------------------------------------------------------------------

/** What a name could not be found as (PC020). */
export type UnknownKind =
  | "fact"
  | "fact, definition or criterion"
  | "number fact of a claim"
  | "note"
  | "section"
  | "criterion, exclusion or note"
  | "criterion, exclusion or exception"
  | "exception"
  | "billing rule"
  | "code group"
  | "code in the coding table"
  | "set of facts"
  | "section, criterion or exception"
  | "value set"
  | "criterion or section"
  | "statement with a limitation";

/** Things found by their number rather than their name. */
const numberedKinds: ReadonlySet<UnknownKind> = new Set([
  "note",
  "section",
  "criterion, exclusion or note",
  "criterion, exclusion or exception",
  "section, criterion or exception",
  "criterion or section",
  "statement with a limitation",
]);

export function describeUnknownKind(kind: UnknownKind): { readonly noun: string; readonly verb: string } {
  return { noun: kind, verb: numberedKinds.has(kind) ? "numbered" : "named" };
}

/** What a thing in a condition turned out to be (PC021). */
export type TypeWord =
  | "a code"
  | "a set of codes"
  | "yes or no"
  | "a number"
  | "a date"
  | `one of ${number} values`
  | `a set of ${number} values`
  | "a list of records"
  | "a word"
  | "a list"
  | "a definition"
  | "a section"
  | "a criterion"
  | "an exclusion"
  | "a note"
  | "a service";

/** What a fact takes as its value (PC021). */
export type ValueWord =
  | "`yes` or `no`"
  | "a number"
  | "a date (YYYY-MM-DD)"
  | "one of its named values"
  | "one value"
  | `a code of ${string}`;

/** What needed something of another type, and what it needed (PC021). */
export type Need =
  | { readonly by: "condition" | "unitLimit" | "excludedServices" }
  | { readonly by: "ordering"; readonly operator: Ast.ComparisonOperator }
  | {
      readonly by: "comparison";
      readonly operator: Ast.ComparisonOperator;
      readonly other: string;
      readonly otherIs: TypeWord;
    }
  | { readonly by: "fact"; readonly fact: string; readonly takes: ValueWord }
  | { readonly by: "subject"; readonly verb: "is" | "contains" };

export function describeNeed(need: Need): string {
  switch (need.by) {
    case "condition":
      return "a condition needs yes or no";
    case "unitLimit":
      return "a unit limit needs a number";
    case "excludedServices":
      return "`excludes services of` needs a section";
    case "ordering":
      return `${quoted(need.operator)} needs a number or a date`;
    case "comparison":
      return `${quoted(need.operator)} compares it with ${quoted(need.other)}, ${need.otherIs}`;
    case "fact":
      return `${quoted(need.fact)} needs ${need.takes}`;
    case "subject":
      return need.verb === "is"
        ? "`is` needs a fact that takes one value"
        : "`contains` needs a fact that holds a set of values";
  }
}

/** A count that keeps a condition from varying (PC026). */
export type ImpossibleCount =
  | { readonly kind: "atLeast"; readonly atLeast: number; readonly of: number }
  | { readonly kind: "emptyList" | "singleValue" };

export function describeImpossibleCount(count: ImpossibleCount): string {
  switch (count.kind) {
    case "atLeast":
      return `At least ${count.atLeast} of ${count.of} conditions`;
    case "emptyList":
      return "A condition on an empty list of values";
    case "singleValue":
      return "A fact that is one of a single value";
  }
}

// ----- revisions ---------------------------------------------------------------------------------

/** The dates of a revision that the log orders (PC030). */
export type RevisionDate = "review month" | "approval month" | "effective date";

// ----- exceptions --------------------------------------------------------------------------------

/** Why no exception may override a statement (PC043). */
export type NotOverridable =
  | { readonly kind: "section" | "service" | "silentNote" | "noCategory" }
  | { readonly kind: "part"; readonly criterion: string };

export function describeNotOverridable(reason: NotOverridable): string {
  switch (reason.kind) {
    case "section":
      return "is a section";
    case "service":
      return "is a service";
    case "silentNote":
      return "is a note that decides nothing";
    case "noCategory":
      return "has no category";
    case "part":
      return `is a part of criterion ${quoted(reason.criterion)}`;
  }
}

// ----- files -------------------------------------------------------------------------------------

/** Why policyc will not read a file or folder (PC061): a refused read, or what the walk of policy/ found. */
export type Unreadable = Refusal | { readonly kind: "folderNamedLikeFile" | "notFolder" };

/** "is a symbolic link, which policyc never follows": the rest of a sentence about a path. */
export function describeUnreadable(reason: Unreadable): string {
  switch (reason.kind) {
    case "link":
      return "is a symbolic link, which policyc never follows";
    case "folder":
      return "is a folder, not a file";
    case "special":
      return "is not a regular file (a FIFO, socket or device)";
    case "tooLarge":
      return `is larger than ${reason.megabytes} MB`;
    case "unopenable":
      return `cannot be opened (${reason.errorCode})`;
    case "unreadable":
      return `cannot be read (${reason.errorCode})`;
    case "folderNamedLikeFile":
      return "is a folder, but its name says it is a policy or case file";
    case "notFolder":
      return "is not a folder";
  }
}

/** How a published text leads out of its policy's folder (PC062). */
export type WayOut = "name" | "linkedFolder";

const waysOut: Readonly<Record<WayOut, string>> = {
  name: "is not a file name inside",
  linkedFolder: "is reached through a linked folder that leads out of",
};

export function describeWayOut(way: WayOut): string {
  return waysOut[way];
}

export type { TimeUnit };

/** `a`, `a or b`, `a, b or c`: the words quoted. */
export function quotedChoices(words: readonly string[]): string {
  const all = words.map(quoted);
  return all.length <= 1 ? (all[0] ?? "") : `${all.slice(0, -1).join(", ")} or ${all.at(-1) ?? ""}`;
}

/** What is wrong with the count of a duration or the day of a window (PC066). */
export type ImpossibleDuration =
  | { readonly kind: "zero" | "fraction"; readonly count: number }
  /** Longer than the limit, which is given in the count's own unit. */
  | { readonly kind: "tooLong"; readonly count: number; readonly unit: TimeUnit; readonly limit: number };

export function describeImpossibleDuration(problem: ImpossibleDuration): string {
  switch (problem.kind) {
    case "zero":
      return `A duration of ${problem.count} is no time at all: count at least 1`;
    case "fraction":
      return `${quoted(String(problem.count))} is not a whole number, and time is counted in whole days, weeks, months or years`;
    case "tooLong":
      return `${problem.count} ${problem.unit} is longer than 1000 years, the most a condition may count${problem.unit === "years" ? "" : ` (${problem.limit} ${problem.unit})`}`;
  }
}

/** Where a date is needed and something else was found (PC069). */
export type DateNeed =
  /** The other side of a comparison with a date moved by a duration. */
  | { readonly by: "comparison"; readonly other: string }
  /** The date tested by `is within ...` or `is between day ...`. */
  | { readonly by: "window" }
  /** The date after `before`, `after` or `of` in a window. */
  | { readonly by: "anchor" };

export function describeDateNeed(need: DateNeed): string {
  switch (need.by) {
    case "comparison":
      return `it is compared with ${quoted(need.other)}, which is a date`;
    case "window":
      return "only a date can lie within a span of days";
    case "anchor":
      return "a span of days is counted from a date";
  }
}

/** Why a statement decides something, for a reading on it that says it decides nothing (PC107). */
export type DecidingStatement =
  | { readonly kind: "billing rule" | "note" | "section" | "revision" | "logic" }
  /** A services exclusion (`by`) names the section, or a section above the statement. */
  | { readonly kind: "services"; readonly section: string; readonly by: string }
  /** A billing rule's `qualified under` names the section. */
  | { readonly kind: "qualifying"; readonly by: string }
  /** A rule under the section denies or excludes. */
  | { readonly kind: "holds"; readonly rule: string };

/** Why the statement decides, in words. */
export function describeDeciding(why: DecidingStatement): string {
  switch (why.kind) {
    case "billing rule":
      return "is a billing rule, which every claim check reads";
    case "note":
      return "is a note that carries a rule";
    case "section":
      return "is a section whose `applies when` decides which criteria apply";
    case "revision":
      return "is a revision, whose effective date decides which statements are in force";
    case "logic":
      return "is read by the decision or the claim check";
    case "services":
      return `is in section ${quoted(why.section)}, whose services ${quoted(why.by)} excludes`;
    case "qualifying":
      return `is on the qualifying path that billing rule ${quoted(why.by)} reads`;
    case "holds":
      return `holds ${quoted(why.rule)}, which decides coverage`;
  }
}
