// DO NOT EDIT. Copied by policyc from compiler/runtime/rank-questions.ts.
// The order a pending decision asks its missing facts in: first those whose answer alone can decide
// the case, then those that can settle the most undecided rules, then the fact table's order; the
// facts asked together as one question (question-groups.ts) next to each other. Runs only when a
// decision is pending, over the undecided rules only.
//
// "Can decide alone": some value of the fact, every other fact as it is, makes the outcome covered
// or not covered. It is found from the conditions as data, bottom up, with the truths the evaluation
// computed, without evaluating again: for each unknown condition, the facts that alone can make it
// true and those that alone can make it false (`Reach`):
//   - a condition that waits on one unknown fact (a comparison, a fact's test, a quantifier, a
//     statement referred to) can be made true or false by it; one that waits on several, by none;
//   - `not` swaps the two; `at least k of` (and `and`, `or`, which are all and one of) can be made
//     true by a fact that makes enough of its unknown operands true to reach k with the true ones,
//     and false by one that makes so many false that k can no longer be reached;
//   - a definition or a part is its condition.
// A rule denies when it applies, is not met (an exclusion: holds) and no exception sets it aside;
// coverage is denied when some rule denies. NOTE: an estimate from the structure, not a search over
// values: a fact that must take two different values in two places is counted as able to do both,
// and a comparison is taken to go either way (docs/evaluators.md, "The order of the questions").

import type { MissingFact } from "./decision.js";
import { truthMarking, type ExplainScope } from "./explain.js";
import type { Condition } from "./policy-table.js";
import type { PreparedPolicy } from "./prepare.js";
import { both, not, type Truth } from "./truth.js";
import type { Workspace } from "./workspace.js";

/** A condition's truth on the case and, when unknown, the facts (positions) that alone can make it true, or false. */
interface Reach {
  readonly truth: Truth;
  readonly toTrue: readonly number[];
  readonly toFalse: readonly number[];
}

// NOTE: not frozen: a frozen array has elements of another kind, and the loops over these lists
// would meet two kinds; it is never written (readonly).
const NOTHING: readonly number[] = [];
const KNOWN: readonly Reach[] = [0, 1, 2].map((truth) =>
  Object.freeze({ truth: truth as Truth, toTrue: NOTHING, toFalse: NOTHING }),
);

/** Unknown, and no one fact alone can decide it. */
const UNDECIDED_BY_NONE = KNOWN[1]!;

function known(truth: Truth): Reach {
  return KNOWN[truth]!;
}

function negated(reach: Reach): Reach {
  if (reach.truth !== 1) return known(not(reach.truth));
  return { truth: (2 - reach.truth) as Truth, toTrue: reach.toFalse, toFalse: reach.toTrue };
}

function inAnyBefore(lists: readonly (readonly number[])[], end: number, fact: number): boolean {
  for (let i = 0; i < end; i++) if (lists[i]!.includes(fact)) return true;
  return false;
}

/** The facts found in any of `lists` (the common case of `inAtLeast`, one pass). */
function inAny(lists: readonly (readonly number[])[]): readonly number[] {
  let found: number[] | undefined;
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i]!;
    for (let k = 0; k < list.length; k++) {
      const fact = list[k]!;
      if (found === undefined) found = [fact];
      else if (!found.includes(fact)) found.push(fact);
    }
  }
  return found ?? NOTHING;
}

/** The facts found in every one of `lists`: those of the first that each other holds. */
function inEvery(lists: readonly (readonly number[])[]): readonly number[] {
  let found: number[] | undefined;
  const first = lists[0]!;
  for (let k = 0; k < first.length; k++) {
    const fact = first[k]!;
    let everywhere = true;
    for (let i = 1; i < lists.length && everywhere; i++) everywhere = lists[i]!.includes(fact);
    if (everywhere) (found ??= []).push(fact);
  }
  return found ?? NOTHING;
}

