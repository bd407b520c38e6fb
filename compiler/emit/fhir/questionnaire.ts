// Stage 4d of the pipeline: the policy model in, a FHIR R4 Questionnaire per revision out (for Da
// Vinci DTR): one question per fact the revision reads (linkId = the fact's name, text = its
// question), typed from the fact's type, grouped as the facts are, and enabled only when its logic
// can make it matter (enable-when.ts). Written into generated/<policy>/fhir/questionnaire.<revision>.json.

import type {
  Coding,
  Extension,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireItemAnswerOption,
  QuestionnaireItemEnableWhen,
} from "fhir/r4.js";
import type { EnumValue, FactModel, FactType, PolicyModel, RecordField } from "../../model/policy-model.js";
import { factsOfRevision } from "../../model/fact-revisions.js";
import { codePattern, type CodeSystem } from "../../runtime/codes.js";
import { enablingGuards, type Guard } from "./enable-when.js";

const MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
const MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
const UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
const REGEX = "http://hl7.org/fhir/StructureDefinition/regex";
const MAX_OCCURS = "http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs";
const UCUM = "http://unitsofmeasure.org";

/** The units the language's facts use, in UCUM; another unit is shown by its words only. */
const ucumCodes: { readonly [unit: string]: string } = {
  years: "a",
  months: "mo",
  weeks: "wk",
  days: "d",
  hours: "h",
  minutes: "min",
  percent: "%",
  "mm Hg": "mm[Hg]",
  kg: "kg",
  cm: "cm",
};

/** Where the Questionnaire of a policy names things: its canonical url, and the code system of each fact's options. */
export interface QuestionnaireNames {
  /** `<base>`, from package.json `policyc.canonicalBase`. */
  readonly base: string;
  /** The policy's folder under generated/: `wnc-cp-224`. */
  readonly slug: string;
}

/** The code system of a one-of or set fact's (or record field's) options. */
export function optionSystem(names: QuestionnaireNames, name: string): string {
  return `${names.base}/CodeSystem/${names.slug}-${name}`;
}

export function questionnaireUrl(names: QuestionnaireNames, revision: string): string {
  return `${names.base}/Questionnaire/${names.slug}-${revision}`;
}

/**
 * The answer that says a set holds none of its values (an empty set, which is known), not the same
 * as leaving the question unanswered (unknown). Its code cannot be a value's: values are identifiers.
 */
export const NONE_OF_THESE = "none-of-these";

function answerOptions(
  names: QuestionnaireNames,
  name: string,
  values: readonly EnumValue[],
  orNone = false,
): QuestionnaireItemAnswerOption[] {
  const system = optionSystem(names, name);
  const options = values.map((value) => ({ valueCoding: { system, code: value.name, display: value.label } }));
  return orNone ? [...options, { valueCoding: { system, code: NONE_OF_THESE, display: "none of these" } }] : options;
}

function unitExtension(unit: string): Extension {
  const code = ucumCodes[unit];
  const coding: Coding = code === undefined ? { display: unit } : { system: UCUM, code, display: unit };
  return { url: UNIT, valueCoding: coding };
}

/** A question for a value of `type`, named `linkId`, asking `text`. */
function typedItem(
  names: QuestionnaireNames,
  linkId: string,
  text: string,
  type: Exclude<FactType, { readonly kind: "list" }>,
): QuestionnaireItem {
  switch (type.kind) {
    case "boolean":
      return { linkId, text, type: "boolean" };
    case "date":
      return { linkId, text, type: "date" };
    case "number": {
      const extension: Extension[] = [
        ...(type.min !== undefined ? [{ url: MIN_VALUE, valueDecimal: type.min }] : []),
        ...(type.max !== undefined ? [{ url: MAX_VALUE, valueDecimal: type.max }] : []),
        ...(type.unit !== undefined ? [unitExtension(type.unit)] : []),
      ];
      return { ...(extension.length > 0 && { extension }), linkId, text, type: "decimal" };
    }
    case "oneOf":
      return { linkId, text, type: "choice", answerOption: answerOptions(names, linkId, type.values) };
    case "setOf":
      return {
        linkId,
        text,
        type: "choice",
        repeats: true,
        answerOption: answerOptions(names, linkId, type.values, true),
      };
    case "code":
    case "codes":
      return {
        extension: [{ url: REGEX, valueString: codePattern(type.system as CodeSystem) }],
        linkId,
        text,
        type: "string",
        ...(type.kind === "codes" && { repeats: true }),
      };
  }
}

function fieldItem(names: QuestionnaireNames, fact: FactModel, field: RecordField): QuestionnaireItem {
  return typedItem(names, `${fact.name}.${field.name}`, field.label, field.type);
}

