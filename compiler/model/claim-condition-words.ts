// The words of a condition over claim facts for a billing rule's message (lowering writes the message
// of a rule without `says`): the docs' own words (emit/docs/words.ts), as plain text, so that the
// message and the docs say a guard alike.
// NOTE: the one import of lowering from emit/: the alternative, a second worder of conditions here,
// would drift from the docs' words (the style guide's "the semantics exist once").

import type { FactModel, PolicyModel } from "./policy-model.js";
import type { ClaimConditionWords } from "./claim-rules.js";
import { ConditionWords, phraseInline } from "../emit/docs/words.js";
import { plainText } from "../emit/docs/markdown.js";

/** Words of conditions over `claimFacts` (each read as its description, a value as its label). */
export function claimConditionWords(
  claimFacts: readonly FactModel[],
  valueSets: PolicyModel["valueSets"],
): ClaimConditionWords {
  // Claim conditions name no definition and no criterion, so nothing is linked.
  const words = new ConditionWords({ facts: claimFacts, definitions: [], valueSets }, () => undefined);
  return (condition, negated) => plainText(phraseInline(words.phrase(condition, negated)));
}
