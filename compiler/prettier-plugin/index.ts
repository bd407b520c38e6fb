// A prettier plugin for policy and case files: prettier hands the file's text to the project's own
// formatter (format/format-source.ts, what `policyc format` runs), so `prettier --write policy/` and an
// editor's format-on-save lay a policy out exactly as the command does. Registered in .prettierrc.json.
// NOTE: the whole file is one node whose printed form is the formatter's output; prettier's own layout
// algorithm is not used, since the policy language has its canonical layout already.

import type { Parser, Plugin, Printer, SupportLanguage } from "prettier";
import { formatSource } from "../format/format-source.js";

interface PolicyDocument {
  readonly kind: "policy-document";
  readonly formatted: string;
}

const astFormat = "policyc";

export const languages: SupportLanguage[] = [
  { name: "Policy", parsers: ["policyc"], extensions: [".policy", ".cases"], vscodeLanguageIds: ["policy"] },
];

/** A file with a syntax error is an error for prettier too, at the first problem, as policyc reports it. */
class PolicySyntaxError extends SyntaxError {
  constructor(
    message: string,
    readonly loc: { readonly start: { readonly line: number; readonly column: number } },
  ) {
    super(message);
  }
}

const parser: Parser<PolicyDocument> = {
  astFormat,
  parse(text, options) {
    const path = options.filepath ?? "input.policy";
    const result = formatSource(text, path);
    if (result.text === undefined) {
      const [first] = result.diagnostics;
      throw new PolicySyntaxError(first ? `${first.code}: ${first.message}` : "The file has a syntax error.", {
        start: { line: first?.span.line ?? 1, column: first?.span.column ?? 1 },
      });
    }
    return { kind: "policy-document", formatted: result.text };
  },
  locStart: () => 0,
  locEnd: () => 0,
};

const printer: Printer<PolicyDocument> = {
  print: (path) => path.node.formatted,
};

export const parsers: Record<string, Parser<PolicyDocument>> = { policyc: parser };
export const printers: Record<string, Printer<PolicyDocument>> = { [astFormat]: printer };

const plugin: Plugin<PolicyDocument> = { languages, parsers, printers };
export default plugin;
