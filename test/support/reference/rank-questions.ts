// The reference order of a pending decision's missing facts (runtime/rank-questions.ts says why):
// those whose answer alone can decide the case first, then those that can settle the most undecided
// rules, then the policy's fact order; the facts of one question (emit/evaluator/question-groups.ts)
// together, the ones others wait on first. Plain sets of fact names, written for reading.

import type { Condition, ExceptionModel, PolicyModel, RuleModel } from "../../../compiler/model/policy-model.js";
import type { MissingFact, QuestionGroup } from "../../../compiler/runtime/decision.js";
import { questionGroupsOf } from "../../../compiler/emit/evaluator/question-groups.js";
import { FALSE, TRUE, UNKNOWN, factsAwaited, truthOf, type ConditionScope, type Truth } from "./conditions.js";

/** A truth and, when unknown, the facts whose answer alone can make it true, or false. */
interface Reach {
  readonly truth: Truth;
  readonly toTrue: ReadonlySet<string>;
  readonly toFalse: ReadonlySet<string>;
}

const none: ReadonlySet<string> = new Set();
const settled = (truth: Truth): Reach => ({ truth, toTrue: none, toFalse: none });
const opposite = (reach: Reach): Reach => ({
  truth: reach.truth === UNKNOWN ? UNKNOWN : reach.truth === TRUE ? FALSE : TRUE,
  toTrue: reach.toFalse,
  toFalse: reach.toTrue,
});

/** The facts in at least `needed` of the sets. */
function inAtLeast(sets: readonly ReadonlySet<string>[], needed: number): ReadonlySet<string> {
  const everyFact = new Set(sets.flatMap((set) => [...set]));
  return new Set([...everyFact].filter((fact) => needed > 0 && sets.filter((set) => set.has(fact)).length >= needed));
}

/** At least `count` of the operands: true once enough are; a fact decides it by turning enough unknown ones. */
function atLeast(count: number, operands: readonly Reach[]): Reach {
  const trues = operands.filter((operand) => operand.truth === TRUE).length;
  const open = operands.filter((operand) => operand.truth === UNKNOWN);
  if (trues >= count) return settled(TRUE);
  if (trues + open.length < count) return settled(FALSE);
  const missing = count - trues;
  return {
    truth: UNKNOWN,
    toTrue: inAtLeast(
      open.map((operand) => operand.toTrue),
      missing,
    ),
    toFalse: inAtLeast(
      open.map((operand) => operand.toFalse),
      open.length - missing + 1,
    ),
  };
}

function reachOf(condition: Condition, scope: ConditionScope): Reach {
  switch (condition.kind) {
    case "not":
      return opposite(reachOf(condition.operand, scope));
    case "and":
      return atLeast(
        condition.operands.length,
        condition.operands.map((operand) => reachOf(operand, scope)),
      );
    case "or":
      return atLeast(
        1,
        condition.operands.map((operand) => reachOf(operand, scope)),
      );
    case "atLeast":
      return atLeast(
        condition.count,
        condition.operands.map((operand) => reachOf(operand, scope)),
      );
    case "definition":
      return reachOf(scope.definition(condition.name), scope);
    case "part":
      return reachOf(scope.part(condition.id), scope);
    case "applied":
      return reachOf(condition.condition, scope);
    default: {
      // Anything else waits on its unknown facts together: one of them alone decides it only when it is the only one.
      const truth = truthOf(condition, scope);
      if (truth !== UNKNOWN) return settled(truth);
      const facts = new Set<string>();
      factsAwaited(condition, scope, facts);
      return facts.size === 1 ? { truth, toTrue: facts, toFalse: facts } : settled(truth);
    }
  }
}

/** What the reference knows of an undecided rule. */
export interface UndecidedRule {
  readonly rule: RuleModel;
  readonly applies: Truth;
  readonly holds: Truth;
  readonly overriders: readonly { readonly exception: ExceptionModel; readonly applies: Truth }[];
}

/** Whether the rule's denial stands: it applies, is not met (an exclusion: holds), and no exception sets it aside. */
function standingReach({ rule, applies, holds, overriders }: UndecidedRule, scope: ConditionScope): Reach {
  const appliesReach =
    applies === UNKNOWN
      ? atLeast(
          rule.applicability.length,
          rule.applicability.map(({ condition }) => reachOf(condition, scope)),
        )
      : settled(applies);
  const holdsReach = holds === UNKNOWN ? reachOf(rule.condition, scope) : settled(holds);
  const denies = atLeast(2, [appliesReach, rule.role === "requirement" ? opposite(holdsReach) : holdsReach]);
  const waived = atLeast(
    1,
    overriders.map(({ exception, applies: exceptionApplies }) =>
      exceptionApplies === UNKNOWN ? reachOf(exception.condition, scope) : settled(exceptionApplies),
    ),
  );
  return atLeast(2, [denies, opposite(waived)]);
}

/** The awaited facts of a pending decision, as MissingFacts in the order a pending decision asks them. */
export function rankedMissingFacts(
  undated: PolicyModel,
  facts: PolicyModel["facts"],
  awaited: ReadonlySet<string>,
  undecided: readonly UndecidedRule[],
  scope: ConditionScope,
): MissingFact[] {
  const standings = undecided.map((finding) => standingReach(finding, scope));
  const outcome = atLeast(1, standings);
  const decides = (fact: string) => outcome.toTrue.has(fact) || outcome.toFalse.has(fact);
  const settles = (fact: string) =>
    standings.filter((standing) => standing.toTrue.has(fact) || standing.toFalse.has(fact)).length;

  const groupOf = new Map<string, Pick<MissingFact, "group" | "askWhen" | "reason">>();
  for (const entry of questionGroupsOf(undated)) {
    const text = entry.kind === "reasons" ? entry.text : facts.find((fact) => fact.name === entry.id)!.question;
    const group: QuestionGroup = { kind: entry.kind, id: entry.id, text };
    if (entry.kind === "reasons")
      for (const { id, text, fact, answer } of entry.reasons)
        groupOf.set(fact, { group, reason: { id, text, answer } });
    else {
      groupOf.set(entry.id, { group });
      for (const date of entry.dates) groupOf.set(date, { group, askWhen: { fact: entry.id, answer: entry.when } });
    }
  }
  const asked = facts
    .map((fact, position) => ({ fact, position }))
    .filter(({ fact }) => awaited.has(fact.name))
    .map(({ fact, position }) => ({
      entry: {
        fact: fact.name,
        question: fact.question,
        description: fact.description,
        readBy: fact.readBy,
        ...groupOf.get(fact.name),
      },
      rank: [decides(fact.name) ? 0 : 1, -settles(fact.name), position],
      question: groupOf.has(fact.name) ? `group ${groupOf.get(fact.name)!.group!.id}` : `fact ${fact.name}`,
    }));
  const compare = (a: readonly number[], b: readonly number[]) =>
    a.map((value, index) => value - b[index]!).find((difference) => difference !== 0) ?? 0;
  const bestOf = (question: string) =>
    asked
      .filter((item) => item.question === question)
      .map((item) => item.rank)
      .sort(compare)[0]!;
  const questions = [...new Set(asked.map((item) => item.question))].sort((a, b) => compare(bestOf(a), bestOf(b)));
  return questions.flatMap((question) => {
    const members = asked.filter((item) => item.question === question).map((item) => item.entry);
    return [
      ...members.filter((member) => member.askWhen === undefined),
      ...members.filter((member) => member.askWhen !== undefined),
    ];
  });
}
