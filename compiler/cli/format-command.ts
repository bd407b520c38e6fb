// `policyc format [--check] [files...]`: lay out policy and case files the canonical way.

import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { readSources } from "../build/project-files.js";
import { formatSource } from "../format/format-source.js";
import { reportDiagnostics } from "./report.js";
import { CliError, exitCodes } from "./exit-codes.js";

function sourcesToFormat(root: string, files: readonly string[]): { path: string; text: string }[] {
  if (files.length === 0) return [...readSources(root, "policy", ".policy"), ...readSources(root, "policy", ".cases")];
  return files.map((file) => {
    try {
      return { path: relative(root, join(root, file)), text: readFileSync(join(root, file), "utf8") };
    } catch {
      throw new CliError(`Cannot read ${file}.`, exitCodes.usage);
    }
  });
}

export function formatCommand(root: string, files: readonly string[], options: { check: boolean }): number {
  let problems = 0;
  const unformatted: string[] = [];
  for (const source of sourcesToFormat(root, files)) {
    const result = formatSource(source.text, source.path);
    if (result.text === undefined) {
      process.stderr.write(`${reportDiagnostics(result.diagnostics, new Map([[source.path, source.text]]))}\n`);
      problems++;
      continue;
    }
    if (result.text === source.text) continue;
    unformatted.push(source.path);
    if (options.check) continue;
    const target = join(root, source.path);
    writeFileSync(`${target}.${process.pid}.tmp`, result.text, "utf8");
    renameSync(`${target}.${process.pid}.tmp`, target);
  }
  if (options.check && unformatted.length > 0) {
    process.stderr.write(`Not formatted (run \`npm run format\`):\n${unformatted.map((path) => `  ${path}`).join("\n")}\n`);
    return exitCodes.problems;
  }
  if (!options.check) process.stdout.write(`Formatted ${unformatted.length} ${unformatted.length === 1 ? "file" : "files"}.\n`);
  return problems > 0 ? exitCodes.problems : exitCodes.ok;
}
