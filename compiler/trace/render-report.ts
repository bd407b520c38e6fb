// A traceability report for the terminal and for test failures: each mismatch with both places
// (the statement in the policy file, the passage in the published text), then every sentence not
// accounted for, then one line with the share.

import type { TraceReport } from "./trace.js";
import { sharePercent } from "./trace.js";
import { describeMisplacement, describeUnjustified, describeCounts } from "./describe.js";

export interface ReportPaths {
  readonly policyPath: string;
  /** The policy source, to find the line of each statement. */
  readonly policySource: string;
  readonly publishedPath: string;
}

/** The line (from 1) where a statement such as `criterion I.A.3` or `layout "..."` starts in a policy source. */
export function statementLine(source: string, owner: string): number | undefined {
  const space = owner.indexOf(" ");
  const kind = owner.slice(0, space);
  const rest = owner.slice(space + 1);
  const lines = source.split("\n");
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const head = kind === "policy" ? "policy" : kind;
  const name =
    kind === "layout" ? escape(JSON.stringify(rest.slice(1, -1)).slice(0, 40)) : escape(rest.split(" ")[0] ?? rest);
  const pattern = new RegExp(`^\\s*${head}\\s+${name}`);
  const index = lines.findIndex((line) => pattern.test(line));
  return index >= 0 ? index + 1 : undefined;
}

export function renderTraceReport(report: TraceReport, paths: ReportPaths): string {
  const out: string[] = [];
  for (const mismatch of report.mismatches) {
    const { quote, closest } = mismatch;
    const line = statementLine(paths.policySource, quote.owner);
    const where = `${paths.policyPath}${line === undefined ? "" : `:${line}`}`;
    const what =
      quote.accounting === "layout" ? "is not a whole line of the published text" : "does not match the published text";
    out.push(`mismatch: ${quote.owner} (${quote.field}) ${what}.`);
    out.push(`  policy:    ${where}  "${quote.text.replace(/\s+/g, " ")}"`);
    if (closest) {
      out.push(`  published: ${paths.publishedPath}:${closest.place.line}:${closest.place.column}`);
      out.push(`    both read:      "...${closest.agreed}"`);
      out.push(`    the policy has: "${closest.policyHas}"`);
      out.push(`    published has:  "${closest.publishedHas}"`);
    } else {
      out.push(`  published: ${paths.publishedPath}: no passage comes close.`);
    }
  }
  for (const misplaced of report.misplaced) {
    const line = statementLine(paths.policySource, misplaced.quote.owner);
    out.push(`misplaced: ${describeMisplacement(misplaced)}`);
    out.push(`  policy:    ${paths.policyPath}${line === undefined ? "" : `:${line}`}`);
    out.push(`  published: ${paths.publishedPath}:${misplaced.place.line}:${misplaced.place.column}`);
  }
  for (const unjustified of report.unjustified) {
    const line = statementLine(paths.policySource, unjustified.quote.owner);
    out.push(`set aside without a reason that holds: ${describeUnjustified(unjustified)}`);
    out.push(`  policy:    ${paths.policyPath}${line === undefined ? "" : `:${line}`}`);
    out.push(`  published: ${paths.publishedPath}:${unjustified.place.line}:${unjustified.place.column}`);
  }
  for (const sentence of report.unaccounted) {
    const why =
      sentence.accounting === "unexplained"
        ? `quoted by ${sentence.owners.join(", ")} without \`not encoded because\``
        : "neither encoded nor marked as not encoded";
    out.push(`not accounted for: ${paths.publishedPath}:${sentence.line}: "${sentence.text}" (${why})`);
  }
  const problems = report.misplaced.length + report.unjustified.length;
  out.push(
    `${paths.publishedPath}: ${report.accounted} of ${report.total} sentences accounted for (${sharePercent(report)}: ${describeCounts(report.counts)}); ${report.mismatches.length} mismatch${report.mismatches.length === 1 ? "" : "es"}${problems === 0 ? "" : `, ${report.misplaced.length} misplaced, ${report.unjustified.length} set aside without a reason that holds`}.`,
  );
  return out.join("\n");
}
