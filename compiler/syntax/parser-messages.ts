// What the parser expected, in the words of a policy author rather than a parser engineer. Chevrotain
// asks for it at each syntax error and keeps it as the error's message; parse.ts makes it the
// `expected` of a PC002 diagnostic and adds what was found from the error's own tokens, so the
// sentence itself is written once, in the catalogue.

import { EOF, tokenLabel, type IParserErrorMessageProvider, type TokenType } from "chevrotain";
import type { GrammarRule } from "./grammar-rules.js";

/** What each grammar rule is, in the words of the person writing a policy (a misspelled rule does not compile). */
const ruleDescriptions: { readonly [Rule in GrammarRule]?: string } = {
  statement: "a statement such as `criterion`, `fact`, `section` or `note`",
  expression: "a condition",
  andExpression: "a condition",
  notExpression: "a condition",
  atom: "a condition",
  predicate: "a condition",
  operand: "a fact, a definition, a number or a date",
  value: "a value",
  valueList: "a list of values in parentheses",
  factType: "a type: `yes or no`, `number`, `date`, `one of ...` or `set of ...`",
  text: "a quoted text",
  revisionName: "a revision's name, such as `2024-05`, `2024-05-b` or `v7`",
};

function isDescribedRule(ruleName: string): ruleName is GrammarRule {
  return Object.hasOwn(ruleDescriptions, ruleName);
}

function describedRule(ruleName: string): string | undefined {
  return isDescribedRule(ruleName) ? ruleDescriptions[ruleName] : undefined;
}

function firstTokensOf(paths: TokenType[][]): string[] {
  const labels = new Set<string>();
  for (const path of paths) {
    const first = path[0];
    if (first) labels.add(tokenLabel(first));
  }
  return [...labels];
}

function listOfChoices(labels: readonly string[]): string {
  const shown = labels.slice(0, 6);
  const rest = labels.length - shown.length;
  const text =
    shown.length <= 1 ? (shown[0] ?? "something else") : `${shown.slice(0, -1).join(", ")} or ${shown.at(-1)}`;
  return rest > 0 ? `${text} (or ${rest} more)` : text;
}

export const parserExpectations: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected }) {
    return expected === EOF ? "a keyword that starts a new statement or clause" : tokenLabel(expected);
  },
  buildNotAllInputParsedMessage() {
    return "a keyword that starts a statement, such as `criterion`, `fact` or `section`";
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, ruleName }) {
    return describedRule(ruleName) ?? listOfChoices(firstTokensOf(expectedPathsPerAlt.flat()));
  },
  buildEarlyExitMessage({ expectedIterationPaths, ruleName }) {
    const expected = describedRule(ruleName) ?? listOfChoices(firstTokensOf(expectedIterationPaths));
    // "at least one value", not "at least one a value".
    return `at least one ${expected.replace(/^an? /, "")}`;
  },
};
