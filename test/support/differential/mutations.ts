// Deliberate slips of the kind an emitter (or runtime) bug would make, applied to a correctly
// emitted evaluator's source text: each must make the differential comparison fail, or the oracle
// could not catch that bug. A mutation that finds no place for itself in a policy says so (undefined).

import type { PolicyModel } from "../../../compiler/model/policy-model.js";

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
function replaceInRuntime(sources: Sources, file: string, from: string, to: string): Sources {
  const text = sources.runtime.get(file);
  if (text === undefined || !text.includes(from))
    throw new Error(`mutation: ${file} no longer contains ${JSON.stringify(from)}`);
  return { ...sources, runtime: new Map(sources.runtime).set(file, text.replace(from, to)) };
}

/** Leaves out one `mark(n)` of explain's criteria and exclusions, for a fact that no other rule reports in its place. */
function dropMark(sources: Sources, model: PolicyModel): Sources | undefined {
  const start = sources.evaluator.indexOf('if (what === "holds")');
  if (start < 0) return undefined;
  const line = /^[ \t]*if \([^\n]*\) mark\((\d+)\);[ \t]*\n/gm;
  line.lastIndex = start;
  for (let match = line.exec(sources.evaluator); match !== null; match = line.exec(sources.evaluator)) {
    if (model.facts[Number(match[1])]?.readBy.length !== 1) continue;
    return {
      ...sources,
      evaluator: sources.evaluator.slice(0, match.index) + sources.evaluator.slice(match.index + match[0].length),
    };
  }
  return undefined;
}

export const mutations: readonly Mutation[] = [
  {
    name: "and and or swapped in one rule's condition (Math.min for Math.max)",
    mutate: (sources) =>
      replaceFirst(
        sources,
        /(const holds_\w+: number = )Math\.(min|max)\(/,
        (m) => `${m[1]}Math.${m[2] === "min" ? "max" : "min"}(`,
      ),
  },
  {
    name: "`>=` emitted as `>` in a condition",
    mutate: (sources) =>
      replaceFirst(sources, /(const (?:holds|exception|def|section)_\w+: number = [^\n]*?) >= /, (m) => `${m[1]} > `),
  },
  {
    name: "one mark(...) left out of explain, so that a missing fact is not reported",
    mutate: dropMark,
  },
  {
    name: "a rule's overriddenBy dropped: its exception no longer sets it aside",
    mutate: (sources) =>
      replaceFirst(
        sources,
        /"overriddenBy":\[[^\]]+\],"overriddenByIds":\[[^\]]+\]/,
        () => '"overriddenBy":[],"overriddenByIds":[]',
      ),
  },
  {
    name: "a rule's overriddenBy added: an exception sets aside a rule it does not override",
    mutate: (sources, model) => {
      const exception = model.exceptions[0];
      if (exception === undefined) return undefined;
      return replaceFirst(
        sources,
        /("role":"(?:requirement|exclusion)","text":"(?:[^"\\]|\\.)*",)"overriddenBy":\[\],"overriddenByIds":\[\]/,
        (m) => `${m[1]}"overriddenBy":[0],"overriddenByIds":[${JSON.stringify(exception.id)}]`,
      );
    },
  },
  {
    name: "a statement's revision range off by one",
    mutate: (sources) =>
      replaceFirst(sources, /revision (>=|<) (\d+)/, (m) =>
        m[1] === ">=" ? `revision > ${m[2]}` : `revision <= ${m[2]}`,
      ),
  },
  {
    name: "a unit limit rounded down instead of up",
    mutate: (sources) => replaceFirst(sources, /Math\.ceil\(/, () => "Math.floor("),
  },
  {
    name: "an unknown claim fact left out of an undetermined finding's missingFacts",
    mutate: (sources) => replaceFirst(sources, /[ \t]*if \([^\n]*\) missing\.push\([^\n]*\);[ \t]*\n/, () => ""),
  },
  {
    name: "runtime: prior approval required whatever the outcome",
    mutate: (sources, model) =>
      model.exceptions.some((exception) => exception.requiresPriorApproval)
        ? replaceInRuntime(
            sources,
            "decide.ts",
            'const priorApprovalRequired = outcome === "covered" && ',
            "const priorApprovalRequired = ",
          )
        : undefined,
  },
  {
    name: "runtime: missing facts sorted the wrong way round",
    mutate: (sources) =>
      replaceInRuntime(
        sources,
        "decide.ts",
        "return [...marked]\n    .sort((a, b) => a - b)",
        "return [...marked]\n    .sort((a, b) => b - a)",
      ),
  },
];
