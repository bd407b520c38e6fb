// What a notice of an adverse benefit determination is written from: the decision the generated
// evaluator made, and for each statement that denies (or is still undecided) what an appeals reviewer
// needs beside it: the published number and words, the logic in words, the facts it relied on with
// their values, the readings applied, and every exception considered with why it did or did not
// apply. The evaluator decides; this only explains, from the same model the evaluator was built from.

import { readingRegister } from "../model/reading-register.js";
import type { Condition, FactModel, PolicyModel, RuleModel } from "../model/policy-model.js";
import { nestedConditions } from "../model/walk-conditions.js";
import { inForceOn, versionOn } from "../model/versions.js";
import { factsScope, truthOf, type CaseScope, type Truth } from "../cases/condition-truth.js";
import { factOfTerm } from "../model/date-terms.js";
import { ConditionWords, phraseInline } from "../emit/docs/words.js";
import type { NoticeDecision } from "./decision-input.js";

export interface FactRelied {
  readonly name: string;
  readonly description: string;
  /** The value in words (`a skilled nursing facility`), or undefined when nobody recorded it. */
  readonly value?: string;
}

export interface ExceptionConsidered {
  readonly id: string;
  readonly title: string;
  /** Whether it may set the statement aside at all, and if it may, whether it applied. */
  readonly verdict: "cannot reach it" | "applies" | "does not apply" | "pending";
  /** Why, in words (Markdown, as the docs write a condition): the category it never overrides, or its condition. */
  readonly why: string;
  readonly facts: readonly FactRelied[];
}

export interface NoticeReasonRecord {
  readonly id: string;
  readonly kind: string;
  /** `denies` for a criterion not met or an exclusion that holds alike; `pending` while the decision is. */
  readonly effect: "denies" | "pending";
  readonly words: string;
  readonly items: readonly { readonly label: string; readonly text: string }[];
  /** "Met when ...", "Not covered when ...", in Markdown as the docs write it. */
  readonly logic: string;
  readonly facts: readonly FactRelied[];
  /** The readings the evaluator says the reason relied on, each as the register cites it and in its words. */
  readonly readings: readonly { readonly cited: string; readonly text: string }[];
  readonly exceptions: readonly ExceptionConsidered[];
}

export interface NoticeRecord {
  readonly decision: NoticeDecision;
  readonly title: string;
  readonly plan: string;
  readonly reasons: readonly NoticeReasonRecord[];
}

function valueWords(fact: FactModel, value: ReturnType<CaseScope["valueOf"]>): string | undefined {
  const type = fact.type;
  if (value === undefined) return undefined;
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number")
    return type.kind === "number" && type.unit !== undefined ? `${value} ${type.unit}` : `${value}`;
  if (typeof value === "string")
    return type.kind === "oneOf" ? (type.values.find((candidate) => candidate.name === value)?.label ?? value) : value;
  // A set of values, a set of codes, or a list of records.
  if (type.kind === "list") return `${value.length} record${value.length === 1 ? "" : "s"}`;
  const held = value.filter((item): item is string => typeof item === "string");
  if (type.kind === "setOf") {
    const labels = type.values.filter((candidate) => held.includes(candidate.name)).map((v) => v.label);
    return labels.length === 0 ? "none of them" : labels.join("; ");
  }
  return held.length === 0 ? "none" : held.join(", ");
}

/** The definitions a condition names, directly or through other definitions. */
function definitionsIn(model: PolicyModel, condition: Condition, seen = new Set<string>()): Set<string> {
  for (const node of nestedConditions(condition)) {
    if (node.kind !== "definition" || seen.has(node.name)) continue;
    seen.add(node.name);
    const definition = model.definitions.find((candidate) => candidate.name === node.name);
    if (definition) definitionsIn(model, definition.condition, seen);
  }
  return seen;
}

