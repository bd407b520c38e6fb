// The policy's numbered statements in the docs, each under a heading of its own: its verbatim words,
// then the logic in plain words, where it applies, the facts it reads, the revision that introduced
// it, what may set it aside, and the written readings. Then the exceptions and the definitions.

import { sectionDiagram } from "./section-diagram.js";
import type { Condition, OutlineEntry, ParameterModel, RuleModel, RuleVersionModel } from "../../model/policy-model.js";
import { ruleVersions } from "../../model/versions.js";
import { partKey, parts, statementHeading, statementKey } from "./anchors.js";
import type { DocsContext } from "./context.js";
import { join, policyText, strong, text, words, type Block, type Inline, type ListItem } from "./markdown.js";
import { phraseBlocks, phraseList, type Phrase } from "./words.js";

/** Top-level sections (depth 1) sit under the part's heading (level 2): `I` is 3, `I.A` 4, `I.A.1` 5. */
function headingLevel(depth: number): number {
  return Math.min(6, depth + 2);
}

/** A labelled line of a statement's details: `**Reads:** ...`, with an optional nested list. */
export function detail(label: string, value: Inline, children?: readonly Block[]): ListItem {
  return { text: words`${strong(text(label))} ${value}`, ...(children && { children }) };
}

export function logicDetail(label: string, intro: Inline, phrase: Phrase): ListItem {
  if (phrase.kind === "inline") return detail(label, words`${intro} ${phrase.text}.`);
  return detail(label, words`${intro} ${phrase.lead}`, [phraseList(phrase)]);
}

export function readingItems(readings: readonly string[]): ListItem[] {
  return readings.map((reading) => detail("Reading:", text(reading)));
}

/** A policy text in a quote; a note's items follow in the same quote, one per line. */
export function quote(value: string, items: readonly { readonly label: string; readonly text: string }[] = []): Block {
  const lines: Block[] =
    items.length === 0 ? [] : [{ kind: "lines", lines: items.map((item) => text(`${item.label}. ${item.text}`)) }];
  return { kind: "quote", blocks: [...policyText(value), ...lines] };
}

/** What a rule does, in words, starting from its role. */
export function ruleLogic(context: DocsContext, rule: RuleModel): ListItem {
  const say = (condition: Condition) => context.words.phrase(condition);
  switch (rule.role) {
    case "requirement":
    case "part":
      return logicDetail("Logic:", words`Met when`, say(rule.condition));
    case "exclusion":
      if (rule.written.keyword === "unless")
        return logicDetail("Logic:", words`Not covered unless`, say(rule.written.condition));
      return logicDetail("Logic:", words`Not covered when`, say(rule.condition));
    case "servicesExclusion": {
      const section = rule.servicesOf ?? "";
      return logicDetail(
        "Logic:",
        words`The services of section ${context.link(section)} are not covered when`,
        say(rule.condition),
      );
    }
  }
}

function applicability(context: DocsContext, rule: RuleModel): ListItem {
  if (rule.role === "part")
    return detail("Applies:", words`as a part of criterion ${context.link(rule.partOf ?? "")}, whenever it applies.`);
  if (rule.applicability.length === 0) return detail("Applies:", words`to every request.`);
  const conditions = rule.applicability.map(({ section, condition }) => ({
    section,
    phrase: context.words.phrase(condition),
  }));
  if (conditions.length === 1 && conditions[0]?.phrase.kind === "inline") {
    const only = conditions[0];
    return detail(
      "Applies:",
      words`only when ${only.phrase.kind === "inline" ? only.phrase.text : words``} (section ${context.link(only.section)}).`,
    );
  }
  return detail("Applies:", words`only when all of these hold:`, [
    {
      kind: "list",
      items: conditions.map(({ section, phrase }) =>
        phrase.kind === "inline"
          ? { text: words`${phrase.text} (section ${context.link(section)})` }
          : { text: words`${phrase.lead} (section ${context.link(section)})`, children: [phraseList(phrase)] },
      ),
    },
  ]);
}

/**
 * A statement's `limited to`, in force on a covered decision whose coverage went through it. The
 * condition is in the label, so that the author's sentence keeps its own full stop.
 */
