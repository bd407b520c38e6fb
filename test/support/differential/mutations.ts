// Deliberate slips of the kind an emitter (or runtime) bug would make, applied to a correctly
// emitted evaluator's source text: each must make the differential comparison fail, or the oracle
// could not catch that bug. A mutation that finds no place for itself in a policy says so (undefined).

import { allCoverageConditions } from "../../../compiler/model/walk-conditions.js";
import type { PolicyModel } from "../../../compiler/model/policy-model.js";
import { revisionConstName } from "../../../compiler/naming/generated-names.js";

export interface Sources {
  /** The generated evaluator.ts, as emitEvaluator writes it (before prettier). */
  readonly evaluator: string;
  /** The runtime's files by name. */
  readonly runtime: ReadonlyMap<string, string>;
}

export interface Mutation {
  readonly name: string;
  mutate(sources: Sources, model: PolicyModel): Sources | undefined;
}

/** Replaces the first match of `pattern` in the evaluator with `replace(match)`; undefined when none. */
function replaceFirst(
  sources: Sources,
  pattern: RegExp,
  replace: (match: RegExpExecArray) => string,
): Sources | undefined {
  const match = pattern.exec(sources.evaluator);
  if (match === null) return undefined;
  const evaluator =
    sources.evaluator.slice(0, match.index) + replace(match) + sources.evaluator.slice(match.index + match[0].length);
  return { ...sources, evaluator };
}

/** Replaces `from` in a runtime file; a runtime that no longer contains it fails loudly, never silently. */
/**
 * The fixture written for the ranking (test/fixtures/questions/): the mutants of the ranking run on
 * it alone. NOTE: a runtime mutant costs a runtime folder per policy, and on a busy machine the
 * three of them on every fixture outran the test's minute; random cases of the smaller fixtures
 * rarely reach two missing facts of different rank, so a mutant there would go uncaught for want
 * of cases, not for a blind oracle. The agreement tests hold every policy's order to the reference.
 */
function writtenForRanking(model: PolicyModel): boolean {
  return model.reference === "FIX.QUESTIONS.1";
}

function replaceInRuntime(sources: Sources, file: string, from: string, to: string): Sources {
  const text = sources.runtime.get(file);
  if (text === undefined || !text.includes(from))
    throw new Error(`mutation: ${file} no longer contains ${JSON.stringify(from)}`);
  return { ...sources, runtime: new Map(sources.runtime).set(file, text.replace(from, to)) };
}

/**
 * Replaces, in one rule's condition as data, a yes-or-no fact that only that rule reads with
 * `always(true)`: the compiled logic still decides, but a pending decision no longer asks for the fact.
 */
function dropFactFromData(sources: Sources, model: PolicyModel): Sources | undefined {
  const line = /^when: [^\n]*?yes\("([^"]+)"\)/gm;
  for (let match = line.exec(sources.evaluator); match !== null; match = line.exec(sources.evaluator)) {
    const fact = model.facts.find((candidate) => candidate.name === match[1]);
    if (fact?.readBy.length !== 1) continue;
    const at = match.index + match[0].length - `yes("${fact.name}")`.length;
    return {
      ...sources,
      evaluator:
        sources.evaluator.slice(0, at) + "always(true)" + sources.evaluator.slice(at + `yes("${fact.name}")`.length),
    };
  }
  return undefined;
}

