#!/usr/bin/env node
// policyc: the command line. Parses the arguments and hands each command to compiler/cli/.
// Exit codes are in cli/exit-codes.ts and docs/cli.md.

import { parseArgs } from "node:util";
import { buildCommand } from "./cli/build-command.js";
import { checkCommand } from "./cli/check-command.js";
import { evalCommand } from "./cli/eval-command.js";
import { formatCommand } from "./cli/format-command.js";
import { CliError, exitCodes } from "./cli/exit-codes.js";

const usage = `policyc: clinical coverage policies as code

Usage:
  policyc build [--check]            compile every policy under policy/ into generated/
                                     (--check: write nothing; exit 1 if generated/ is out of date)
  policyc check                      report every problem in policy/ (policies and cases); exit 1 on errors
  policyc format [--check] [files...]
                                     lay out policy and case files the canonical way (default: all under policy/)
                                     (--check: write nothing; exit 1 if a file is not formatted)
  policyc eval <policy> <facts.json> [--as-of YYYY-MM-DD] [--trace]
                                     print the decision of a built evaluator as JSON

<policy> is a reference number (ABC.CP.1), a folder under generated/ (abc-cp-1) or a policy file.
Exit codes: 0 done, 1 problems in the input, 2 wrong command line, 3 evaluator not built.
`;

async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      check: { type: "boolean", default: false },
      "as-of": { type: "string" },
      trace: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, ...rest] = positionals;
  const root = process.cwd();
  if (values.help || command === undefined || command === "help") {
    process.stdout.write(usage);
    return command === undefined && !values.help ? exitCodes.usage : exitCodes.ok;
  }
  switch (command) {
    case "build":
      return buildCommand(root, { check: values.check });
    case "check":
      return checkCommand(root);
    case "format":
      return formatCommand(root, rest, { check: values.check });
    case "eval": {
      const [policy, factsPath] = rest;
      if (policy === undefined || factsPath === undefined) throw new CliError("eval needs a policy and a facts file.", exitCodes.usage);
      return evalCommand(root, policy, factsPath, { ...(values["as-of"] !== undefined && { asOf: values["as-of"] }), trace: values.trace });
    }
    default:
      throw new CliError(`Unknown command "${command}".\n\n${usage}`, exitCodes.usage);
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError) {
      process.stderr.write(`policyc: ${error.message}\n`);
      process.exitCode = error.exitCode;
    } else if (error instanceof TypeError && (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`policyc: ${error.message}\n\n${usage}`);
      process.exitCode = exitCodes.usage;
    } else {
      process.stderr.write(`policyc: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 70;
    }
  },
);