function limitedTo(limitation: string): ListItem {
  const sentence = limitation.trim();
  const ended = /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
  return detail("Limited to (when coverage goes through it):", text(ended));
}

function ruleBlocks(context: DocsContext, rule: RuleModel): Block[] {
  const category =
    rule.category !== undefined ? context.model.categories.find((c) => c.name === rule.category) : undefined;
  const details: ListItem[] = [
    ruleLogic(context, rule),
    ...(rule.limitedTo !== undefined ? [limitedTo(rule.limitedTo)] : []),
    applicability(context, rule),
    detail(
      "Reads:",
      rule.facts.length === 0
        ? words`no fact.`
        : join(
            rule.facts.map((fact) => context.factLink(fact)),
            ", ",
          ),
    ),
    detail("In force:", words`${context.inForce(rule.inForce)}.`),
    ...(rule.earlier.length === 0
      ? []
      : [detail("These words:", words`${context.period(ruleVersions(rule).at(-1)?.inForce ?? rule.inForce)}.`)]),
    ...(category ? [detail("Category:", words`${text(category.name)}: ${text(category.description)}.`)] : []),
    detail(
      "Set aside by:",
      rule.overriddenBy.length === 0
        ? words`no exception.`
        : words`${join(
            rule.overriddenBy.map((exception) => words`exception ${context.link(exception)}`),
            ", ",
          )}, when it applies.`,
    ),
    ...readingItems(rule.readings),
  ];
  return [quote(rule.text, rule.items), { kind: "list", items: details }, ...historyBlocks(context, rule)];
}

/**
 * A changed statement's history under its current version: each earlier version, newest first, with
 * when it was in force, its words, and its logic, category and readings where they differ.
 */
function historyBlocks(context: DocsContext, rule: RuleModel): Block[] {
  if (rule.earlier.length === 0) return [];
  const versions = ruleVersions(rule);
  return [
    { kind: "paragraph", text: words`${strong(text("Earlier versions"))}, newest first:` },
    ...versions
      .slice(0, -1)
      .reverse()
      .flatMap((version): Block[] => {
        const category = context.model.categories.find((candidate) => candidate.name === version.category);
        const categoryItem = category
          ? [detail("Category:", words`${text(category.name)}: ${text(category.description)}.`)]
          : [];
        return [
          { kind: "paragraph", text: words`In force ${context.period(version.inForce)}:` },
          quote(version.text),
          {
            kind: "list",
            items: [ruleLogic(context, versionOf(rule, version)), ...categoryItem, ...readingItems(version.readings)],
          },
        ];
      }),
  ];
}

/** The rule as it stood in one of its versions, for the functions that word a rule. */
function versionOf(rule: RuleModel, version: RuleVersionModel): RuleModel {
  return { ...rule, text: version.text, condition: version.condition, written: version.written };
}

function entryBlocks(context: DocsContext, entry: OutlineEntry): Block[] {
  if (entry.kind === "rule") {
    const rule = context.rules.get(entry.id);
    if (!rule) return [];
    return [
      {
        kind: "heading",
        level: headingLevel(entry.depth),
        text: text(statementHeading(rule.kind, rule.id)),
        key: statementKey(rule.kind, rule.id),
      },
      ...ruleBlocks(context, rule),
    ];
  }
  const heading: Block = {
    kind: "heading",
    level: headingLevel(entry.depth),
    text: text(statementHeading(entry.kind, entry.id)),
    key: statementKey(entry.kind, entry.id),
  };
  if (entry.kind === "section") {
    const details: ListItem[] = [
      ...(entry.appliesWhen
        ? [
            logicDetail(
              "Applies:",
              words`its criteria, exclusions and notes count only when`,
              context.words.phrase(entry.appliesWhen),
            ),
          ]
        : []),
      ...(entry.limitedTo !== undefined ? [limitedTo(entry.limitedTo)] : []),
      detail("In force:", words`${context.inForce(entry.inForce)}.`),
      ...readingItems(entry.readings),
    ];
    return [heading, quote(entry.title), { kind: "list", items: details }, ...sectionDiagram(context, entry)];
  }
  const defined = context.model.definitions.filter((definition) => definition.definedByNote === entry.id);
  const what =
    entry.kind === "service"
      ? words`A service the program includes; it decides nothing by itself.`
      : defined.length > 0
        ? words`States the definition ${join(
            defined.map((definition) => words`"${context.link(definition.name)}" (${text(definition.label)})`),
            ", ",
          )}, which other statements use; it decides nothing by itself.`
        : words`Shown as the policy states it; it decides nothing by itself.`;
  const details: ListItem[] = [
    detail("Logic:", what),
    detail("In force:", words`${context.inForce(entry.inForce)}.`),
    ...readingItems(entry.readings),
  ];
  return [heading, quote(entry.text, entry.items), { kind: "list", items: details }];
}

