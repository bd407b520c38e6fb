// The traceability check's findings in words, one sentence each, for the terminal and the docs alike.

import type { Misplacement, Unjustified } from "./placement.js";
import type { SentenceAccounting } from "./trace.js";

export function describeMisplacement(misplaced: Misplacement): string {
  const { quote } = misplaced;
  const what = quote.field === "text" || quote.field === "title" ? quote.owner : `${quote.owner} (${quote.field})`;
  if (misplaced.kind === "outside")
    return `the words of ${what} stand outside ${misplaced.parent} in the published text.`;
  return misplaced.printed === undefined
    ? `the words of ${what} are not printed after the number ${misplaced.expected}.`
    : `the words of ${what} are printed after the number ${misplaced.printed}, not ${misplaced.expected}.`;
}

export function describeUnjustified(unjustified: Unjustified): string {
  const { quote, section } = unjustified;
  return unjustified.kind === "prose without a reading"
    ? `${quote.owner} stands among the statements of section ${section} and is not encoded: give it a reading that says why the policy's words decide nothing, or encode them.`
    : `${quote.owner} stands among the statements of section ${section} and is printed once: layout is for what repeats on every page (running headers); encode the text or keep it as prose with a reading.`;
}

/** "52 encoded as rules, 90 kept as statements, 81 not encoded with a reason, 26 layout". */
export function describeCounts(counts: Readonly<Record<SentenceAccounting, number>>): string {
  return [
    `${counts.rule} encoded as rules`,
    `${counts.structure} kept as statements`,
    `${counts.notEncoded} not encoded with a reason`,
    `${counts.layout} layout`,
  ].join(", ");
}
