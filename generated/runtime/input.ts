// DO NOT EDIT. Copied by policyc from compiler/runtime/input.ts.
// Reading and validating the facts handed to a generated evaluator. Each reader checks one field,
// records a problem instead of throwing, and returns undefined for "unknown" (absent or null), so
// every bad field is reported at once and none ever reaches a decision.

export interface InputIssue {
  /** The dotted path of the field: `member.age`, or `asOf`. */
  readonly field: string;
  readonly problem: string;
}

/** Thrown for malformed facts or options: never a decision on bad input. */
export class PolicyInputError extends Error {
  override readonly name = "PolicyInputError";

  constructor(
    readonly policy: string,
    readonly issues: readonly InputIssue[],
  ) {
    super(`Invalid input for ${policy}: ${issues.map((issue) => `${issue.field} ${issue.problem}`).join("; ")}.`);
  }
}

export type Group = Readonly<Record<string, unknown>>;

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : String(value);
}

function isGroup(value: unknown): value is Group {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current.push(
        Math.min(
          (previous[j] ?? 0) + 1,
          (current[j - 1] ?? 0) + 1,
          (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
        ),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function suggestion(wanted: string, allowed: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const distance = editDistance(wanted, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(wanted.length / 3))
    ? `; did you mean "${best}"?`
    : "";
}

function prefixed(prefix: string, key: string): string {
  return prefix === "" ? key : `${prefix}.${key}`;
}

/** Reports keys that are not facts: a misspelt fact must never pass silently as "unknown". */
function checkKeys(group: Group, prefix: string, allowed: ReadonlySet<string>, issues: InputIssue[]): void {
  for (const key in group) {
    if (!allowed.has(key))
      issues.push({ field: prefixed(prefix, key), problem: `is not a fact of this policy${suggestion(key, allowed)}` });
  }
}

/** The object handed in (the facts, or a claim): `what` names it in an issue. */
export function readRoot(
  input: unknown,
  allowed: ReadonlySet<string>,
  issues: InputIssue[],
  what = "(facts)",
): Group | undefined {
  if (!isGroup(input)) {
    issues.push({ field: what, problem: `must be an object, not ${describe(input)}` });
    return undefined;
  }
  checkKeys(input, "", allowed, issues);
  return input;
}

/** A group of facts such as `member`; absent or null means all its facts are unknown. */
export function readGroup(
  parent: Group | undefined,
  key: string,
  field: string,
  allowed: ReadonlySet<string>,
  issues: InputIssue[],
): Group | undefined {
  const value = parent?.[key];
  if (value === undefined || value === null) return undefined;
  if (!isGroup(value)) {
    issues.push({ field, problem: `must be an object, not ${describe(value)}` });
    return undefined;
  }
  checkKeys(value, field, allowed, issues);
  return value;
}

/** A yes-or-no fact, as a truth: 2 for true, 0 for false, 1 when unknown. */
export function readBoolean(group: Group | undefined, key: string, field: string, issues: InputIssue[]): 0 | 1 | 2 {
  const value = group?.[key];
  if (value === true) return 2;
  if (value === false) return 0;
  if (value !== undefined && value !== null)
    issues.push({ field, problem: `must be true or false, not ${describe(value)}` });
  return 1;
}

export function readNumber(
  group: Group | undefined,
  key: string,
  field: string,
  min: number,
  max: number,
  issues: InputIssue[],
): number | undefined {
  const value = group?.[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    const range = min === -Infinity && max === Infinity ? "a finite number" : `a number from ${min} to ${max}`;
    issues.push({ field, problem: `must be ${range}, not ${describe(value)}` });
    return undefined;
  }
  return value;
}

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** True for a real calendar date written YYYY-MM-DD. (Arithmetic, not `Date`: this runs on every fact.) */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const last = month === 2 && isLeapYear(year) ? 29 : (daysInMonth[month - 1] ?? 0);
  return day <= last;
}

/** A date fact, kept as its YYYY-MM-DD text: such texts compare in calendar order. */
export function readDate(
  group: Group | undefined,
  key: string,
  field: string,
  issues: InputIssue[],
): string | undefined {
  const value = group?.[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || !isCalendarDate(value)) {
    issues.push({ field, problem: `must be a date written YYYY-MM-DD, not ${describe(value)}` });
    return undefined;
  }
  return value;
}

export function readChoice<Value extends string>(
  group: Group | undefined,
  key: string,
  field: string,
  allowed: ReadonlySet<Value>,
  issues: InputIssue[],
): Value | undefined {
  const value = group?.[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || !allowed.has(value as Value)) {
    const hint = typeof value === "string" ? suggestion(value, allowed) : "";
    issues.push({ field, problem: `must be one of ${[...allowed].join(", ")}, not ${describe(value)}${hint}` });
    return undefined;
  }
  return value as Value;
}

export function readChoiceSet<Value extends string>(
  group: Group | undefined,
  key: string,
  field: string,
  allowed: ReadonlySet<Value>,
  issues: InputIssue[],
): readonly Value[] | undefined {
  const value = group?.[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    issues.push({ field, problem: `must be a list of values, not ${describe(value)}` });
    return undefined;
  }
  const bad = value.filter((item) => typeof item !== "string" || !allowed.has(item as Value));
  if (bad.length > 0) {
    issues.push({ field, problem: `may hold only ${[...allowed].join(", ")}, not ${bad.map(describe).join(", ")}` });
    return undefined;
  }
  return value as Value[];
}

/**
 * The index of the revision in force on `asOf` in a list of effective dates (oldest first), or -1
 * with an issue when `asOf` is not a date or comes before the first revision.
 */
export function revisionInForce(
  options: unknown,
  effectiveDates: readonly string[],
  issues: InputIssue[],
  fallback?: string,
): { asOf: string; revision: number } {
  const asOf = (isGroup(options) ? options["asOf"] : undefined) ?? fallback;
  if (typeof asOf !== "string" || !isCalendarDate(asOf)) {
    issues.push({ field: "asOf", problem: `must be the service date written YYYY-MM-DD, not ${describe(asOf)}` });
    return { asOf: "", revision: -1 };
  }
  let revision = -1;
  for (let index = 0; index < effectiveDates.length; index++) {
    if ((effectiveDates[index] ?? "") <= asOf) revision = index;
  }
  if (revision < 0)
    issues.push({ field: "asOf", problem: `is ${asOf}, before the policy took effect on ${effectiveDates[0] ?? "?"}` });
  return { asOf, revision };
}
