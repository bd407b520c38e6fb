// The generated module's value sets as data: `VALUE_SETS`, keyed by name, each with its code system,
// source, version and entries sorted by code (a comment gives each entry's label). Compiled logic
// and the conditions as data both refer to a value set here by its name; the runtime decides
// membership (runtime/codes.ts).

import type { ValueSetModel } from "../../model/policy-model.js";
import { docText, lineCommentText, stringLiteral } from "../code-text.js";
import { expandedObject } from "./literal.js";

/** The name of the module's table of value sets. */
export const valueSetsConstName = "VALUE_SETS";

/** The expression for one value set of the table: `VALUE_SETS["copd"]`. */
export function valueSetReference(name: string): string {
  return `${valueSetsConstName}[${stringLiteral(name)}]`;
}

function entries(valueSet: ValueSetModel): string {
  const lines = valueSet.entries.map(
    (entry) =>
      `{ first: ${stringLiteral(entry.first)}, last: ${stringLiteral(entry.last)} }, // ${lineCommentText(entry.label)}`,
  );
  return `[\n${lines.join("\n")}\n]`;
}

/** `export const VALUE_SETS = { ... }`, or nothing for a policy without value sets. */
export function valueSetTable(valueSets: readonly ValueSetModel[]): string[] {
  if (valueSets.length === 0) return [];
  const members = valueSets.map(
    (valueSet) =>
      `/** ${docText(`${valueSet.label} (${valueSet.file}).`)} */\n${stringLiteral(valueSet.name)}: valueSet(${expandedObject(
        [
          { name: "name", code: stringLiteral(valueSet.name) },
          { name: "system", code: stringLiteral(valueSet.system) },
          { name: "source", code: stringLiteral(valueSet.source) },
          { name: "version", code: stringLiteral(valueSet.version) },
          { name: "entries", code: entries(valueSet) },
        ],
      )}),`,
  );
  return [
    `/** ${docText("The value sets, by name: each a code system's codes and ranges of codes, sorted by code, with its source and version.")} */\n` +
      `export const ${valueSetsConstName} = {\n${members.join("\n")}\n} as const;`,
  ];
}
