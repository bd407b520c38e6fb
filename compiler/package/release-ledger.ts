// The release ledger of a policy on disk: generated/<name>/releases.json, read as untrusted input (a
// regular file, not through a link; every field checked; the stored model must still hash to the
// last release's hash, so a hand edit of it is refused rather than trusted), and written back in one
// deterministic layout.

import { join } from "node:path";
import { readRegularFile } from "../files/read-file.js";
import { modelHash } from "../model/model-hash.js";
import type { PolicyModel } from "../model/policy-model.js";
import type { ChangeKind, ReleaseEntry, ReleaseLedger } from "./releases.js";

export type LedgerRead =
  | { readonly kind: "none" }
  | { readonly kind: "read"; readonly ledger: ReleaseLedger }
  | { readonly kind: "invalid"; readonly why: string };

/** Where a policy's ledger is kept, relative to the project root. */
export function ledgerPath(slug: string): string {
  return `generated/${slug}/releases.json`;
}

const changes: readonly ChangeKind[] = ["first", "major", "minor", "patch"];

class LedgerError extends Error {}

function field<T>(value: unknown, what: string, is: (value: unknown) => value is T): T {
  if (!is(value)) throw new LedgerError(what);
  return value;
}

const isText = (value: unknown): value is string => typeof value === "string";
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function entryOf(value: unknown, index: number): ReleaseEntry {
  const where = `release ${String(index + 1)}`;
  const entry = field(value, `${where} is not an object`, isObject);
  const version = field(entry["version"], `${where} has no version`, isText);
  if (!/^\d+\.\d+\.\d+$/.test(version))
    throw new LedgerError(`${where}'s version ${JSON.stringify(version)} is not x.y.z`);
  const change = field(entry["change"], `${where} has no change`, isText);
  if (!changes.includes(change as ChangeKind))
    throw new LedgerError(`${where}'s change ${JSON.stringify(change)} is unknown`);
  const why = field(entry["why"], `${where} has no reasons`, Array.isArray);
  const hash = field(entry["modelHash"], `${where} has no model hash`, isText);
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new LedgerError(`${where}'s model hash is not a SHA-256`);
  const contract = entry["resultContract"];
  if (contract !== undefined && !(typeof contract === "number" && Number.isInteger(contract) && contract >= 1))
    throw new LedgerError(`${where}'s result contract ${JSON.stringify(contract)} is not a whole number from 1`);
  return {
    version,
    revision: field(entry["revision"], `${where} has no revision`, isText),
    change: change as ChangeKind,
    why: why.map((reason) => field(reason, `${where} has a reason that is not text`, isText)),
    modelHash: hash,
    ...(contract !== undefined && { resultContract: contract }),
  };
}

/** The ledger of a policy in the project at `root`: none yet, read and checked, or why it cannot be used. */
export function readLedger(root: string, slug: string): LedgerRead {
  const read = readRegularFile(join(root, ledgerPath(slug)));
  if (read.kind === "missing") return { kind: "none" };
  if (read.kind === "refused") return { kind: "invalid", why: `it is not a plain file (${read.refusal.kind})` };
  try {
    const parsed = field(JSON.parse(read.text) as unknown, "it is not a JSON object", isObject);
    const releases = field(parsed["releases"], "it has no list of releases", Array.isArray).map(entryOf);
    const last = releases.at(-1);
    if (!last) throw new LedgerError("it lists no release");
    const model = field(parsed["model"], "it has no model", isObject) as unknown as PolicyModel;
    if (!Array.isArray(model.facts) || !Array.isArray(model.rules) || !Array.isArray(model.revisions))
      throw new LedgerError("its model is not a policy model");
    if (modelHash(model) !== last.modelHash)
      throw new LedgerError("its model does not hash to the last release's model hash (was it edited by hand?)");
    return { kind: "read", ledger: { releases, model } };
  } catch (error) {
    if (error instanceof LedgerError) return { kind: "invalid", why: error.message };
    if (error instanceof SyntaxError) return { kind: "invalid", why: `it is not JSON (${error.message})` };
    throw error;
  }
}

/** What the ledger says of itself, as its first field (JSON has no comments). */
const about =
  "DO NOT EDIT. Written by `policyc release`: the releases of this policy and the model of the last one, which the build compares the policy with to give its package the version its meaning calls for.";

export function ledgerText(ledger: ReleaseLedger): string {
  return `${JSON.stringify({ about, releases: ledger.releases, model: ledger.model }, null, 2)}\n`;
}
