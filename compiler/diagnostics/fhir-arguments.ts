// The words the FHIR mapping's diagnostics (PC140-PC149) are written over: what a source gives, and
// what is wrong with how a source was written.

/** What a FHIR source gives, as a message says it. */
export type FhirSourceWords = "a number of years" | "a date" | "yes or no" | "the order's code";

export function describeFhirSourceWords(words: FhirSourceWords): string {
  return words;
}

/** How a source's parts do not fit it. */
export type FhirSourcePartsProblem =
  /** `condition` without `in <value set>`. */
  | "needsValueSet"
  /** `in <value set>` after a source other than `condition`. */
  | "takesNoValueSet"
  /** `S9329 as chemotherapy` after a source other than `order.code`, or into a fact that is not of listed values. */
  | "takesNoMeanings"
  /** `order.code` into a fact of listed values without saying what each code means. */
  | "needsMeanings";

const partsProblems: Readonly<Record<FhirSourcePartsProblem, string>> = {
  needsValueSet: "needs the value set its Condition codes are in: `condition in <value set>`",
  takesNoValueSet: "takes no value set: only `condition in <value set>` does",
  takesNoMeanings: "takes no `<code> as <value>` list here: only `order.code` into a fact of listed values does",
  needsMeanings: "into a fact of listed values needs the value each order code means: `S9329 as chemotherapy`",
};

export function describeFhirSourcePartsProblem(problem: FhirSourcePartsProblem): string {
  return partsProblems[problem];
}
