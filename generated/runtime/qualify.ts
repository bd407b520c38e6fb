// DO NOT EDIT. Copied by policyc from compiler/runtime/qualify.ts.
// A covered decision's qualifying path: which named alternatives coverage went through, and the
// limitations those statements bring. Walks, as data, the condition of each criterion that applied
// and was met, descending only into what was met: an `and`'s operands, and the operands of an `or`
// or `at least N of` that were met. An operand naming a part, a criterion or a section
// (`criterion I.3`, `section II`) that was met under an `or` or `at least` qualified. Not run on a
// decision that is not covered, nor for a policy with no named alternative and no limitation.

import { truthOf, type ExplainScope } from "./explain.js";
import { explainScope } from "./explain-scope.js";
import type { Condition } from "./policy-table.js";
import type { PreparedPolicy } from "./prepare.js";
import type { Limitation, MetThrough } from "./decision.js";
import type { Workspace } from "./workspace.js";

export interface QualifyingPath {
  /** In source order. */
  readonly qualifiedUnder: readonly string[];
  /** In source order (frozen records, shared). */
  readonly limitations: readonly Limitation<string, string>[];
}

const NONE: readonly never[] = Object.freeze([]);

export const NO_PATH: QualifyingPath = Object.freeze({ qualifiedUnder: NONE, limitations: NONE });

class PathWalk<S> {
  /** Kept small: a handful of alternatives at most, so arrays beat sets (no hashing, less allocation). */
  readonly qualified: string[] = [];
  /** Positions of the rules coverage went through. */
  readonly through: number[] = [];
  /** Made only when an alternative is not itself named (its truth is then computed from the data). */
  private scope: ExplainScope | undefined;

  constructor(
    private readonly policy: PreparedPolicy<S, string, string, string>,
    private readonly truths: Workspace,
  ) {}

  /** Coverage went through rule `index` (met): walk its condition as it stands on the date. */
  rule(index: number): void {
    if (this.through.includes(index)) return;
    this.through.push(index);
    if (this.truths.period.namesStatements[index] === true) this.condition(this.truths.period.rules[index]!.when);
  }

  /** Whether an operand holds: a named one's value is kept; any other is computed from its data. */
  private holds(operand: Condition): boolean {
    if (operand.kind === "part") {
      const index = this.policy.rulePosition.get(operand.id);
      return index !== undefined && this.truths.holds[index] === 2;
    }
    if (operand.kind === "statement") {
      const position = this.policy.explainIndex.metPosition.get(operand.id);
      return position !== undefined && this.truths.metValues[position] === 2;
    }
    return truthOf(operand, (this.scope ??= explainScope(this.policy, this.truths))) === 2;
  }

  private condition(condition: Condition): void {
    switch (condition.kind) {
      case "and":
        for (const operand of condition.operands) this.condition(operand);
        return;
      case "or":
      case "atLeast":
        for (const operand of condition.operands) {
          if (!this.holds(operand)) continue;
          if ((operand.kind === "part" || operand.kind === "statement") && !this.qualified.includes(operand.id))
            this.qualified.push(operand.id);
          this.condition(operand);
        }
        return;
      case "part": {
        const index = this.policy.rulePosition.get(condition.id);
        if (index !== undefined && this.truths.holds[index] === 2) this.rule(index);
        return;
      }
      case "statement": {
        const position = this.policy.explainIndex.metPosition.get(condition.id);
        const reference = position === undefined ? undefined : this.policy.references[position];
        if (reference === undefined || this.truths.metValues[position!] !== 2) return;
        for (const index of reference.criteria)
          if (this.truths.applies[index] === 2 && this.truths.holds[index] === 2) this.rule(index);
        return;
      }
      default:
        // A negation is not gone through; a definition names no statement.
        return;
    }
  }
}

/** The path of a covered decision (call only when covered). */
export function qualifyingPath<S>(
  policy: PreparedPolicy<S, string, string, string>,
  truths: Workspace,
): QualifyingPath {
  const walk = new PathWalk(policy, truths);
  const { rules, namesStatements } = truths.period;
  // Only a rule whose condition names a part or a statement can branch; the others are gone through
  // as they stand (which matters only for their limitations).
  const limited = policy.limitations.length > 0;
  for (let index = 0; index < rules.length; index++)
    if (
      (limited || namesStatements[index] === true) &&
      rules[index]!.role === "requirement" &&
      truths.applies[index] === 2 &&
      truths.holds[index] === 2
    )
      walk.rule(index);
  const rank = (id: string): number => policy.sourceRank.get(id) ?? 0;
  const qualified = walk.qualified;
  const qualifiedUnder =
    qualified.length === 0 ? NONE : qualified.length === 1 ? qualified : qualified.sort((a, b) => rank(a) - rank(b));
  if (!limited) return qualifiedUnder === NONE ? NO_PATH : { qualifiedUnder, limitations: NONE };
  const limitations = policy.limitations.flatMap((limitation) =>
    limitation.criteria.some((index) => walk.through.includes(index)) ? [limitation.reported] : [],
  );
  return { qualifiedUnder, limitations: limitations.length === 0 ? NONE : limitations };
}

/** One frozen record per definition or statement named, by kind then id, shared by every trace that names it. */
const metThroughRecords = new Map<MetThrough["kind"], Map<string, MetThrough>>();

/** The record of what `condition` (a definition, part or statement named) names: the same object for the same name. */
function metThroughRecord(condition: Extract<Condition, { kind: "definition" | "part" | "statement" }>): MetThrough {
  const kind = condition.kind === "definition" ? "definition" : condition.kind === "part" ? "part" : condition.target;
  const id = condition.kind === "definition" ? condition.name : condition.id;
  let byId = metThroughRecords.get(kind);
  if (byId === undefined) metThroughRecords.set(kind, (byId = new Map<string, MetThrough>()));
  let record = byId.get(id);
  if (record === undefined) byId.set(id, (record = Object.freeze({ kind, id })));
  return record;
}

/**
 * What rule `index` (met) was met through: walking its condition as the qualifying path does, each
 * definition, part or statement named on the way that held, in the order written. For the trace only.
 */
export function metThrough(truths: Workspace, scope: ExplainScope, index: number): MetThrough[] {
  const found: MetThrough[] = [];
  const walk = (condition: Condition): void => {
    switch (condition.kind) {
      case "and":
        condition.operands.forEach(walk);
        return;
      case "or":
      case "atLeast":
        for (const operand of condition.operands) if (truthOf(operand, scope) === 2) walk(operand);
        return;
      case "definition":
      case "part":
      case "statement": {
        if (truthOf(condition, scope) !== 2) return;
        const record = metThroughRecord(condition);
        if (!found.includes(record)) found.push(record);
        return;
      }
      default:
        return;
    }
  };
  walk(truths.period.rules[index]!.when);
  return found;
}
