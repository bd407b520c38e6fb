// When a question of the Questionnaire can matter, from the policy's logic: the guards under which
// each fact is read. A fact is read under a guard when a section's `applies when` holds it (for the
// section's rules), or when an earlier operand of an `and` does (`member.was_inpatient and
// study.performed is within 2 days before member.discharge`: the discharge day is read only for an
// inpatient), or when an earlier operand of an `or` is a yes-or-no fact that must be false first
// (`not plan.has_end or plan.end >= service date`: the end date is read only once there is one). A guard is a simple condition on another fact: a yes-or-no fact is
// yes (or no), a one-of fact is one of some values.
//
// The reading (docs/contract.md, "enableWhen"): a fact gets enableWhen only when EVERY place the
// revision reads it is guarded; its enableWhen is then any of those guards (the innermost of each
// read). Conservative: a read under no simple guard (an `or`, a count, a comparison of numbers, a
// first operand) leaves the question always enabled; guards that would make two questions wait for
// each other are dropped.

import type { Condition, DefinitionModel, PolicyModel, RevisionRange } from "../../model/policy-model.js";
import { ruleVersions } from "../../model/versions.js";
import { recordConditions } from "../../model/walk-conditions.js";

/** The fact a guard asks about, and the answers under which it holds. */
export type Guard =
  | { readonly fact: string; readonly kind: "boolean"; readonly value: boolean }
  | { readonly fact: string; readonly kind: "oneOf"; readonly values: readonly string[] };

/** One place a fact is read: the innermost guard over it, or none. */
interface Read {
  readonly fact: string;
  readonly guard: Guard | undefined;
}

/** The guard a condition is, when it is a simple one: `G`, `not G`, `G is a or b`. */
function guardOf(condition: Condition): Guard | undefined {
  if (condition.kind === "fact") return { fact: condition.fact, kind: "boolean", value: true };
  if (condition.kind === "not" && condition.operand.kind === "fact")
    return { fact: condition.operand.fact, kind: "boolean", value: false };
  if (condition.kind === "oneOf") return { fact: condition.fact, kind: "oneOf", values: condition.values };
  return undefined;
}

/** The guard that holds when `guard` does not, for a yes-or-no one (a one-of's other values are not at hand). */
function oppositeGuard(guard: Guard | undefined): Guard | undefined {
  return guard?.kind === "boolean" ? { ...guard, value: !guard.value } : undefined;
}

function covers(range: RevisionRange, revision: number): boolean {
  return range.from <= revision && (range.until === undefined || revision < range.until);
}

class ReadFinder {
  private readonly definitions: ReadonlyMap<string, DefinitionModel>;
  private readonly definitionReads = new Map<string, readonly Read[]>();

  constructor(model: PolicyModel) {
    this.definitions = new Map(model.definitions.map((definition) => [definition.name, definition]));
  }

  /** The reads of a definition's condition, each under its own guard (none when unguarded), found once. */
  private ofDefinition(name: string): readonly Read[] {
    const known = this.definitionReads.get(name);
    if (known !== undefined) return known;
    const definition = this.definitions.get(name);
    const reads = definition === undefined ? [] : this.reads(definition.condition, undefined);
    this.definitionReads.set(name, reads);
    return reads;
  }

  private termFacts(condition: Condition): string[] {
    const facts: string[] = [];
    const visit = (term: unknown): void => {
      if (typeof term !== "object" || term === null) return;
      const record = term as { readonly kind?: unknown; readonly fact?: unknown; readonly date?: unknown };
      if (record.kind === "fact" && typeof record.fact === "string") facts.push(record.fact);
      if (record.kind === "shifted") visit(record.date);
    };
    if (condition.kind === "compare") [condition.left, condition.right].forEach(visit);
    if (condition.kind === "dateWindow") [condition.date, condition.anchor].forEach(visit);
    return facts;
  }

