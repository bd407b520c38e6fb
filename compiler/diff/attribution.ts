// Which revision of the newer version made a change: the changes (changes.ts) and the newer model in,
// for each change the revision whose lifetime boundary adds or removes the statement, else the new
// revision whose log entry names it. A change neither explains is left unattributed, never guessed.

import type { PolicyModel } from "../model/policy-model.js";
import type { Change } from "./changes.js";

export interface Attribution {
  /** The revision, by its approval month as the policy names it. */
  readonly revision: string;
  /** `lifetime`: the statement's `added in` / `removed in` is that revision; `log`: its log entry names the statement. */
  readonly by: "lifetime" | "log";
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `I.A.5` in "Added Criteria I.A.5." but not in "I.A.50" or "I.A.5.a". */
function names(text: string, id: string): boolean {
  return new RegExp(`(^|[^\\w.])${escaped(id)}(?![\\w]|\\.\\w)`).test(text);
}

/** The revision each change is attributed to, keyed by `what id`. */
export function attributeChanges(
  old: PolicyModel,
  next: PolicyModel,
  changes: readonly Change[],
): Map<string, Attribution> {
  const known = new Set(old.revisions.map((revision) => `${revision.approved} ${revision.effective}`));
  const fresh = next.revisions.filter((revision) => !known.has(`${revision.approved} ${revision.effective}`));
  const found = new Map<string, Attribution>();
  for (const change of changes) {
    if (change.what === "revision") continue;
    const key = `${change.what} ${change.id}`;
    const byLifetime = [...next.revisions]
      .reverse()
      .find(
        (revision) =>
          (change.kinds.includes("added") || change.aspects.includes("in force")) &&
          (revision.added.includes(change.id) || revision.removed.includes(change.id)),
      );
    if (byLifetime !== undefined) {
      found.set(key, { revision: byLifetime.approved, by: "lifetime" });
      continue;
    }
    const byLog = [...fresh].reverse().find((revision) => names(revision.text, change.id));
    if (byLog !== undefined) found.set(key, { revision: byLog.approved, by: "log" });
  }
  return found;
}
