// `parseFacts` of a generated module: untrusted input (parsed JSON, or anything a program built) in,
// either the facts as plain data of the policy's `Facts` type or every issue out, never a throw. The
// validation is evaluate's own (read-facts.ts); the facts returned are rebuilt from the values it read.

import type { InputIssue } from "./issues.js";
import type { FactGroupPlan, FactPlan, PreparedPolicy } from "./prepare.js";
import type { RecordValues } from "./records.js";
import { readFacts } from "./read-facts.js";

/** What `parseFacts` returns: the facts, typed, or why they are not facts of the policy. */
export type ParsedFacts<Facts> =
  { readonly ok: true; readonly facts: Facts } | { readonly ok: false; readonly issues: readonly InputIssue[] };

/**
 * Reads `input` as evaluate does. On success the facts are a copy holding only the known facts
 * (an unknown one, absent or null, is left out), so a getter or a Proxy of the caller's is not read again.
 */
export function parsePolicyFacts<Facts>(
  policy: Pick<PreparedPolicy<never, string, string, string>, "input" | "declaration">,
  input: unknown,
): ParsedFacts<Facts> {
  const issues: InputIssue[] = [];
  const values = new Array<unknown>(policy.declaration.facts.length);
  readFacts(input, policy.input, values, issues);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, facts: groupOf(policy.input, values) as Facts };
}

/** A value as the caller writes it: a truth back to true or false (undefined when unknown). */
function written(kind: string, value: unknown): unknown {
  if (kind !== "boolean") return value;
  return value === 2 ? true : value === 0 ? false : undefined;
}

function recordOf(fact: FactPlan, record: RecordValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fact.fields) {
    const value = written(field.kind, record[field.name]);
    if (value !== undefined) out[field.name] = value;
  }
  return out;
}

function groupOf(plan: FactGroupPlan, values: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const fact of plan.facts) {
    const value = values[fact.position];
    if (fact.kind === "list" && value !== undefined)
      out[fact.key] = (value as readonly RecordValues[]).map((record) => recordOf(fact, record));
    else if (written(fact.kind, value) !== undefined) out[fact.key] = written(fact.kind, value);
  }
  for (const child of plan.groups) {
    const group = groupOf(child, values);
    if (Object.keys(group).length > 0) out[child.key] = group;
  }
  return out;
}
