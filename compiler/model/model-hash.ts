// The policy's meaning as a hash: SHA-256 of the model (every statement's words, logic, lifetime,
// category and readings, the facts, the codes and their rules), written as JSON with its keys
// sorted. It leaves out where the source is and what its text hashes to, so a comment or a change
// of layout keeps it, and any change to what the policy decides or says changes it. A decision
// carries it beside the source hash (policy-identity in runtime/decision.ts).

import { createHash } from "node:crypto";
import type { PolicyModel } from "./policy-model.js";

/** JSON with every object's keys in code-point order, so two equal models give one text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "bigint") return value.toString();
  if (typeof value !== "object" || value === null) return JSON.stringify(value) ?? "null";
  const entries = Object.entries(value)
    .filter(([, inner]) => inner !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(",")}}`;
}

export function modelHash(model: PolicyModel): string {
  const meaning = { ...model, sourcePath: undefined, sourceHash: undefined };
  return createHash("sha256").update(canonicalJson(meaning), "utf8").digest("hex");
}