/** Moves the first statement in force from a later revision back to the revision before. */
function lifetimeOneEarlier(sources: Sources, model: PolicyModel): Sources | undefined {
  const constants = model.revisions.map((revision) => revisionConstName(revision.approved));
  const from = /inForce: \{ from: (REVISION_\w+)/g;
  for (let match = from.exec(sources.evaluator); match !== null; match = from.exec(sources.evaluator)) {
    const index = constants.indexOf(match[1]!);
    if (index <= 0) continue;
    const at = match.index + match[0].length - match[1]!.length;
    return {
      ...sources,
      evaluator:
        sources.evaluator.slice(0, at) + constants[index - 1]! + sources.evaluator.slice(at + match[1]!.length),
    };
  }
  return undefined;
}

export const mutations: readonly Mutation[] = [
  {
    name: "and and or swapped in one rule's compiled condition",
    mutate: (sources) =>
      replaceFirst(sources, /(holds: [^\n]*?)\b(and|or)\(/, (m) => `${m[1]}${m[2] === "and" ? "or" : "and"}(`),
  },
  {
    name: "`>=` emitted as `>` in a compiled condition",
    mutate: (sources) => replaceFirst(sources, /((?:holds|applies|truth): [^\n]*?) >= /, (m) => `${m[1]} > `),
  },
  {
    name: "a fact left out of a rule's condition as data, so that a pending decision does not ask for it",
    mutate: dropFactFromData,
  },
  {
    name: "a rule's overriddenBy dropped: its exception no longer sets it aside",
    mutate: (sources) => replaceFirst(sources, /overriddenBy: \["[^\]]*\]/, () => "overriddenBy: []"),
  },
  {
    name: "a rule's overriddenBy added: an exception sets aside a rule it does not override",
    mutate: (sources, model) => {
      const exception = model.exceptions[0];
      if (exception === undefined) return undefined;
      return replaceFirst(
        sources,
        /(role: "(?:requirement|exclusion)",\n(?:(?!\n\}).)*?)overriddenBy: \[\]/s,
        (m) => `${m[1]}overriddenBy: [${JSON.stringify(exception.id)}]`,
      );
    },
  },
  {
    name: "a statement's lifetime starting one revision early",
    mutate: lifetimeOneEarlier,
  },
  {
    name: "a claim rule's date test off by one day (`>` for `>=`)",
    mutate: (sources) => replaceFirst(sources, /asOf >= (REVISION_\w+)\.effective/, (m) => `asOf > ${m[1]}.effective`),
  },
  {
    name: "a date moved one day too far in a compiled condition (`shiftDate(d, 30, ...)` for 29 days)",
    mutate: (sources) =>
      replaceFirst(
        sources,
        // NOTE: not in a statement with a date window between records (`withinDates(...)`): its index
        // repeats the window's bounds, so a bound moved wider there, in the index or in the filter,
        // changes nothing (the other still leaves that day out), a mutant no oracle could catch.
        /((?:holds|applies|truth): (?:(?!withinDates\()[^\n])*?shiftDate\([^,]+, )(-?\d+)(, "days"\))/,
        (m) => `${m[1]}${Number(m[2]) - 1}${m[3]}`,
      ),
  },
  {
    name: "a unit limit rounded down instead of up",
    mutate: (sources) => replaceFirst(sources, /Math\.ceil\(/, () => "Math.floor("),
  },
  {
    name: "an unknown claim fact left out of a pending finding's missingFacts",
    mutate: (sources) => replaceFirst(sources, /[ \t]*if \([^\n]*\) missing\.push\([^\n]*\);[ \t]*\n/, () => ""),
  },
  {
    name: "runtime: prior approval required whatever the outcome",
    mutate: (sources, model) =>
      model.exceptions.some((exception) => exception.requiresPriorApproval)
        ? replaceInRuntime(
            sources,
            "decide.ts",
            'outcome === "covered" && appliedInOrder.some(',
            "appliedInOrder.some(",
          )
        : undefined,
  },
  {
    name: "runtime: every named alternative counted as qualified, met or not",
    mutate: (sources, model) =>
      allCoverageConditions(model).some(
        (condition) =>
          (condition.kind === "or" || condition.kind === "atLeast") &&
          condition.operands.some((operand) => operand.kind === "part" || operand.kind === "statement"),
      )
        ? replaceInRuntime(sources, "qualify.ts", "if (!this.holds(operand)) continue;", "")
        : undefined,
  },
  {
    name: "runtime: a section referred to as met whether or not it applies",
    mutate: (sources, model) =>
      model.statementReferences.some((reference) => reference.sections.length > 0)
        ? replaceInRuntime(
            sources,
            "decide.ts",
            "for (const section of reference.sections) value = both(value, truths.sections[section]!);",
            "",
          )
        : undefined,
  },
  {
    name: "runtime: missing facts sorted the wrong way round",
    mutate: (sources, model) =>
      writtenForRanking(model)
        ? replaceInRuntime(sources, "rank-questions.ts", "rank[keys[k]!]! > keyRank", "rank[keys[k]!]! < keyRank")
        : undefined,
  },
  {
    name: "runtime: the missing facts that can decide the case alone asked last",
    mutate: (sources, model) =>
      writtenForRanking(model)
        ? replaceInRuntime(sources, "rank-questions.ts", "(1 - decides[position]!)", "decides[position]!")
        : undefined,
  },
  {
    name: "runtime: a missing fact ranked by how many rules it cannot settle",
    mutate: (sources, model) =>
      writtenForRanking(model)
        ? replaceInRuntime(sources, "rank-questions.ts", "(ruleCount - 1 - settles[position]!)", "settles[position]!")
        : undefined,
  },
];
