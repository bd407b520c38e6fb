// Conditions of the policy model in plain words, for the docs and the review summary of `diff`.
// A fact reads as its description ("the member's age in whole years on the date of service is less
// than 21"), a value as its label, a definition as its label linked to it; a condition too long for
// one sentence becomes a nested list ("all of the following hold:").

import type {
  AppliedArgument,
  Condition,
  DurationUnit,
  FactModel,
  ParameterModel,
  PolicyModel,
  Term,
} from "../../model/policy-model.js";
import { normalUnit, percentNormal } from "../../syntax/number-units.js";
import { statementKey } from "./anchors.js";
import { fieldPhrase, recordNamesByList } from "./record-names.js";
import { anchorLink, code, series, text, words, type Block, type Inline } from "./markdown.js";
import { negatedStatement } from "./negation.js";

/** A condition in words: one phrase, or a lead phrase with a list of conditions under it. */
export type Phrase =
  | { readonly kind: "inline"; readonly text: Inline }
  | { readonly kind: "list"; readonly lead: Inline; readonly items: readonly Phrase[] };

/** The key of the heading a name links to; undefined where it should not be linked. */
export type LinkTarget = (kind: "definition" | "criterion", id: string) => string | undefined;

const defaultTarget: LinkTarget = (kind, id) => statementKey(kind, id);

/** A description as the subject of a sentence: "The member's age." -> "the member's age". */
export function subject(description: string): string {
  const trimmed = description.trim().replace(/[.;:]$/, "");
  const first = trimmed.split(/\s/)[0] ?? "";
  const keepCase = first.length > 1 && first === first.toUpperCase();
  return keepCase ? trimmed : `${trimmed.slice(0, 1).toLowerCase()}${trimmed.slice(1)}`;
}

export class ConditionWords {
  private readonly facts: ReadonlyMap<string, FactModel>;
  private readonly definitions: ReadonlyMap<string, string>;
  /** The list each enclosing quantifier goes through, by the name it gives each record. */
  private readonly bindings = new Map<string, FactModel>();
  private readonly valueSets: ReadonlyMap<string, string>;
  private readonly recordNames: ReadonlyMap<string, readonly string[]>;
  /** While a definition's own condition is worded: the values of each one-of parameter, by its name. */
  private readonly parameterValues = new Map<string, readonly { readonly name: string; readonly label: string }[]>();

  constructor(
    model: Pick<PolicyModel, "facts" | "definitions"> & { readonly valueSets?: PolicyModel["valueSets"] },
    private readonly target: LinkTarget = defaultTarget,
  ) {
    this.facts = new Map(model.facts.map((fact) => [fact.name, fact]));
    this.definitions = new Map(model.definitions.map((definition) => [definition.name, definition.label]));
    this.valueSets = new Map((model.valueSets ?? []).map((valueSet) => [valueSet.name, valueSet.label]));
    this.recordNames = recordNamesByList(model);
  }

  /** "the primary diagnosis is a code in the value set `copd` (chronic obstructive pulmonary disease diagnoses)". */
  private membership(condition: Extract<Condition, { kind: "inValueSet" }>, negated: boolean): Inline {
    const label = this.valueSets.get(condition.valueSet);
    const set = words`the value set ${code(condition.valueSet)}${label === undefined ? words`` : words` (${text(label)})`}`;
    const subjectText = this.factSubject(condition.fact);
    if (condition.mode === "one") return words`${subjectText} ${negated ? words`is not` : words`is`} a code in ${set}`;
    return negated
      ? words`none of ${subjectText} is a code in ${set}`
      : words`at least one of ${subjectText} is a code in ${set}`;
  }

  private factSubject(name: string): Inline {
    const fact = this.facts.get(name);
    return fact && fact.description.trim() !== "" ? text(subject(fact.description)) : code(name);
  }

  private fieldOf(variable: string, name: string) {
    const list = this.bindings.get(variable)?.type;
    return list?.kind === "list" ? list.fields.find((field) => field.name === name) : undefined;
  }

