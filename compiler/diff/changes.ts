// What changed between two versions of a policy, statement by statement: two models in, the criteria,
// exclusions, notes, sections and services, exceptions, definitions, facts, codes and revisions that
// were added, removed, reworded, or whose logic changed. Compares the models; decides nothing.

import type { BillingRuleModel, Condition, PolicyModel, RevisionRange, RuleModel } from "../model/policy-model.js";
import { isClaimRule, type ClaimRule } from "../model/claim-rules.js";
import { claimRuleAspects } from "./claim-rule-aspects.js";

/** `readings`: the policy's readings of the statement changed; `category`: its category changed. */
export type ChangeKind = "added" | "removed" | "reworded" | "logic" | "category" | "readings";

export interface Change {
  /** `criterion`, `exclusion`, `note`, `section`, `service`, `exception`, `definition`, `fact`, `code`, `claim fact`, `billing rule`, `revision`. */
  readonly what: string;
  readonly id: string;
  readonly kinds: readonly ChangeKind[];
  readonly textBefore?: string;
  readonly textAfter?: string;
  /** For a logic change: what differs (`condition`, `in force`, `category`...). */
  readonly aspects: readonly string[];
  /** For each aspect other than a condition: its value before and after, in short. */
  readonly aspectValues: readonly { readonly aspect: string; readonly before: string; readonly after: string }[];
  readonly conditionBefore?: Condition;
  readonly conditionAfter?: Condition;
  /** For a readings change: the readings before and after. */
  readonly readingsBefore?: readonly string[];
  readonly readingsAfter?: readonly string[];
  /**
   * For a rule reworded at a revision of the new log: that revision, when the rule keeps its old words
   * as the version in force just before it (the same number, a new version).
   */
  readonly rewordedIn?: string;
  /** For a value set whose codes changed: the rows (codes and ranges, as written) added and removed. */
  readonly codesChanged?: { readonly added: readonly string[]; readonly removed: readonly string[] };
  /**
   * For a statement new in this change that has no `added in`: the policy's first revision, since
   * which it applies to every service date (usually an `added in` was forgotten).
   */
  readonly addedWithoutLifetime?: string;
}

interface Comparable {
  readonly what: string;
  readonly id: string;
  readonly text: string;
  /** Everything that decides, as plain data with revisions named by month (not by index). */
  readonly logic: Readonly<Record<string, unknown>>;
  readonly condition?: Condition;
  readonly category?: string;
  readonly readings?: readonly string[];
  /** For a rule with earlier versions: the revision that ended the last of them, and its words. */
  readonly rewordedIn?: { readonly revision: string; readonly textBefore: string };
}

/** The revision a rule's current words came with, and the words they replaced, when it has versions. */
function rewordedIn(model: PolicyModel, rule: RuleModel): Comparable["rewordedIn"] {
  const last = rule.earlier.at(-1);
  const revision = last?.inForce.until === undefined ? undefined : model.revisions[last.inForce.until]?.approved;
  return last && revision !== undefined ? { revision, textBefore: last.text } : undefined;
}

function months(model: PolicyModel, range: RevisionRange): string {
  const from = model.revisions[range.from]?.approved ?? "";
  const until = range.until !== undefined ? model.revisions[range.until]?.approved : undefined;
  return until === undefined ? `from ${from}` : `from ${from} until ${until}`;
}

