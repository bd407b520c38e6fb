// The register of readings: every reading of the policy in one place, each numbered by the
// statement it reads (`I.A.5, reading 1`) with a stable anchor (`#reading-criterion-I.A.5-1`), so an
// auditor can cite one and a reviewer can find them all. The statements' own entries keep showing
// their readings where they decide; the register lists them together, in the policy's order.

import { readingRegister, type RegisteredReadingId } from "../../model/reading-register.js";
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

/** What a reading of the register reads, as its row names it: linked to the entry when there is one. */
function readingOn(context: DocsContext, reading: RegisteredReadingId): Inline {
  switch (reading.kind) {
    case "policy":
      return words`the policy`;
    case "revision":
      return words`revision ${text(reading.owner)}`;
    case "billing rule":
      return words`billing rule ${anchorLink(text(reading.owner), statementKey("rule", reading.owner))}`;
    case "prose":
      return words`prose ${text(reading.owner)}`;
    default:
      return words`${text(reading.kind)} ${context.link(reading.owner)}`;
  }
}

/**
 * Every reading, in the register's order and numbering (model/reading-register.ts, which decisions
 * cite them by): the policy's, each revision's, the statements', the exceptions', the definitions',
 * the codes', the billing rules' and the prose's.
 */
export function registeredReadings(context: DocsContext): RegisteredReading[] {
  return readingRegister(context.model).map((reading): RegisteredReading => {
    const alternative = context.alternatives.get(readingKey(reading.owner, reading.text));
    return {
      key: reading.key,
      label: `${reading.owner}, reading ${String(reading.number)}`,
      on: readingOn(context, reading),
      text: reading.text,
      ...(alternative && { alternative }),
    };
  });
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
          : words`${text(String(written))} of them write the reading they reject as logic (an alternative in the policy): the build compiles the policy that way too and counts, with the review diff's engine, the decisions that would change, and for a billing rule the claim checks.${silent === 0 ? words`` : words` ${text(`${silent} are on statements that decide nothing (prose, a note without a rule, a service no exclusion names), which the compiler verifies; their impact is none.`)}`} ${text(written + silent === readings.length ? "Every reading has its figure." : "For the others the rejected reading is in their words only.")}`,
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
