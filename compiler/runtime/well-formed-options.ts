// The fast path of evaluate's options ({ asOf, trace? }), which are almost always well formed: read
// with no issue list, undefined at the first doubt (a stray or hidden key, a value of the wrong type, a
// date before the policy, a getter that throws). revisionInForce (input.ts) then reads them again with
// the generic readers, which name each problem: so this may be stricter than those, never looser.

import { calendarDay, revisionOnDay } from "./fields.js";
import type { Group } from "./input.js";
import { hasPlainPrototype } from "./untrusted.js";
import { NOT_LISTED, objectPrototypeIsClean, unlistedKey } from "./well-formed.js";

/** The date, the revision in force on it and whether to trace, when `options` are well formed; undefined otherwise. */
export function wellFormedEvaluateOptions(
  options: unknown,
  effectiveDates: readonly string[],
): { asOf: string; revision: number; trace: boolean } | undefined {
  try {
    if (typeof options !== "object" || options === null || !hasPlainPrototype(options)) return undefined;
    // A for-in lists inherited enumerable keys too: trusted only while Object.prototype has none.
    if (!objectPrototypeIsClean()) return undefined;
    let asOf: unknown = NOT_LISTED;
    let trace: unknown = NOT_LISTED;
    for (const key in options) {
      if (key === "asOf") asOf = (options as Group)[key];
      else if (key === "trace") trace = (options as Group)[key];
      else return undefined;
    }
    // An option held without being listed (not enumerable) is the generic reader's to read.
    if (trace === NOT_LISTED) trace = unlistedKey(options, "trace");
    if (typeof asOf !== "string" || (trace !== undefined && trace !== null && typeof trace !== "boolean"))
      return undefined;
    const day = calendarDay(asOf);
    const revision = day < 0 ? -1 : revisionOnDay(asOf, day, effectiveDates);
    return revision < 0 ? undefined : { asOf, revision, trace: trace === true };
  } catch {
    // A getter or a Proxy's trap threw: the generic reader reports it by name.
    return undefined;
  }
}
