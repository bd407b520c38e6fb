// The table of clauses (compiler/syntax/clauses.ts) against the grammar: each rule in the table accepts
// exactly the clauses the table lists, and every rule of the grammar that repeats clauses is in it;
// a clause the table says may not repeat is reported when given twice.

import {
  Alternation,
  Alternative,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  type IProduction,
} from "chevrotain";
import { describe, expect, it } from "vitest";
import { clauseLists, clauseRulesOf, isClauseOwnerRule, type ClauseList } from "../compiler/syntax/clauses.js";
import { policyParser } from "../compiler/syntax/parser.js";
import { parseSource } from "../compiler/syntax/parse.js";
import { catalogue } from "../compiler/diagnostics/catalogue.js";

const grammar = policyParser.getGAstProductions();

/** The productions inside an option, a repetition or a choice; none inside a token. */
function innerProductions(production: IProduction): IProduction[] {
  if (
    production instanceof Alternation ||
    production instanceof Alternative ||
    production instanceof Option ||
    production instanceof Repetition ||
    production instanceof RepetitionMandatory ||
    production instanceof RepetitionMandatoryWithSeparator ||
    production instanceof RepetitionWithSeparator
  )
    return production.definition;
  return [];
}

/** The sub-rules a production names (not the rules inside them), each with whether a repetition holds it. */
function subRules(productions: readonly IProduction[], repeated = false): { name: string; repeated: boolean }[] {
  return productions.flatMap((production) => {
    if (production instanceof NonTerminal) return [{ name: production.nonTerminalName, repeated }];
    return subRules(innerProductions(production), repeated || production instanceof Repetition);
  });
}

function grammarOf(rule: string): { all: Set<string>; repeated: Set<string> } {
  const definition = grammar[rule]?.definition;
  if (!definition) throw new Error(`no grammar rule ${rule}`);
  const found = subRules(definition);
  return {
    all: new Set(found.map((entry) => entry.name)),
    repeated: new Set(found.filter((entry) => entry.repeated).map((entry) => entry.name)),
  };
}

const tableClauses = new Set(clauseLists().flatMap(({ list }) => list.clauses.map((clause) => clause.rule)));

describe("the table of clauses", () => {
  it.each(clauseLists().map(({ rule }) => rule))("lists exactly the clauses %s accepts", (rule) => {
    const { all, repeated } = grammarOf(rule);
    const listed = clauseRulesOf(rule);
    // Every clause the grammar repeats is listed, and every clause listed is in the rule.
    expect([...repeated].filter((name) => !listed.has(name))).toEqual([]);
    expect([...listed].filter((name) => !all.has(name))).toEqual([]);
  });

  it("holds every rule of the grammar that repeats clauses", () => {
    const owners = Object.keys(grammar).filter((rule) =>
      [...grammarOf(rule).repeated].some((name) => tableClauses.has(name)),
    );
    expect(owners.filter((rule) => !isClauseOwnerRule(rule))).toEqual([]);
  });

  it("gives each rule's clauses distinct rules and keywords", () => {
    for (const { list } of clauseLists()) {
      const rules = list.clauses.map((clause) => clause.rule);
      const keywords = list.clauses.map((clause) => clause.keyword);
      expect(new Set(rules).size).toBe(rules.length);
      expect(new Set(keywords).size).toBe(keywords.length);
    }
  });

  it("names what holds a clause that may be given only once, for the message when it is given twice", () => {
    // A layout statement has its one clause by the grammar, and a reading its one alternative, so
    // neither can be given twice.
    const byGrammarOnce = new Set(["layoutStatement", "readingClause"]);
    const unnamed = clauseLists().filter(
      ({ rule, list }) =>
        !byGrammarOnce.has(rule) && list.owner === undefined && list.clauses.some((clause) => !clause.repeatable),
    );
    expect(unnamed).toEqual([]);
  });

  it("refuses, when compiled, a clause its rule does not have", () => {
    const criterionClauses: ClauseList<"sectionStatement">["clauses"] = [
      // @ts-expect-error: a section has no `met when`.
      { rule: "metWhenClause", keyword: "met when", repeatable: false, required: true },
    ];
    expect(criterionClauses).toHaveLength(1);
  });
});

describe("a clause given twice", () => {
  const duplicates = (text: string) =>
    parseSource(text, "twice.policy")
      .diagnostics.filter((found) => found.code === catalogue.duplicateClause.code)
      .map((found) => ({ message: found.message, underlined: text.slice(found.span.offset, found.span.endOffset) }));

  it("is reported once, naming its statement, when the table says it may not repeat", () => {
    const text = 'section I "S" added in 2024-05 reading "a" reading "b" added in 2025-05\n';
    const found = duplicates(text);
    expect(found.map((entry) => entry.underlined)).toEqual(["added in 2025-05"]);
    expect(found[0]?.message).toContain("section");
  });

  it("is reported inside a billing sentence and a billing rule, naming each", () => {
    const text = [
      'code T1002 "RN services"',
      '  billing "One." added in 2024-05 added in 2025-05',
      '    rule r1: requires modifier SD says "a" says "b"',
      "",
    ].join("\n");
    const found = duplicates(text);
    expect(found.map((entry) => entry.underlined)).toEqual(["added in 2025-05", 'says "b"']);
    expect(found[0]?.message).toContain("billing note");
    expect(found[1]?.message).toContain("rule");
  });
});
