// The decision procedure (compiler/runtime/decide.ts) for one policy, in words and as a Mermaid
// flowchart, naming the policy's own criteria, exclusions, notes and exceptions at each step.

import type { RuleModel } from "../../model/policy-model.js";
import { partKey, parts } from "./anchors.js";
import type { DocsContext } from "./context.js";
import { join, strong, text, words, type Block, type Inline } from "./markdown.js";

/** Text inside a Mermaid label in double quotes: no quote, angle bracket or line break can break out. */
export function mermaidLabel(value: string): string {
  return value
    .replace(/#/g, "#35;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;")
    .replace(/[`]/g, "#96;")
    .replace(/\s+/g, " ")
    .trim();
}

function ids(rules: readonly RuleModel[]): string[] {
  return rules.map((rule) => rule.id);
}

function byRole(context: DocsContext) {
  const rules = context.model.rules;
  return {
    requirements: rules.filter((rule) => rule.role === "requirement"),
    exclusions: rules.filter((rule) => rule.role === "exclusion"),
    services: rules.filter((rule) => rule.role === "servicesExclusion"),
  };
}

function flowchart(context: DocsContext): string {
  const { requirements, exclusions, services } = byRole(context);
  const model = context.model;
  const lines = ["flowchart TD"];
  const node = (id: string, shape: [string, string], label: string) =>
    lines.push(`  ${id}${shape[0]}"${mermaidLabel(label)}"${shape[1]}`);
  const edge = (from: string, to: string, label?: string, dotted = false) =>
    lines.push(`  ${from} ${dotted ? "-.->" : "-->"}${label !== undefined ? `|"${mermaidLabel(label)}"|` : ""} ${to}`);
  node("start", ["([", "])"], "The facts of a case and a service date");
  node("inforce", ["[", "]"], `Keep the statements in force on the service date (${model.revisions.length} revisions)`);
  edge("start", "inforce");
  const conditional = model.outline
    .filter((entry) => entry.kind === "section" && entry.appliesWhen !== undefined)
    .map((entry) => entry.id);
  const always = requirements.filter((rule) => rule.applicability.length === 0);
  node("criteria", ["[", "]"], `A criterion that applies and is not met denies: ${ids(always).join(", ")}`);
  edge("inforce", "criteria");
  conditional.forEach((section, i) => {
    const members = requirements.filter((rule) => rule.applicability.some((a) => a.section === section));
    if (members.length === 0) return;
    node(`section${i}`, ["{", "}"], `Does section ${section} apply?`);
    node(`sectionrules${i}`, ["[", "]"], `Then these criteria must be met too: ${ids(members).join(", ")}`);
    edge("inforce", `section${i}`);
    edge(`section${i}`, `sectionrules${i}`, "yes");
    edge(`sectionrules${i}`, "denial");
  });
  if (exclusions.length > 0) {
    node("exclusions", ["[", "]"], `An exclusion or note that applies and holds denies: ${ids(exclusions).join(", ")}`);
    edge("inforce", "exclusions");
    edge("exclusions", "denial");
  }
  edge("criteria", "denial");
  node("denial", ["{", "}"], "Is a denial left standing?");
  model.exceptions.forEach((exception, i) => {
    node(
      `exception${i}`,
      ["[", "]"],
      `Exception ${exception.id}, when it applies, sets aside ${exception.overrides.join(", ")}`,
    );
    edge(`exception${i}`, "denial", undefined, true);
  });
  node("notcovered", ["([", "])"], "Not covered: the denials are the reasons");
  node("covered", ["([", "])"], "Covered");
  node("pending", ["([", "])"], "Pending: ask the questions of the unknown facts that can still change it");
  edge("denial", "notcovered", "surely");
  edge("denial", "covered", "none can");
  edge("denial", "pending", "it depends on unknown facts");
  const approval = model.exceptions
    .filter((exception) => exception.requiresPriorApproval)
    .map((exception) => exception.id);
  if (approval.length > 0) {
    node("approval", ["[", "]"], `Covered only through ${approval.join(" or ")}: prior approval required`);
    edge("covered", "approval", undefined, true);
  }
  if (services.length > 0) {
    node(
      "services",
      ["[", "]"],
      `Services excluded by ${ids(services).join(", ")} are listed with the decision; the outcome stays`,
    );
    edge("covered", "services", undefined, true);
  }
  return lines.join("\n");
}

export function procedureBlocks(context: DocsContext): Block[] {
  const { requirements, exclusions, services } = byRole(context);
  const model = context.model;
  const links = (rules: readonly RuleModel[]): Inline =>
    rules.length === 0
      ? words`none`
      : join(
          rules.map((rule) => context.link(rule.id)),
          ", ",
        );
  const parts_ = requirements.length === 0 ? [] : model.rules.filter((rule) => rule.role === "part");
  const steps: Inline[] = [
    words`${strong(words`Revision.`)} Only the statements in force on the service date count: the revision in force is the latest whose effective date is on or before it (see the ${text(parts.revisions)}). A service date before the first revision took effect is refused.`,
    words`${strong(words`Criteria.`)} A criterion that applies to the case and is not met denies coverage: ${links(requirements)}. A criterion applies when every section above it that has an "applies when" condition holds for the case.${parts_.length > 0 ? words` Its numbered parts (${links(parts_)}) count only through it.` : words``}`,
    words`${strong(words`Exclusions and notes.`)} An exclusion, or a note that denies coverage, denies when it applies and its condition holds: ${links(exclusions)}.`,
    words`${strong(words`Exceptions.`)} ${
      model.exceptions.length === 0
        ? words`This policy has none: no denial is ever set aside.`
        : words`A denial is set aside when an exception that overrides that statement applies: ${join(
            model.exceptions.map(
              (exception) =>
                words`${context.link(exception.id)} sets aside ${join(
                  exception.overrides.map((id) => context.link(id)),
                  ", ",
                )}`,
            ),
            "; ",
          )}.`
    }`,
    words`${strong(words`Outcome.`)} If a denial surely stands, the decision is ${strong(words`not covered`)}, with the denials as its reasons. If no denial can stand, it is ${strong(words`covered`)}${
      model.exceptions.some((e) => e.requiresPriorApproval)
        ? words` (and says prior approval is required when it is covered only through an exception that requires it)`
        : words``
    }. Otherwise it is ${strong(words`pending`)}, and asks the questions of the unknown facts that can still change it.`,
    words`${strong(words`Unknown facts.`)} A fact nobody recorded is unknown, never "no": "A and B" is false as soon as one is false and true when both are; "A or B" is true as soon as one is true; otherwise the condition is unknown, and so is every rule that depends on it.`,
    ...(services.length > 0
      ? [
          words`${strong(words`Excluded services.`)} ${links(services)} exclude some services (${join(
            services.map((rule) => words`those of section ${context.link(rule.servicesOf ?? "")}`),
            ", ",
          )}) when their condition holds; they are listed with the decision and do not change its outcome.`,
        ]
      : []),
  ];
  return [
    { kind: "heading", level: 2, text: text(parts.procedure), key: partKey("procedure") },
    {
      kind: "paragraph",
      text: words`The same procedure runs for every policy (compiler/runtime/decide.ts); for this one it reads:`,
    },
    { kind: "list", items: steps.map((step) => ({ text: step })) },
    { kind: "fence", info: "mermaid", code: flowchart(context) },
  ];
}