  /** A field of a named record: "the oxygen saturation of the abg", "the day the abg was performed" (record-names.ts). */
  private fieldSubject(variable: string, name: string): Inline {
    const label = this.fieldOf(variable, name)?.label ?? name;
    const list = this.bindings.get(variable)?.name;
    const names = list === undefined ? [] : (this.recordNames.get(list) ?? []);
    return text(fieldPhrase(subject(label), variable, names));
  }

  private label(fact: string, value: string): Inline {
    const type = this.facts.get(fact)?.type;
    const found =
      type && (type.kind === "oneOf" || type.kind === "setOf") ? type.values.find((v) => v.name === value) : undefined;
    return found ? text(found.label) : code(value);
  }

  private isDate(term: Term): boolean {
    return (
      term.kind === "date" ||
      term.kind === "serviceDate" ||
      term.kind === "shifted" ||
      (term.kind === "fact" && this.facts.get(term.fact)?.type.kind === "date") ||
      (term.kind === "field" && this.fieldOf(term.variable, term.field)?.type.kind === "date")
    );
  }

  private term(term: Term): Inline {
    switch (term.kind) {
      case "fact":
        return this.factSubject(term.fact);
      case "number": {
        return text(String(term.value));
      }
      case "date":
        return text(term.value);
      case "text":
        return text(term.value);
      case "serviceDate":
        return words`the service date`;
      case "shifted":
        return words`${this.term(term.date)} ${text(term.by.amount < 0 ? "minus" : "plus")} ${durationWords(Math.abs(term.by.amount), term.by.unit)}`;
      case "field":
        return this.fieldSubject(term.variable, term.field);
      case "parameter":
        // As the definition's heading calls it: (of a number called “limit”).
        return text(`“${term.name.replace(/_/g, " ")}”`);
    }
  }

  /** A quantifier in words: a lead naming the list and the name of each record, the conditions under it. */
  private records(condition: Extract<Condition, { kind: "records" }>, negated: boolean): Phrase {
    const list = this.facts.get(condition.list);
    if (list) this.bindings.set(condition.variable, list);
    try {
      const records = words`${this.factSubject(condition.list)} (each called ${text(`“${condition.variable.replace(/_/g, " ")}”`)})`;
      const quantifier = condition.quantifier;
      const filter = quantifier.filter;
      const selected = (lead: Inline): Phrase[] =>
        filter.kind === "constant" && filter.value
          ? []
          : [{ kind: "list", lead: words`${lead} those for which:`, items: [this.phrase(filter)] }];
      switch (quantifier.kind) {
        case "some":
        case "none": {
          const some = (quantifier.kind === "some") !== negated;
          const lead = some ? words`at least one of ${records}` : words`none of ${records}`;
          if (filter.kind === "constant" && filter.value)
            return { kind: "inline", text: some ? words`there is ${lead}` : words`there is ${lead}` };
          return { kind: "list", lead: words`${lead} is such that:`, items: [this.phrase(filter)] };
        }
        case "every":
          return {
            kind: "list",
            lead: negated
              ? words`at least one of ${records} fails the test below:`
              : words`every one of ${records} passes the test below:`,
            items: [
              ...selected(words`counting only`),
              { kind: "list", lead: words`the test:`, items: [this.phrase(quantifier.test)] },
            ],
          };
        case "count": {
          const operator = negated
            ? ({ "<": ">=", "<=": ">", ">": "<=", ">=": "<", "=": "!=", "!=": "=" } as const)[quantifier.operator]
            : quantifier.operator;
          const compared = {
            "<": "is less than",
            "<=": "is at most",
            ">": "is more than",
            ">=": "is at least",
            "=": "is",
            "!=": "is not",
          }[operator];
          const lead = words`the number of ${records} ${text(compared)} ${this.term(quantifier.than)}`;
          if (filter.kind === "constant" && filter.value) return { kind: "inline", text: lead };
          return { kind: "list", lead: words`${lead}, counting those for which:`, items: [this.phrase(filter)] };
        }
        case "latest":
        case "earliest": {
          const by = this.fieldOf(condition.variable, quantifier.by)?.label ?? quantifier.by;
          const lead = words`the ${text(quantifier.kind)} of ${records} by ${text(subject(by))} ${negated ? words`fails` : words`passes`} the test below (false when there is none${filter.kind === "constant" ? words`` : words` selected`}):`;
          return {
            kind: "list",
            lead,
            items: [
              ...selected(words`choosing among`),
              { kind: "list", lead: words`the test:`, items: [this.phrase(quantifier.test)] },
            ],
          };
        }
      }
    } finally {
      this.bindings.delete(condition.variable);
    }
  }

