// References between statements (`criterion I.3`, `section I` in a criterion's `met when`), once every
// condition is read: no statement may be met through itself (PC121), and a statement referred to must
// be in force for as long as the criterion that refers to it (PC123). Input: the symbols, what each
// statement reads and each lifetime; output: diagnostics. The names were resolved in expressions.ts.

import type * as Ast from "../syntax/ast.js";
import { catalogue } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { ExpressionReads } from "./expressions.js";
import { rangeWithin, type RevisionRange } from "./revisions.js";
import { describeStatement, parentId, type PolicySymbols } from "./symbols.js";

/**
 * The criteria a section reference stands for: each criterion numbered under the section, at any
 * depth, that is not a part of another criterion (parts count through their criterion).
 */
export function sectionMembers(symbols: PolicySymbols): Map<string, string[]> {
  const members = new Map<string, string[]>();
  for (const statement of symbols.outline.values()) {
    if (statement.kind !== "criterion") continue;
    const parent = parentId(statement.id.text);
    if (parent === undefined || symbols.outline.get(parent)?.kind === "criterion") continue;
    for (let section: string | undefined = parent; section !== undefined; section = parentId(section)) {
      if (symbols.outline.get(section)?.kind !== "section") continue;
      const list = members.get(section);
      if (list) list.push(statement.id.text);
      else members.set(section, [statement.id.text]);
    }
  }
  return members;
}

/** The first `criterion X` / `section X` naming `id` in the conditions of `criterion`, every version. */
function referenceWord(criterion: Ast.Criterion, id: string): Ast.Word | undefined {
  const find = (expression: Ast.Expression | undefined): Ast.Word | undefined => {
    if (!expression) return undefined;
    switch (expression.kind) {
      case "statementReference":
        return expression.id.text === id ? expression.id : undefined;
      case "not":
        return find(expression.operand);
      case "and":
      case "or":
      case "quantified":
        for (const operand of expression.operands) {
          const found = find(operand);
          if (found) return found;
        }
        return undefined;
      default:
        return undefined;
    }
  };
  return [criterion.metWhen, ...criterion.versions.map((version) => version.metWhen)].reduce<Ast.Word | undefined>(
    (found, expression) => found ?? find(expression),
    undefined,
  );
}

interface Frame {
  readonly id: string;
  readonly next: readonly string[];
  index: number;
}

export function checkReferences(
  symbols: PolicySymbols,
  reads: ReadonlyMap<string, ExpressionReads>,
  lifetimes: ReadonlyMap<string, RevisionRange>,
  diagnostics: Diagnostic[],
): void {
  const referrers = [...symbols.outline.values()].filter(
    (statement): statement is Ast.Criterion =>
      statement.kind === "criterion" && (reads.get(statement.id.text)?.references.size ?? 0) > 0,
  );
  if (referrers.length === 0) return;
  const members = sectionMembers(symbols);
  const report = (criterion: Ast.Criterion, id: string, make: (word: Ast.Word) => Diagnostic): void => {
    const word = referenceWord(criterion, id);
    if (word) diagnostics.push(make(word));
  };

  for (const criterion of referrers) {
    const lifetime = lifetimes.get(criterion.id.text);
    for (const id of reads.get(criterion.id.text)?.references ?? []) {
      const target = lifetimes.get(id);
      if (!lifetime || !target || rangeWithin(lifetime, target)) continue;
      report(criterion, id, (word) =>
        diagnostic(
          catalogue.referenceOutlivesTarget,
          symbols.file,
          word.span,
          { referrer: criterion.id.text, id },
          {
            context: describeStatement(criterion),
            hint: `Give ${criterion.id.text} a lifetime within ${id}'s, or refer to ${id} only in a version in force while it is.`,
          },
        ),
      );
    }
  }

  // Cycles: a criterion needs its parts and what it refers to; a section needs its criteria.
  const next = (id: string): readonly string[] => {
    const read = reads.get(id);
    return symbols.outline.get(id)?.kind === "section"
      ? (members.get(id) ?? [])
      : [...(read?.criteria ?? []), ...(read?.references ?? [])];
  };
  const state = new Map<string, "visiting" | "done">();
  for (const start of referrers) {
    if (state.has(start.id.text)) continue;
    const stack: Frame[] = [{ id: start.id.text, next: next(start.id.text), index: 0 }];
    state.set(start.id.text, "visiting");
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const following = frame.next[frame.index++];
      if (following === undefined) {
        state.set(frame.id, "done");
        stack.pop();
        continue;
      }
      if (state.get(following) === "done") continue;
      if (state.get(following) === "visiting") {
        const from = stack.findIndex((f) => f.id === following);
        const cycle = stack.slice(from).map((f) => f.id);
        // Parts and a section's criteria form a tree: some step of the cycle is a reference; report there.
        const step = cycle.findIndex((id, k) => reads.get(id)?.references.has(cycle[(k + 1) % cycle.length] ?? ""));
        const referrer = symbols.outline.get(cycle[step] ?? "");
        if (referrer?.kind === "criterion")
          report(referrer, cycle[(step + 1) % cycle.length]!, (word) =>
            diagnostic(
              catalogue.referenceCycle,
              symbols.file,
              word.span,
              { cycle: [...cycle.slice(step), ...cycle.slice(0, step)] },
              {
                context: describeStatement(referrer),
                hint: "Refer to the statements the others need, not to one that needs this one.",
              },
            ),
          );
        continue;
      }
      state.set(following, "visiting");
      stack.push({ id: following, next: next(following), index: 0 });
    }
  }
}