function comparables(model: PolicyModel): Comparable[] {
  const rules = new Map(model.rules.map((rule) => [rule.id, rule]));
  const items: Comparable[] = [];
  for (const entry of model.outline) {
    if (entry.kind === "rule") {
      const rule = rules.get(entry.id);
      if (!rule) continue;
      items.push({
        what: rule.kind,
        id: rule.id,
        text: [rule.text, ...rule.items.map((item) => `${item.label}. ${item.text}`)].join("\n"),
        condition: rule.condition,
        ...(rule.category !== undefined && { category: rule.category }),
        readings: rule.readings,
        logic: {
          role: rule.role,
          condition: rule.condition,
          applicability: rule.applicability,
          "in force": months(model, rule.inForce),
          "set aside by": rule.overriddenBy,
          "services of": rule.servicesOf,
          "limited to": rule.limitedTo,
          // Each earlier version with what it decided: a version changed or added changes past dates.
          "earlier versions": rule.earlier.map((version) => ({
            "in force": months(model, version.inForce),
            text: version.text,
            condition: version.condition,
            category: version.category,
          })),
        },
        rewordedIn: rewordedIn(model, rule),
      });
      continue;
    }
    if (entry.kind === "section") {
      items.push({
        what: "section",
        id: entry.id,
        text: entry.title,
        readings: entry.readings,
        logic: {
          "applies when": entry.appliesWhen,
          "limited to": entry.limitedTo,
          "in force": months(model, entry.inForce),
        },
      });
      continue;
    }
    items.push({
      what: entry.kind,
      id: entry.id,
      text: [entry.text, ...entry.items.map((item) => `${item.label}. ${item.text}`)].join("\n"),
      readings: entry.readings,
      logic: { "in force": months(model, entry.inForce) },
    });
  }
  for (const exception of model.exceptions) {
    items.push({
      what: "exception",
      id: exception.id,
      text: [exception.title, exception.text ?? "", exception.priorApprovalText ?? ""].join("\n"),
      condition: exception.condition,
      readings: exception.readings,
      logic: {
        condition: exception.condition,
        overrides: exception.overrides,
        "may override": exception.mayOverride,
        "never overrides": exception.neverOverrides,
        "prior approval": exception.requiresPriorApproval,
        "in force": months(model, exception.inForce),
      },
    });
  }
  for (const definition of model.definitions) {
    items.push({
      what: "definition",
      id: definition.name,
      text: definition.label,
      condition: definition.condition,
      readings: definition.readings,
      logic: { condition: definition.condition },
    });
  }
  for (const fact of model.facts) {
    items.push({
      what: "fact",
      id: fact.name,
      text: `${fact.description}\n${fact.question}`,
      logic: { type: fact.type },
    });
  }
  for (const code of model.codes) {
    const label = code.modifier !== undefined ? `${code.code} ${code.modifier}` : code.code;
    items.push({
      what: "code",
      id: label,
      text: [code.description, ...code.billing.map((note) => note.text)].join("\n"),
      logic: { billing: code.billing.map((note) => months(model, note.inForce)), rules: code.rules },
    });
  }
  for (const fact of model.claimFacts) {
    items.push({
      what: "claim fact",
      id: fact.name,
      text: `${fact.description}\n${fact.question}`,
      logic: { type: fact.type },
    });
  }
  // NOTE: no `condition` here: the summary words conditions over the facts of a case, not of a claim.
  for (const rule of model.billingRules) {
    items.push({
      what: "billing rule",
      id: rule.id,
      text: rule.message,
      logic: {
        code: rule.code,
        kind: rule.kind,
        ...(isClaimRule(rule) ? claimRuleAspects(rule, (code) => months(model, code.valid)) : billingLogic(rule)),
        "carries out": rule.source.id,
        "in force": months(model, rule.inForce),
      },
    });
  }
  for (const valueSet of model.valueSets) {
    items.push({
      what: "value set",
      id: valueSet.name,
      text: valueSet.label,
      readings: valueSet.readings,
      logic: {
        system: valueSet.system,
        file: valueSet.file,
        source: valueSet.source,
        version: valueSet.version,
        codes: valueSet.entries.map(entryText),
      },
    });
  }
  // The FHIR mapping decides nothing, but it decides which facts a CDS Hooks request fills: an
  // integrator reviews a change to it as closely as a change of logic.
  for (const orders of model.fhir?.orders ?? []) {
    items.push({
      what: "FHIR orders",
      id: orders.system,
      text: `Orders in ${orders.system} that make the policy apply`,
      logic: { codes: orders.codes },
    });
  }
  for (const source of model.fhir?.facts ?? []) {
    const { fact, ...from } = source;
    items.push({ what: "FHIR source", id: fact, text: `Where ${fact} comes from in FHIR`, logic: { ...from } });
  }
  for (const revision of model.revisions) {
    items.push({
      what: "revision",
      id: revision.approved,
      text: revision.text,
      logic: { reviewed: revision.reviewed, effective: revision.effective },
    });
  }
  return items;
}

/** A value set's row as the review names it: `J44.0`, or `J44.0..J44.9` for a range. */
function entryText(entry: PolicyModel["valueSets"][number]["entries"][number]): string {
  return entry.first === entry.last ? entry.first : `${entry.first}..${entry.last}`;
}

/** The rows of a value set added and removed between two versions, in code order as listed. */
function codesChanged(before: unknown, after: unknown): Change["codesChanged"] {
  const list = (value: unknown): readonly string[] =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  const [old, next] = [list(before), list(after)];
  return { added: next.filter((code) => !old.includes(code)), removed: old.filter((code) => !next.includes(code)) };
}

/** What a billing rule of each kind checks, as the aspects a review compares. */
function billingLogic(rule: Exclude<BillingRuleModel, ClaimRule>): Readonly<Record<string, unknown>> {
  switch (rule.kind) {
    case "billedOnlyWhen":
    case "notBilledWhen":
      return { condition: rule.condition };
    case "requiresModifier":
      return { modifier: rule.modifier };
    case "billedWithEach":
    case "unitsAtLeastGroup":
      return { group: rule.group.codes };
    case "unitsAtMost":
      // NOTE: no rounding is shown as none, as it was when the model left the rounding out.
      return { limit: rule.limit, ...(rule.rounding !== "none" && { rounding: rule.rounding }) };
  }
}