  /** "is within 30 days before the service date", "is between day 61 and day 90 after the start date (both included)". */
  private dateWindow(condition: Extract<Condition, { kind: "dateWindow" }>, negated: boolean): Inline {
    const { window } = condition;
    const is = negated ? words`is not` : words`is`;
    const anchor = this.term(condition.anchor);
    const span =
      window.kind === "days"
        ? words`between day ${text(String(window.first))} and day ${text(String(window.last))} ${text(window.side)} ${anchor} (both days included)`
        : window.side === "around"
          ? words`within ${durationWords(window.length.amount, window.length.unit)} of ${anchor}, before or after`
          : words`within ${durationWords(window.length.amount, window.length.unit)} ${text(window.side)} ${anchor}`;
    return words`${this.term(condition.date)} ${is} ${span}`;
  }

  /** The unit after a number compared with a number fact: "21 years"; a percent is written "88%". */
  private unit(term: Term, other: Term): Inline {
    if (term.kind !== "number" || (other.kind !== "fact" && other.kind !== "field")) return words``;
    const type =
      other.kind === "field" ? this.fieldOf(other.variable, other.field)?.type : this.facts.get(other.fact)?.type;
    if (type?.kind !== "number" || type.unit === undefined) return words``;
    return normalUnit(type.unit) === percentNormal ? text("%") : words` ${text(type.unit)}`;
  }

  private comparison(condition: Extract<Condition, { kind: "compare" }>, negated: boolean): Inline {
    const dates = this.isDate(condition.left) || this.isDate(condition.right);
    const operator = negated
      ? ({ "<": ">=", "<=": ">", ">": "<=", ">=": "<", "=": "!=", "!=": "=" } as const)[condition.operator]
      : condition.operator;
    const phrase = dates
      ? {
          "<": "is before",
          "<=": "is on or before",
          ">": "is after",
          ">=": "is on or after",
          "=": "is on",
          "!=": "is not on",
        }[operator]
      : {
          "<": "is less than",
          "<=": "is at most",
          ">": "is more than",
          ">=": "is at least",
          "=": "is",
          "!=": "is not",
        }[operator];
    return words`${this.valueTerm(condition.left, condition.right)}${this.unit(condition.left, condition.right)} ${text(phrase)} ${this.valueTerm(condition.right, condition.left)}${this.unit(condition.right, condition.left)}`;
  }

  /** A term, or the label of a value compared with a one-of field of a record ("at rest"). */
  private valueTerm(term: Term, other: Term): Inline {
    if (term.kind === "text" && other.kind === "parameter") {
      const found = this.parameterValues.get(other.name)?.find((value) => value.name === term.value);
      return found ? text(found.label) : code(term.value);
    }
    return term.kind === "text" && other.kind === "field"
      ? this.fieldValueLabel(other.variable, other.field, term.value)
      : this.term(term);
  }

  private link(kind: "definition" | "criterion", id: string, label: Inline): Inline {
    const anchor = this.target(kind, id);
    return anchor === undefined ? label : anchorLink(label, anchor);
  }

