// The review summary of `policyc diff`, as Markdown: what changed statement by statement (with the
// revision that made it and the logic before and after in plain words), then the decision delta: how
// many cases change outcome in each period of service dates, grouped by how they change, the share
// each criterion takes of them, and example cases that name only the facts that matter.

import type { PolicyModel } from "../model/policy-model.js";
import {
  code,
  grouped,
  join,
  printMarkdown,
  strong,
  text,
  words,
  type Block,
  type Inline,
} from "../emit/docs/markdown.js";
import { ConditionWords, phraseInline } from "../emit/docs/words.js";
import { recordQuestionOf } from "./record-questions.js";
import { formatMarkdown } from "../emit/format.js";
import type { Attribution } from "./attribution.js";
import type { Change, ChangeKind } from "./changes.js";
import type { ChangedRegion, DeltaOutcome, Side } from "./delta.js";
import type { Period } from "./fact-space.js";
import type { SymbolicDelta } from "./symbolic-delta.js";
import type { ReadingChange } from "./reading-changes.js";
import { readingBlocks } from "./render-readings.js";

export interface VersionLabel {
  readonly label: string;
  readonly model: PolicyModel;
}

const groupTitles: readonly [string, string][] = [
  ["criterion", "Criteria"],
  ["exclusion", "Exclusions"],
  ["note", "Notes"],
  ["section", "Sections"],
  ["service", "Services"],
  ["exception", "Exceptions"],
  ["definition", "Definitions"],
  ["fact", "Facts"],
  ["code", "Codes"],
  ["claim fact", "Claim facts"],
  ["billing rule", "Billing rules"],
  ["revision", "Revisions"],
  ["value set", "Value sets"],
];

/** 1234567 -> 1,234,567. */
function outcomeWords(outcome: DeltaOutcome): string {
  return {
    covered: "covered",
    not_covered: "not covered",
    pending: "pending",
    refused: "refused (a value this version does not know)",
  }[outcome];
}

function sideWords(sideOf: Side): Inline {
  if (sideOf.because.length === 0) return text(outcomeWords(sideOf.outcome));
  const by = sideOf.outcome === "covered" ? "through" : "by";
  return words`${text(outcomeWords(sideOf.outcome))} (${text(by)} ${text(sideOf.because.join(", "))})`;
}

/** Words that differ, struck through and in bold: a word-level diff of two texts. */
export function wordDiff(before: string, after: string): Inline {
  const a = before.split(/\s+/).filter(Boolean);
  const b = after.split(/\s+/).filter(Boolean);
  const lengths: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lengths[i] ?? [];
      row[j] = a[i] === b[j] ? (lengths[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lengths[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const out: Inline[] = [];
  let i = 0;
  let j = 0;
  const removed: string[] = [];
  const added: string[] = [];
  const flush = () => {
    if (removed.length > 0) out.push(words`~~${text(removed.join(" "))}~~`);
    if (added.length > 0) out.push(strong(text(added.join(" "))));
    removed.length = 0;
    added.length = 0;
  };
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      out.push(text(a[i] ?? ""));
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || (lengths[i]?.[j + 1] ?? 0) >= (lengths[i + 1]?.[j] ?? 0)))
      added.push(b[j++] ?? "");
    else removed.push(a[i++] ?? "");
  }
  flush();
  return join(out, " ");
}

const kindWords: Readonly<Record<ChangeKind, string>> = {
  added: "added",
  removed: "removed",
  reworded: "reworded",
  logic: "logic changed",
  category: "category changed",
  readings: "readings changed",
};

function attributionWords(attribution: Attribution | undefined): Inline {
  if (attribution === undefined) return words``;
  const how = attribution.by === "lifetime" ? "by its lifetime" : "named in its log entry";
  return words` (revision ${text(attribution.revision)}, ${text(how)})`;
}

