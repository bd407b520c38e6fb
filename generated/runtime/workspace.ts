// DO NOT EDIT. Copied by policyc from compiler/runtime/workspace.ts.
// The arrays one evaluation fills (the facts read, and every statement's truths), made once per
// policy and reused by each evaluation after it, so that a decision allocates little beyond what it
// returns. Evaluation is synchronous and nothing it returns holds these arrays; an evaluation that
// starts while another is still running (a caller's getter, run while the facts are read, that
// evaluates again) gets a workspace of its own.

import type { PeriodPlan, PreparedPolicy } from "./prepare.js";
import type { Truth } from "./truth.js";

export interface Workspace {
  /** True while an evaluation uses it. */
  busy: boolean;
  /** What the service date is judged by: the rules as they stand in its period. */
  period: PeriodPlan<unknown>;
  /** By position in the fact table. */
  readonly factValues: unknown[];
  readonly definitionValues: Truth[];
  /** In the order the parts are computed, `partOrder`. */
  readonly partValues: Truth[];
  /** In the order of the policy's `references`: whether each statement referred to is met. */
  readonly metValues: Truth[];
  readonly sections: Truth[];
  /** Per rule: whether it applies, whether its condition holds, whether it denies, whether an exception may set it aside (0 for a rule that does not deny). */
  readonly applies: Truth[];
  readonly holds: Truth[];
  readonly denies: Truth[];
  readonly waived: Truth[];
  readonly exceptions: Truth[];
  /** What the compiled logic reads: named views of the arrays above, and the service date. */
  readonly scope: {
    readonly facts: unknown;
    readonly definitions: unknown;
    readonly parts: unknown;
    readonly met: unknown;
    asOf: string;
  };
}

function filled<T>(length: number, value: T): T[] {
  return new Array<T>(length).fill(value);
}

export function newWorkspace<S>(policy: PreparedPolicy<S, string, string, string>): Workspace {
  const factValues = filled<unknown>(policy.facts.length, undefined);
  const definitionValues = filled<Truth>(policy.definitions.length, 1);
  const partValues = filled<Truth>(policy.partOrder.length, 1);
  const metValues = filled<Truth>(policy.references.length, 1);
  const rules = policy.rules.length;
  return {
    busy: false,
    period: policy.periods[0]! as PeriodPlan<unknown>,
    factValues,
    definitionValues,
    partValues,
    metValues,
    sections: filled<Truth>(policy.sections.length, 1),
    applies: filled<Truth>(rules, 1),
    holds: filled<Truth>(rules, 1),
    denies: filled<Truth>(rules, 1),
    waived: filled<Truth>(rules, 1),
    exceptions: filled<Truth>(policy.exceptions.length, 1),
    scope: {
      facts: policy.factView(factValues),
      definitions: policy.definitionView(definitionValues),
      parts: policy.partView(partValues),
      met: policy.metView(metValues),
      asOf: "",
    },
  };
}

const workspaces = new WeakMap<object, Workspace>();

/** The policy's workspace, marked busy; a fresh one when it is busy already. Hand it back with `release`. */
export function takeWorkspace<S>(policy: PreparedPolicy<S, string, string, string>): Workspace {
  let workspace = workspaces.get(policy);
  if (workspace === undefined) {
    workspace = newWorkspace(policy);
    workspaces.set(policy, workspace);
  } else if (workspace.busy) {
    workspace = newWorkspace(policy);
  }
  workspace.busy = true;
  return workspace;
}

export function release(workspace: Workspace): void {
  workspace.busy = false;
}
