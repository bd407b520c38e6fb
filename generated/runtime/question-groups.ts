// DO NOT EDIT. Copied by policyc from compiler/runtime/question-groups.ts.
// How a pending decision asks for each fact, made once when a module loads: the fact's question and
// readers, and (from the declaration's question groups, which the emitter derives from the policy's
// structure) the question it is asked in together with others, and the answer it waits on.

import type { MissingFact, QuestionGroup } from "./decision.js";
import type { FactEntry, QuestionGroupEntry } from "./policy-table.js";

interface Asked<FactName extends string> {
  readonly group: QuestionGroup;
  readonly askWhen?: MissingFact<FactName>["askWhen"];
  readonly reason?: MissingFact<FactName>["reason"];
}

/** Per fact name: the group it is asked in, the answer a dated group's dates wait on, a reason's words. */
function askedByFact<FactName extends string>(
  groups: readonly QuestionGroupEntry<FactName>[],
  questions: ReadonlyMap<string, string>,
): Map<string, Asked<FactName>> {
  const asked = new Map<string, Asked<FactName>>();
  for (const entry of groups) {
    const text = entry.kind === "reasons" ? entry.text : (questions.get(entry.id) ?? entry.id);
    const group: QuestionGroup = Object.freeze({ kind: entry.kind, id: entry.id, text });
    if (entry.kind === "reasons") {
      for (const { id, text, fact, answer } of entry.reasons)
        asked.set(fact, { group, reason: Object.freeze({ id, text, answer }) });
      continue;
    }
    asked.set(entry.id, { group });
    const askWhen = Object.freeze({ fact: entry.id, answer: entry.when });
    for (const date of entry.dates) asked.set(date, { group, askWhen });
  }
  return asked;
}

/** Per fact, in the order of `facts`: how a pending decision asks for it (frozen, shared by every decision). */
export function missingFactEntries<FactName extends string, Reader extends string>(
  facts: readonly FactEntry<FactName>[],
  readers: readonly (readonly Reader[])[],
  groups: readonly QuestionGroupEntry<FactName>[] | undefined,
): readonly MissingFact<FactName, Reader>[] {
  const asked = askedByFact(groups ?? [], new Map(facts.map((fact) => [fact.name, fact.question])));
  return facts.map((fact, position) => {
    const how = asked.get(fact.name);
    return Object.freeze({
      fact: fact.name,
      question: fact.question,
      description: fact.description,
      readBy: readers[position]!,
      ...(how !== undefined && { group: how.group }),
      ...(how?.askWhen !== undefined && { askWhen: how.askWhen }),
      ...(how?.reason !== undefined && { reason: how.reason }),
    });
  });
}

/**
 * Per fact, by position: the question it is asked in, as the position of the question's first fact
 * (its own position when asked alone), and whether it waits on another's answer (`askWhen`). Numbers
 * in typed arrays, for ranking a pending decision's questions: the entries themselves have several shapes.
 */
export interface QuestionKeys {
  readonly question: Uint32Array;
  readonly waits: Uint8Array;
  /** By a question's key: the positions of its facts, in the fact table's order (none for a position that is no question's key). */
  readonly members: readonly (readonly number[])[];
}

export function questionKeysOf(entries: readonly MissingFact<string, string>[]): QuestionKeys {
  const first = new Map<object, number>();
  const question = Uint32Array.from(entries, (entry, position) => {
    if (entry.group === undefined) return position;
    const found = first.get(entry.group);
    if (found !== undefined) return found;
    first.set(entry.group, position);
    return position;
  });
  const members = entries.map((): number[] => []);
  question.forEach((key, position) => members[key]!.push(position));
  return {
    question,
    waits: Uint8Array.from(entries, (entry) => (entry.askWhen === undefined ? 0 : 1)),
    members,
  };
}
