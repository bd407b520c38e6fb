#!/usr/bin/env node
// policyc: the command line. Parses the arguments and hands each command to compiler/cli/.
// Exit codes are in cli/exit-codes.ts and docs/cli.md.

import { parseArgs } from "node:util";
import { CliError, exitCodes } from "./cli/exit-codes.js";

// NOTE: each command's module is imported only when it runs, so that `eval` or `help` does not load
// the TypeScript printer and prettier that `build` needs.

const usage = `policyc: clinical coverage policies as code

Usage:
  policyc build [--check]            compile every policy under policy/ into generated/
                                     (--check: write nothing; exit 1 if generated/ is out of date)
  policyc release                    build, and record in generated/<name>/releases.json the version each
                                     policy's change since its last release calls for (major, minor, patch)
  policyc check                      report every problem in policy/ (policies and cases); exit 1 on errors
  policyc test [policy] [--coverage] [--watch]
                                     run the cases of a policy (default: every policy) against its evaluator,
                                     compiled in memory; say each failure in plain words; exit 1 on any
                                     (--coverage: what the cases exercise; --watch: run again on each save)
  policyc format [--check] [files...]
                                     lay out policy and case files the canonical way (default: all under policy/)
                                     (--check: write nothing; exit 1 if a file is not formatted)
  policyc eval <policy> <facts.json> [--as-of YYYY-MM-DD] [--trace]
                                     print the decision of a built evaluator as JSON
  policyc eval-batch <policy> [<input.ndjson>|-] [--workers N] [--trace]
                                     answer each line { "asOf", "facts" } of the file (or stdin) with its
                                     decision as one JSON line, in order, on N worker threads (default: one
                                     per core); input errors are answered in place; a summary on stderr
  policyc check-claim-batch <policy> [<claims.ndjson>|-] [--workers N]
                                     the same for claims: each line { "claim", "asOf"?, "decision"? }
  policyc package                    write an npm package of each built policy to dist/packages/<name>/
                                     (no dependencies; \`npm pack\` there makes the tarball)
  policyc traceability               check each policy's quotes against its published text and list
                                     every sentence not accounted for; exit 1 on any
  policyc docs [--out site]          render generated/*/README.md to a static HTML site (default: site/)
  policyc diff <old> <new> [--progress]
                                     print a Markdown review of a change to a policy: statements changed
                                     and the exact decision delta (each side: a file, or rev:file);
                                     progress goes to stderr when it is a terminal, or with --progress
  policyc check-claim <policy> <claim.json> [--as-of YYYY-MM-DD]
                                     check a claim against the policy's coding table; print the result as JSON
  policyc notice <policy> <facts.json> [--as-of YYYY-MM-DD] [--template file] [--format markdown|html]
                                     print a draft notice of adverse benefit determination for the request:
                                     each reason's words, logic, facts, readings and exceptions considered;
                                     the plan's own text comes from the template, at {{decision}}
  policyc lsp [--stdio]              the language server for editors (docs/editors.md), on stdin and stdout
  policyc serve [--port 3000] [--host 127.0.0.1] [--canonical-base URL]
                                     the CDS Hooks service (Da Vinci CRD STU 2.1) of every built policy with
                                     a FHIR mapping (docs/integration.md); stops cleanly on SIGTERM or SIGINT

<policy> is a reference number (ABC.CP.1), a folder under generated/ (abc-cp-1) or a policy file.
Exit codes: 0 done, 1 problems in the input, 2 wrong command line, 3 evaluator not built,
4 a batch stopped before answering every line.
`;