/**
 * Prose whose id starts with a section's number (`NC.providers` under section `NC`) closes that
 * section, one level below it. NOTE: prose is not numbered in the outline, so it has no parent of its
 * own; its section is the longest section number its id starts with.
 */
function sectionProse(context: DocsContext, section: OutlineEntry): Block[] {
  const nearest = (id: string) => {
    const sections = context.model.outline
      .filter((e) => e.kind === "section" && id.startsWith(`${e.id}.`))
      .map((e) => e.id);
    return sections.sort((a, b) => b.length - a.length)[0];
  };
  return context.model.prose
    .filter((prose) => nearest(prose.id) === section.id)
    .flatMap((prose) => proseBlocks(prose, headingLevel(section.depth + 1)));
}

/** The outline in source order; a section's prose comes after the last statement under it. */
function outlineInOrder(context: DocsContext): Block[] {
  const byId = new Map(context.model.outline.map((entry) => [entry.id, entry]));
  const isUnder = (entry: OutlineEntry, section: OutlineEntry) => {
    for (let parent = entry.parent; parent !== undefined; parent = byId.get(parent)?.parent) {
      if (parent === section.id) return true;
    }
    return false;
  };
  const blocks: Block[] = [];
  const open: OutlineEntry[] = [];
  const close = (until: (section: OutlineEntry) => boolean) => {
    for (let last = open.at(-1); last !== undefined && until(last); last = open.at(-1)) {
      open.pop();
      blocks.push(...sectionProse(context, last));
    }
  };
  for (const entry of context.model.outline) {
    close((section) => !isUnder(entry, section));
    blocks.push(...entryBlocks(context, entry));
    if (entry.kind === "section") open.push(entry);
  }
  close(() => true);
  return blocks;
}

export function proseBlocks(prose: DocsContext["model"]["prose"][number], level: number): Block[] {
  return [
    { kind: "heading", level, text: text(prose.title) },
    ...(prose.text !== undefined ? [quote(prose.text)] : []),
    {
      kind: "list",
      items: [
        detail(
          "Encoded:",
          prose.notEncodedBecause !== undefined
            ? words`no, deliberately: ${text(prose.notEncodedBecause)}`
            : words`no; shown as it stands.`,
        ),
        ...readingItems(prose.readings),
      ],
    },
  ];
}

/** The numbered statements in source order, each under its heading. */
export function outlineBlocks(context: DocsContext): Block[] {
  return [
    { kind: "heading", level: 2, text: text(parts.criteria), key: partKey("criteria") },
    {
      kind: "paragraph",
      text: words`The policy's own words are quoted; under each, the logic the evaluator runs, written out from the same model the evaluator is generated from.`,
    },
    ...outlineInOrder(context),
  ];
}

