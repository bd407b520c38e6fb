// The review summary's part on readings: each reading added, removed or rewritten, with its words
// before and after and its figure on each side (the register's words, emit/docs/readings.ts), so a
// reviewer sees what a change of reading would have changed. Reads reading-changes.ts.

import { figureText } from "../emit/docs/readings.js";
import { strong, text, words, type Block, type Inline } from "../emit/docs/markdown.js";
import type { ReadingFigure } from "../model/rejected-alternatives.js";
import type { ReadingChange } from "./reading-changes.js";

function figureWords(figure: ReadingFigure | "does not compile" | undefined): string {
  return figure === "does not compile" ? "Its alternative does not compile (PC105)." : figureText(figure);
}

/** The blocks of the readings part: a heading, then one item per changed reading, or "no change". */
export function readingBlocks(changes: readonly ReadingChange[]): Block[] {
  const heading: Block = { kind: "heading", level: 2, text: words`Readings` };
  if (changes.length === 0)
    return [heading, { kind: "paragraph", text: words`${strong(text("Readings"))}: no change.` }];
  return [
    heading,
    {
      kind: "list",
      items: changes.map((change) => {
        const details: Inline[] = [];
        if (change.kind !== "added") {
          details.push(words`Was: ${text(change.textBefore ?? "")}`);
          details.push(words`Figure before: ${text(figureWords(change.figureBefore))}`);
        }
        if (change.kind !== "removed") {
          details.push(words`Now: ${text(change.textAfter ?? "")}`);
          details.push(words`Figure after: ${text(figureWords(change.figureAfter))}`);
        }
        return {
          text: words`${strong(text(`${change.owner}, reading ${change.number}`))}: ${text(change.kind)}`,
          children: [{ kind: "list", items: details.map((detail) => ({ text: detail })) }],
        };
      }),
    },
  ];
}
