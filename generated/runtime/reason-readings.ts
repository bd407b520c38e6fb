// DO NOT EDIT. Copied by policyc from compiler/runtime/reason-readings.ts.
// The reason a decision gives for a rule, with the readings it relied on. A rule's own readings (its
// statement's, its enclosing statements', its definitions') are fixed, so its reasons are made once
// (prepare.ts); the readings of an exception that may set it aside count only on a case where that
// exception applies or may apply, since only then did its reading decide whether the rule could be
// set aside. A rule's reasons with all its exceptions' readings are made once too, for the common
// case where each of them applies or may apply; any other mix is made for the case.

import type { Reason, RuleStatus } from "./decision.js";
import type { PreparedException, PreparedRule } from "./prepare.js";
import type { Truth } from "./truth.js";

/** The readings of the exceptions of `rule` that apply or may apply (truth not 0), after its own; undefined when none adds any. */
function withExceptionReadings<S>(
  rule: PreparedRule<S>,
  exceptions: readonly PreparedException<S>[],
  exceptionTruths: readonly Truth[],
): readonly string[] | undefined {
  let readings: string[] | undefined;
  for (const j of rule.overriddenBy) {
    if (exceptionTruths[j] === 0) continue;
    for (const reading of exceptions[j]!.readings) {
      readings ??= [...rule.readings];
      if (!readings.includes(reading)) readings.push(reading);
    }
  }
  return readings;
}

/** Whether each of `exceptions` (positions) applies or may apply: its truth is not 0. */
function everyMayApply(exceptions: readonly number[], exceptionTruths: readonly Truth[]): boolean {
  for (let k = 0; k < exceptions.length; k++) if (exceptionTruths[exceptions[k]!] === 0) return false;
  return true;
}

/** The reason naming `rule` with `status` on this case; `overriddenBy` when an exception set it aside. */
export function reasonFor<S>(
  rule: PreparedRule<S>,
  status: RuleStatus,
  overriddenBy: string | undefined,
  exceptions: readonly PreparedException<S>[],
  exceptionTruths: readonly Truth[],
): Reason {
  // The common case, every exception of the rule (if any) applying or perhaps applying: its reason
  // with their readings, made once (prepare.ts).
  if (overriddenBy === undefined && everyMayApply(rule.overriddenBy, exceptionTruths))
    return rule.reasonsWithExceptions[status];
  const readings =
    rule.overriddenBy.length === 0 ? undefined : withExceptionReadings(rule, exceptions, exceptionTruths);
  if (overriddenBy === undefined && readings === undefined) return rule.reasons[status];
  return {
    id: rule.id,
    kind: rule.kind,
    text: rule.text,
    status,
    ...(overriddenBy !== undefined && { overriddenBy }),
    readings: readings ?? rule.readings,
  };
}