function factsOf(model: PolicyModel, names: Iterable<string>, scope: CaseScope): FactRelied[] {
  return [...new Set(names)].flatMap((name) => {
    const fact = model.facts.find((candidate) => candidate.name === name);
    if (!fact) return [];
    const value = valueWords(fact, scope.valueOf(name));
    return [{ name, description: fact.description, ...(value === undefined ? {} : { value }) }];
  });
}

/** The facts a condition reads directly and through definitions. */
function factsRead(model: PolicyModel, condition: Condition): string[] {
  const conditions = [
    condition,
    ...[...definitionsIn(model, condition)].flatMap(
      (name) => model.definitions.find((definition) => definition.name === name)?.condition ?? [],
    ),
  ];
  return conditions.flatMap((root) =>
    [...nestedConditions(root)].flatMap((node): string[] => {
      switch (node.kind) {
        case "fact":
        case "oneOf":
        case "contains":
          return [node.fact];
        case "compare":
          return [node.left, node.right].flatMap((term) => factOfTerm(term) ?? []);
        case "dateWindow":
          return [node.date, node.anchor].flatMap((term) => factOfTerm(term) ?? []);
        default:
          return [];
      }
    }),
  );
}

export function noticeRecord(model: PolicyModel, decision: NoticeDecision, facts: unknown): NoticeRecord {
  const words = new ConditionWords(model, () => undefined);
  const register = new Map(readingRegister(model).map((reading) => [reading.id, reading]));
  const scope = factsScope(model, facts, decision.asOf);
  const say = (condition: Condition): string => phraseInline(words.phrase(condition));

  const exceptionsFor = (rule: RuleModel): ExceptionConsidered[] =>
    model.exceptions
      .filter((exception) => inForceOn(exception.inForce, model.revisions, decision.asOf))
      .map((exception): ExceptionConsidered => {
        const base = { id: exception.id, title: exception.title };
        if (!exception.overrides.includes(rule.id)) {
          const never = rule.category !== undefined && exception.neverOverrides.includes(rule.category);
          return {
            ...base,
            verdict: "cannot reach it",
            why: never
              ? `It never sets aside a statement of the category \`${rule.category ?? ""}\`.`
              : `It does not name ${rule.id} among the statements it may set aside.`,
            facts: [],
          };
        }
        const truth: Truth = truthOf(exception.condition, scope);
        const condition = say(exception.condition);
        return {
          ...base,
          verdict: truth === 2 ? "applies" : truth === 0 ? "does not apply" : "pending",
          why:
            truth === 2
              ? `It applies when ${condition}, and it does.`
              : truth === 0
                ? `It applies only when ${condition}, and that does not hold.`
                : `It applies when ${condition}; whether it does is not known yet.`,
          facts: factsOf(model, factsRead(model, exception.condition), scope),
        };
      });

  const reasons = decision.reasons.flatMap((reason): NoticeReasonRecord[] => {
    if (decision.outcome === "covered") return [];
    const rule = model.rules.find((candidate) => candidate.id === reason.id);
    if (!rule) return [];
    const version = versionOn(rule, model.revisions, decision.asOf) ?? rule;
    const logic =
      rule.role === "requirement" || rule.role === "part"
        ? `Met when ${say(version.condition)}.`
        : version.written.keyword === "unless"
          ? `Not covered unless ${say(version.written.condition)}.`
          : `Not covered when ${say(version.condition)}.`;
    return [
      {
        id: rule.id,
        kind: rule.kind,
        effect: decision.outcome === "pending" ? "pending" : "denies",
        words: version.text,
        items: rule.items,
        logic,
        facts: factsOf(model, factsRead(model, version.condition), scope),
        readings: reason.readings.map((id) => {
          const reading = register.get(id);
          // The evaluator was built from this model (the notice command checks its source hash).
          if (!reading)
            throw new Error(`policyc notice: the evaluator cites a reading the policy does not have: ${id}`);
          return { cited: `${reading.owner}, reading ${String(reading.number)}`, text: reading.text };
        }),
        exceptions: exceptionsFor(rule),
      },
    ];
  });
  return { decision, title: model.title, plan: model.plan, reasons };
}