function changeBlocks(
  changes: readonly Change[],
  attributions: ReadonlyMap<string, Attribution>,
  before: PolicyModel,
  after: PolicyModel,
): Block[] {
  const wordsBefore = new ConditionWords(before, () => undefined);
  const wordsAfter = new ConditionWords(after, () => undefined);
  const blocks: Block[] = [{ kind: "heading", level: 2, text: words`What changed, statement by statement` }];
  for (const [what, title] of groupTitles) {
    const group = changes.filter((change) => change.what === what);
    // Policies without value sets say nothing of them.
    if (what === "value set" && before.valueSets.length === 0 && after.valueSets.length === 0) continue;
    if (group.length === 0) {
      blocks.push({ kind: "paragraph", text: words`${strong(text(title))}: no change.` });
      continue;
    }
    blocks.push({ kind: "heading", level: 3, text: text(title) });
    blocks.push({
      kind: "list",
      items: group.map((change) => {
        const attribution = attributionWords(attributions.get(`${change.what} ${change.id}`));
        const describe = (kind: (typeof change.kinds)[number]): string =>
          kind === "reworded" && change.rewordedIn !== undefined
            ? `reworded in ${change.rewordedIn}, the same number with a new version`
            : kindWords[kind];
        const head = words`${strong(text(`${change.what} ${change.id}`))}: ${text(change.kinds.map(describe).join(", "))}${attribution}`;
        const details: Inline[] = [];
        if (change.kinds.includes("added") && change.textAfter !== undefined)
          details.push(words`Text: ${text(change.textAfter)}`);
        if (change.addedWithoutLifetime !== undefined)
          details.push(
            words`${strong(text("Warning"))}: it has no ${code("added in")}, so it applies to every service date since revision ${text(change.addedWithoutLifetime)}; if it came with a later revision, give it ${code("added in <revision>")}.`,
          );
        if (change.kinds.includes("removed") && change.textBefore !== undefined)
          details.push(words`Text was: ${text(change.textBefore)}`);
        if (change.kinds.includes("reworded"))
          details.push(words`Wording: ${wordDiff(change.textBefore ?? "", change.textAfter ?? "")}`);
        if (change.kinds.includes("logic")) details.push(words`What differs: ${text(change.aspects.join(", "))}.`);
        for (const value of change.aspectValues)
          details.push(words`${text(value.aspect)}: ${text(value.before)} → ${text(value.after)}.`);
        if (change.codesChanged !== undefined) {
          const rows = [
            ...change.codesChanged.added.map((row) => `+${row}`),
            ...change.codesChanged.removed.map((row) => `-${row}`),
          ];
          details.push(words`value set ${text(change.id)} changed: ${text(rows.join(", "))}`);
        }
        if (change.readingsBefore !== undefined && change.readingsAfter !== undefined) {
          const readings = (list: readonly string[]) => (list.length === 0 ? "none" : list.join(" / "));
          details.push(words`Readings: ${wordDiff(readings(change.readingsBefore), readings(change.readingsAfter))}`);
        }
        if (
          change.conditionBefore &&
          !change.kinds.includes("added") &&
          (change.kinds.includes("removed") || change.aspects.includes("condition"))
        ) {
          details.push(words`Logic before: ${phraseInline(wordsBefore.phrase(change.conditionBefore))}.`);
        }
        if (
          change.conditionAfter &&
          !change.kinds.includes("removed") &&
          (change.kinds.includes("added") || change.aspects.includes("condition"))
        ) {
          details.push(words`Logic after: ${phraseInline(wordsAfter.phrase(change.conditionAfter))}.`);
        }
        return {
          text: head,
          children:
            details.length > 0 ? [{ kind: "list" as const, items: details.map((detail) => ({ text: detail })) }] : [],
        };
      }),
    });
  }
  return blocks;
}

/** A fact of an example by its name; a question over records (record-questions.ts) in words. */
function factName(name: string, wordsOf: ConditionWords): Inline {
  const question = recordQuestionOf(name);
  return question === undefined ? code(name) : words`"${phraseInline(wordsOf.phrase(question))}"`;
}

function regionFacts(region: ChangedRegion, wordsOf: ConditionWords): Block {
  if (region.facts.length === 0) return { kind: "paragraph", text: words`Any case.` };
  return {
    kind: "list",
    items: region.facts.map((fact) => ({
      text: words`${factName(fact.name, wordsOf)} = ${text(fact.value.label)}${fact.value.covers !== undefined ? words` (${text(fact.value.covers)})` : words``}`,
    })),
  };
}

function periodWords(period: Period): Inline {
  return period.to === undefined ? words`from ${text(period.from)}` : words`${text(period.from)} to ${text(period.to)}`;
}

/** `part` as a share of `whole`: "0.17%", "<0.01%", "100%". */
export function share(part: bigint, whole: bigint): string {
  if (whole === 0n) return "0%";
  const hundredths = (part * 10_000n) / whole;
  if (hundredths === 0n && part > 0n) return "<0.01%";
  const whole100 = hundredths / 100n;
  const rest = hundredths % 100n;
  return rest === 0n ? `${whole100}%` : `${whole100}.${rest.toString().padStart(2, "0")}%`;
}

function byCount<T extends { readonly cases: bigint }>(a: T, b: T): number {
  return b.cases > a.cases ? 1 : b.cases < a.cases ? -1 : 0;
}

/** Per affected criterion and period: covered before and denied after by it, and the reverse, as shares. */
function criterionBlocks(delta: SymbolicDelta): Block[] {
  if (delta.criteria.length === 0) return [];
  const inCells = (period: Period, outcome: DeltaOutcome, side: "before" | "after") =>
    delta.cells
      .filter((cell) => cell.period.from === period.from && cell[side] === outcome)
      .reduce((sum, cell) => sum + cell.cases, 0n);
  const cellText = (part: bigint, whole: bigint, what: string) =>
    part === 0n ? text("") : text(`${grouped(part)} (${share(part, whole)} of the cases ${what})`);
  return [
    { kind: "heading", level: 3, text: words`By criterion` },
    {
      kind: "paragraph",
      text: words`For each rule that denies a changed case: the cases covered before that it denies after, as a share of the cases covered before; and the cases it denied before that are covered after, as a share of the cases denied before. A case denied by several rules counts for each.`,
    },
    {
      kind: "table",
      header: [
        words`Rule`,
        words`Service dates`,
        words`Covered before, denied after`,
        words`Denied before, covered after`,
      ],
      // Grouped by rule (in the order they first deny), each rule's periods in order.
      rows: [...delta.criteria]
        .map((criterion, index) => ({
          criterion,
          first: delta.criteria.findIndex((c) => c.id === criterion.id),
          index,
        }))
        .sort((a, b) => a.first - b.first || a.index - b.index)
        .map(({ criterion }) => [
          text(criterion.id),
          periodWords(criterion.period),
          cellText(criterion.coveredThenDenied, inCells(criterion.period, "covered", "before"), "covered before"),
          cellText(criterion.deniedThenCovered, inCells(criterion.period, "not_covered", "before"), "denied before"),
        ]),
    },
  ];
}

