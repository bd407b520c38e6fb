// Three-valued truth, as small integers so that the generated code stays fast: 0 is false, 1 is
// unknown, 2 is true. AND is the minimum, OR the maximum, NOT is 2 - x (Kleene's strong logic), so
// an unknown fact never counts as false.

export type Truth = 0 | 1 | 2;

/** All of them true: the least truth. (Math.min itself, typed, so that V8 still inlines it.) */
export const and = Math.min as (...truths: Truth[]) => Truth;

/** Any of them true: the greatest truth. */
export const or = Math.max as (...truths: Truth[]) => Truth;

/**
 * `and` and `or` of exactly two truths, for the runtime's own loops: a comparison, where Math.min
 * and Math.max reached through an import are calls V8 does not always inline.
 */
export function both(a: Truth, b: Truth): Truth {
  return a < b ? a : b;
}

export function either(a: Truth, b: Truth): Truth {
  return a > b ? a : b;
}

export function not(truth: Truth): Truth {
  return (2 - truth) as Truth;
}

/**
 * At least `count` of `truths` true: true; too few could still be: unknown; else false. NOTE: a list,
 * not rest arguments: JavaScript refuses a call of some 65,000 arguments, and a policy may list more.
 */
export function atLeast(count: number, truths: readonly Truth[]): Truth {
  let trues = 0;
  let unknowns = 0;
  for (const truth of truths) {
    if (truth === 2) trues++;
    else if (truth === 1) unknowns++;
  }
  return trues >= count ? 2 : trues + unknowns >= count ? 1 : 0;
}