/** Each exception: when it applies, what it may and may not set aside, and its text. */
export function exceptionBlocks(context: DocsContext): Block[] {
  const model = context.model;
  if (model.exceptions.length === 0) return [];
  const categories = new Map(model.categories.map((category) => [category.name, category.description]));
  const byCategory = (name: string) =>
    [...context.rules.values()].filter((rule) => rule.category === name).map((rule) => context.link(rule.id));
  const categoryItems = (names: readonly string[]): ListItem[] =>
    names.map((name) => {
      const members = byCategory(name);
      return {
        text: words`${strong(text(name))}: ${text(categories.get(name) ?? "")}${members.length > 0 ? words` (${join(members, ", ")})` : words``}`,
      };
    });
  return [
    { kind: "heading", level: 2, text: text(parts.exceptions), key: partKey("exceptions") },
    ...model.exceptions.flatMap((exception): Block[] => [
      {
        kind: "heading",
        level: 3,
        text: text(statementHeading("exception", exception.id)),
        key: statementKey("exception", exception.id),
      },
      quote(exception.title),
      ...phraseBlocks(strong(words`Applies when`), context.words.phrase(exception.condition)),
      {
        kind: "list",
        items: [
          detail(
            "Sets aside:",
            words`${join(
              exception.overrides.map((id) => context.link(id)),
              ", ",
            )}, when one of them would deny coverage.`,
          ),
          detail("May override these categories:", words``, [
            { kind: "list", items: categoryItems(exception.mayOverride) },
          ]),
          detail("Never overrides these categories:", words``, [
            { kind: "list", items: categoryItems(exception.neverOverrides) },
          ]),
          detail(
            "Prior approval:",
            exception.requiresPriorApproval
              ? words`required: a decision covered through this exception says so.`
              : words`not required by this exception.`,
          ),
          detail(
            "Reads:",
            join(
              exception.facts.map((fact) => context.factLink(fact)),
              ", ",
            ),
          ),
          detail("In force:", words`${context.inForce(exception.inForce)}.`),
          ...readingItems(exception.readings),
        ],
      },
      ...(exception.text !== undefined ? [quote(exception.text)] : []),
      ...(exception.priorApprovalText !== undefined ? [quote(exception.priorApprovalText)] : []),
    ]),
  ];
}

/** Each definition: its label, its logic, the note that states it, and what uses it. */
export function definitionBlocks(context: DocsContext): Block[] {
  const model = context.model;
  if (model.definitions.length === 0) return [];
  return [
    { kind: "heading", level: 2, text: text(parts.definitions), key: partKey("definitions") },
    ...model.definitions.flatMap((definition): Block[] => [
      {
        kind: "heading",
        level: 3,
        text: text(statementHeading("definition", definition.name)),
        key: statementKey("definition", definition.name),
      },
      {
        kind: "paragraph",
        text: words`${strong(text(definition.label))}${parametersWords(definition.parameters ?? [])}: ${definitionLead(context.words.phraseWith(definition.parameters ?? [], definition.condition))}`,
      },
      ...definitionList(context.words.phraseWith(definition.parameters ?? [], definition.condition)),
      ...(definition.definedByNote !== undefined || definition.readings.length > 0
        ? [
            {
              kind: "list" as const,
              items: [
                ...(definition.definedByNote !== undefined
                  ? [detail("Stated by:", words`note ${context.link(definition.definedByNote)}.`)]
                  : []),
                ...readingItems(definition.readings),
              ],
            },
          ]
        : []),
    ]),
  ];
}

/** " (of a record of oxygen.studies called “study” and a number in mm Hg called “limit”)": what a definition with parameters is about. */
function parametersWords(parameters: readonly ParameterModel[]): Inline {
  if (parameters.length === 0) return words``;
  const each = parameters.map((parameter) => {
    const called = `called “${parameter.name.replace(/_/g, " ")}”`;
    if (parameter.kind === "record") return `a record of ${parameter.list} ${called}`;
    if (parameter.type.kind === "date") return `a date ${called}`;
    if (parameter.type.kind === "oneOf")
      return `a value ${called}, ${parameter.type.values.map((value) => value.label).join(" or ")}`;
    return `a number${parameter.type.unit === undefined ? "" : ` in ${parameter.type.unit}`} ${called}`;
  });
  return words` (of ${text(each.join(" and "))})`;
}

function definitionLead(phrase: Phrase): Inline {
  return phrase.kind === "inline" ? words`when ${phrase.text}.` : words`when ${phrase.lead}`;
}

function definitionList(phrase: Phrase): Block[] {
  return phrase.kind === "list" ? [phraseList(phrase)] : [];
}
