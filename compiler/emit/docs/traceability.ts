// The docs' account of how the policy file follows its published text: the share of published
// sentences accounted for, what is deliberately not encoded and why, and anything left over.

import type { TraceSummary } from "../../trace/summary.js";
import { sharePercent } from "../../trace/trace.js";
import { describeCounts, describeMisplacement, describeUnjustified } from "../../trace/describe.js";
import { partKey, parts } from "./anchors.js";
import type { DocsContext } from "./context.js";
import { code, strong, text, words, type Block } from "./markdown.js";

/** One line for the header table. */
export function traceHeadline(trace: TraceSummary) {
  switch (trace.kind) {
    case "none":
      return words`no published text is kept beside this policy`;
    case "missing":
      return words`${code(trace.path)} is missing`;
    case "checked":
      return words`${code(trace.path)}: ${text(String(trace.report.accounted))} of ${text(String(trace.report.total))} sentences accounted for (${text(sharePercent(trace.report))}: ${text(describeCounts(trace.report.counts))})`;
  }
}

export function traceabilityBlocks(context: DocsContext): Block[] {
  const trace = context.trace;
  const heading: Block = { kind: "heading", level: 2, text: text(parts.traceability), key: partKey("traceability") };
  if (trace.kind !== "checked")
    return [heading, { kind: "paragraph", text: words`${traceHeadline(trace)}.` }, ...revisionTraceBlocks(context)];
  const report = trace.report;
  const counts = report.counts;
  const blocks: Block[] = [
    heading,
    {
      kind: "paragraph",
      text: words`The published policy is kept beside the policy file, in ${code(trace.path)}. \`npm test\` compares every quoted criterion, exclusion, note, item, service and code with it word for word (spacing, line breaks, list bullets, emphasis and quote styles aside); checks that each numbered statement's words stand after its printed number and inside its section, that prose left unencoded among the criteria carries a reading, and that layout there is only what repeats on every page; and cuts the text into sentences: ${strong(
        words`${text(String(report.accounted))} of ${text(String(report.total))} (${text(sharePercent(report))})`,
      )} are accounted for.`,
    },
    {
      kind: "table",
      header: [words`Accounted for as`, words`Sentences`],
      rows: [
        [words`Encoded as a rule (criterion, exclusion, note with a rule, exception)`, text(String(counts.rule))],
        [
          words`Kept as a statement that decides nothing by itself (section, service, note, code, revision, reference, header)`,
          text(String(counts.structure)),
        ],
        [words`Deliberately not encoded, with the reason below`, text(String(counts.notEncoded))],
        [
          words`Not policy content (page headers, headings, table headers), with the reason below`,
          text(String(counts.layout)),
        ],
        [words`Not accounted for`, text(String(report.total - report.accounted))],
      ],
    },
    { kind: "heading", level: 3, text: words`Deliberately not encoded` },
    {
      kind: "table",
      header: [words`Statement`, words`Why`, words`Sentences`],
      rows: report.omissions.map((omission) => [
        text(omission.owner),
        text(omission.reason),
        text(String(omission.sentences)),
      ]),
    },
  ];
  if (report.mismatches.length > 0) {
    blocks.push(
      { kind: "heading", level: 3, text: words`Quotes that do not match the published text` },
      {
        kind: "list",
        items: report.mismatches.map((mismatch) => ({
          text: mismatch.closest
            ? words`${text(mismatch.quote.owner)} (${text(mismatch.quote.field)}): the policy file has "${text(mismatch.closest.policyHas)}" where line ${text(String(mismatch.closest.place.line))} of the published text has "${text(mismatch.closest.publishedHas)}".`
            : words`${text(mismatch.quote.owner)} (${text(mismatch.quote.field)}): not found in the published text.`,
        })),
      },
    );
  }
  if (report.misplaced.length > 0) {
    blocks.push(
      { kind: "heading", level: 3, text: words`Words not under their number` },
      {
        kind: "list",
        items: report.misplaced.map((misplaced) => ({
          text: words`Line ${text(String(misplaced.place.line))}: ${text(describeMisplacement(misplaced))}`,
        })),
      },
    );
  }
  if (report.unjustified.length > 0) {
    blocks.push(
      { kind: "heading", level: 3, text: words`Set aside among the criteria without a reason that holds` },
      {
        kind: "list",
        items: report.unjustified.map((unjustified) => ({
          text: words`Line ${text(String(unjustified.place.line))}: ${text(describeUnjustified(unjustified))}`,
        })),
      },
    );
  }
  if (report.unaccounted.length > 0) {
    blocks.push(
      { kind: "heading", level: 3, text: words`Sentences not accounted for` },
      {
        kind: "list",
        items: report.unaccounted.map((sentence) => ({
          text: words`Line ${text(String(sentence.line))}: ${text(sentence.text)}`,
        })),
      },
    );
  }
  return [...blocks, ...revisionTraceBlocks(context)];
}

/**
 * The texts of single revisions, each checked against the policy as it stood then, and the words of
 * versions no text held here covers. Nothing for a policy with neither versions nor such texts.
 */
function revisionTraceBlocks(context: DocsContext): Block[] {
  const { texts, unchecked } = context.trace.revisions;
  if (texts.length === 0 && unchecked.length === 0) return [];
  return [
    { kind: "heading", level: 3, text: words`The published text of each revision` },
    ...(texts.length === 0
      ? [{ kind: "paragraph" as const, text: words`No revision's own published text is kept beside this policy.` }]
      : [
          {
            kind: "table" as const,
            header: [words`Revision`, words`Published text`, words`Accounted for`, words`Quotes that do not match`],
            rows: texts.map((trace) =>
              trace.kind === "checked"
                ? [
                    text(trace.revision),
                    code(trace.path),
                    words`${text(String(trace.report.accounted))} of ${text(String(trace.report.total))} (${text(sharePercent(trace.report))})`,
                    text(
                      trace.report.mismatches.length === 0
                        ? "none"
                        : trace.report.mismatches.map((mismatch) => mismatch.quote.owner).join(", "),
                    ),
                  ]
                : [text(trace.revision), code(trace.path), words`missing`, words``],
            ),
          },
        ]),
    ...(unchecked.length === 0
      ? [
          {
            kind: "paragraph" as const,
            text: words`The words of every version of every rule are checked against a published text.`,
          },
        ]
      : [
          {
            kind: "paragraph" as const,
            text: words`Not checked: these words were in force only in revisions whose published text is not kept here.`,
          },
          {
            kind: "list" as const,
            items: unchecked.map((words_) => ({
              text: words`${text(words_.owner)} (in force in ${text(words_.revisions.join(", "))}): ${text(words_.text)}`,
            })),
          },
        ]),
  ];
}