async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      check: { type: "boolean", default: false },
      "as-of": { type: "string" },
      trace: { type: "boolean", default: false },
      coverage: { type: "boolean", default: false },
      watch: { type: "boolean", default: false },
      out: { type: "string", default: "site" },
      help: { type: "boolean", short: "h", default: false },
      progress: { type: "boolean", default: false },
      template: { type: "string" },
      format: { type: "string", default: "markdown" },
      stdio: { type: "boolean", default: false },
      workers: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      "canonical-base": { type: "string" },
    },
  });
  const [command, ...rest] = positionals;
  const root = process.cwd();
  if (values.help || command === undefined || command === "help") {
    process.stdout.write(usage);
    return command === undefined && !values.help ? exitCodes.usage : exitCodes.ok;
  }
  // `build`, `release` and `check` work on every policy under policy/: a file named after them would
  // be silently ignored, and "0 errors" would be said of a file never read.
  if ((command === "build" || command === "release" || command === "check") && rest.length > 0)
    throw new CliError(
      `${command} takes no file: it reads every policy under policy/ (found ${rest.join(" ")}).`,
      exitCodes.usage,
    );
  switch (command) {
    case "build":
      return (await import("./cli/build-command.js")).buildCommand(root, { check: values.check });
    case "release":
      return (await import("./cli/build-command.js")).buildCommand(root, { check: false, release: true });
    case "check":
      return (await import("./cli/check-command.js")).checkCommand(root);
    case "test":
      if (rest.length > 1) throw new CliError("test takes at most one policy.", exitCodes.usage);
      return (await import("./cli/test-command.js")).testCommand(root, rest[0], {
        coverage: values.coverage,
        watch: values.watch,
      });
    case "format":
      return (await import("./cli/format-command.js")).formatCommand(root, rest, { check: values.check });
    case "eval": {
      const [policy, factsPath] = rest;
      if (policy === undefined || factsPath === undefined)
        throw new CliError("eval needs a policy and a facts file.", exitCodes.usage);
      return (await import("./cli/eval-command.js")).evalCommand(root, policy, factsPath, {
        ...(values["as-of"] !== undefined && { asOf: values["as-of"] }),
        trace: values.trace,
      });
    }
    case "check-claim": {
      const [policy, claimPath] = rest;
      if (policy === undefined || claimPath === undefined)
        throw new CliError("check-claim needs a policy and a claim file.", exitCodes.usage);
      return (await import("./cli/check-claim-command.js")).checkClaimCommand(
        root,
        policy,
        claimPath,
        values["as-of"] === undefined ? {} : { asOf: values["as-of"] },
      );
    }
    case "notice": {
      const [policy, factsPath] = rest;
      if (policy === undefined || factsPath === undefined)
        throw new CliError("notice needs a policy and a facts file.", exitCodes.usage);
      if (values.format !== "markdown" && values.format !== "html")
        throw new CliError(`--format is markdown or html, not "${values.format}".`, exitCodes.usage);
      return (await import("./cli/notice-command.js")).noticeCommand(root, policy, factsPath, {
        ...(values["as-of"] !== undefined && { asOf: values["as-of"] }),
        ...(values.template !== undefined && { template: values.template }),
        format: values.format,
      });
    }
    case "eval-batch":
    case "check-claim-batch": {
      const [policy, inputPath, ...extra] = rest;
      if (policy === undefined || extra.length > 0)
        throw new CliError(`${command} needs a policy, then at most one input file (or - for stdin).`, exitCodes.usage);
      if (command === "check-claim-batch" && values.trace)
        throw new CliError("--trace is an option of eval-batch: a claim check has no trace.", exitCodes.usage);
      return (await import("./cli/eval-batch-command.js")).batchCommand(
        root,
        command === "eval-batch" ? "decisions" : "claims",
        policy,
        inputPath,
        { workers: values.workers, trace: values.trace },
      );
    }
    case "package":
      return (await import("./cli/package-command.js")).packageCommand(root);
    case "traceability":
      return (await import("./cli/traceability-command.js")).traceabilityCommand(root);
    case "docs":
      return (await import("./cli/docs-command.js")).docsCommand(root, values.out);
    case "diff": {
      const [before, after] = rest;
      if (before === undefined || after === undefined)
        throw new CliError("diff needs two versions of a policy: <old> <new>.", exitCodes.usage);
      return (await import("./cli/diff-command.js")).diffCommand(root, before, after, {
        progress: values.progress || process.stderr.isTTY,
      });
    }
    case "lsp":
      return (await import("./cli/lsp-command.js")).lspCommand();
    case "serve":
      return (await import("./cli/serve-command.js")).serveCommand(root, {
        port: values.port,
        host: values.host,
        canonicalBase: values["canonical-base"],
      });
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
      process.stderr.write(
        `policyc: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 70;
    }
  },
);
