// How many questions a pending WNC.CP.224 decision takes to become covered or not covered, when the
// first question its `missingFacts` lists is asked and answered each time: fact by fact in the fact
// table's order (how missingFacts came before they were ranked), fact by fact in the ranked order,
// and question by question (the facts of one question, runtime/question-groups.ts, answered at once).
// Each case is a seeded fact set with every fact given a value (the hidden truth the answers come
// from), of which a random share is known at the start.

import { evaluate, factMetadata, type Facts, type PolicyDecision } from "../generated/wnc-cp-224/evaluator.js";
import type { MissingFact } from "../compiler/runtime/decision.js";
import type { TypeMetadata } from "../compiler/runtime/fact-metadata.js";
import { BenchFailure } from "./failure.js";
import { chance, pick, seededRandom, type Random } from "./random.js";
import { wncFactSets } from "./wnc-fact-sets.js";

type Groups = Record<string, Record<string, unknown>>;

/** How the first question is chosen and how much of it one answer gives. */
export type AskingOrder = "fact table order" | "ranked" | "ranked and grouped";
const ORDERS: readonly AskingOrder[] = ["fact table order", "ranked", "ranked and grouped"];

/** The questions one order took: over every case, and on average over those that end covered, or not. */
export interface OrderFigures {
  readonly mean: number;
  readonly p90: number;
  readonly max: number;
  readonly meanCovered: number;
  readonly meanNotCovered: number;
}

export interface QuestionCounts {
  /** Cases pending at the start (the others need no question), and how many end covered, or not. */
  readonly cases: number;
  readonly covered: number;
  readonly notCovered: number;
  readonly byOrder: ReadonlyMap<AskingOrder, OrderFigures>;
}

const FACT_NAMES = Object.keys(factMetadata) as (keyof typeof factMetadata)[];
const TABLE_POSITION = new Map<string, number>(FACT_NAMES.map((name, position) => [name, position]));

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A value of the fact's type, for a fact the seeded set left unknown. */
function drawValue(random: Random, type: TypeMetadata, asOf: string): unknown {
  switch (type.type) {
    case "boolean":
      return chance(random, 0.5);
    case "date":
      return addDays(asOf, pick(random, [-400, -30, -1, 0, 1, 200]));
    case "number":
      return Math.round((type.min ?? 0) + random() * ((type.max ?? 100) - (type.min ?? 0)));
    case "oneOf":
      return pick(random, type.options).value;
    case "setOf":
      return type.options.filter(() => chance(random, 0.8)).map((option) => option.value);
    case "code":
    case "codes":
    case "list":
      throw new BenchFailure(`question-order bench: no value drawn for a fact of type ${type.type}`);
  }
}

function split(name: string): [group: string, key: string] {
  const dot = name.indexOf(".");
  return [name.slice(0, dot), name.slice(dot + 1)];
}

/** Every fact of the set given a value: those it left unknown drawn from their types. */
function hiddenCase(random: Random, facts: Facts, asOf: string): Groups {
  const known = facts as Readonly<Record<string, Readonly<Record<string, unknown>> | null | undefined>>;
  const full: Groups = {};
  for (const name of FACT_NAMES) {
    const [group, key] = split(name);
    const value = known[group]?.[key] ?? drawValue(random, factMetadata[name], asOf);
    (full[group] ??= {})[key] = value;
  }
  return full;
}

/** What is known at the start: each fact of the hidden case with probability `share`. */
function knownPart(random: Random, hidden: Groups, share: number): Groups {
  const known: Groups = {};
  for (const name of FACT_NAMES) {
    if (!chance(random, share)) continue;
    const [group, key] = split(name);
    (known[group] ??= {})[key] = hidden[group]![key];
  }
  return known;
}

