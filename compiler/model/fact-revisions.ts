// The lifetime of a fact: the revisions in which some statement in force reads it. A fact has no
// lifetime of its own in the language; it matters in a revision when a rule or an exception in force
// then reads it. Read by the emitters of the fact metadata, the JSON Schema and the Questionnaire.

import type { PolicyModel, RevisionRange } from "./policy-model.js";

function covers(range: RevisionRange, revision: number): boolean {
  return range.from <= revision && (range.until === undefined || revision < range.until);
}

/**
 * Per fact, the positions in the revision log of the revisions in which it is read, oldest first.
 * NOTE: a rule's facts are those of its current version (the model keeps no list per earlier version),
 * counted over the whole lifetime of the rule (its first version's start to its end): a fact only an
 * earlier version read stays in the revisions of the later ones. Conservative: a fact is never left
 * out of a revision that reads it.
 */
export function factRevisions(model: PolicyModel): ReadonlyMap<string, readonly number[]> {
  const statements: { readonly range: RevisionRange; readonly facts: readonly string[] }[] = [
    // A rule's own lifetime spans all its versions (versions.ts).
    ...model.rules.map((rule) => ({ range: rule.inForce, facts: rule.facts })),
    ...model.exceptions.map((exception) => ({ range: exception.inForce, facts: exception.facts })),
  ];
  const revisions = new Map<string, number[]>();
  for (const fact of model.facts) {
    const read: number[] = [];
    model.revisions.forEach((_, revision) => {
      if (statements.some((statement) => covers(statement.range, revision) && statement.facts.includes(fact.name)))
        read.push(revision);
    });
    revisions.set(fact.name, read);
  }
  return revisions;
}

/** The facts read in the revision at `revision` in the log, in declaration order. */
export function factsOfRevision(model: PolicyModel, revision: number): readonly string[] {
  const revisions = factRevisions(model);
  return model.facts.filter((fact) => revisions.get(fact.name)?.includes(revision) === true).map((fact) => fact.name);
}