/** The facts found in at least `needed` of `lists` (each list holds a fact once; the lists are short). */
function inAtLeast(lists: readonly (readonly number[])[], needed: number): readonly number[] {
  if (needed <= 0 || needed > lists.length) return NOTHING;
  if (lists.length === 1) return lists[0]!;
  if (needed === 1) return inAny(lists);
  if (needed === lists.length) return inEvery(lists);
  let found: number[] | undefined;
  for (let i = 0; i < lists.length; i++) {
    for (const fact of lists[i]!) {
      // Counted from its first list on: a fact seen in an earlier list was counted there already.
      if (found?.includes(fact) === true || inAnyBefore(lists, i, fact)) continue;
      let count = 1;
      for (let j = i + 1; j < lists.length; j++) if (lists[j]!.includes(fact)) count++;
      if (count >= needed) (found ??= []).push(fact);
    }
  }
  return found ?? NOTHING;
}

/** At least `count` of `operands` true, in three-valued logic, with the facts that alone can decide it. */
function atLeastOf(count: number, operands: readonly Reach[]): Reach {
  let trues = 0;
  let unknowns = 0;
  let lastUnknown: Reach | undefined;
  for (let i = 0; i < operands.length; i++) {
    const operand = operands[i]!;
    if (operand.truth === 2) trues++;
    else if (operand.truth === 1) {
      unknowns++;
      lastUnknown = operand;
    }
  }
  if (trues >= count) return known(2);
  if (trues + unknowns < count) return known(0);
  // One unknown operand decides alone (it is the one still needed): the compound reaches what it does.
  if (unknowns === 1) return lastUnknown!;
  const toTrue: (readonly number[])[] = [];
  const toFalse: (readonly number[])[] = [];
  for (let i = 0; i < operands.length; i++) {
    const operand = operands[i]!;
    if (operand.truth !== 1) continue;
    toTrue.push(operand.toTrue);
    toFalse.push(operand.toFalse);
  }
  const stillNeeded = count - trues;
  return {
    truth: 1,
    toTrue: inAtLeast(toTrue, stillNeeded),
    toFalse: inAtLeast(toFalse, unknowns - stillNeeded + 1),
  };
}

const anyOf = (operands: readonly Reach[]): Reach => atLeastOf(1, operands);

/** Both true (allOf of two), without building a list: a known true operand leaves the other to decide. */
function bothOf(first: Reach, second: Reach): Reach {
  if (first.truth === 0 || second.truth === 0) return known(0);
  if (first.truth === 2) return second;
  if (second.truth === 2) return first;
  return atLeastOf(2, [first, second]);
}

/** Either true (anyOf of two), without building a list: a known false operand leaves the other to decide. */
function eitherOf(first: Reach, second: Reach): Reach {
  if (first.truth === 2 || second.truth === 2) return known(2);
  if (first.truth === 0) return second;
  if (second.truth === 0) return first;
  return atLeastOf(1, [first, second]);
}

/** A definition's reach on one case, and the unknown facts under it. */
interface DefinitionReach {
  readonly reach: Reach;
  readonly marks: readonly number[];
}

/**
 * What can decide the conditions of one case, each definition's found once; and, in `marks`, every
 * unknown fact under the unknown parts of the conditions walked: the facts markUnknownFacts
 * (explain.ts) marks, found in the same walk (a known part's facts are dropped, as there).
 */
class CaseReach {
  private definitions: Map<string, DefinitionReach> | undefined;

  constructor(
    private readonly scope: ExplainScope,
    readonly marks: number[],
  ) {}

  of(condition: Condition): Reach {
    switch (condition.kind) {
      case "not":
        return negated(this.of(condition.operand));
      case "and":
      case "or":
      case "atLeast": {
        const start = this.marks.length;
        const operands: Reach[] = [];
        for (let i = 0; i < condition.operands.length; i++) operands.push(this.of(condition.operands[i]!));
        const needed = condition.kind === "atLeast" ? condition.count : condition.kind === "and" ? operands.length : 1;
        const reach = atLeastOf(needed, operands);
        if (reach.truth !== 1) this.marks.length = start;
        return reach;
      }
      case "definition":
        return this.definition(condition.name);
      case "part": {
        const { scope } = this;
        const truth = scope.partValues[scope.index.partPosition.get(condition.id) ?? -1] ?? 1;
        const part = scope.partsById.get(condition.id);
        return truth !== 1 || part === undefined ? known(truth) : this.of(part);
      }
      case "applied":
        return this.of(condition.condition);
      default:
        return this.leaf(condition);
    }
  }

