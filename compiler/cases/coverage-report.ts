// The coverage of a policy by its cases (coverage.ts) as plain text for `policyc test --coverage`:
// a line per statement, a line per condition of a statement with several, then the gaps. Nothing in
// it depends on time or on the order of the file system, so the same cases give the same report.

import type { CaseRef, StatementCoverage } from "./coverage.js";

function cases(number: number): string {
  return `${number} case${number === 1 ? "" : "s"}`;
}

function count(refs: readonly CaseRef[]): string {
  return cases(refs.length);
}

interface Sides {
  /** Before a count: "decides in 2 cases". */
  readonly yes: string;
  readonly no: string;
  /** After "shown": "never shown deciding". */
  readonly shownYes: string;
  readonly shownNo: string;
}

const statementSides: Sides = { yes: "decides", no: "does not decide", shownYes: "deciding", shownNo: "not deciding" };
const partSides: Sides = { yes: "not met", no: "met", shownYes: "not met", shownNo: "met" };

/** A part is only met or not: it decides nothing by itself, only through its criterion. */
function sides(statement: StatementCoverage): Sides {
  return statement.kind === "part" ? partSides : statementSides;
}

function statementLine(statement: StatementCoverage): string {
  const { deciding, notDeciding } = statement;
  const words = sides(statement);
  if (deciding.length === 0 && notDeciding.length === 0) return "never exercised";
  if (deciding.length === 0) return `never shown ${words.shownYes} (${words.no} in ${count(notDeciding)})`;
  if (notDeciding.length === 0) return `never shown ${words.shownNo} (${words.yes} in ${count(deciding)})`;
  return `${words.yes} in ${count(deciding)}, ${words.no} in ${count(notDeciding)}`;
}

function pad(text: string, width: number): string {
  return text.padEnd(width);
}

/** The report of one policy's coverage; `reference` and `cases` head it. */
export function coverageReport(reference: string, caseCount: number, statements: readonly StatementCoverage[]): string {
  const idWidth = Math.max(0, ...statements.map((s) => s.id.length)) + 2;
  const kindWidth = Math.max(0, ...statements.map((s) => s.kind.length)) + 2;
  const lines = [
    `Coverage of ${reference} by ${cases(caseCount)}`,
    "",
    "Statements (deciding: a criterion not met, an exclusion or note denying, an exception applying)",
    ...statements.map((s) => `  ${pad(s.id, idWidth)}${pad(s.kind, kindWidth)}${statementLine(s)}`),
  ];
  const withConditions = statements.filter((s) => s.conditions.length > 0);
  if (withConditions.length > 0) {
    lines.push("", "Conditions (unique-cause MC/DC: two cases where only this condition and the statement change)");
    for (const s of withConditions) {
      for (const condition of s.conditions) {
        const shown =
          condition.shownBy === undefined
            ? "never shown to matter on its own"
            : `shown to matter by ${condition.shownBy.map((ref) => `${ref.file}:${ref.line}`).join(" and ")}`;
        lines.push(`  ${pad(s.id, idWidth)}${condition.text}: ${shown}`);
      }
    }
  }
  const gaps = statements.flatMap((s) => {
    const own =
      s.deciding.length === 0 && s.notDeciding.length === 0
        ? [`${s.id}: no case evaluates it`]
        : [
            ...(s.deciding.length === 0 ? [`${s.id}: no case shows it ${sides(s).shownYes}`] : []),
            ...(s.notDeciding.length === 0 ? [`${s.id}: no case shows it ${sides(s).shownNo}`] : []),
          ];
    const conditions = s.conditions
      .filter((condition) => condition.shownBy === undefined)
      .map((condition) => `${s.id} ${condition.text}: no pair of cases shows it mattering on its own`);
    return [...own, ...conditions];
  });
  lines.push("");
  if (gaps.length === 0)
    lines.push("Not exercised: nothing. Every statement decides and does not, and every condition matters.");
  else lines.push(`Not exercised (${gaps.length}):`, ...gaps.map((gap) => `  ${gap}`));
  return `${lines.join("\n")}\n`;
}
