// The readings a change adds, removes or rewrites (its words, the alternative it rejects, or its
// `decides nothing`), each with its figure before and after: the alternative compiled and counted
// on its own version, as the build's register counts it (build/reading-impacts.ts). Readings are
// matched by the statement they are on and their place among its readings. Two checked versions
// in, the changes out, for the review summary (render-summary.ts).

import type * as Ast from "../syntax/ast.js";
import { readingSites } from "../check/reading-alternatives.js";
import { compileAlternative, readingFigure } from "../build/reading-impacts.js";
import type { PolicyFileReader } from "../files/beside-policy.js";
import type { ReadingFigure } from "../model/rejected-alternatives.js";
import type { CheckResult } from "../pipeline.js";

export interface ReadingChange {
  /** The statement the reading is on (an id, a definition's name, a revision, a billing rule). */
  readonly owner: string;
  /** Its place among the statement's readings, from 1. */
  readonly number: number;
  readonly kind: "added" | "removed" | "rewritten";
  readonly textBefore?: string;
  readonly textAfter?: string;
  /** The figure on each side the reading is on: undefined when not written as logic, "does not compile" for PC105. */
  readonly figureBefore?: ReadingFigure | "does not compile";
  readonly figureAfter?: ReadingFigure | "does not compile";
}

/** A checked version, with where its files are read from. */
export interface CheckedVersion {
  readonly result: CheckResult;
  readonly root: string;
  readonly read?: PolicyFileReader;
}

interface Placed {
  readonly owner: string;
  readonly number: number;
  readonly reading: Ast.Reading;
}

/** Every reading of a version, by `owner number`. */
function placed(result: CheckResult): Map<string, Placed> {
  const byOwner = new Map<string, number>();
  const found = new Map<string, Placed>();
  for (const { owner, reading } of readingSites(result.source, true)) {
    const number = (byOwner.get(owner) ?? 0) + 1;
    byOwner.set(owner, number);
    found.set(`${owner} ${number}`, { owner, number, reading });
  }
  return found;
}

/** What a reading says, as compared: its words, its alternative's words and replacements, its `decides nothing`. */
function said(reading: Ast.Reading): string {
  const alternative = reading.alternative && [
    reading.alternative.text.value,
    ...reading.alternative.replacements.map(
      (replacement) => `${replacement.statement.text} ${replacement.clause} ${replacement.valueText}`,
    ),
  ];
  return JSON.stringify([reading.text.value, alternative ?? null, reading.decidesNothing !== undefined]);
}

async function figureOf(
  version: CheckedVersion,
  found: Placed,
): Promise<ReadingFigure | "does not compile" | undefined> {
  const { result } = version;
  const model = result.model;
  if (!model) return undefined;
  const reading = found.reading;
  if (reading.decidesNothing)
    return readingFigure(model, { kind: "decidesNothing", owner: found.owner, reading: reading.text.value });
  if (!reading.alternative) return undefined;
  const site = { owner: found.owner, reading: reading.text.value, alternative: reading.alternative };
  const compiled = compileAlternative(result, site, version.root, version.read);
  if (!compiled) return undefined;
  if ("diagnostic" in compiled) return "does not compile";
  return readingFigure(model, { kind: "alternative", site, model: compiled.model });
}

/** The readings added, removed and rewritten from `before` to `after`, in the newer version's order, then the removed. */
export async function readingChanges(before: CheckedVersion, after: CheckedVersion): Promise<ReadingChange[]> {
  const [old, next] = [placed(before.result), placed(after.result)];
  const changes: ReadingChange[] = [];
  for (const [key, found] of next) {
    const previous = old.get(key);
    if (previous && said(previous.reading) === said(found.reading)) continue;
    const figureAfter = await figureOf(after, found);
    if (!previous) {
      changes.push({
        owner: found.owner,
        number: found.number,
        kind: "added",
        textAfter: found.reading.text.value,
        ...(figureAfter !== undefined && { figureAfter }),
      });
      continue;
    }
    const figureBefore = await figureOf(before, previous);
    changes.push({
      owner: found.owner,
      number: found.number,
      kind: "rewritten",
      textBefore: previous.reading.text.value,
      textAfter: found.reading.text.value,
      ...(figureBefore !== undefined && { figureBefore }),
      ...(figureAfter !== undefined && { figureAfter }),
    });
  }
  for (const [key, previous] of old) {
    if (next.has(key)) continue;
    const figureBefore = await figureOf(before, previous);
    changes.push({
      owner: previous.owner,
      number: previous.number,
      kind: "removed",
      textBefore: previous.reading.text.value,
      ...(figureBefore !== undefined && { figureBefore }),
    });
  }
  return changes;
}