/** The facts answered by asking the first question in `order`. */
function firstQuestion(order: AskingOrder, missing: readonly MissingFact[], hidden: Groups): readonly string[] {
  if (order === "fact table order") {
    const first = [...missing].sort((a, b) => TABLE_POSITION.get(a.fact)! - TABLE_POSITION.get(b.fact)!)[0]!;
    return [first.fact];
  }
  const first = missing[0]!;
  if (order === "ranked" || first.group === undefined) return [first.fact];
  // The question's facts; a dated one's date only when the hidden answer to its yes-or-no says it exists.
  const group = first.group;
  return missing
    .filter((fact) => fact.group?.kind === group.kind && fact.group.id === group.id)
    .filter(({ askWhen }) => {
      if (askWhen === undefined) return true;
      const [guardGroup, guardKey] = split(askWhen.fact);
      return hidden[guardGroup]![guardKey] === askWhen.answer;
    })
    .map((fact) => fact.fact);
}

/** The end of asking: how many questions it took, and the outcome reached. */
interface Asked {
  readonly questions: number;
  readonly outcome: PolicyDecision["outcome"];
}

/** How many questions the case takes in `order` until it is not pending (or nothing is left to ask). */
function questionsToDecide(order: AskingOrder, hidden: Groups, start: Groups, asOf: string): Asked {
  const known: Groups = Object.fromEntries(Object.entries(start).map(([group, values]) => [group, { ...values }]));
  for (let questions = 0; questions <= FACT_NAMES.length; questions++) {
    const decision: PolicyDecision = evaluate(known, { asOf });
    if (decision.outcome !== "pending" || decision.missingFacts.length === 0)
      return { questions, outcome: decision.outcome };
    for (const name of firstQuestion(order, decision.missingFacts, hidden)) {
      const [group, key] = split(name);
      (known[group] ??= {})[key] = hidden[group]![key];
    }
  }
  throw new BenchFailure(`question-order bench: a case on ${asOf} was still pending after every fact was asked`);
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}

/** Asks `count` seeded cases in each order; every order sees the same cases. */
export function measureQuestionOrder(count: number, seed = 13): QuestionCounts {
  const random = seededRandom(seed);
  const runs = new Map<AskingOrder, Asked[]>(ORDERS.map((order) => [order, []]));
  for (const { facts, asOf } of wncFactSets(count, seed)) {
    const hidden = hiddenCase(random, facts, asOf);
    const start = knownPart(random, hidden, random() * 0.9);
    if (evaluate(start, { asOf }).outcome !== "pending") continue;
    for (const order of ORDERS) runs.get(order)!.push(questionsToDecide(order, hidden, start, asOf));
  }
  const byOrder = new Map(
    ORDERS.map((order) => {
      const asked = runs.get(order)!;
      const sorted = asked.map((run) => run.questions).sort((a, b) => a - b);
      const ending = (outcome: string) =>
        mean(asked.filter((run) => run.outcome === outcome).map((run) => run.questions));
      const figures: OrderFigures = {
        mean: mean(sorted),
        p90: percentile(sorted, 0.9),
        max: sorted.at(-1) ?? 0,
        meanCovered: ending("covered"),
        meanNotCovered: ending("not_covered"),
      };
      return [order, figures] as const;
    }),
  );
  const first = runs.get(ORDERS[0]!)!;
  return {
    cases: first.length,
    covered: first.filter((run) => run.outcome === "covered").length,
    notCovered: first.filter((run) => run.outcome === "not_covered").length,
    byOrder,
  };
}

const LABELS: Readonly<Record<AskingOrder, string>> = {
  "fact table order": "before: a fact at a time, in the fact table's order",
  ranked: "ranked, a fact at a time",
  "ranked and grouped": "after: ranked, a question at a time",
};

/** The bench table's section: per order, the questions asked on average, at the 90th percentile, at most. */
export function questionOrderRows(counts: QuestionCounts): string[][] {
  return [
    [""],
    [
      `Questions to a decision (WNC.CP.224, ${counts.cases.toLocaleString("en-US")} partly known pending cases: ` +
        `${counts.covered.toLocaleString("en-US")} end covered, ${counts.notCovered.toLocaleString("en-US")} not covered)`,
      "mean",
      "p90",
      "max",
      "mean, covered",
      "mean, not covered",
    ],
    ...ORDERS.map((order) => {
      const figures = counts.byOrder.get(order)!;
      return [
        `  ${LABELS[order]}`,
        figures.mean.toFixed(2),
        String(figures.p90),
        String(figures.max),
        figures.meanCovered.toFixed(2),
        figures.meanNotCovered.toFixed(2),
      ];
    }),
  ];
}
