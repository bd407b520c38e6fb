// Syntax error messages written for a policy author rather than for a parser engineer.
// Chevrotain calls these while parsing; parse.ts turns the result into diagnostics.

import { EOF, tokenLabel, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";

/** What each grammar rule is, in the words of the person writing a policy. */
const ruleDescriptions: Readonly<Record<string, string>> = {
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
};

function describeFound(token: IToken): string {
  return token.tokenType === EOF ? "the end of the file" : `\`${token.image}\``;
}

function describeAfter(previous: IToken): string {
  return previous.tokenType === EOF || previous.image === "" ? "" : ` after \`${previous.image}\``;
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

export const friendlyParserMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous }) {
    if (expected === EOF)
      return `Unexpected ${describeFound(actual)}: a new statement or clause starts with a keyword.`;
    return `Expected ${tokenLabel(expected)}${describeAfter(previous)}, but found ${describeFound(actual)}.`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `Unexpected ${describeFound(firstRedundant)}: a statement starts with a keyword such as \`criterion\`, \`fact\` or \`section\`.`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    const found = actual[0];
    const expected = ruleDescriptions[ruleName] ?? listOfChoices(firstTokensOf(expectedPathsPerAlt.flat()));
    return `Expected ${expected}${describeAfter(previous)}, but found ${found ? describeFound(found) : "nothing"}.`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous, ruleName }) {
    const found = actual[0];
    const expected = ruleDescriptions[ruleName] ?? listOfChoices(firstTokensOf(expectedIterationPaths));
    return `Expected at least one ${expected}${describeAfter(previous)}, but found ${found ? describeFound(found) : "nothing"}.`;
  },
};
