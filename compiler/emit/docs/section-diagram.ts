// A diagram per section, drawn from the policy's own logic: the section (and when it counts), each of
// its criteria, exclusions and notes with its logic in words, where each leads when it denies, and
// the exceptions that may set one aside. One small flowchart per section, laid out left to right, so
// that it is read at full size rather than shrunk to fit the whole policy.

import type { OutlineEntry, RuleModel } from "../../model/policy-model.js";
import type { DocsContext } from "./context.js";
import { mermaidLabel } from "./procedure.js";
import { phraseInline } from "./words.js";
import type { Block, Inline } from "./markdown.js";

/** An inline of the docs as plain text: links by their label, no code or emphasis marks, no escapes. */
export function plainText(inline: Inline): string {
  return inline
    .replace(/\[((?:\\.|[^\]\\])*)\]\([^)]*\)/g, "$1")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/(?<!\\)\*+/g, "")
    .replace(/\\(.)/g, "$1");
}

/** The rules numbered directly under `section` that are in force in the latest revision (parts show in their criterion). */
function sectionRules(context: DocsContext, section: OutlineEntry): RuleModel[] {
  return context.model.outline.flatMap((entry) => {
    if (entry.parent !== section.id) return [];
    const rule = context.rules.get(entry.id);
    return rule && rule.role !== "part" && rule.inForce.until === undefined ? [rule] : [];
  });
}

/** How a rule reads in its node: what it needs, or when it denies. */
function ruleLabel(context: DocsContext, rule: RuleModel): string {
  const logic = plainText(phraseInline(context.words.phrase(rule.condition)));
  switch (rule.role) {
    case "requirement":
    case "part":
      return `${rule.kind} ${rule.id}, must be met: ${logic}`;
    case "exclusion":
      return `${rule.kind} ${rule.id} denies when ${logic}`;
    case "servicesExclusion":
      return `${rule.kind} ${rule.id}: the services of section ${rule.servicesOf ?? ""} are not covered when ${logic}`;
  }
}

/** The section's diagram, or nothing for a section with no criterion, exclusion or note of its own. */
export function sectionDiagram(context: DocsContext, section: OutlineEntry): Block[] {
  if (section.kind !== "section") return [];
  const rules = sectionRules(context, section);
  if (rules.length === 0) return [];
  const lines = ["flowchart LR"];
  const node = (id: string, open: string, label: string, close: string) =>
    lines.push(`  ${id}${open}"${mermaidLabel(label)}"${close}`);
  const when = section.appliesWhen
    ? `, which counts only when ${plainText(phraseInline(context.words.phrase(section.appliesWhen)))}`
    : "";
  node("section", "[", `Section ${section.id}${when}`, "]");
  if (rules.some((rule) => rule.role !== "servicesExclusion")) node("denied", "([", "Not covered", "])");
  rules.forEach((rule, i) => {
    node(`rule${i}`, "[", ruleLabel(context, rule), "]");
    lines.push(`  section --> rule${i}`);
    if (rule.role === "servicesExclusion") {
      node(`services${i}`, "([", `Services of ${rule.servicesOf ?? ""} not covered; the outcome stays`, "])");
      lines.push(`  rule${i} -->|"holds"| services${i}`);
    } else lines.push(`  rule${i} -->|"${rule.role === "requirement" ? "not met" : "holds"}"| denied`);
  });
  context.model.exceptions.forEach((exception, j) => {
    const reached = rules.flatMap((rule, i) => (exception.overrides.includes(rule.id) ? [i] : []));
    if (reached.length === 0 || exception.inForce.until !== undefined) return;
    node(`exception${j}`, "{{", `Exception ${exception.id}`, "}}");
    for (const i of reached) lines.push(`  exception${j} -.->|"may set aside"| rule${i}`);
  });
  return [{ kind: "fence", info: "mermaid", code: lines.join("\n") }];
}
