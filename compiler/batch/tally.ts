// The batch's counts: lines answered by result (a decision's outcome, a claim check's verdict), lines
// answered with an input error, and those errors by field. Each chunk's tally is made in its worker
// and added up on the main thread; the summary on stderr is worded here.

import type { BatchKind, LineAnswer } from "./answer-line.js";

export interface Tally {
  lines: number;
  readonly byResult: Map<string, number>;
  errorLines: number;
  /** Each issue's field path (`member.age`, `asOf`, `(line)`), with how many lines it was wrong in. */
  readonly errorsByField: Map<string, number>;
}

export function emptyTally(): Tally {
  return { lines: 0, byResult: new Map(), errorLines: 0, errorsByField: new Map() };
}

function increment(counts: Map<string, number>, key: string, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

export function countAnswer(tally: Tally, answer: LineAnswer): void {
  tally.lines += 1;
  if (answer.result !== undefined) increment(tally.byResult, answer.result);
  if (answer.errorFields.length > 0) {
    tally.errorLines += 1;
    // A field named twice in one line's issues (a list with two bad items is named by item) counts once.
    for (const field of new Set(answer.errorFields)) increment(tally.errorsByField, field);
  }
}

export function addTally(into: Tally, from: Tally): void {
  into.lines += from.lines;
  into.errorLines += from.errorLines;
  for (const [result, count] of from.byResult) increment(into.byResult, result, count);
  for (const [field, count] of from.errorsByField) increment(into.errorsByField, field, count);
}

const number = new Intl.NumberFormat("en-US");

// NOTE: a list item's field is named by its index (`home.features[3]`), so the fields of a large,
// messy input can run to hundreds: the summary names the most frequent and counts the rest.
const mostListed = 20;

function listed(counts: ReadonlyMap<string, number>): string {
  const sorted = [...counts].sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b));
  const shown = sorted.slice(0, mostListed).map(([key, count]) => `${key} ${number.format(count)}`);
  const rest = sorted.length - mostListed;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
}

/** The summary printed on stderr at the end of a run. */
export function summaryText(
  tally: Tally,
  run: { readonly kind: BatchKind; readonly seconds: number; readonly workers: number },
): string {
  const perSecond = run.seconds > 0 ? Math.round(tally.lines / run.seconds) : tally.lines;
  const answered = tally.lines - tally.errorLines;
  const results = run.kind === "decisions" ? "by outcome" : "by verdict";
  const lines = [
    `${number.format(tally.lines)} lines in ${run.seconds.toFixed(1)} s (${number.format(perSecond)} lines/s, ${run.workers} worker${run.workers === 1 ? "" : "s"})`,
    `  ${number.format(answered)} answered, ${results}: ${tally.byResult.size === 0 ? "none" : listed(tally.byResult)}`,
    `  ${number.format(tally.errorLines)} with an input error${tally.errorLines === 0 ? "" : `, by field: ${listed(tally.errorsByField)}`}`,
  ];
  return `${lines.join("\n")}\n`;
}