function deltaBlocks(delta: SymbolicDelta, examples: readonly ChangedRegion[], wordsOf: ConditionWords): Block[] {
  const blocks: Block[] = [
    { kind: "heading", level: 2, text: words`Decision delta` },
    {
      kind: "paragraph",
      text: words`Computed from the two versions' models, symbolically (decision diagrams of each version's outcome, counted exactly), over every case: every fact takes each of its values (yes or no; each value of a list, values that no condition tells apart counted together; each subset of a set; numbers and dates on each side of every threshold a condition compares them with), and service dates fall in the periods between effective dates. A case changes when its outcome differs.`,
    },
    {
      kind: "paragraph",
      text: strong(words`${text(grouped(delta.changed))} of ${text(grouped(delta.cases))} cases change outcome.`),
    },
    {
      kind: "table",
      header: [words`Service dates`, words`Cases`, words`Changed`],
      rows: delta.periods.map((period) => [
        periodWords(period.period),
        text(grouped(period.cases)),
        text(grouped(period.changed)),
      ]),
    },
  ];
  if (delta.servicesChanged > 0n)
    blocks.push({
      kind: "paragraph",
      text: words`Besides, ${text(grouped(delta.servicesChanged))} cases keep their outcome but change the services not covered (a services exclusion that holds in one version and not in the other).`,
    });
  const lists = delta.approximate.filter((name) => delta.lists.includes(name));
  const compared = delta.approximate.filter((name) => !delta.lists.includes(name));
  if (compared.length > 0) {
    blocks.push({
      kind: "paragraph",
      text: words`Not exact for ${join(compared.map(code), ", ")}: compared with another fact, these are split only at fixed thresholds.`,
    });
  }
  if (lists.length > 0) {
    blocks.push({
      kind: "paragraph",
      text: words`Not exact for the lists of records ${join(lists.map(code), ", ")}: each condition over their records is counted as one question (yes, no or unknown), and two conditions over one list as independent, so answers no list could give together are counted too.`,
    });
  }
  if (delta.changed === 0n) return blocks;
  const groups = new Map<string, { before: DeltaOutcome; after: DeltaOutcome; cases: bigint }>();
  for (const cell of delta.cells) {
    if (cell.before === cell.after) continue;
    const key = `${cell.before} ${cell.after}`;
    const group = groups.get(key) ?? { before: cell.before, after: cell.after, cases: 0n };
    group.cases += cell.cases;
    groups.set(key, group);
  }
  blocks.push(
    { kind: "heading", level: 3, text: words`How they change` },
    {
      kind: "table",
      header: [words`Before`, words`After`, words`Cases`],
      rows: [...groups.values()]
        .sort(byCount)
        .map((group) => [
          text(outcomeWords(group.before)),
          text(outcomeWords(group.after)),
          text(grouped(group.cases)),
        ]),
    },
    ...criterionBlocks(delta),
    { kind: "heading", level: 3, text: words`Minimal examples` },
    {
      kind: "paragraph",
      text: words`Each example names only the facts it needs: every case with these values (and any values of the other facts) changes the same way.`,
    },
    {
      kind: "list",
      items: examples.map((example) => ({
        text: words`Service date ${text(example.period.from)}: ${sideWords(example.before)} before, ${sideWords(example.after)} after.`,
        children: [regionFacts(example, wordsOf)],
      })),
    },
  );
  return blocks;
}

export async function renderSummary(
  before: VersionLabel,
  after: VersionLabel,
  changes: readonly Change[],
  attributions: ReadonlyMap<string, Attribution>,
  delta: SymbolicDelta,
  examples: readonly ChangedRegion[],
  readings: readonly ReadingChange[] = [],
): Promise<string> {
  const describe = (version: VersionLabel): Inline =>
    words`${code(version.label)} (latest revision ${text(version.model.revisions.at(-1)?.approved ?? "none")})`;
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: words`Review: ${text(after.model.reference)} ${text(after.model.title)}` },
    { kind: "paragraph", text: words`From ${describe(before)} to ${describe(after)}.` },
    ...changeBlocks(changes, attributions, before.model, after.model),
    ...readingBlocks(readings),
    ...deltaBlocks(delta, examples, new ConditionWords(after.model, () => undefined)),
  ];
  return formatMarkdown(printMarkdown(blocks));
}
