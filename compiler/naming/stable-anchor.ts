// The stable anchor of a key (`criterion I.A.3` -> `criterion-I.A.3`), shared by the docs, which
// print it, and the evaluator, whose decisions cite the readings of the register by it.

/** The stable anchor of a key. Keys are built from checked names. */
export function stableAnchor(key: string): string {
  // Checked names hold only letters, digits, `.`, `_` and `-`; anything else is replaced so that the
  // anchor can never carry markup into the page.
  return key.replace(/ /g, "-").replace(/[^A-Za-z0-9._-]/g, "_");
}
