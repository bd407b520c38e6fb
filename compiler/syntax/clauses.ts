// The clauses of each statement (and of the clauses that hold clauses: a billing sentence, a billing
// rule), in their canonical order, with the words that start them. The one list the formatter lays
// lines out by and cst-to-ast.ts reports a clause given twice by (a clause that may not repeat);
// test/clauses.test.ts holds it to the grammar in parser.ts.

import type { CstNode } from "chevrotain";
import type { ClauseOwner } from "../diagnostics/message-arguments.js";
import type { ChildrenOfRule } from "./grammar-rules.js";

/** The names of a rule's children that are sub-rules rather than tokens. */
type SubRuleOf<Rule extends keyof ChildrenOfRule> = {
  [Child in keyof ChildrenOfRule[Rule]]-?: NonNullable<ChildrenOfRule[Rule][Child]> extends CstNode[] ? Child : never;
}[keyof ChildrenOfRule[Rule]] &
  string;

export interface Clause<Rule extends string = string> {
  /** The grammar rule of the clause. */
  readonly rule: Rule;
  /** The words that start it, as an author writes them. */
  readonly keyword: string;
  /** Whether it may be given more than once (a second `met when` is reported and ignored). */
  readonly repeatable: boolean;
  /**
   * Whether the statement is incomplete without it. NOTE: the checker reports a missing one (PC004)
   * from the AST, with a hint of its own for each; it does not read this flag yet.
   */
  readonly required: boolean;
}

export interface ClauseList<Rule extends keyof ChildrenOfRule> {
  /**
   * How a message names what holds these clauses, when one of them is given twice; absent when none
   * can be (every clause may repeat, or the grammar allows only one).
   */
  readonly owner?: ClauseOwner;
  readonly clauses: readonly Clause<SubRuleOf<Rule>>[];
}

/** The grammar rules that hold clauses. */
export type ClauseOwnerRule =
  | "policyStatement"
  | "revisionStatement"
  | "factStatement"
  | "defineStatement"
  | "sectionStatement"
  | "criterionStatement"
  | "criterionVersionClause"
  | "exclusionStatement"
  | "exclusionVersionClause"
  | "noteStatement"
  | "serviceStatement"
  | "exceptionStatement"
  | "proseStatement"
  | "codeStatement"
  | "billingClause"
  | "ruleClause"
  | "layoutStatement"
  | "factSetStatement"
  | "caseStatement"
  | "claimCaseStatement"
  | "valueSetStatement"
  | "readingClause"
  | "alternativeClause"
  | "fhirStatement";

function once<Rule extends string>(rule: Rule, keyword: string, required = false): Clause<Rule> {
  return { rule, keyword, repeatable: false, required };
}

function many<Rule extends string>(rule: Rule, keyword: string): Clause<Rule> {
  return { rule, keyword, repeatable: true, required: false };
}

const reading = many("readingClause", "reading");
const added = once("addedClause", "added in");
const removed = once("removedClause", "removed in");
const category = once("categoryClause", "category");