  /** Every fact `condition` reads, each with the innermost guard over it (`guard` when none is nearer). */
  reads(condition: Condition, guard: Guard | undefined): Read[] {
    switch (condition.kind) {
      case "constant":
      case "part":
      case "statement":
        return [];
      case "fact":
      case "oneOf":
      case "contains":
      case "inValueSet":
        return [{ fact: condition.fact, guard }];
      case "compare":
      case "dateWindow":
        return this.termFacts(condition).map((fact) => ({ fact, guard }));
      case "not":
        return this.reads(condition.operand, guard);
      case "and": {
        // Each operand is read under the nearest simple guard written before it.
        const reads: Read[] = [];
        let nearest = guard;
        for (const operand of condition.operands) {
          reads.push(...this.reads(operand, nearest));
          nearest = guardOf(operand) ?? nearest;
        }
        return reads;
      }
      case "or": {
        // An operand matters only when those before it are false: under the opposite of the nearest
        // yes-or-no guard written before it (`not ended or end >= service date`: the end when ended).
        const reads: Read[] = [];
        let nearest = guard;
        for (const operand of condition.operands) {
          reads.push(...this.reads(operand, nearest));
          nearest = oppositeGuard(guardOf(operand)) ?? nearest;
        }
        return reads;
      }
      case "atLeast":
        return condition.operands.flatMap((operand) => this.reads(operand, guard));
      case "definition":
        return this.ofDefinition(condition.name).map((read) => ({ fact: read.fact, guard: read.guard ?? guard }));
      case "applied":
        return this.reads(condition.condition, guard);
      case "field":
        return [];
      case "records": {
        const inner = recordConditions(condition.quantifier).flatMap((nested) => this.reads(nested, guard));
        const than = condition.quantifier.kind === "count" ? condition.quantifier.than : undefined;
        const counted = than?.kind === "fact" ? [{ fact: than.fact, guard }] : [];
        return [{ fact: condition.list, guard }, ...inner, ...counted];
      }
    }
  }
}

/** The guard over a rule's reads from its sections' `applies when`: the innermost simple one. */
function sectionGuard(applicability: readonly { readonly condition: Condition }[]): Guard | undefined {
  let nearest: Guard | undefined;
  for (const { condition } of applicability) {
    const conjuncts = condition.kind === "and" ? condition.operands : [condition];
    for (const conjunct of conjuncts) nearest = guardOf(conjunct) ?? nearest;
  }
  return nearest;
}

/**
 * Per fact read in the revision at `revision` (a position in the log): the guards of which at least
 * one must hold for it to matter, or none when it may always matter.
 */
export function enablingGuards(model: PolicyModel, revision: number): ReadonlyMap<string, readonly Guard[]> {
  const finder = new ReadFinder(model);
  const reads: Read[] = [];
  for (const rule of model.rules) {
    const version = ruleVersions(rule).find((candidate) => covers(candidate.inForce, revision));
    if (version === undefined) continue;
    // A section's own condition is read under the sections around it.
    rule.applicability.forEach((section, index) =>
      reads.push(...finder.reads(section.condition, sectionGuard(rule.applicability.slice(0, index)))),
    );
    reads.push(...finder.reads(version.condition, sectionGuard(rule.applicability)));
  }
  for (const exception of model.exceptions)
    if (covers(exception.inForce, revision)) reads.push(...finder.reads(exception.condition, undefined));

  const guards = new Map<string, Guard[] | undefined>();
  for (const read of reads) {
    if (read.guard === undefined || read.guard.fact === read.fact) {
      guards.set(read.fact, undefined);
      continue;
    }
    if (guards.has(read.fact) && guards.get(read.fact) === undefined) continue;
    const list = guards.get(read.fact) ?? [];
    if (!list.some((known) => JSON.stringify(known) === JSON.stringify(read.guard))) list.push(read.guard);
    guards.set(read.fact, list);
  }
  return withoutCycles(model, guards);
}

/** The guards kept in declaration order, dropping a fact's when a guard waits, through others, on it. */
function withoutCycles(
  model: PolicyModel,
  guards: ReadonlyMap<string, readonly Guard[] | undefined>,
): ReadonlyMap<string, readonly Guard[]> {
  const kept = new Map<string, readonly Guard[]>();
  const waitsOn = (fact: string, target: string, seen: Set<string>): boolean => {
    if (fact === target) return true;
    if (seen.has(fact)) return false;
    seen.add(fact);
    return (kept.get(fact) ?? []).some((guard) => waitsOn(guard.fact, target, seen));
  };
  for (const fact of model.facts) {
    const list = guards.get(fact.name);
    if (list === undefined || list.length === 0) continue;
    if (list.some((guard) => waitsOn(guard.fact, fact.name, new Set()))) continue;
    kept.set(fact.name, list);
  }
  return kept;
}
