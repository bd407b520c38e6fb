// A draft notice of adverse benefit determination, in Markdown, from a notice record. It carries
// what 42 CFR 438.404(b) asks a notice to explain that the policy can say: the determination, its
// reasons with their citations and the facts relied on, and that the criteria and readings are
// available on request. What only the plan can say (member rights, appeal deadlines, State fair
// hearing, continuation of benefits, contacts) comes from the plan's own template, placed where it
// says `{{decision}}`; without a template, each such part is marked as still to be supplied.

import { statementHeading } from "../emit/docs/anchors.js";
import { text } from "../emit/docs/markdown.js";
import type { ExceptionConsidered, FactRelied, NoticeReasonRecord, NoticeRecord } from "./notice-record.js";
import type { NoticeDecision } from "./decision-input.js";

/** Where the plan's template takes the determination: the one placeholder it must hold. */
export const decisionPlaceholder = "{{decision}}";

const defaultTemplate = `# Notice of adverse benefit determination (draft)

${decisionPlaceholder}

## Your right to appeal

**To be supplied by the plan:** how and by when to ask for an appeal, the right to request a State
fair hearing after the appeal, how to ask for an expedited appeal, and who to contact.

## Continuing your benefits

**To be supplied by the plan:** whether and how benefits continue while an appeal is decided, and
when the member may have to pay for them.
`;

function factLines(facts: readonly FactRelied[]): string[] {
  return facts.map(
    (fact) =>
      `  - ${text(fact.description.replace(/\.$/, ""))} (\`${fact.name}\`): ${fact.value === undefined ? "not recorded" : `**${text(fact.value)}**`}`,
  );
}

function exceptionLines(exception: ExceptionConsidered): string[] {
  const verdict: Record<ExceptionConsidered["verdict"], string> = {
    "cannot reach it": "cannot set it aside",
    applies: "applies",
    "does not apply": "does not apply",
    pending: "not decided yet",
  };
  return [
    `  - **${text(exception.id)}** (${text(exception.title)}): ${verdict[exception.verdict]}. ${exception.why}`,
    ...factLines(exception.facts).map((line) => `  ${line}`),
  ];
}

function reasonBlock(reason: NoticeReasonRecord, reference: string): string {
  const heading = `### ${statementHeading(reason.kind, reason.id)} of ${reference}`;
  const quote = [reason.words, ...reason.items.map((item) => `${item.label}. ${item.text}`)]
    .map((line) => `> ${text(line)}`)
    .join("\n>\n");
  const lines = [
    heading,
    "",
    quote,
    "",
    `- **What it requires:** ${reason.logic}`,
    reason.facts.length === 0
      ? "- **Facts relied on:** none."
      : ["- **Facts relied on:**", ...factLines(reason.facts)].join("\n"),
    reason.readings.length === 0
      ? "- **Readings applied:** none; the words are applied as written."
      : [
          "- **Readings applied** (how the plan reads words the policy leaves open):",
          ...reason.readings.map((reading) => `  - ${text(reading.cited)}: ${text(reading.text)}`),
        ].join("\n"),
    reason.exceptions.length === 0
      ? "- **Exceptions considered:** the policy has none in force on the service date."
      : ["- **Exceptions considered:**", ...reason.exceptions.flatMap(exceptionLines)].join("\n"),
  ];
  return lines.join("\n");
}

/** Which evaluator decided, from what: enough for a reviewer to find the exact policy, text and compiler. */
function identitySentence(policy: NoticeDecision["policy"]): string {
  const published =
    policy.publishedTextHash === undefined
      ? "no published text was recorded for this revision"
      : `the published text of this revision has sha256 \`${policy.publishedTextHash}\``;
  return `Decided by the evaluator of ${text(policy.reference)} that ${text(policy.compiler)} generated from its policy source (sha256 \`${policy.sourceHash}\`; the policy's meaning, sha256 \`${policy.modelHash}\`); ${published}. The criteria, the readings and the published text of the policy are available on request, free of charge.`;
}

/** Each reason's block, one after the other, as lines. */
function reasonLines(record: NoticeRecord): string[] {
  return record.reasons
    .map((reason) => reasonBlock(reason, record.decision.policy.reference))
    .join("\n\n")
    .split("\n");
}

/** The determination and its reasons: what replaces the template's placeholder. */
function determination(record: NoticeRecord): string {
  const { decision } = record;
  const policy = `${text(record.title)} (${text(decision.policy.reference)}, revision ${text(decision.policy.revision)})`;
  const service = `the service date ${text(decision.asOf)}`;
  const identity = identitySentence(decision.policy);
  switch (decision.outcome) {
    case "covered":
      return [
        `**This is not an adverse determination.** The request is covered under ${policy} for ${service}${decision.priorApprovalRequired ? ", with prior approval required" : ""}${decision.exceptionsApplied.length > 0 ? `, through ${decision.exceptionsApplied.map((id) => text(id)).join(", ")}` : ""}. No notice of adverse benefit determination is needed.`,
        "",
        identity,
      ].join("\n");
    case "pending":
      return [
        `**No determination yet.** The request cannot be decided under ${policy} for ${service} until these questions are answered:`,
        "",
        ...decision.missingFacts.map((missing) => `- ${text(missing.question)} (\`${missing.fact}\`)`),
        "",
        "## What is still open",
        "",
        ...reasonLines(record),
        "",
        identity,
      ].join("\n");
    case "not_covered":
      return [
        `**The request is not covered** under ${policy} for ${service}, for the ${record.reasons.length === 1 ? "reason" : `${record.reasons.length} reasons`} below. Each names the part of the policy it rests on, quotes its words, says what it requires, the facts of this request it relied on, how the plan reads the policy where its words leave a choice, and each exception that could set it aside.`,
        "",
        "## Why",
        "",
        ...reasonLines(record),
        "",
        identity,
      ].join("\n");
  }
}

/** The notice: the plan's template (or the default one) with the determination in its place. */
export function renderNotice(record: NoticeRecord, template: string = defaultTemplate): string {
  const body = determination(record);
  return `${template.split(decisionPlaceholder).join(body).trimEnd()}\n`;
}
