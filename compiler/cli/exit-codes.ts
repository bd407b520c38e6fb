// The CLI's exit codes, documented in docs/cli.md.

export const exitCodes = {
  /** Done: built, checked clean, or a decision printed. */
  ok: 0,
  /** The input has problems: diagnostics with errors, generated/ out of date, or malformed facts. */
  problems: 1,
  /** The command line is wrong: unknown command or option, missing argument, unreadable file. */
  usage: 2,
  /** The evaluator asked for has not been built: run `npm run build`. */
  notBuilt: 3,
  /** A batch stopped before answering every line: a worker failed (`eval-batch`, `check-claim-batch`). */
  batchStopped: 4,
} as const;

/** An error the CLI reports in one line and exits with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
