// `policyc notice <policy> <facts.json> [--as-of YYYY-MM-DD] [--template file] [--format markdown|html]`:
// a draft notice of adverse benefit determination for one request. The built evaluator decides (as
// `policyc eval` does); the notice explains that decision from the model the evaluator was generated
// from, and refuses when the two are not of the same policy source.

import { checkProject } from "../build/build.js";
import { hasErrors } from "../diagnostics/diagnostic.js";
import { readRegularFile } from "../files/read-file.js";
import { displayPath } from "../files/names.js";
import { readDecision } from "../notice/decision-input.js";
import { noticeHtml } from "../notice/notice-html.js";
import { noticeRecord } from "../notice/notice-record.js";
import { decisionPlaceholder, renderNotice } from "../notice/render-notice.js";
import { readDatedInput } from "./eval-command.js";
import { CliError, exitCodes } from "./exit-codes.js";
import { loadEvaluator } from "./load-evaluator.js";
import { reportDiagnostics } from "./report.js";

export type NoticeFormat = "markdown" | "html";

/** The plan's template: a regular file holding the placeholder exactly once. */
function readTemplate(path: string): string {
  const read = readRegularFile(path);
  if (read.kind !== "text")
    throw new CliError(`Cannot read the notice template ${displayPath(path)}: give a regular file.`, exitCodes.usage);
  if (read.text.split(decisionPlaceholder).length !== 2)
    throw new CliError(
      `The notice template ${displayPath(path)} must hold ${decisionPlaceholder} exactly once: the determination goes there.`,
      exitCodes.usage,
    );
  return read.text;
}

function isInputError(error: unknown): error is Error & { issues: readonly unknown[] } {
  return error instanceof Error && error.name === "PolicyInputError";
}

export async function noticeCommand(
  root: string,
  policy: string,
  factsPath: string,
  options: { asOf?: string; template?: string; format: NoticeFormat },
): Promise<number> {
  const input = readDatedInput(factsPath, options.asOf);
  const template = options.template === undefined ? undefined : readTemplate(options.template);
  const evaluator = await loadEvaluator(root, policy);
  let answer: unknown;
  try {
    answer = evaluator.evaluate(input.facts, { asOf: input.asOf });
  } catch (error) {
    if (!isInputError(error)) throw error;
    process.stderr.write(`${error.message}\nNo notice is written from facts the evaluator refused.\n`);
    return exitCodes.problems;
  }
  const decision = readDecision(answer);
  // Only the model is needed: the readings' alternatives are the build's and `policyc check`'s to compile.
  const project = checkProject(root, { compileAlternatives: false });
  if (hasErrors(project.diagnostics)) {
    process.stderr.write(`${reportDiagnostics(project.diagnostics, project.sources)}\n`);
    return exitCodes.problems;
  }
  const model = [...project.models.values()].find((candidate) => candidate.reference === evaluator.reference);
  if (model?.sourceHash !== decision.policy.sourceHash)
    throw new CliError(
      `The built evaluator of ${evaluator.reference} is not of the policy file as it stands: run \`npm run build\`.`,
      exitCodes.notBuilt,
    );
  const markdown = renderNotice(noticeRecord(model, decision, input.facts), template);
  process.stdout.write(options.format === "html" ? noticeHtml(markdown, model.title) : markdown);
  return exitCodes.ok;
}