/** Every rule that holds clauses, with its clauses in canonical order. */
export const clauseTable: { readonly [Rule in ClauseOwnerRule]: ClauseList<Rule> } = {
  policyStatement: {
    owner: "policy",
    clauses: [
      once("titleClause", "title", true),
      once("planClause", "plan", true),
      once("descriptionClause", "description", true),
      once("lastReviewClause", "last review", true),
      once("publishedTextClause", "published text"),
      reading,
    ],
  },
  revisionStatement: {
    owner: "revision",
    clauses: [
      once("reviewedClause", "reviewed"),
      once("effectiveClause", "effective", true),
      once("publishedTextClause", "published text"),
      reading,
    ],
  },
  factStatement: {
    owner: "fact",
    clauses: [once("descriptionClause", "description", true), once("askClause", "ask", true), reading],
  },
  defineStatement: { clauses: [reading] },
  sectionStatement: {
    owner: "section",
    clauses: [once("appliesClause", "applies when"), once("limitedClause", "limited to"), added, removed, reading],
  },
  criterionStatement: {
    owner: "criterion",
    clauses: [
      once("metWhenClause", "met when", true),
      once("limitedClause", "limited to"),
      category,
      added,
      removed,
      reading,
      many("criterionVersionClause", "before"),
    ],
  },
  criterionVersionClause: {
    owner: "version",
    clauses: [once("metWhenClause", "met when"), category, reading],
  },
  exclusionStatement: {
    owner: "exclusion",
    clauses: [
      once("notCoveredClause", "not covered", true),
      category,
      added,
      removed,
      reading,
      many("exclusionVersionClause", "before"),
    ],
  },
  exclusionVersionClause: {
    owner: "version",
    clauses: [once("notCoveredClause", "not covered"), category, reading],
  },
  noteStatement: {
    owner: "note",
    clauses: [
      many("itemClause", "item"),
      once("notCoveredClause", "not covered"),
      once("excludesServicesClause", "excludes services of"),
      many("definesClause", "defines"),
      category,
      added,
      removed,
      reading,
    ],
  },
  serviceStatement: { owner: "service", clauses: [added, removed, reading] },
  exceptionStatement: {
    owner: "exception",
    clauses: [
      once("appliesClause", "applies when", true),
      once("mayOverrideClause", "may override"),
      once("neverOverridesClause", "never overrides"),
      once("overridesClause", "overrides", true),
      once("requiresPriorApprovalClause", "requires prior approval"),
      once("textClause", "text"),
      once("priorApprovalTextClause", "prior approval text"),
      added,
      removed,
      reading,
    ],
  },
  proseStatement: {
    owner: "prose",
    clauses: [once("textClause", "text"), once("notEncodedClause", "not encoded because"), reading],
  },
  codeStatement: {
    owner: "code",
    clauses: [many("ruleClause", "rule"), many("billingClause", "billing"), reading, added, removed],
  },
  billingClause: { owner: "billing note", clauses: [added, removed, many("ruleClause", "rule")] },
  ruleClause: {
    owner: "rule",
    clauses: [once("fromClause", "from"), once("saysClause", "says"), reading, added, removed],
  },
  layoutStatement: { clauses: [once("notEncodedClause", "not encoded because", true)] },
  factSetStatement: {
    clauses: [many("givenClause", "given"), many("assignment", "<fact> =")],
  },
  caseStatement: {
    owner: "case",
    clauses: [
      once("onClause", "on", true),
      many("givenClause", "given"),
      many("assignment", "<fact> ="),
      once("expectClause", "expect", true),
      once("expectQualifiedClause", "expect qualified under"),
      once("expectLimitationsClause", "expect limitations, expect no limitations"),
      once("becauseClause", "because"),
      once("askingClause", "asking"),
      once("underExceptionClause", "under exception"),
      once("requiresPriorApprovalClause", "requires prior approval"),
      many("excludesServicesExpectation", "excludes services of"),
    ],
  },
  claimCaseStatement: {
    owner: "claim case",
    clauses: [
      once("onClause", "on", true),
      many("assignment", "<fact> ="),
      many("lineClause", "line"),
      once("expectClaimClause", "expect", true),
      once("expectPendingClaimClause", "expect pending"),
      once("decisionClause", "decision"),
    ],
  },
  readingClause: {
    clauses: [once("alternativeClause", "alternative"), once("decidesNothingClause", "decides nothing")],
  },
  alternativeClause: {
    clauses: [many("alternativeFactClause", "with fact"), many("alternativeReplacement", "in")],
  },
  valueSetStatement: {
    owner: "value set",
    clauses: [
      once("systemClause", "system", true),
      once("fileClause", "file", true),
      once("sourceClause", "source", true),
      once("versionClause", "version", true),
      reading,
    ],
  },
  fhirStatement: {
    owner: "fhir mapping",
    clauses: [many("ordersClause", "orders in system"), many("mapClause", "map"), reading],
  },
};

/** The clauses of a rule that holds clauses, each clause's rule widened to a string. */
export function clauseListOf(rule: ClauseOwnerRule): ClauseListOfAnyRule {
  return clauseTable[rule];
}

/** The clause rules of a rule: empty for a rule that holds no clauses. */
export function clauseRulesOf(rule: string): ReadonlySet<string> {
  const clauses = isClauseOwnerRule(rule) ? clauseListOf(rule).clauses : [];
  return new Set(clauses.map((clause) => clause.rule));
}

export function isClauseOwnerRule(rule: string): rule is ClauseOwnerRule {
  return Object.hasOwn(clauseTable, rule);
}

/** Every rule that holds clauses with its list, each clause's rule widened to a string. */
export function clauseLists(): { readonly rule: ClauseOwnerRule; readonly list: ClauseListOfAnyRule }[] {
  return Object.keys(clauseTable)
    .filter(isClauseOwnerRule)
    .map((rule) => ({ rule, list: clauseTable[rule] }));
}

export interface ClauseListOfAnyRule {
  readonly owner?: ClauseOwner;
  readonly clauses: readonly Clause[];
}
