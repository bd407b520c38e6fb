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
import { markUnknownFacts, truthOf, type ExplainScope } from "./explain.js";
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

const NOTHING: readonly number[] = Object.freeze([]);
const KNOWN: readonly Reach[] = [0, 1, 2].map((truth) =>
  Object.freeze({ truth: truth as Truth, toTrue: NOTHING, toFalse: NOTHING }),
);

function known(truth: Truth): Reach {
  return KNOWN[truth]!;
}

function negated(reach: Reach): Reach {
  return { truth: (2 - reach.truth) as Truth, toTrue: reach.toFalse, toFalse: reach.toTrue };
}

function inAnyBefore(lists: readonly (readonly number[])[], end: number, fact: number): boolean {
  for (let i = 0; i < end; i++) if (lists[i]!.includes(fact)) return true;
  return false;
}

/** The facts found in at least `needed` of `lists` (each list holds a fact once; the lists are short). */
function inAtLeast(lists: readonly (readonly number[])[], needed: number): readonly number[] {
  if (needed <= 0 || needed > lists.length) return NOTHING;
  if (lists.length === 1) return lists[0]!;
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
  const unknown: Reach[] = [];
  for (const operand of operands) {
    if (operand.truth === 2) trues++;
    else if (operand.truth === 1) unknown.push(operand);
  }
  if (trues >= count) return known(2);
  if (trues + unknown.length < count) return known(0);
  const stillNeeded = count - trues;
  return {
    truth: 1,
    toTrue: inAtLeast(
      unknown.map((operand) => operand.toTrue),
      stillNeeded,
    ),
    toFalse: inAtLeast(
      unknown.map((operand) => operand.toFalse),
      unknown.length - stillNeeded + 1,
    ),
  };
}

const allOf = (operands: readonly Reach[]): Reach => atLeastOf(operands.length, operands);
const anyOf = (operands: readonly Reach[]): Reach => atLeastOf(1, operands);

/** What can decide the conditions of one case, each definition's found once. */
class CaseReach {
  private readonly definitions = new Map<string, Reach>();

  constructor(private readonly scope: ExplainScope) {}

  of(condition: Condition): Reach {
    const { scope } = this;
    switch (condition.kind) {
      case "not":
        return negated(this.of(condition.operand));
      case "and":
        return allOf(condition.operands.map((operand) => this.of(operand)));
      case "or":
        return anyOf(condition.operands.map((operand) => this.of(operand)));
      case "atLeast":
        return atLeastOf(
          condition.count,
          condition.operands.map((operand) => this.of(operand)),
        );
      case "definition": {
        const truth = scope.definitionValues[scope.index.definitionPosition.get(condition.name) ?? -1] ?? 1;
        const definition = scope.index.definitionsByName.get(condition.name);
        if (truth !== 1 || definition === undefined) return known(truth);
        let reach = this.definitions.get(condition.name);
        if (reach === undefined) this.definitions.set(condition.name, (reach = this.of(definition.when)));
        return reach;
      }
      case "part": {
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

  /** A condition with no operands of its own: decided alone by its one unknown fact, when it has one. */
  private leaf(condition: Condition): Reach {
    const truth = truthOf(condition, this.scope);
    if (truth !== 1) return known(truth);
    const marks: number[] = [];
    markUnknownFacts(condition, this.scope, marks);
    const facts = [...new Set(marks)];
    return facts.length === 1 ? { truth, toTrue: facts, toFalse: facts } : { truth, toTrue: NOTHING, toFalse: NOTHING };
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
    const applies =
      truths.applies[i] === 1
        ? allOf(
            rule.sections.map((section) =>
              truths.sections[section] === 1
                ? reach.of(policy.sections[section]!.appliesWhen)
                : known(truths.sections[section]!),
            ),
          )
        : known(truths.applies[i]!);
    const holds = truths.holds[i] === 1 ? reach.of(rule.when) : known(truths.holds[i]!);
    const denies = allOf([applies, rule.role === "requirement" ? negated(holds) : holds]);
    const waived = anyOf(
      rule.overriddenBy.map((j) =>
        truths.exceptions[j] === 1 ? reach.of(policy.exceptions[j]!.when) : known(truths.exceptions[j]!),
      ),
    );
    denials.push(allOf([denies, negated(waived)]));
  }
  return denials;
}

/**
 * The facts marked in `marked` (by position in the fact table), ranked: those that can decide the
 * case alone first, then by how many undecided rules each can settle, then in the fact table's
 * order; a question's facts together, where its best-ranked fact stands, the facts others wait on first.
 */
export function rankMissingFacts<S, RuleId extends string, FactName extends string, ExceptionId extends string>(
  policy: PreparedPolicy<S, RuleId, FactName, ExceptionId>,
  truths: Workspace,
  scope: ExplainScope,
  marked: Uint8Array,
): MissingFact<FactName, RuleId | ExceptionId>[] {
  const generic = policy as PreparedPolicy<S, string, string, string>;
  const denials = undecidedDenials(generic, truths, new CaseReach(scope));
  const outcome = anyOf(denials);
  const factCount = marked.length;
  const decides = new Uint8Array(factCount);
  for (const fact of outcome.toTrue) decides[fact] = 1;
  for (const fact of outcome.toFalse) decides[fact] = 1;
  const settles = new Uint32Array(factCount);
  for (const denial of denials) {
    for (const fact of denial.toTrue) settles[fact]!++;
    for (const fact of denial.toFalse) if (!denial.toTrue.includes(fact)) settles[fact]!++;
  }

  // One rank per question, least first: a fact asked alone is its own question; a group's is its
  // best fact's. (Whether it decides alone, then the rules it cannot settle, then its position.)
  const ruleCount = denials.length + 1;
  const rankOf = (position: number): number =>
    ((1 - decides[position]!) * ruleCount + (ruleCount - 1 - settles[position]!)) * factCount + position;
  const questions = new Map<object | number, { rank: number; members: number[] }>();
  for (let position = 0; position < factCount; position++) {
    if (marked[position] === 0) continue;
    const key = policy.missingFacts[position]!.group ?? position;
    const rank = rankOf(position);
    const question = questions.get(key);
    if (question === undefined) questions.set(key, { rank, members: [position] });
    else {
      question.members.push(position);
      if (rank < question.rank) question.rank = rank;
    }
  }
  const ordered = [...questions.values()].sort((a, b) => a.rank - b.rank);
  const missing: MissingFact<FactName, RuleId | ExceptionId>[] = [];
  for (const { members } of ordered) {
    // The facts asked first within a question: those no other waits on come before the ones that wait.
    for (const position of members)
      if (policy.missingFacts[position]!.askWhen === undefined) missing.push(policy.missingFacts[position]!);
    for (const position of members)
      if (policy.missingFacts[position]!.askWhen !== undefined) missing.push(policy.missingFacts[position]!);
  }
  return missing;
}
