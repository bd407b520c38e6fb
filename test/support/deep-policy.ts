// Policies that nest a condition, a unit limit's arithmetic or a name to a given depth, each level
// counted as the nesting limit (PC007) counts it. Shared by the nesting-limit tests and the fuzz suite.

export const deepPolicyPath = "deep.policy";

/** A policy that checks clean on its own; each shape adds one statement to it. */
export const deepPolicyBase = `policy DEEP.1
  title "Deep" plan "Plan" description "A policy nested as deep as the limit allows." last review 2024-01
revision 2024-01 "Original." effective 2024-01-01
fact a.flag: yes or no description "A flag." ask "Is the flag set?"
fact a.age: number from 0 to 120 description "Age." ask "How old?"
fact a.place: one of home "at home", clinic "in a clinic" description "Where." ask "Where?"
claim fact n: number description "N." ask "N?"
section S "Covered when:"
criterion S.0 "Reads every fact." met when a.flag or a.age > 1 or a.place is home
code T1002 "RN Services." rule r0: units at most claim.n
`;

export interface NestingShape {
  readonly name: string;
  /** The statement that nests `depth` levels. */
  statement(depth: number): string;
  /** Each occurrence opens one level: the (limit + 1)-th is where PC007 points. */
  readonly opener: RegExp;
}

function times(text: string, count: number): string {
  return text.repeat(count);
}

/** `a and (b or (c and ...))`: the shape whose evaluator grew quadratically with its depth. */
export function alternatingChain(depth: number): string {
  let condition = "a.flag";
  for (let level = 0; level < depth; level++)
    condition = `a.age > ${level % 100} ${level % 2 === 0 ? "or" : "and"} (${condition})`;
  return condition;
}

export const nestingShapes: readonly NestingShape[] = [
  {
    name: "parentheses",
    statement: (depth) => `criterion S.1 "x" met when ${times("(", depth)}a.flag${times(")", depth)}\n`,
    opener: /\(/g,
  },
  {
    name: "not",
    statement: (depth) => `criterion S.1 "x" met when ${times("not ", depth)}a.flag\n`,
    opener: /\bnot\b/g,
  },
  {
    name: "at least N of",
    statement: (depth) =>
      `criterion S.1 "x" met when ${times("at least 1 of (a.flag, ", depth)}a.place is one of (home, clinic)${times(")", depth)}\n`,
    opener: /\bat least\b/g,
  },
  {
    name: "all of",
    statement: (depth) =>
      `criterion S.1 "x" met when ${times("all of (a.age > 3, ", depth)}a.flag${times(")", depth)}\n`,
    opener: /\ball of\b/g,
  },
  {
    name: "any of",
    statement: (depth) =>
      `define d "d" as ${times("any of (a.flag, ", depth)}a.place is not home${times(")", depth)}\ncriterion S.1 "x" met when d\n`,
    opener: /\bany of\b/g,
  },
  {
    name: "not and parentheses in turn",
    statement: (depth) =>
      `exclusion S.2 "x" not covered when ${times("not (a.flag or ", Math.floor(depth / 2))}${depth % 2 === 1 ? "not " : ""}a.age < 3${times(")", Math.floor(depth / 2))}\n`,
    opener: /\bnot\b(?! covered)|\(/g,
  },
  {
    name: "and and or in turn",
    statement: (depth) => `criterion S.1 "x" met when ${alternatingChain(depth)}\n`,
    opener: /\(/g,
  },
  {
    name: "arithmetic parentheses",
    statement: (depth) =>
      `code T1030 "Nursing." rule r1: units at most ${times("(", depth)}claim.n${times(")", depth)}\n`,
    opener: /\(/g,
  },
  {
    name: "arithmetic operators",
    statement: (depth) => `code T1030 "Nursing." rule r1: units at most claim.n${times(" + 1", depth)}\n`,
    opener: /\+/g,
  },
];

/** A name of `parts` parts: `g.g.g...`. */
export function nameOfParts(parts: number): string {
  return Array.from({ length: parts }, () => "g").join(".");
}

/** Criteria each a part of the one before: S.1, S.1.p, S.1.p.p... down to `levels` levels below S. */
export function deepOutline(levels: number): string {
  const ids = Array.from({ length: levels - 1 }, (_, index) => `S.1${".p".repeat(index)}`);
  return ids
    .map(
      (id, index) =>
        `criterion ${id} "x" met when ${index + 1 < ids.length ? `${ids[index + 1]} and a.flag` : "a.age > 3"}\n`,
    )
    .join("");
}
