// The docs' section on value sets: each value set with its code system, source, version, file and
// size, then an appendix table of its codes and ranges, each with its label. Membership itself is
// said in words where a condition tests it (words.ts).

import type { ValueSetModel } from "../../model/policy-model.js";
import { partKey, parts } from "./anchors.js";
import type { DocsContext } from "./context.js";
import { code, text, words, type Block, type Inline } from "./markdown.js";

/** "4 rows: 2 codes and 2 ranges". */
function size(valueSet: ValueSetModel): Inline {
  const ranges = valueSet.entries.filter((entry) => entry.first !== entry.last).length;
  const codes = valueSet.entries.length - ranges;
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
  return text(`${count(valueSet.entries.length, "row")}: ${count(codes, "code")} and ${count(ranges, "range")}`);
}

/** The key of a value set's heading, for links. */
export function valueSetKey(name: string): string {
  return `value set ${name}`;
}

export function valueSetBlocks(context: DocsContext): Block[] {
  const valueSets = context.model.valueSets;
  if (valueSets.length === 0) return [];
  return [
    { kind: "heading", level: 2, text: text(parts.valueSets), key: partKey("valueSets") },
    {
      kind: "paragraph",
      text: words`Named lists of codes, each kept in a file beside the policy. A code is in a value set when a row lists it or a code it is a child of (\`J44\` covers \`J44.0\`), or lists a range it lies in: codes are compared as text with the dot left out, from the range's first code to its last and the last code's children.`,
    },
    {
      kind: "table",
      header: [words`Value set`, words`Codes of`, words`Source`, words`Version`, words`File`, words`Size`],
      rows: valueSets.map((valueSet) => [
        words`${code(valueSet.name)}: ${text(valueSet.label)}`,
        text(valueSet.system),
        text(valueSet.source),
        text(valueSet.version),
        code(valueSet.file),
        size(valueSet),
      ]),
    },
    ...valueSets.flatMap((valueSet): Block[] => [
      {
        kind: "heading",
        level: 3,
        text: words`Value set ${code(valueSet.name)}: ${text(valueSet.label)}`,
        key: valueSetKey(valueSet.name),
      },
      ...valueSet.readings.map((reading): Block => ({ kind: "paragraph", text: words`Reading: ${text(reading)}` })),
      {
        kind: "table",
        header: [words`Code or range`, words`Label`],
        rows: valueSet.entries.map((entry) => [
          entry.first === entry.last ? code(entry.first) : words`${code(entry.first)} to ${code(entry.last)}`,
          text(entry.label),
        ]),
      },
    ]),
  ];
}
