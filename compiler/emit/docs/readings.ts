// The register of readings: every reading of the policy in one place, each numbered by the
// statement it reads (`I.A.5, reading 1`) with a stable anchor (`#reading-criterion-I.A.5-1`), so an
// auditor can cite one and a reviewer can find them all. The statements' own entries keep showing
// their readings where they decide; the register lists them together, in the policy's order.

import { ruleVersions } from "../../model/versions.js";
import { readingKey, type ReadingFigure, type ReadingImpact } from "../../model/rejected-alternatives.js";
import { partKey, parts, statementKey } from "./anchors.js";
import type { DocsContext } from "./context.js";
import { anchor, anchorLink, grouped, text, words, type Block, type Inline } from "./markdown.js";

export interface RegisteredReading {
  /** The key of its anchor: `reading criterion I.A.5 1`. */
  readonly key: string;
  /** How it is cited: `I.A.5, reading 1`. */
  readonly label: string;
  /** The statement it reads, linked to its entry when it has one. */
  readonly on: Inline;
  readonly text: string;
  /**
   * The reading it rejects, when written as logic, with how many decisions and claim checks that
   * would change; or that it decides nothing, as the checker verified.
   */
  readonly alternative?: ReadingFigure;
}

/** Every reading, in the policy's order: the policy's, each revision's, the statements', the exceptions', the definitions', the codes' and the prose's. */
export function registeredReadings(context: DocsContext): RegisteredReading[] {
  const model = context.model;
  const found: RegisteredReading[] = [];
  const add = (kind: string, id: string, on: Inline, readings: readonly string[]) => {
    readings.forEach((reading, index) => {
      const number = index + 1;
      const alternative = context.alternatives.get(readingKey(id, reading));
      found.push({
        key: `reading ${kind} ${id} ${number}`,
        label: `${id}, reading ${number}`,
        on,
        text: reading,
        ...(alternative && { alternative }),
      });
    });
  };
  add("policy", model.reference, words`the policy`, model.readings);
  for (const revision of model.revisions)
    add("revision", revision.approved, words`revision ${text(revision.approved)}`, revision.readings);
  for (const entry of model.outline) {
    const rule = context.rules.get(entry.id);
    const kind = context.kindOf(entry.id);
    const on = words`${text(kind)} ${context.link(entry.id)}`;
    if (rule) {
      // A reading kept through several versions of a rule is one reading.
      const readings = [...new Set(ruleVersions(rule).flatMap((version) => version.readings))];
      add(kind, entry.id, on, readings);
    } else if (entry.kind !== "rule") add(kind, entry.id, on, entry.readings);
  }
  for (const exception of model.exceptions)
    add("exception", exception.id, words`exception ${context.link(exception.id)}`, exception.readings);
  for (const definition of model.definitions)
    add("definition", definition.name, words`definition ${context.link(definition.name)}`, definition.readings);
  for (const code of model.codes) add("code", code.code, words`code ${context.link(code.code)}`, code.readings);
  for (const rule of model.billingRules)
    add(
      "billing rule",
      rule.id,
      words`billing rule ${anchorLink(text(rule.id), statementKey("rule", rule.id))}`,
      rule.readings,
    );
  for (const prose of model.prose) add("prose", prose.id, words`prose ${text(prose.id)}`, prose.readings);
  return found;
}

/** How many claim checks an alternative of a billing rule would change, and over which claims. */
function claimsFigure(claims: ReadingImpact["claims"]): string {
  if (claims === undefined) return "";
  if (claims === "too many")
    return " Its claim checks were not counted: the claims over what its billing rules read are too many to check.";
  const lines = claims.codes.map(({ code, units }) => `${code} (0 to ${grouped(BigInt(units))} units)`).join(", ");
  const facts = claims.facts.length === 0 ? "" : `, every value of ${claims.facts.join(", ")} (and unknown)`;
  const dates = `, on ${claims.dates.join(", ")}`;
  return ` It would change the verdict or findings of ${grouped(BigInt(claims.changed))} of ${grouped(BigInt(claims.checks))} claim line combinations (lines of ${lines}${facts}${dates}) checked by both claim checkers.`;
}

/**
 * A reading's figure in words, as the register and the review diff show it: the alternative it
 * rejects and what it would change, or that it decides nothing.
 */
export function figureText(alternative: ReadingFigure | undefined): string {
  if (!alternative) return "Not written as logic.";
  if (alternative.kind === "decidesNothing")
    return "0 decisions: this reading decides no coverage question. (Verified: no decision and no claim check reads the statement it is on.)";
  const impact = alternative.impact;
  const notExact =
    impact.notExactFor.length === 0
      ? ""
      : ` (Not exact: each condition over the records of ${impact.notExactFor.join(", ")} is counted as one question.)`;
  const services =
    impact.servicesChanged === 0n
      ? ""
      : ` (${grouped(impact.servicesChanged)} of them only in the services not covered.)`;
  const figure = `It would change ${grouped(impact.changed + impact.servicesChanged)} of the ${grouped(impact.cases)} decisions the review diff counts.${services}${notExact}${claimsFigure(impact.claims)}`;
  return `${alternative.words} (replaces ${alternative.replaces.join(", ")}.) ${figure}`;
}

export function readingsBlocks(context: DocsContext): Block[] {
  const readings = registeredReadings(context);
  if (readings.length === 0) return [];
  const written = readings.filter((reading) => reading.alternative?.kind === "alternative").length;
  const silent = readings.filter((reading) => reading.alternative?.kind === "decidesNothing").length;
  return [
    { kind: "heading", level: 2, text: text(parts.readings), key: partKey("readings") },
    {
      kind: "paragraph",
      text: words`Where the policy's words leave a choice, the encoding makes one and says so beside the statement: a reading. Here are all ${text(String(readings.length))}, each cited by the statement it reads; each is also shown in that statement's entry above, where it decides.`,
    },
    {
      kind: "paragraph",
      text:
        written === 0
          ? words`None of them writes the reading it rejects as logic yet (an alternative in the policy, which the build would compile the other way and count, with the review diff's engine, the decisions that would change); the rejected readings are in their words only.`
          : words`${text(String(written))} of them write the reading they reject as logic (an alternative in the policy): the build compiles the policy that way too and counts, with the review diff's engine, the decisions that would change, and for a billing rule the claim checks. ${text(silent === 0 ? "" : `${silent} are on statements that decide nothing (prose, a note without a rule, a service no exclusion names), which the compiler verifies; their impact is none. `)}${text(written + silent === readings.length ? "Every reading has its figure." : "For the others the rejected reading is in their words only.")}`,
    },
    {
      kind: "table",
      header: [words`Reading`, words`On`, words`What it says`, words`The reading rejected, and its impact`],
      rows: readings.map((reading) => [
        words`${anchor(reading.key)}${text(reading.label)}`,
        reading.on,
        text(reading.text),
        text(figureText(reading.alternative)),
      ]),
    },
  ];
}