/** A value of an aspect in a few words: a list joined by commas, a word, or "none". */
function short(value: unknown): string {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return "none";
  if (Array.isArray(value) && value.every(isVersion)) return value.map((version) => version["in force"]).join("; ");
  if (Array.isArray(value)) return value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ");
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Whether the new rule's earlier versions are the old rule's versions and its current one, as they
 * were: the history only records what the old policy said, so it is no change of logic.
 */
function keptAsVersion(previous: Comparable, item: Comparable): boolean {
  const content = (value: unknown): unknown =>
    Array.isArray(value) ? value.map((version) => ({ ...(version as object), "in force": undefined })) : [];
  const recorded = [
    ...(content(previous.logic["earlier versions"]) as unknown[]),
    { "in force": undefined, text: previous.text, condition: previous.condition, category: previous.category },
  ];
  return same(content(item.logic["earlier versions"]), recorded);
}

/** An earlier version as `comparables` lists it: shown by when it was in force. */
function isVersion(value: unknown): value is { readonly "in force": string } {
  return (
    typeof value === "object" && value !== null && typeof (value as { "in force"?: unknown })["in force"] === "string"
  );
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Every statement added, removed or changed, in the new version's order (removed ones after). */
export function policyChanges(old: PolicyModel, next: PolicyModel): Change[] {
  const before = new Map(comparables(old).map((item) => [`${item.what} ${item.id}`, item]));
  const after = comparables(next);
  const afterKeys = new Set(after.map((item) => `${item.what} ${item.id}`));
  const changes: Change[] = [];
  for (const item of after) {
    const previous = before.get(`${item.what} ${item.id}`);
    if (!previous) {
      const first = next.revisions[0]?.approved;
      const inForce = item.logic["in force"];
      const sinceFirst =
        first !== undefined &&
        old.revisions.length > 0 &&
        typeof inForce === "string" &&
        inForce.startsWith(`from ${first}`);
      changes.push({
        ...(sinceFirst && { addedWithoutLifetime: first }),
        what: item.what,
        id: item.id,
        kinds: ["added"],
        textAfter: item.text,
        aspects: [],
        aspectValues: [],
        ...(item.condition && { conditionAfter: item.condition }),
      });
      continue;
    }
    const reworded = previous.text !== item.text;
    const aspects = Object.keys({ ...previous.logic, ...item.logic }).filter(
      (key) =>
        !same(previous.logic[key], item.logic[key]) && !(key === "earlier versions" && keptAsVersion(previous, item)),
    );
    const recategorised = previous.category !== item.category;
    const reread = !same(previous.readings ?? [], item.readings ?? []);
    if (!reworded && aspects.length === 0 && !recategorised && !reread) continue;
    const kinds: ChangeKind[] = [
      ...(reworded ? (["reworded"] as const) : []),
      ...(aspects.length > 0 ? (["logic"] as const) : []),
      ...(recategorised ? (["category"] as const) : []),
      ...(reread ? (["readings"] as const) : []),
    ];
    changes.push({
      what: item.what,
      id: item.id,
      kinds,
      textBefore: previous.text,
      textAfter: item.text,
      aspects,
      aspectValues: [
        ...aspects
          .filter((aspect) => !["condition", "applicability", "applies when", "type", "codes"].includes(aspect))
          .map((aspect) => ({ aspect, before: short(previous.logic[aspect]), after: short(item.logic[aspect]) })),
        ...(recategorised
          ? [{ aspect: "category", before: short(previous.category), after: short(item.category) }]
          : []),
      ],
      ...(reread && { readingsBefore: previous.readings ?? [], readingsAfter: item.readings ?? [] }),
      ...(aspects.includes("codes") && { codesChanged: codesChanged(previous.logic["codes"], item.logic["codes"]) }),
      ...(previous.condition && { conditionBefore: previous.condition }),
      ...(item.condition && { conditionAfter: item.condition }),
      ...(reworded && item.rewordedIn?.textBefore === previous.text && { rewordedIn: item.rewordedIn.revision }),
    });
  }
  for (const [key, item] of before) {
    if (afterKeys.has(key)) continue;
    changes.push({
      what: item.what,
      id: item.id,
      kinds: ["removed"],
      textBefore: item.text,
      aspects: [],
      aspectValues: [],
      ...(item.condition && { conditionBefore: item.condition }),
    });
  }
  return changes;
}
