// `policyc format [--check] [files...]`: lay out policy and case files the canonical way. Only policy
// and case files inside the project are read or written, never through a link.

import { realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { readProjectSources, type SourceText } from "../build/project-files.js";
import { formatSource } from "../format/format-source.js";
import { displayPath } from "../files/names.js";
import { isInsideOrSame, realLocation } from "../files/paths.js";
import { readRegularFile } from "../files/read-file.js";
import { describeUnreadable } from "../diagnostics/message-arguments.js";
import { reportDiagnostics } from "./report.js";
import { CliError, exitCodes } from "./exit-codes.js";

/** A file named on the command line: a .policy or .cases file inside the project, read as untrusted. */
function namedSource(root: string, file: string): SourceText {
  const shown = displayPath(file);
  if (!/\.(policy|cases)$/.test(file))
    throw new CliError(
      `${shown} is not a policy or case file: format reads only .policy and .cases files.`,
      exitCodes.usage,
    );
  const full = resolve(root, file);
  if (!isInsideOrSame(realpathSync(root), realLocation(full)))
    throw new CliError(`${shown} is outside the project: format writes only files inside it.`, exitCodes.usage);
  const read = readRegularFile(full);
  if (read.kind === "missing") throw new CliError(`Cannot read ${shown}: there is no such file.`, exitCodes.usage);
  if (read.kind === "refused")
    throw new CliError(`Cannot read ${shown}: it ${describeUnreadable(read.refusal)}.`, exitCodes.usage);
  return { path: relative(root, full).split(sep).join("/"), text: read.text };
}

export function formatCommand(root: string, files: readonly string[], options: { check: boolean }): number {
  let problems = 0;
  let sources: readonly SourceText[];
  if (files.length > 0) {
    sources = files.map((file) => namedSource(root, file));
  } else {
    const project = readProjectSources(root);
    if (project.diagnostics.length > 0) {
      process.stderr.write(`${reportDiagnostics(project.diagnostics, new Map())}\n`);
      problems += project.diagnostics.length;
    }
    sources = [...project.policies, ...project.cases];
  }
  const unformatted: string[] = [];
  for (const source of sources) {
    const result = formatSource(source.text, source.path);
    if (result.text === undefined) {
      process.stderr.write(`${reportDiagnostics(result.diagnostics, new Map([[source.path, source.text]]))}\n`);
      problems++;
      continue;
    }
    if (result.text === source.text) continue;
    unformatted.push(source.path);
    if (options.check) continue;
    // Through a fresh temporary file (`wx` never follows a link planted at its name), then a rename.
    const target = resolve(root, source.path);
    const temporary = `${target}.${process.pid}.tmp`;
    rmSync(temporary, { force: true });
    writeFileSync(temporary, result.text, { encoding: "utf8", flag: "wx" });
    renameSync(temporary, target);
  }
  if (options.check && unformatted.length > 0) {
    process.stderr.write(
      `Not formatted (run \`npm run format\`):\n${unformatted.map((path) => `  ${path}`).join("\n")}\n`,
    );
    return exitCodes.problems;
  }
  if (!options.check)
    process.stdout.write(`Formatted ${unformatted.length} ${unformatted.length === 1 ? "file" : "files"}.\n`);
  return problems > 0 ? exitCodes.problems : exitCodes.ok;
}
