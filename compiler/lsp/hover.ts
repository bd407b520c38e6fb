// Hover: what a name stands for, in the author's terms. A fact: its description, type, question and
// the statements that read it. A statement: its published words, its readings and its lifetime. A
// revision: its log text. Definitions, categories, exceptions and fact sets: their own words.

import type { Hover } from "vscode-languageserver";
import type * as Ast from "../syntax/ast.js";
import type { Analysis } from "./analysis.js";
import type { Target } from "./names.js";
import { nameAt } from "./names.js";
import { declarationKeyword, enumerationValues, factTypeWords, lifetimeWords, readersOf } from "./describe.js";
import { rangeOf } from "./positions.js";

/** The hover of the name at `offset`, if the cursor is on a declared name. */
export function hoverAt(analysis: Analysis, offset: number): Hover | undefined {
  const named = nameAt(analysis.names, offset);
  if (!named?.target) return undefined;
  const policy = analysis.kind === "policy" ? analysis : analysis.policy;
  const lines = [`**${declarationKeyword(named.target)}** \`${named.target.name}\``, ...describeTarget(named.target)];
  if (policy && (named.target.kind === "fact" || named.target.kind === "definition")) {
    const readers = readersOf(policy.checked, named.target.name, named.target.kind);
    lines.push(
      readers.length > 0 ? `Read by: ${readers.map((id) => `\`${id}\``).join(", ")}` : "Read by no statement.",
    );
  }
  return {
    contents: { kind: "markdown", value: lines.join("\n\n") },
    range: rangeOf(analysis.document, named.word.span),
  };
}

function readings(readingList: readonly Ast.Reading[]): string[] {
  return readingList.map((reading) => `Reading: ${reading.text.value.trim()}`);
}

function quoted(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join("\n");
}

function describeTarget(target: Target): string[] {
  const statement = target.statement;
  switch (statement.kind) {
    case "fact": {
      const values = enumerationValues(statement).map(
        (value) => `- \`${value.name.text}\`${value.label ? `: ${value.label.value}` : ""}`,
      );
      return [
        `Type: ${factTypeWords(statement.type)}${statement.forClaims ? " (a fact of the claim)" : ""}`,
        ...(values.length > 0 ? [values.join("\n")] : []),
        ...(statement.description ? [statement.description.value] : []),
        ...(statement.question ? [`Asks: “${statement.question.value}”`] : []),
        ...readings(statement.readings),
      ];
    }
    case "definition":
      return [
        `Reads as: “${statement.label.value}”`,
        ...(statement.definedByNote ? [`Defined by note \`${statement.definedByNote.text}\``] : []),
        ...readings(statement.readings),
      ];
    case "revision":
      return [
        quoted(statement.text.value),
        ...(statement.reviewed ? [`Reviewed ${statement.reviewed.text}`] : []),
        ...(statement.effective ? [`Effective ${statement.effective.text}`] : []),
        ...readings(statement.readings),
      ];
    case "category":
    case "codeGroup":
    case "factSet":
      return [statement.description.value];
    case "section":
    case "exception":
    case "prose":
      return [
        quoted(statement.title.value),
        ...("text" in statement && statement.text ? [quoted(statement.text.value)] : []),
        ...readings(statement.readings),
        ...(statement.kind === "prose" ? [] : [`Lifetime: ${lifetimeWords(statement)}`]),
      ];
    case "criterion":
    case "exclusion":
    case "note":
    case "service":
      return [
        quoted(statement.text.value),
        ...readings(statement.readings),
        `Lifetime: ${lifetimeWords(statement)}`,
        ...("versions" in statement
          ? statement.versions.map(
              (version) =>
                `Earlier version, before ${version.before.text}${version.text ? `: “${version.text.value}”` : ""}`,
            )
          : []),
      ];
    default:
      return [];
  }
}