  /** An unknown definition is its condition, walked once per case; its facts are marked wherever it is named. */
  private definition(name: string): Reach {
    const { scope, marks } = this;
    const truth = scope.definitionValues[scope.index.definitionPosition.get(name) ?? -1] ?? 1;
    const definition = scope.index.definitionsByName.get(name);
    if (truth !== 1 || definition === undefined) return known(truth);
    let found = this.definitions?.get(name);
    if (found === undefined) {
      const start = marks.length;
      found = { reach: this.of(definition.when), marks: marks.slice(start) };
      (this.definitions ??= new Map()).set(name, found);
    } else for (const fact of found.marks) marks.push(fact);
    return found.reach;
  }

  /** A condition with no operands of its own: decided alone by its one unknown fact, when it has one. */
  private leaf(condition: Condition): Reach {
    const { marks } = this;
    const start = marks.length;
    const truth = truthMarking(condition, this.scope, marks);
    if (truth !== 1) {
      marks.length = start;
      return known(truth);
    }
    // Decided alone when every fact marked is the same one.
    if (marks.length === start) return UNDECIDED_BY_NONE;
    const fact = marks[start]!;
    for (let i = start + 1; i < marks.length; i++) if (marks[i] !== fact) return UNDECIDED_BY_NONE;
    const alone = [fact];
    return { truth, toTrue: alone, toFalse: alone };
  }
}

/** Whether each undecided rule denies, as a Reach: it applies, is not met (or holds), and is not set aside. */
function undecidedDenials<S>(
  policy: PreparedPolicy<S, string, string, string>,
  truths: Workspace,
  reach: CaseReach,
): Reach[] {
  const rules = truths.period.rules;
  const denials: Reach[] = [];
  for (let i = 0; i < rules.length; i++) {
    if (both(truths.denies[i]!, not(truths.waived[i]!)) !== 1) continue;
    const rule = rules[i]!;
    // Folds of two at a time, not lists: only which facts each reach holds matters, not their order.
    let applies = known(truths.applies[i]!);
    if (truths.applies[i] === 1) {
      applies = known(2);
      for (const section of rule.sections) {
        const truth = truths.sections[section]!;
        applies = bothOf(applies, truth === 1 ? reach.of(policy.sections[section]!.appliesWhen) : known(truth));
      }
    }
    const holds = truths.holds[i] === 1 ? reach.of(rule.when) : known(truths.holds[i]!);
    const denies = bothOf(applies, rule.role === "requirement" ? negated(holds) : holds);
    let waived = known(0);
    for (const j of rule.overriddenBy) {
      const truth = truths.exceptions[j]!;
      waived = eitherOf(waived, truth === 1 ? reach.of(policy.exceptions[j]!.when) : known(truth));
    }
    denials.push(bothOf(denies, negated(waived)));
  }
  return denials;
}

/** Flags, counts and ranks per fact, kept between rankings: allocating them per pending decision showed in the profile. */
let scratch = {
  marked: new Uint8Array(0),
  decides: new Uint8Array(0),
  settles: new Uint32Array(0),
  /** Per question, by its key (question-groups.ts, `questionKeysOf`): its rank, the best of its facts', or UNRANKED. */
  questionRank: new Uint32Array(0),
  /** The keys of the questions asked, in the order first met, then sorted by rank. */
  asked: new Uint32Array(0),
};

const UNRANKED = 0xffffffff;

