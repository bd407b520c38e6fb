// The abstract syntax tree: plain readonly data, one discriminated union per kind of node, a source
// span on every node. Produced by cst-to-ast.ts; read by the checker. Later stages never write here.

/** A place in the source text; lines and columns count from 1. */
export interface Span {
  readonly offset: number;
  readonly endOffset: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A word from the source with its place: a name, a value, a revision month. */
export interface Word {
  readonly text: string;
  readonly span: Span;
}

/** A quoted text, already decoded (escapes resolved, a text block dedented). */
export interface TextLiteral {
  readonly value: string;
  readonly span: Span;
}

export interface Reading {
  readonly text: TextLiteral;
  /** The reading it rejects, written as logic, so the docs can say how many decisions it would change. */
  readonly alternative?: ReadingAlternative;
  /** `decides nothing`: the reading is on a statement no decision and no claim check reads (checked, PC107). */
  readonly decidesNothing?: Span;
}

/** `alternative "..." in I.C.4 category medical_necessity`: the rejected reading, as replaced clauses. */
export interface ReadingAlternative {
  /** The rejected reading in words. */
  readonly text: TextLiteral;
  readonly span: Span;
  readonly replacements: readonly AlternativeReplacement[];
  /** `with fact ...`: the declarations of the facts it needs that the policy does not declare, as written. */
  readonly facts: readonly { readonly name: Word; readonly span: Span }[];
}

/** One clause of one statement as the rejected reading would have it. */
export interface AlternativeReplacement {
  readonly statement: Word;
  readonly clause: AlternativeClause;
  /** Where the replacing text is: a category's word, a condition, a whole `not covered` clause, a list. */
  readonly value: Span;
  /** The replacing text, its tokens joined by spaces (so a change of layout is not a change). */
  readonly valueText: string;
  readonly span: Span;
}

export type AlternativeClause =
  | "category"
  | "metWhen"
  | "notCovered"
  | "appliesWhen"
  | "overrides"
  /** A revision's `effective` date. */
  | "effective"
  /** A definition's body (`as ...`). */
  | "definitionBody"
  /** A note's `excludes services of <section> when <condition>`. */
  | "excludesServices"
  /** A statement's `added in <revision>`, added to it when it has none. */
  | "addedIn"
  /** A billing rule's logic (`rule units at most 8`). */
  | "rule"
  /** A code group's codes (`group S9494, S9379`). */
  | "group";

/** The revision (by its approval month) that added or removed a statement. */
export interface Lifetime {
  readonly added?: Word;
  readonly removed?: Word;
}

// ----- expressions -------------------------------------------------------------------------------

export type Operand =
  | { readonly kind: "name"; readonly name: Word; readonly span: Span }
  /** A number; `percent` when written `88%` (the number 88 in the unit percent). */
  | { readonly kind: "number"; readonly value: number; readonly percent?: true; readonly span: Span }
  | { readonly kind: "date"; readonly value: string; readonly span: Span }
  | { readonly kind: "boolean"; readonly value: boolean; readonly span: Span }
  | { readonly kind: "serviceDate"; readonly span: Span }
  /** A date moved by a duration: `service date - 30 days`. The grammar moves a plain operand only. */
  | {
      readonly kind: "offset";
      readonly date: Operand;
      readonly sign: "+" | "-";
      readonly duration: Duration;
      readonly span: Span;
    };

/** A number as written, with its place: the count of a duration, a day of a window. */
export interface Count {
  readonly value: number;
  readonly span: Span;
}

/** `30 days`, `1 month`: the unit as the author wrote it (the checker checks it is a unit). */
export interface Duration {
  readonly count: Count;
  readonly unit: Word;
  readonly span: Span;
}

/** The window of `<date> is within ...` or `<date> is between day ... after ...`, before its anchor date. */
export type DateWindow =
  /** `within 30 days before`, `within 30 days after`, `within 2 days of` (either side). */
  | { readonly kind: "within"; readonly duration: Duration; readonly side: "before" | "after" | "of" }
  /** `between day 61 and day 90 after`: both days included. */
  | { readonly kind: "days"; readonly first: Count; readonly last: Count; readonly side: "before" | "after" };

export type Value =
  | { readonly kind: "word"; readonly word: Word; readonly span: Span }
  /** A number; `percent` when written `88%`. */
  | { readonly kind: "number"; readonly value: number; readonly percent?: true; readonly span: Span }
  | { readonly kind: "date"; readonly value: string; readonly span: Span };

export type ComparisonOperator = "<" | "<=" | ">" | ">=" | "=" | "!=";

export type Expression =
  /** A name on its own: a yes-or-no fact, a definition or a criterion. */
  | { readonly kind: "reference"; readonly name: Word; readonly span: Span }
  | { readonly kind: "literal"; readonly value: boolean; readonly span: Span }
  /** `criterion I.3`, `section I`: another statement is met (not a part of the criterion's own). */
  | {
      readonly kind: "statementReference";
      readonly target: "criterion" | "section";
      readonly id: Word;
      readonly span: Span;
    }
  | { readonly kind: "not"; readonly operand: Expression; readonly span: Span }
  | { readonly kind: "and" | "or"; readonly operands: readonly Expression[]; readonly span: Span }
  /** `all of (...)` has `atLeast` undefined; `any of` and `at least one of` have 1. */
  | {
      readonly kind: "quantified";
      readonly atLeast: number | "all";
      readonly operands: readonly Expression[];
      readonly span: Span;
    }
  | {
      readonly kind: "comparison";
      readonly operator: ComparisonOperator;
      readonly left: Operand;
      readonly right: Operand;
      readonly span: Span;
    }
  | {
      readonly kind: "is";
      readonly subject: Operand;
      readonly negated: boolean;
      readonly values: readonly Value[];
      readonly oneOf: boolean;
      readonly span: Span;
    }
  /** `a.date is within 30 days before service date`; `negated` for `is not within ...`. */
  | {
      readonly kind: "dateWindow";
      readonly subject: Operand;
      readonly negated: boolean;
      readonly window: DateWindow;
      readonly anchor: Operand;
      readonly span: Span;
    }
  | {
      readonly kind: "contains";
      readonly subject: Operand;
      readonly mode: "all" | "any";
      readonly values: readonly Value[];
      readonly span: Span;
    }
  /**
   * Membership in a value set: `diagnosis.primary is in copd` (`one`, `negated` for `is not in`),
   * `diagnosis.all has any in copd` (`any`).
   */
  | {
      readonly kind: "inValueSet";
      readonly subject: Operand;
      readonly mode: "one" | "any";
      readonly negated: boolean;
      readonly valueSet: Word;
      readonly span: Span;
    }
  | RecordQuantifier
  /**
   * `qualifying_rest_study(study)`, `at_or_below(study.pressure, 55)`: a definition with parameters,
   * given a named record for each record parameter and a value (a term) for each value parameter.
   */
  | { readonly kind: "call"; readonly name: Word; readonly arguments: readonly Operand[]; readonly span: Span };

/** The binding of a quantifier: `study in oxygen.studies`. */
export interface RecordBinding {
  readonly variable: Word;
  readonly list: Word;
}

/**
 * A condition over the records of a list fact (see docs/language.md, "Records and lists"):
 * `some`/`no` with an optional `where`; `every` and `latest`/`earliest` with an optional `where`
 * (which records count) and `has` (what they must show); `count` with an optional filter and a comparison.
 */
export type RecordQuantifier =
  | {
      readonly kind: "records";
      readonly quantifier: "some" | "none";
      readonly binding: RecordBinding;
      readonly filter?: Expression;
      readonly span: Span;
    }
  | {
      readonly kind: "records";
      readonly quantifier: "every";
      readonly binding: RecordBinding;
      readonly filter?: Expression;
      readonly test: Expression;
      readonly span: Span;
    }
  | {
      readonly kind: "records";
      readonly quantifier: "latest" | "earliest";
      readonly binding: RecordBinding;
      readonly by: Word;
      readonly filter?: Expression;
      readonly test: Expression;
      readonly span: Span;
    }
  | {
      readonly kind: "records";
      readonly quantifier: "count";
      readonly binding: RecordBinding;
      readonly filter?: Expression;
      readonly operator: ComparisonOperator;
      readonly than: Operand;
      readonly span: Span;
    };

// ----- statements --------------------------------------------------------------------------------

export interface PolicyHeader {
  readonly kind: "policy";
  readonly span: Span;
  readonly reference: Word;
  readonly title?: TextLiteral;
  readonly plan?: TextLiteral;
  readonly description?: TextLiteral;
  readonly lastReview?: Word;
  readonly publishedText?: TextLiteral;
  readonly readings: readonly Reading[];
}

export interface Revision {
  readonly kind: "revision";
  readonly span: Span;
  readonly approved: Word;
  readonly text: TextLiteral;
  readonly reviewed?: Word;
  readonly effective?: Word;
  /** The file holding the policy as published in this revision, beside the policy file. */
  readonly publishedText?: TextLiteral;
  readonly readings: readonly Reading[];
}

export interface CategoryDeclaration {
  readonly kind: "category";
  readonly span: Span;
  readonly name: Word;
  readonly description: TextLiteral;
}

export interface EnumValueDeclaration {
  readonly name: Word;
  readonly label?: TextLiteral;
}

export type FactType =
  | { readonly kind: "boolean"; readonly span: Span }
  | {
      readonly kind: "number";
      readonly span: Span;
      readonly unit?: TextLiteral;
      readonly min?: number;
      readonly max?: number;
    }
  | { readonly kind: "date"; readonly span: Span }
  | { readonly kind: "oneOf" | "setOf"; readonly span: Span; readonly values: readonly EnumValueDeclaration[] }
  /**
   * A list of records, each with these fields (a field is never itself a list), and the fields a
   * record is shown by where a call names it, when declared (`identified by performed, method`).
   */
  | {
      readonly kind: "list";
      readonly span: Span;
      readonly fields: readonly RecordFieldDeclaration[];
      readonly identifiedBy?: readonly Word[];
    }
  /** `code in system "ICD-10-CM"` (one code) or `codes in system "ICD-10-CM"` (a set of codes). */
  | { readonly kind: "code" | "codes"; readonly span: Span; readonly system: TextLiteral };

/** `field performed "the day the study was performed": date`. */
export interface RecordFieldDeclaration {
  readonly name: Word;
  readonly label: TextLiteral;
  readonly type: Exclude<FactType, { readonly kind: "list" }>;
  readonly span: Span;
}

export interface FactDeclaration {
  readonly kind: "fact";
  readonly span: Span;
  /** For a `claim fact`, the name is prefixed: `claim fact therapy` declares `claim.therapy`. */
  readonly name: Word;
  /** A fact of a claim (read by billing rules), not of the coverage decision. */
  readonly forClaims: boolean;
  readonly type: FactType;
  readonly description?: TextLiteral;
  readonly question?: TextLiteral;
  readonly readings: readonly Reading[];
}

/**
 * A parameter of a definition: a record of a list fact (`study: oxygen.studies`), or a value
 * (`limit: number unit "mm Hg"`, `day: date`), read in the body as a fact of that type would be.
 */
export type Parameter =
  | { readonly kind: "record"; readonly name: Word; readonly list: Word }
  | { readonly kind: "value"; readonly name: Word; readonly type: ValueParameterType; readonly span: Span };

export type ValueParameterType =
  | { readonly kind: "number"; readonly unit?: TextLiteral; readonly span: Span }
  | { readonly kind: "date"; readonly span: Span }
  /** `one of (arterial_blood_gas "an arterial blood gas study", oximetry)`: a value of these. */
  | { readonly kind: "oneOf"; readonly values: readonly EnumValueDeclaration[]; readonly span: Span };

export interface Definition {
  readonly kind: "definition";
  readonly span: Span;
  readonly name: Word;
  /** How the definition reads in a sentence: "the treatment is self-administered". */
  readonly label: TextLiteral;
  /** `(study: oxygen.studies, limit: number unit "mm Hg")`: what the body is about, which it reads. */
  readonly parameters: readonly Parameter[];
  readonly body: Expression;
  /** The note that states this definition, when it comes from one. */
  readonly definedByNote?: Word;
  readonly readings: readonly Reading[];
}

export interface Section extends Lifetime {
  readonly kind: "section";
  readonly span: Span;
  readonly id: Word;
  readonly title: TextLiteral;
  readonly appliesWhen?: Expression;
  /** `limited to "..."`: what coverage through the section is limited to. */
  readonly limitedTo?: TextLiteral;
  readonly readings: readonly Reading[];
}

/**
 * An earlier version of a statement (`before 2026-05 "..."`): in force until the revision `before`,
 * from the version below it (or the statement's `added in`). It restates only what differed from
 * the version written above it, and takes the rest from that one.
 */
export interface StatementVersion {
  readonly before: Word;
  readonly span: Span;
  readonly text?: TextLiteral;
  readonly category?: Word;
  readonly readings: readonly Reading[];
}

export interface CriterionVersion extends StatementVersion {
  readonly metWhen?: Expression;
}

export interface ExclusionVersion extends StatementVersion {
  readonly notCovered?: NotCoveredRule;
}

export interface Criterion extends Lifetime {
  readonly kind: "criterion";
  readonly span: Span;
  readonly id: Word;
  readonly text: TextLiteral;
  readonly metWhen?: Expression;
  /** `limited to "..."`: what coverage through the criterion is limited to (in every version). */
  readonly limitedTo?: TextLiteral;
  readonly category?: Word;
  readonly readings: readonly Reading[];
  /** Its earlier versions, newest first, as written. */
  readonly versions: readonly CriterionVersion[];
}

/** `not covered when X` or `not covered unless X` (which is `not covered when not X`). */
export interface NotCoveredRule {
  readonly condition: Expression;
  readonly unless: boolean;
  readonly span: Span;
}

export interface Exclusion extends Lifetime {
  readonly kind: "exclusion";
  readonly span: Span;
  readonly id: Word;
  readonly text: TextLiteral;
  readonly notCovered?: NotCoveredRule;
  readonly category?: Word;
  readonly readings: readonly Reading[];
  /** Its earlier versions, newest first, as written. */
  readonly versions: readonly ExclusionVersion[];
}

export interface NoteItem {
  readonly label: Word;
  readonly text: TextLiteral;
}

/** `excludes services of I.F when X`: the services of that section are not covered. */
export interface ServicesExclusion {
  readonly section: Word;
  readonly condition: Expression;
  readonly span: Span;
}

export interface Note extends Lifetime {
  readonly kind: "note";
  readonly span: Span;
  readonly id: Word;
  readonly text: TextLiteral;
  readonly items: readonly NoteItem[];
  readonly notCovered?: NotCoveredRule;
  readonly excludesServices?: ServicesExclusion;
  readonly category?: Word;
  readonly readings: readonly Reading[];
}

export interface ServiceItem extends Lifetime {
  readonly kind: "service";
  readonly span: Span;
  readonly id: Word;
  readonly text: TextLiteral;
  readonly readings: readonly Reading[];
}

export interface Exception extends Lifetime {
  readonly kind: "exception";
  readonly span: Span;
  readonly id: Word;
  readonly title: TextLiteral;
  readonly appliesWhen?: Expression;
  readonly mayOverride: readonly Word[];
  readonly neverOverrides: readonly Word[];
  readonly overrides: readonly Word[];
  readonly requiresPriorApproval: boolean;
  readonly text?: TextLiteral;
  readonly priorApprovalText?: TextLiteral;
  readonly readings: readonly Reading[];
}

export interface Prose {
  readonly kind: "prose";
  readonly span: Span;
  readonly id: Word;
  readonly title: TextLiteral;
  readonly text?: TextLiteral;
  readonly notEncodedBecause?: TextLiteral;
  readonly readings: readonly Reading[];
}

/** Arithmetic over numbers and number facts of a claim, for unit limits. */
export type NumericExpression =
  | { readonly kind: "number"; readonly value: number; readonly span: Span }
  | { readonly kind: "name"; readonly name: Word; readonly span: Span }
  | {
      readonly kind: "binary";
      readonly operator: "+" | "-" | "*" | "/";
      readonly left: NumericExpression;
      readonly right: NumericExpression;
      readonly span: Span;
    };

/** A test of the coverage decision for the same service, which a claim check may be given. */
export type DecisionTest =
  | { readonly kind: "coverage"; readonly outcome: ExpectedOutcome; readonly span: Span }
  /** The decision qualified the service under this statement (it is on the qualifying path). */
  | { readonly kind: "qualifiedUnder"; readonly statement: Word; readonly span: Span };

/**
 * What a billing rule's `when` tests: the coverage decision, a condition over claim facts, or both
 * joined by `and`, `or` and `not`. A part that tests no decision is one `claim` condition, whole.
 */
export type BillingGuard =
  | { readonly kind: "decision"; readonly test: DecisionTest }
  | { readonly kind: "claim"; readonly condition: Expression }
  | { readonly kind: "and" | "or"; readonly operands: readonly BillingGuard[]; readonly span: Span }
  | { readonly kind: "not"; readonly operand: BillingGuard; readonly span: Span };

export type BillingRuleBody =
  /** The code's lines are errors unless the condition (over claim facts) holds. */
  | { readonly kind: "billedOnlyWhen"; readonly condition: Expression }
  /** The code's lines are errors when the condition holds. */
  | { readonly kind: "notBilledWhen"; readonly condition: Expression }
  /** The code's lines are errors unless (or when) the guard, which tests the coverage decision, holds. */
  | { readonly kind: "billedOnlyWhenDecided" | "notBilledWhenDecided"; readonly guard: BillingGuard }
  | { readonly kind: "requiresModifier"; readonly modifier: Word }
  /**
   * `requires modifier KX when ...` (one modifier, under a guard) and `requires one of modifiers N1,
   * N2` (several): each line of the code carries at least one of `modifiers`, while the guard holds.
   */
  | { readonly kind: "requiresOneOfModifiers"; readonly modifiers: readonly Word[]; readonly when?: BillingGuard }
  /** `must not have modifier GA`: no line of the code carries any of `modifiers`, while the guard holds. */
  | { readonly kind: "mustNotHaveModifier"; readonly modifiers: readonly Word[]; readonly when?: BillingGuard }
  /** Each line of a code in the group needs this code on the claim too. */
  | { readonly kind: "billedWithEach"; readonly group: Word }
  /** `units at least units of <group>`: this code for as many units as the group's lines together. */
  | { readonly kind: "unitsAtLeastGroup"; readonly group: Word }
  /** `not billed with E0434` (a code) or `not billed with any code of <group>`. */
  | { readonly kind: "notBilledWith"; readonly partner: { readonly kind: "code" | "group"; readonly name: Word } }
  | {
      readonly kind: "unitsAtMost";
      readonly limit: NumericExpression;
      readonly rounding?: "up" | "down";
      /** `per month`: the period whose units are counted apart (checked: day, month or claim). */
      readonly per?: Word;
    }
  /** `units of <group> at most N`: the units of every code of the group, together. */
  | {
      readonly kind: "groupUnitsAtMost";
      readonly group: Word;
      readonly limit: NumericExpression;
      readonly rounding?: "up" | "down";
      readonly per?: Word;
    };

export interface BillingRule extends Lifetime {
  readonly id: Word;
  readonly body: BillingRuleBody;
  /** Where the body is written (after `rule <id>:`), which an alternative's `rule` replaces. */
  readonly bodySpan: Span;
  /** A note whose words the rule carries out, when they are not the code's own. */
  readonly from?: Word;
  /** The message a billing specialist reads when the rule is broken. */
  readonly says?: TextLiteral;
  readonly readings: readonly Reading[];
  readonly span: Span;
}

export interface BillingNote extends Lifetime {
  readonly text: TextLiteral;
  readonly span: Span;
  readonly rules: readonly BillingRule[];
}

/** A code's lifetime (`added in`, `removed in`): the revisions of the coding table in which it is valid. */
export interface CodeEntry extends Lifetime {
  readonly kind: "code";
  readonly span: Span;
  readonly code: Word;
  readonly modifier?: Word;
  readonly description: TextLiteral;
  /** Rules that carry out the description itself (which code bills which therapy, say). */
  readonly rules: readonly BillingRule[];
  readonly billing: readonly BillingNote[];
  readonly readings: readonly Reading[];
}

export interface CodeGroup {
  readonly kind: "codeGroup";
  readonly span: Span;
  readonly name: Word;
  readonly description: TextLiteral;
  readonly codes: readonly Word[];
}

export interface Reference {
  readonly kind: "reference";
  readonly span: Span;
  readonly number: number;
  readonly text: TextLiteral;
  readonly link?: TextLiteral;
}

// ----- case files --------------------------------------------------------------------------------

export type AssignedValue =
  | { readonly kind: "unknown"; readonly span: Span }
  | { readonly kind: "value"; readonly value: Value; readonly span: Span }
  | { readonly kind: "list"; readonly values: readonly Value[]; readonly span: Span }
  /** The records of a list fact: `[(performed 2024-01-02, method oximetry), ...]`. */
  | { readonly kind: "records"; readonly records: readonly RecordValue[]; readonly span: Span };

/** One record of a case: each field given, by name; a field left out is unknown. */
export interface RecordValue {
  readonly fields: readonly { readonly name: Word; readonly value: AssignedValue; readonly span: Span }[];
  readonly span: Span;
}

export interface Assignment {
  readonly fact: Word;
  readonly value: AssignedValue;
  readonly span: Span;
}

export interface CasesHeader {
  readonly kind: "cases";
  readonly span: Span;
  readonly policy: Word;
}

export interface FactSet {
  readonly kind: "factSet";
  readonly span: Span;
  readonly name: Word;
  readonly description: TextLiteral;
  readonly given: readonly Word[];
  readonly assignments: readonly Assignment[];
}

export type ExpectedOutcome = "covered" | "not_covered" | "pending";

export interface Case {
  readonly kind: "case";
  readonly span: Span;
  readonly title: TextLiteral;
  readonly on?: Word;
  readonly given: readonly Word[];
  readonly assignments: readonly Assignment[];
  readonly expect?: { readonly outcome: ExpectedOutcome; readonly span: Span };
  readonly because?: readonly Word[];
  readonly asking?: readonly Word[];
  readonly underException?: Word;
  readonly requiresPriorApproval: boolean;
  readonly excludesServicesOf: readonly Word[];
  /** `expect qualified under ...`: the alternatives a covered decision qualified under, exactly. */
  readonly qualifiedUnder?: readonly Word[];
  /** `expect limitations ...`: the statements whose limitations a covered decision lists, exactly. */
  readonly limitations?: readonly Word[];
}

export interface ClaimLineSpec {
  readonly code: Word;
  readonly modifiers: readonly Word[];
  readonly units: number;
  /** `on 2025-06-03`: the line's own date of service. */
  readonly date?: Word;
  readonly span: Span;
}

export interface ClaimCase {
  readonly kind: "claimCase";
  readonly span: Span;
  readonly title: TextLiteral;
  readonly on?: Word;
  readonly assignments: readonly Assignment[];
  readonly lines: readonly ClaimLineSpec[];
  /** Undefined when the case expects nothing (an error); empty `violations` means clean. */
  readonly expect?: { readonly violations: readonly Word[]; readonly span: Span };
  /** `decision covered qualified under I`: the coverage decision given to checkClaim. */
  readonly decision?: ClaimCaseDecision;
  /** `expect pending R1, R2`: exactly the rules the check is pending on (none when left out). */
  readonly expectPending?: { readonly rules: readonly Word[]; readonly span: Span };
}

export interface ClaimCaseDecision {
  readonly outcome: ExpectedOutcome;
  readonly qualifiedUnder?: readonly Word[];
  readonly span: Span;
}

/** A named list of codes kept in a file beside the policy (`value set copd "..." system ... file ...`). */
export interface ValueSetDeclaration {
  readonly kind: "valueSet";
  readonly span: Span;
  readonly name: Word;
  readonly label: TextLiteral;
  readonly system?: TextLiteral;
  /** The CSV file, relative to the policy's folder. */
  readonly file?: TextLiteral;
  readonly source?: TextLiteral;
  readonly version?: TextLiteral;
  readonly readings: readonly Reading[];
}

/**
 * The FHIR mapping (`fhir`): the order codes that make the policy apply, and for each fact FHIR can
 * supply, the named source it is read from. Facts it does not map are asked through DTR.
 */
export interface FhirMapping {
  readonly kind: "fhirMapping";
  readonly span: Span;
  readonly orders: readonly FhirOrders[];
  readonly maps: readonly FhirFactMap[];
  readonly readings: readonly Reading[];
}

/** `orders in system "HCPCS": S9494, S9329`. */
export interface FhirOrders {
  readonly span: Span;
  readonly system: TextLiteral;
  readonly codes: readonly Word[];
}

/** `map member.age from patient.age`, `map a.flag from condition in copd`, `map t.kind from order.code: S9329 as chemo`. */
export interface FhirFactMap {
  readonly span: Span;
  readonly fact: Word;
  readonly source: Word;
  /** The value set after `in` (`condition in copd`). */
  readonly valueSet?: Word;
  /** `S9329 as chemotherapy`: which value each order code means. */
  readonly meanings: readonly FhirCodeMeaning[];
}

export interface FhirCodeMeaning {
  readonly code: Word;
  readonly value: Word;
}

/**
 * Text of the published policy that is not policy content (a page header, a table's header row, a
 * heading): every occurrence of it, on whole lines, is set aside by the traceability check.
 */
export interface Layout {
  readonly kind: "layout";
  readonly span: Span;
  readonly text: TextLiteral;
  readonly notEncodedBecause: TextLiteral;
}

export type Statement =
  | PolicyHeader
  | Revision
  | CategoryDeclaration
  | FactDeclaration
  | Definition
  | Section
  | Criterion
  | Exclusion
  | Note
  | ServiceItem
  | Exception
  | Prose
  | CodeEntry
  | CodeGroup
  | Reference
  | CasesHeader
  | FactSet
  | Case
  | ClaimCase
  | Layout
  | ValueSetDeclaration
  | FhirMapping;

/**
 * A statement the parser could not finish (a syntax error in it, or its id or text missing): what was
 * parsed of it and where, kept for tools that work inside unfinished text, such as completion in an
 * editor. NOTE: kept apart from `statements`, so the checker and every later stage, which read only
 * finished statements, never see one (its syntax error is already reported, and nothing cascades).
 */
export interface PartialStatement {
  readonly kind: "partial";
  /** What it would have been. */
  readonly of: Statement["kind"];
  readonly span: Span;
  /** The id, name or month after its keyword, when it got that far. */
  readonly id?: Word;
  /** Its own text, when it got that far. */
  readonly text?: TextLiteral;
}

/** One parsed source file, policy or cases. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
  readonly statements: readonly Statement[];
  /** The statements it could not finish, in source order. */
  readonly partialStatements: readonly PartialStatement[];
}
