// Versions from meaning. Each policy keeps a ledger of its releases beside its generated files
// (generated/<name>/releases.json: every release's version, revision, kind of change and why, and
// the model of the last release). The version a build gives the policy's package follows what
// changed since that release: major when the Facts an integrator passes would be refused or mean
// something else (a fact removed, its type changed, a value or a range taken away) or when the
// compiler's result contract (version.ts: the fields and words of a decision) moved past the
// release's, minor when some decision changes (the review diff's count is not zero), patch otherwise
// (words, readings, docs), and the last release's own version when the model and contract are the same. `policyc release` writes the
// pending version into the ledger; a build only reads it, so building twice gives the same files.

import type { FactModel, FactType, PolicyModel } from "../model/policy-model.js";
import { modelHash } from "../model/model-hash.js";
import { symbolicDelta } from "../diff/symbolic-delta.js";
import { grouped } from "../emit/docs/markdown.js";
import { resultContract, resultContractChanges } from "../version.js";

export type ChangeKind = "first" | "major" | "minor" | "patch";

export interface ReleaseEntry {
  readonly version: string;
  /** The latest revision of the policy's log at the release. */
  readonly revision: string;
  readonly change: ChangeKind;
  /** Why the version moved as it did, one sentence each. */
  readonly why: readonly string[];
  readonly modelHash: string;
  /** The result contract the release was built under (version.ts); absent in releases made before it was recorded: 1. */
  readonly resultContract?: number;
}

export interface ReleaseLedger {
  /** Oldest first. */
  readonly releases: readonly ReleaseEntry[];
  /** The model of the last release, which the next change is compared with. */
  readonly model: PolicyModel;
}

/** The release a build of `model` would make now: undefined when the model is the last release's. */
export function pendingRelease(model: PolicyModel, ledger: ReleaseLedger | undefined): ReleaseEntry | undefined {
  const hash = modelHash(model);
  const revision = model.revisions.at(-1)?.approved ?? "";
  const last = ledger?.releases.at(-1);
  if (!ledger || !last)
    return {
      version: "1.0.0",
      revision,
      change: "first",
      why: ["The first release of this policy."],
      modelHash: hash,
      resultContract,
    };
  const contractBreaks = contractChangesSince(last.resultContract ?? 1);
  if (last.modelHash === hash && contractBreaks.length === 0) return undefined;
  const sinceModel = last.modelHash === hash ? undefined : changeSince(ledger.model, model);
  const change = contractBreaks.length > 0 ? "major" : (sinceModel?.change ?? "patch");
  const why = [...contractBreaks, ...(sinceModel?.why ?? [])];
  return { version: bumped(last.version, change), revision, change, why, modelHash: hash, resultContract };
}

/** The result contract's changes since the contract `released` (a major change for every consumer). */
function contractChangesSince(released: number): string[] {
  const changes: string[] = [];
  for (let contract = released + 1; contract <= resultContract; contract++) {
    const change = resultContractChanges[contract];
    if (change !== undefined) changes.push(change);
  }
  return changes;
}

/** The version of the policy's package: the pending release's, or the last release's. */
export function currentVersion(model: PolicyModel, ledger: ReleaseLedger | undefined): string {
  return pendingRelease(model, ledger)?.version ?? ledger?.releases.at(-1)?.version ?? "1.0.0";
}

/** The ledger with the pending release recorded (unchanged when nothing is pending). */
export function withRelease(model: PolicyModel, ledger: ReleaseLedger | undefined): ReleaseLedger | undefined {
  const pending = pendingRelease(model, ledger);
  if (!pending) return ledger;
  return { releases: [...(ledger?.releases ?? []), pending], model };
}

function bumped(version: string, change: ChangeKind): string {
  const [major = 1, minor = 0, patch = 0] = version.split(".").map(Number);
  switch (change) {
    case "first":
      return "1.0.0";
    case "major":
      return `${major + 1}.0.0`;
    case "minor":
      return `${major}.${minor + 1}.0`;
    case "patch":
      return `${major}.${minor}.${patch + 1}`;
  }
}

function changeSince(old: PolicyModel, next: PolicyModel): { change: ChangeKind; why: string[] } {
  const breaks = factsBreaks(old, next);
  if (breaks.length > 0) return { change: "major", why: breaks };
  const delta = symbolicDelta(old, next);
  const notExact = delta.lists.length === 0 ? "" : ` (not exact for the lists of records ${delta.lists.join(", ")})`;
  if (delta.changed > 0n)
    return {
      change: "minor",
      why: [
        `${grouped(delta.changed)} of the ${grouped(delta.cases)} decisions the review diff counts change${notExact}.`,
      ],
    };
  if (delta.lists.length > 0)
    // NOTE: over lists the count is not exact, and a change it cannot see may still change a
    // decision: the safe side for an integrator is minor.
    return {
      change: "minor",
      why: [
        `No decision change was counted, but the count is not exact for the lists of records ${delta.lists.join(", ")}.`,
      ],
    };
  return { change: "patch", why: ["No decision changes: what changed is words, readings, mappings or documentation."] };
}

function typeWords(type: FactType): string {
  return type.kind === "number" && type.unit !== undefined ? `number in ${type.unit}` : type.kind;
}

/** Why Facts valid for `old` may be refused by `next`, or mean something else: one sentence per fact. */
export function factsBreaks(old: PolicyModel, next: PolicyModel): string[] {
  const after = new Map(next.facts.map((fact) => [fact.name, fact]));
  return old.facts.flatMap((fact): string[] => {
    const now = after.get(fact.name);
    if (!now) return [`The fact ${fact.name} was removed.`];
    return typeBreaks(fact, now);
  });
}

function typeBreaks(fact: FactModel, now: FactModel): string[] {
  const before = fact.type;
  const after = now.type;
  if (before.kind !== after.kind || typeWords(before) !== typeWords(after))
    return [`The fact ${fact.name} was ${typeWords(before)} and is now ${typeWords(after)}.`];
  if ((before.kind === "oneOf" || before.kind === "setOf") && (after.kind === "oneOf" || after.kind === "setOf")) {
    const kept = new Set(after.values.map((value) => value.name));
    const removed = before.values.filter((value) => !kept.has(value.name)).map((value) => value.name);
    return removed.length > 0 ? [`The fact ${fact.name} no longer takes ${removed.join(", ")}.`] : [];
  }
  if (before.kind === "number" && after.kind === "number") {
    const narrower =
      (after.min !== undefined && (before.min === undefined || after.min > before.min)) ||
      (after.max !== undefined && (before.max === undefined || after.max < before.max));
    return narrower ? [`The fact ${fact.name} takes a narrower range of numbers.`] : [];
  }
  if (before.kind === "list" && after.kind === "list") {
    const fields = new Map(after.fields.map((field) => [field.name, field]));
    return before.fields.flatMap((field) => {
      const now = fields.get(field.name);
      if (!now) return [`The records of ${fact.name} lost the field ${field.name}.`];
      return typeWords(now.type) === typeWords(field.type)
        ? []
        : [`The field ${field.name} of ${fact.name} was ${typeWords(field.type)} and is now ${typeWords(now.type)}.`];
    });
  }
  if ((before.kind === "code" || before.kind === "codes") && (after.kind === "code" || after.kind === "codes"))
    return before.system === after.system
      ? []
      : [`The codes of ${fact.name} were of ${before.system} and are now of ${after.system}.`];
  return [];
}