  /** A condition in words; `negated` says it for the condition not holding. */
  phrase(condition: Condition, negated = false): Phrase {
    const inline = (value: Inline): Phrase => ({ kind: "inline", text: value });
    switch (condition.kind) {
      case "constant":
        return inline(condition.value !== negated ? words`always` : words`never`);
      case "fact": {
        const fact = this.factSubject(condition.fact);
        return inline(negated ? this.denied(this.facts.get(condition.fact)?.description, fact) : fact);
      }
      case "oneOf": {
        const labels = condition.values.map((value) => this.label(condition.fact, value));
        const subjectText = this.factSubject(condition.fact);
        if (!negated) return inline(words`${subjectText} is ${series(labels, "or")}`);
        return inline(
          labels.length === 1
            ? words`${subjectText} is not ${labels[0] ?? words``}`
            : words`${subjectText} is neither ${series(labels, "nor")}`,
        );
      }
      case "contains": {
        const labels = condition.values.map((value) => this.label(condition.fact, value));
        const subjectText = this.factSubject(condition.fact);
        const all = condition.mode === "all";
        // NOTE: a set's description names its members ("the things the home has"), so its verb is plural.
        if (labels.length === 1)
          return inline(
            words`${subjectText} ${negated ? words`do not include` : words`include`} ${labels[0] ?? words``}`,
          );
        const quantity = all
          ? negated
            ? words`do not include all of`
            : words`include all of`
          : negated
            ? words`include none of`
            : words`include at least one of`;
        return inline(words`${subjectText} ${quantity}: ${series(labels, "and")}`);
      }
      case "compare":
        return inline(this.comparison(condition, negated));
      case "dateWindow":
        return inline(this.dateWindow(condition, negated));
      case "inValueSet":
        return inline(this.membership(condition, negated));
      case "not":
        return this.phrase(condition.operand, !negated);
      case "definition": {
        const label = this.link(
          "definition",
          condition.name,
          text(this.definitions.get(condition.name) ?? condition.name),
        );
        const name = this.definitions.get(condition.name);
        const deniedName = name === undefined ? undefined : negatedStatement(name);
        if (negated && deniedName !== undefined)
          return inline(this.link("definition", condition.name, text(deniedName)));
        return inline(negated ? words`${label}: no` : label);
      }
      case "part": {
        const link = this.link("criterion", condition.id, text(condition.id));
        return inline(negated ? words`criterion ${link} is not met` : words`criterion ${link} is met`);
      }
      case "statement": {
        const link =
          condition.target === "criterion"
            ? this.link("criterion", condition.id, text(condition.id))
            : text(condition.id);
        const kind = text(condition.target);
        return inline(negated ? words`${kind} ${link} is not met` : words`${kind} ${link} is met`);
      }
      case "and":
      case "or":
      case "atLeast":
        return this.group(condition, negated);
      case "field": {
        const field = this.fieldSubject(condition.variable, condition.field);
        if (condition.test.kind === "yes") return inline(negated ? words`${field}: no` : field);
        const labels = condition.test.values.map((value) =>
          this.fieldValueLabel(condition.variable, condition.field, value),
        );
        const quantity =
          condition.test.mode === "all"
            ? negated
              ? words`do not include all of`
              : words`include all of`
            : negated
              ? words`include none of`
              : words`include at least one of`;
        return inline(words`${field} ${quantity}: ${series(labels, "and")}`);
      }
      case "records":
        return this.records(condition, negated);
      case "applied": {
        const label = this.link(
          "definition",
          condition.definition,
          text(this.definitions.get(condition.definition) ?? condition.definition),
        );
        const named = words`${label} (${this.callArguments(condition.arguments)})`;
        return inline(negated ? words`${named}: no` : named);
      }
    }
  }

  /**
   * A yes-or-no statement denied: its description in the negative ("the documentation is not on
   * file"), or "<statement>: no" when its form has no simple negative.
   */
  private denied(description: string | undefined, statement: Inline): Inline {
    const negative =
      description === undefined || description.trim() === "" ? undefined : negatedStatement(subject(description));
    return negative === undefined ? words`${statement}: no` : text(negative);
  }