/** The scratch flags, counts and ranks, `factCount` of each reset. */
function scratchFor(factCount: number): typeof scratch {
  if (scratch.marked.length < factCount)
    scratch = {
      marked: new Uint8Array(factCount),
      decides: new Uint8Array(factCount),
      settles: new Uint32Array(factCount),
      questionRank: new Uint32Array(factCount),
      asked: new Uint32Array(factCount),
    };
  scratch.marked.fill(0, 0, factCount);
  scratch.decides.fill(0, 0, factCount);
  scratch.settles.fill(0, 0, factCount);
  scratch.questionRank.fill(UNRANKED, 0, factCount);
  return scratch;
}

/** The first `count` of `keys` sorted in place by `rank`, least first: an insertion sort, since a pending case asks a handful of questions. */
function sortByRank(keys: Uint32Array, count: number, rank: Uint32Array): void {
  for (let i = 1; i < count; i++) {
    const key = keys[i]!;
    const keyRank = rank[key]!;
    let k = i - 1;
    for (; k >= 0 && rank[keys[k]!]! > keyRank; k--) keys[k + 1] = keys[k]!;
    keys[k + 1] = key;
  }
}

/**
 * The unknown facts that can still change the outcome (those under an undecided denial: its unknown
 * sections' conditions, its condition when unknown, its unknown exceptions'), each once, ranked: those
 * that can decide the case alone first, then by how many undecided rules each can settle, then in the
 * fact table's order; a question's facts together, where its best-ranked fact stands, the facts others
 * wait on first.
 */
export function rankMissingFacts<S, RuleId extends string, FactName extends string, ExceptionId extends string>(
  policy: PreparedPolicy<S, RuleId, FactName, ExceptionId>,
  truths: Workspace,
  scope: ExplainScope,
): MissingFact<FactName, RuleId | ExceptionId>[] {
  const generic = policy as PreparedPolicy<S, string, string, string>;
  const marks: number[] = [];
  const denials = undecidedDenials(generic, truths, new CaseReach(scope, marks));
  const outcome = anyOf(denials);
  const factCount = policy.facts.length;
  // Scratch flags and counts by fact, zeroed here (the ranking is synchronous and calls out to nothing).
  const { marked, decides, settles, questionRank, asked } = scratchFor(factCount);
  for (let k = 0; k < marks.length; k++) marked[marks[k]!] = 1;
  for (let k = 0; k < outcome.toTrue.length; k++) decides[outcome.toTrue[k]!] = 1;
  for (let k = 0; k < outcome.toFalse.length; k++) decides[outcome.toFalse[k]!] = 1;
  for (const denial of denials) {
    const { toTrue, toFalse } = denial;
    for (let k = 0; k < toTrue.length; k++) settles[toTrue[k]!]!++;
    for (let k = 0; k < toFalse.length; k++) if (!toTrue.includes(toFalse[k]!)) settles[toFalse[k]!]!++;
  }

  // One rank per question, least first: a fact asked alone is its own question; a group's is its
  // best fact's. (Whether it decides alone, then the rules it cannot settle, then its position.)
  // Ranks are distinct, each fact's holding its position. Kept by question key in the scratch
  // arrays: a record per question, searched in a list, showed in a pending decision's profile.
  const ruleCount = denials.length + 1;
  const { questionKeys } = policy;
  let askedCount = 0;
  for (let position = 0; position < factCount; position++) {
    if (marked[position] === 0) continue;
    const key = questionKeys.question[position]!;
    const rank = ((1 - decides[position]!) * ruleCount + (ruleCount - 1 - settles[position]!)) * factCount + position;
    if (questionRank[key] === UNRANKED) asked[askedCount++] = key;
    if (rank < questionRank[key]!) questionRank[key] = rank;
  }
  sortByRank(asked, askedCount, questionRank);
  const missing: MissingFact<FactName, RuleId | ExceptionId>[] = [];
  for (let q = 0; q < askedCount; q++) {
    const members = questionKeys.members[asked[q]!]!;
    // The facts asked first within a question: those no other waits on come before the ones that wait.
    for (const position of members)
      if (marked[position] === 1 && questionKeys.waits[position] === 0) missing.push(policy.missingFacts[position]!);
    for (const position of members)
      if (marked[position] === 1 && questionKeys.waits[position] === 1) missing.push(policy.missingFacts[position]!);
  }
  return missing;
}
