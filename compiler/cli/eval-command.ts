// `policyc eval <policy> <facts.json> [--as-of YYYY-MM-DD] [--trace]`: the decision, as JSON.

import { readFileSync } from "node:fs";
import { CliError, exitCodes } from "./exit-codes.js";
import { loadEvaluator } from "./load-evaluator.js";

export interface EvalInput {
  readonly facts: unknown;
  readonly asOf: string | undefined;
}

/** The JSON in a file, or a usage error saying why it cannot be read. */
export function readJson(path: string, what: string): unknown {
  try {
    const text = readFileSync(path, "utf8");
    // Windows editors often start a UTF-8 file with a byte order mark, which JSON.parse rejects.
    return JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text) as unknown;
  } catch (error) {
    throw new CliError(`Cannot read ${what} from ${path}: ${(error as Error).message}`, exitCodes.usage);
  }
}

/** The facts file holds the facts, or `{ "asOf": "YYYY-MM-DD", "facts": { ... } }`. */
export function readInput(path: string): EvalInput {
  const parsed = readJson(path, "facts");
  if (typeof parsed === "object" && parsed !== null && "facts" in parsed && "asOf" in parsed) {
    return { facts: parsed.facts, asOf: typeof parsed.asOf === "string" ? parsed.asOf : undefined };
  }
  return { facts: parsed, asOf: undefined };
}

/** The facts file's facts and the service date, `--as-of` first; a usage error when neither gives one. */
export function readDatedInput(path: string, asOfOption: string | undefined): { facts: unknown; asOf: string } {
  const input = readInput(path);
  const asOf = asOfOption ?? input.asOf;
  if (asOf === undefined)
    throw new CliError(
      'Give the service date: --as-of YYYY-MM-DD (or "asOf" beside "facts" in the file).',
      exitCodes.usage,
    );
  return { facts: input.facts, asOf };
}

function isInputError(error: unknown): error is Error & { issues: readonly unknown[] } {
  return (
    error instanceof Error && error.name === "PolicyInputError" && Array.isArray((error as { issues?: unknown }).issues)
  );
}

/** Prints what `run` returns as JSON (exit 0), or the input error with every bad field (exit 1). */
export function printResult(run: () => unknown): number {
  try {
    process.stdout.write(`${JSON.stringify(run(), null, 2)}\n`);
    return exitCodes.ok;
  } catch (error) {
    if (!isInputError(error)) throw error;
    process.stdout.write(
      `${JSON.stringify({ error: { name: error.name, message: error.message, issues: error.issues } }, null, 2)}\n`,
    );
    process.stderr.write(`${error.message}\n`);
    return exitCodes.problems;
  }
}

export async function evalCommand(
  root: string,
  policy: string,
  factsPath: string,
  options: { asOf?: string; trace: boolean },
): Promise<number> {
  const input = readDatedInput(factsPath, options.asOf);
  const evaluator = await loadEvaluator(root, policy);
  return printResult(() => evaluator.evaluate(input.facts, { asOf: input.asOf, trace: options.trace }));
}
