// How a field of a record reads in the docs. Authors label a field by the record it belongs to ("the
// day the study was performed"), and a condition names the record it reads ("study", or "abg" for a
// second study it compares). So a label that already speaks of the record by the name in hand reads
// as written; one that speaks of it by another name the policy gives records of the same list reads
// with the name in hand ("the day the abg was performed"); any other label is followed by "of the
// <name>" ("the oxygen saturation of the abg"). Without this the docs said "the day the study was
// performed of the study".

/** The names a policy gives records of each list (quantifiers' and parameters'), by the list's fact name. */
export function recordNamesByList(model: unknown): ReadonlyMap<string, readonly string[]> {
  const names = new Map<string, Set<string>>();
  const add = (list: string, name: string) => {
    const known = names.get(list) ?? new Set<string>();
    known.add(name);
    names.set(list, known);
  };
  // A structural walk, so that a condition kind added later is still searched.
  const seen = new Set<object>();
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    const fields = node as Record<string, unknown>;
    if (typeof fields.list === "string") {
      if (fields.kind === "records" && typeof fields.variable === "string") add(fields.list, fields.variable);
      if (fields.kind === "record" && typeof fields.name === "string") add(fields.list, fields.name);
    }
    for (const value of Object.values(fields)) visit(value);
  };
  visit(model);
  return new Map([...names].map(([list, known]) => [list, [...known].sort()]));
}

/** A record's name as prose: `blood_test` reads "blood test". */
export function recordNameWords(name: string): string {
  return name.replace(/_/g, " ");
}

/** "the <name>" as a whole phrase, any case: every occurrence with `all`. */
function mentionOf(name: string, all = false): RegExp {
  const escaped = recordNameWords(name).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`\\b(the) ${escaped}\\b`, all ? "gi" : "i");
}

/**
 * A field's label (already a subject: "the day the study was performed") as it reads for the record
 * called `name`, given the other names the policy gives records of its list.
 */
export function fieldPhrase(label: string, name: string, namesOfList: readonly string[]): string {
  if (mentionOf(name).test(label)) return label;
  // The longest first, so that "the blood test" is not read as "the blood" of a record named "blood".
  const others = namesOfList.filter((other) => other !== name).sort((a, b) => b.length - a.length);
  for (const other of others) {
    if (mentionOf(other).test(label))
      return label.replace(mentionOf(other, true), (_whole, the: string) => `${the} ${recordNameWords(name)}`);
  }
  return `${label} of the ${recordNameWords(name)}`;
}
