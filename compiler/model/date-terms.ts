// What the terms of a condition about dates read and where a window of days starts and ends, computed
// from the model once for every stage that needs them (the evaluator's compiled logic and its data,
// which facts a rule reads, the review diff's boundary dates).

import type { DateTerm, DateWindow, Duration, Term } from "./policy-model.js";

/** The fact a term reads, if any: a fact, or the fact a shifted date moves. */
export function factOfTerm(term: Term): string | undefined {
  if (term.kind === "fact") return term.fact;
  if (term.kind === "shifted" && term.date.kind === "fact") return term.date.fact;
  return undefined;
}

/** `date` moved by `amount` of `unit`; moved by nothing, `date` itself. */
function shifted(date: DateTerm, by: Duration): Term {
  return by.amount === 0 ? date : { kind: "shifted", date, by };
}

/** The first and last dates of a window from `anchor` (both included), as terms. */
export function windowBounds(anchor: DateTerm, window: DateWindow): { readonly from: Term; readonly to: Term } {
  if (window.kind === "within") {
    const back = shifted(anchor, { amount: -window.length.amount, unit: window.length.unit });
    const ahead = shifted(anchor, window.length);
    switch (window.side) {
      case "before":
        return { from: back, to: anchor };
      case "after":
        return { from: anchor, to: ahead };
      case "around":
        return { from: back, to: ahead };
    }
  }
  const [first, last] = window.side === "after" ? [window.first, window.last] : [-window.last, -window.first];
  return {
    from: shifted(anchor, { amount: first, unit: "days" }),
    to: shifted(anchor, { amount: last, unit: "days" }),
  };
}
