// A yes-or-no statement in the negative, for the docs' words of `not <fact>`: "the documentation is
// not on file", "the member cannot walk"; undefined where no simple verb is found (words.ts then
// writes "<statement>: no"). A statement already negative is turned positive, never denied twice.

/** Verbs after which a plain `not` makes the negative. */
const NOT_AFTER = new Set(["is", "are", "was", "were", "will", "would", "should", "must", "may", "might", "could"]);

/**
 * Verbs in the third person that a statement may turn on, with their plain form: "carries a
 * restriction" is denied as "does not carry a restriction". Kept short: a word such as "needs" or
 * "uses" is as often a noun, and a wrong guess would misquote the policy.
 */
const THIRD_PERSON: ReadonlyMap<string, string> = new Map([
  ["carries", "carry"],
  ["requires", "require"],
  ["receives", "receive"],
  ["meets", "meet"],
  ["lives", "live"],
  ["qualifies", "qualify"],
  ["takes", "take"],
]);

/** A statement already in the negative: its verb's negation is removed instead of adding one. */
const NEGATIVE = /\b(?:is|are|was|were|will|would|should|must|may|might|could|has|have) not\b|\bcannot\b/;

/** Words that deny on their own; a statement holding one is not negated word by word (":" no" is used). */
const DENIAL = /\b(?:not|no|never|none|nothing|nobody|neither|nor|without)\b|n't\b/i;

/** The statement in the negative, or undefined when its form is not one of the simple ones. */
export function negatedStatement(statement: string): string | undefined {
  const negative = NEGATIVE.exec(statement);
  if (negative !== null) {
    const positive = negative[0] === "cannot" ? "can" : negative[0].replace(/ not$/, "");
    const result = statement.slice(0, negative.index) + positive + statement.slice(negative.index + negative[0].length);
    return DENIAL.test(result) ? undefined : result;
  }
  if (DENIAL.test(statement)) return undefined;
  const words = statement.split(" ");
  for (let index = 1; index < words.length; index++) {
    const word = words[index]!;
    const next = words[index + 1] ?? "";
    let negated: string | undefined;
    if (NOT_AFTER.has(word)) negated = `${word} not`;
    else if (word === "can") negated = "cannot";
    else if (word === "has" || word === "have")
      // "has been", "has documented": a perfect tense takes `not`; "has an end date" is the verb "have".
      negated = /(?:ed|en)$/.test(next) ? `${word} not` : word === "has" ? "does not have" : "do not have";
    else if (THIRD_PERSON.has(word)) negated = `does not ${THIRD_PERSON.get(word)}`;
    if (negated !== undefined) return [...words.slice(0, index), negated, ...words.slice(index + 1)].join(" ");
  }
  return undefined;
}