  /** "for the abg, with “limit” as the plan's limit": what a call gives its parameters. */
  private callArguments(args: readonly AppliedArgument[]): Inline {
    const records = args.flatMap((argument) =>
      argument.kind === "record" ? [text(argument.variable.replace(/_/g, " "))] : [],
    );
    const values = args.flatMap((argument) =>
      argument.kind === "value"
        ? [words`${text(`“${argument.parameter.replace(/_/g, " ")}”`)} as ${this.term(argument.term)}`]
        : [],
    );
    const forRecords = records.length === 0 ? undefined : words`for the ${series(records, "and")}`;
    const withValues = values.length === 0 ? undefined : words`with ${series(values, "and")}`;
    if (forRecords && withValues) return words`${forRecords}, ${withValues}`;
    return forRecords ?? withValues ?? words``;
  }

  /** Words of a condition that reads a definition's parameters: each record parameter read as a record of its list. */
  phraseWith(parameters: readonly ParameterModel[], condition: Condition): Phrase {
    const records = parameters.flatMap((parameter) => (parameter.kind === "record" ? [parameter] : []));
    for (const { name, list } of records) {
      const fact = this.facts.get(list);
      if (fact) this.bindings.set(name, fact);
    }
    for (const parameter of parameters)
      if (parameter.kind === "value" && parameter.type.kind === "oneOf")
        this.parameterValues.set(parameter.name, parameter.type.values);
    try {
      return this.phrase(condition);
    } finally {
      for (const { name } of records) this.bindings.delete(name);
      this.parameterValues.clear();
    }
  }

  private fieldValueLabel(variable: string, field: string, value: string): Inline {
    const type = this.fieldOf(variable, field)?.type;
    const found =
      type && (type.kind === "oneOf" || type.kind === "setOf") ? type.values.find((v) => v.name === value) : undefined;
    return found ? text(found.label) : code(value);
  }

  private group(condition: Extract<Condition, { kind: "and" | "or" | "atLeast" }>, negated: boolean): Phrase {
    const items = condition.operands.map((operand) => this.phrase(operand));
    const simple =
      items.every((item) => item.kind === "inline") && items.length === 2 && condition.kind !== "atLeast" && !negated;
    // NOTE: two operands join into one sentence only when neither is negated or compound: "it is not
    // the case that A or B" could be read two ways.
    const isLeaf = (operand: Condition) =>
      operand.kind !== "and" && operand.kind !== "or" && operand.kind !== "atLeast" && operand.kind !== "not";
    if (simple && condition.operands.every(isLeaf)) {
      const texts = items.map((item) => (item.kind === "inline" ? item.text : words``));
      return { kind: "inline", text: series(texts, condition.kind === "and" ? "and" : "or") };
    }
    let lead: Inline = words``;
    if (condition.kind === "and")
      lead = negated ? words`not all of the following hold:` : words`all of the following hold:`;
    else if (condition.kind === "or")
      lead = negated ? words`none of the following holds:` : words`at least one of the following holds:`;
    else if (condition.kind === "atLeast")
      lead = negated
        ? words`fewer than ${text(String(condition.count))} of the following hold:`
        : words`at least ${text(String(condition.count))} of the following hold:`;
    return { kind: "list", lead, items };
  }
}

/** "30 days", "1 month". */
function durationWords(amount: number, unit: DurationUnit): Inline {
  return text(`${amount} ${amount === 1 ? unit.slice(0, -1) : unit}`);
}

/** A phrase as blocks: `intro` then the phrase, as a sentence or as a sentence and a nested list. */
export function phraseBlocks(intro: Inline, phrase: Phrase): Block[] {
  if (phrase.kind === "inline") return [{ kind: "paragraph", text: words`${intro} ${phrase.text}.` }];
  return [{ kind: "paragraph", text: words`${intro} ${phrase.lead}` }, phraseList(phrase)];
}

/** The list under a phrase's lead. */
export function phraseList(phrase: Extract<Phrase, { kind: "list" }>): Block {
  return {
    kind: "list",
    items: phrase.items.map((item) =>
      item.kind === "inline" ? { text: item.text } : { text: item.lead, children: [phraseList(item)] },
    ),
  };
}

/** A phrase on one line, for tables and summaries: nested lists in brackets. */
export function phraseInline(phrase: Phrase): Inline {
  if (phrase.kind === "inline") return phrase.text;
  return words`${phrase.lead} (${phrase.items.map(phraseInline).join("; ") as Inline})`;
}
