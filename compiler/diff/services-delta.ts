// The cases of one period whose coverage stands but whose services not covered change: a services
// exclusion (`excludes services of I.F when ...`) that holds in one version and not in the other, on
// a case both versions decide alike. The decision lists those services unless it denies, so a case
// denied (or refused) in both is not counted. Reads the two versions' outcome diagrams (outcome-diagrams.ts).

import type { BinaryOperation, DiagramStore, ModelCounter, Node } from "./decision-diagram.js";
import { OR } from "./condition-diagrams.js";
import { outcomeCodes, type OutcomeDiagrams } from "./outcome-diagrams.js";

const denying = new Set<number>([outcomeCodes.indexOf("not_covered"), outcomeCodes.indexOf("refused")]);

/** A services exclusion's truth as the decision shows it: none when the outcome denies or refuses. */
const SHOWN: BinaryOperation = {
  name: "services-shown",
  apply: (outcome, truth) => (denying.has(outcome) ? 0 : truth),
};
/** 1 where the two versions show a services exclusion differently. */
const DIFFERS: BinaryOperation = { name: "services-differ", apply: (before, after) => (before === after ? 0 : 1) };
const BOTH: BinaryOperation = { name: "services-both", apply: Math.min, absorbing: 0, identity: 1 };

/** The cases whose outcome pair (`pair`, terminals `before * outcomes + after`) is unchanged and whose services differ. */
export function servicesChangedAlone(
  store: DiagramStore,
  counter: ModelCounter,
  pair: Node,
  before: OutcomeDiagrams,
  after: OutcomeDiagrams,
): bigint {
  const ids = [...new Set([...before.services.keys(), ...after.services.keys()])].sort();
  if (ids.length === 0) return 0n;
  const never = store.terminal(0);
  let differs = never;
  for (const id of ids) {
    const shownBefore = store.apply(SHOWN, before.outcome, before.services.get(id) ?? never);
    const shownAfter = store.apply(SHOWN, after.outcome, after.services.get(id) ?? never);
    differs = store.apply(OR, differs, store.apply(DIFFERS, shownBefore, shownAfter));
  }
  if (differs === never) return 0n;
  const count = outcomeCodes.length;
  const same = store.map("services-same-outcome", (code) => (Math.floor(code / count) === code % count ? 1 : 0), pair);
  return counter.count(store.apply(BOTH, same, differs), "services-one", (value) => value === 1);
}