function enableWhen(names: QuestionnaireNames, guard: Guard): QuestionnaireItemEnableWhen[] {
  if (guard.kind === "boolean") return [{ question: guard.fact, operator: "=", answerBoolean: guard.value }];
  const system = optionSystem(names, guard.fact);
  return guard.values.map((code) => ({ question: guard.fact, operator: "=", answerCoding: { system, code } }));
}

/**
 * The linkId of the yes-or-no question that says a list of records is empty (known to hold none):
 * a repeating group answered no times is unanswered, which is unknown. `:` is in no fact's name.
 */
export function noneLinkId(fact: string): string {
  return `${fact}:none`;
}

/** The question (two for a list of records: whether there are none, and each record) of one fact. */
function factItems(
  names: QuestionnaireNames,
  fact: FactModel,
  guards: readonly Guard[] | undefined,
): QuestionnaireItem[] {
  const items: QuestionnaireItem[] =
    fact.type.kind === "list"
      ? [
          { linkId: noneLinkId(fact.name), text: `None on record? ${fact.question}`, type: "boolean" },
          {
            extension: [{ url: MAX_OCCURS, valueInteger: 10_000 }],
            linkId: fact.name,
            text: fact.question,
            type: "group",
            repeats: true,
            item: fact.type.fields.map((field) => fieldItem(names, fact, field)),
          },
        ]
      : [typedItem(names, fact.name, fact.question, fact.type)];
  const conditions = (guards ?? []).flatMap((guard) => enableWhen(names, guard));
  if (conditions.length === 0) return items;
  const enabling = { enableWhen: conditions, ...(conditions.length > 1 && { enableBehavior: "any" as const }) };
  return items.map((item) => ({ ...item, ...enabling }));
}

/** The facts' questions, each group of facts (`member`) a group item, in the order facts are declared. */
function groupedItems(
  names: QuestionnaireNames,
  facts: readonly FactModel[],
  guards: ReadonlyMap<string, readonly Guard[]>,
): QuestionnaireItem[] {
  interface Group {
    readonly facts: FactModel[];
    readonly groups: Map<string, Group>;
  }
  const root: Group = { facts: [], groups: new Map() };
  for (const fact of facts) {
    let group = root;
    for (const part of fact.name.split(".").slice(0, -1)) {
      const next = group.groups.get(part) ?? { facts: [], groups: new Map<string, Group>() };
      group.groups.set(part, next);
      group = next;
    }
    group.facts.push(fact);
  }
  const items = (group: Group, path: string): QuestionnaireItem[] => [
    ...group.facts.flatMap((fact) => factItems(names, fact, guards.get(fact.name))),
    ...[...group.groups].map(([key, child]): QuestionnaireItem => {
      const linkId = path === "" ? key : `${path}.${key}`;
      return { linkId, text: key.replaceAll("_", " "), type: "group", item: items(child, linkId) };
    }),
  ];
  return items(root, "");
}

/** What a generated file says of itself, where JSON has no comments. */
export function generatedNotice(model: PolicyModel): string {
  return `DO NOT EDIT. Generated by policyc from ${model.sourcePath}; run \`npm run build\` after editing the policy.`;
}

/** The Questionnaire of the revision at position `revision` in the policy's log. */
export function questionnaire(model: PolicyModel, names: QuestionnaireNames, revision: number): Questionnaire {
  const entry = model.revisions[revision];
  if (entry === undefined) throw new RangeError(`policyc: no revision at position ${revision}`);
  const read = new Set(factsOfRevision(model, revision));
  const latest = revision === model.revisions.length - 1;
  return {
    resourceType: "Questionnaire",
    id: `${names.slug}-${entry.approved}`,
    meta: { tag: [{ system: `${names.base}/CodeSystem/policyc`, code: "generated", display: generatedNotice(model) }] },
    url: questionnaireUrl(names, entry.approved),
    version: entry.approved,
    title: `${model.reference} ${model.title}`,
    status: latest ? "active" : "retired",
    subjectType: ["Patient"],
    effectivePeriod: { start: entry.effective },
    description: `The facts ${model.reference} reads in revision ${entry.approved} (in force from ${entry.effective}), one question each; a question is enabled once the answers it depends on make it matter.`,
    item: groupedItems(
      names,
      model.facts.filter((fact) => read.has(fact.name)),
      enablingGuards(model, revision),
    ),
  };
}

/** Every revision's Questionnaire, by file name (`questionnaire.2025-05.json`). */
export function policyQuestionnaires(
  model: PolicyModel,
  names: QuestionnaireNames,
): { readonly name: string; readonly resource: Questionnaire }[] {
  return model.revisions.map((revision, index) => ({
    name: `questionnaire.${revision.approved}.json`,
    resource: questionnaire(model, names, index),
  }));
}
