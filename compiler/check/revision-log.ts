// The revision log's words held against the statements' lifetimes. A log that says "Added Criteria
// I.A.5" while I.A.5 has no `added in` for that revision means that service dates before the revision
// are judged by a criterion that did not exist yet; the reverse (a statement added in a revision whose
// log does not say so) usually means the wrong revision was named. Both pass every other check, so
// they are reported here, as warnings: the log is prose, and the author decides which side is right.

import type * as Ast from "../syntax/ast.js";
import { catalogue } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { parentId, type OutlineStatement, type PolicySymbols } from "./symbols.js";

type Change = "added" | "removed";

/**
 * The words of a log that say what a revision did; a number named after one is what it did that to.
 * Only adding and removing are held to lifetimes; the others ("Reworded Criteria I.A.2") end the reach
 * of the one before them.
 */
const verbs =
  /\b(added|removed|deleted|reworded|revised|updated|changed|clarified|narrowed|expanded|replaced|moved|renumbered)\b/gi;

const isNameCharacter = (character: string | undefined): boolean =>
  character !== undefined && /[A-Za-z0-9-]/.test(character);

/** The word just before `at`, lower-cased, past spaces and an opening bracket or quote. */
function wordBefore(text: string, at: number): string {
  return /([A-Za-z]+)[\s("“']*$/.exec(text.slice(Math.max(0, at - 40), at))?.[1]?.toLowerCase() ?? "";
}

/** Words after which a number names where something changed, not what: "removed from NC Guidance". */
const places = new Set(["from", "in", "under", "to", "of", "within", "at", "into"]);
const statementNouns = new Set(["criteria", "criterion", "section", "exclusion", "note", "service"]);

/**
 * True when the number at `at` is named as a statement: a dotted number (I.A.3), or a plain one after
 * a statement's noun ("Section II"), and not after a word of place.
 */
function namesStatement(id: string, text: string, at: number): boolean {
  const before = wordBefore(text, at);
  if (places.has(before)) return false;
  return id.includes(".") || statementNouns.has(before);
}

/** Where `id` stands in `text` as a whole number: not part of a longer one (I.A inside I.A.3, or I.A.35). */
function positionsOf(id: string, text: string): number[] {
  const positions: number[] = [];
  for (let at = text.indexOf(id); at >= 0; at = text.indexOf(id, at + 1)) {
    const before = text[at - 1];
    const after = text[at + id.length];
    const continues = isNameCharacter(after) || (after === "." && isNameCharacter(text[at + id.length + 1]));
    if (!isNameCharacter(before) && before !== "." && !continues && namesStatement(id, text, at)) positions.push(at);
  }
  return positions;
}

/**
 * The statements a revision's log text says it added or removed, among those the policy declares:
 * each number the text names, changed by the nearest "added" or "removed" before it ("Removed the
 * fingerstick log requirement (I.A.3). Added Criteria I.H. Medical Equipment and Supplies").
 */
export function loggedChanges(text: string, declared: Iterable<string>): Map<string, Change> {
  const said = [...text.matchAll(verbs)].map((match) => {
    const verb = match[1]?.toLowerCase();
    const change: Change | undefined =
      verb === "added" ? "added" : verb === "removed" || verb === "deleted" ? "removed" : undefined;
    return { at: match.index, change };
  });
  const changes = new Map<string, Change>();
  if (said.length === 0) return changes;
  for (const id of declared) {
    for (const at of positionsOf(id, text)) {
      const verb = said.filter((word) => word.at < at).at(-1);
      if (verb?.change !== undefined) changes.set(id, verb.change);
    }
  }
  return changes;
}

function lifetimeWord(statement: OutlineStatement, change: Change): Ast.Word | undefined {
  return change === "added" ? statement.added : statement.removed;
}

/** True when the log names `id`, or a statement it belongs to, as changed that way. */
function namedWithAncestors(id: string, change: Change, changes: ReadonlyMap<string, Change>): boolean {
  for (let current: string | undefined = id; current !== undefined; current = parentId(current))
    if (changes.get(current) === change) return true;
  return false;
}

export function checkRevisionLogAgainstLifetimes(symbols: PolicySymbols, diagnostics: Diagnostic[]): void {
  const file = symbols.file;
  const logged = new Map<string, Map<string, Change>>();
  for (const revision of symbols.revisions) {
    const name = revision.approved.text;
    const changes = loggedChanges(revision.text.value, symbols.outline.keys());
    logged.set(name, changes);
    for (const [id, change] of changes) {
      const statement = symbols.outline.get(id);
      if (statement === undefined || lifetimeWord(statement, change)?.text === name) continue;
      diagnostics.push(
        diagnostic(
          catalogue.loggedChangeWithoutLifetime,
          file,
          revision.text.span,
          { revision: name, id, change },
          {
            context: `revision ${name}`,
            hint: `Add \`${change} in ${name}\` to ${id}, or correct the revision's text.`,
            related: [{ file, span: statement.id.span, message: `${id} is declared here` }],
          },
        ),
      );
    }
  }
  for (const statement of symbols.outline.values()) {
    for (const change of ["added", "removed"] as const) {
      const word = lifetimeWord(statement, change);
      const changes = word === undefined ? undefined : logged.get(word.text);
      // An unknown revision is reported where lifetimes are resolved.
      if (word === undefined || changes === undefined) continue;
      if (namedWithAncestors(statement.id.text, change, changes)) continue;
      diagnostics.push(
        diagnostic(
          catalogue.lifetimeNotLogged,
          file,
          word.span,
          { revision: word.text, id: statement.id.text, change },
          {
            context: `${statement.kind} ${statement.id.text}`,
            hint: `Say so in the text of revision ${word.text} ("${change === "added" ? "Added" : "Removed"} ${statement.id.text}"), or name the revision that did.`,
          },
        ),
      );
    }
  }
}
