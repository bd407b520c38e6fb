// The graph of what depends on what: definitions that use definitions, criteria that use their parts.
// Two checks walk it: a cycle has no meaning (PC023), and a chain of definitions, one inside another,
// deeper than the nesting limit (PC007) would make the generated evaluator explain itself through as
// many nested calls. The walk keeps its own stack, so no policy, however long its chains, can
// overflow the compiler's.

import { catalogue } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { maxNestingDepth } from "../syntax/nesting.js";
import type { ExpressionReads } from "./expressions.js";
import { describeStatement, type PolicySymbols } from "./symbols.js";

interface Frame {
  readonly name: string;
  readonly next: readonly string[];
  index: number;
}

export function checkDependencies(
  symbols: PolicySymbols,
  reads: ReadonlyMap<string, ExpressionReads>,
  diagnostics: Diagnostic[],
): void {
  const state = new Map<string, "visiting" | "done">();
  /** For a definition: how many definitions deep it goes, itself included. */
  const depth = new Map<string, number>();
  const where = (name: string) => {
    const statement = symbols.definitions.get(name) ?? symbols.outline.get(name);
    const span = statement?.kind === "definition" ? statement.name.span : statement?.id.span;
    return span && statement ? { span, context: describeStatement(statement) } : undefined;
  };

  const walk = (start: string): void => {
    const stack: Frame[] = [];
    const onStack = new Map<string, number>();
    const enter = (name: string) => {
      state.set(name, "visiting");
      onStack.set(name, stack.length);
      const read = reads.get(name);
      stack.push({ name, next: [...(read?.definitions ?? []), ...(read?.criteria ?? [])], index: 0 });
    };
    enter(start);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const next = frame.next[frame.index++];
      if (next !== undefined) {
        if (state.get(next) === "done") continue;
        if (state.get(next) === "visiting") {
          const cycle = [...stack.slice(onStack.get(next)).map((f) => f.name), next];
          const place = where(next);
          if (place)
            diagnostics.push(
              diagnostic(
                catalogue.definitionCycle,
                symbols.file,
                place.span,
                { name: next, cycle },
                { context: place.context },
              ),
            );
          continue;
        }
        enter(next);
        continue;
      }
      stack.pop();
      onStack.delete(frame.name);
      state.set(frame.name, "done");
      if (!symbols.definitions.has(frame.name)) continue;
      let deepest = 0;
      for (const used of reads.get(frame.name)?.definitions ?? []) deepest = Math.max(deepest, depth.get(used) ?? 0);
      depth.set(frame.name, deepest + 1);
      const place = deepest === maxNestingDepth ? where(frame.name) : undefined;
      if (place) {
        diagnostics.push(
          diagnostic(
            catalogue.nestingTooDeep,
            symbols.file,
            place.span,
            { nesting: { what: "definition", name: frame.name }, limit: maxNestingDepth },
            {
              hint: "Let a definition name the conditions it needs more directly, through fewer definitions in a row.",
              context: place.context,
            },
          ),
        );
      }
    }
  };

  for (const name of [...symbols.definitions.keys(), ...symbols.outline.keys()])
    if (state.get(name) !== "done") walk(name);
}
