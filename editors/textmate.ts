// The extension's TextMate grammar run as VS Code runs it (vscode-textmate over the Oniguruma
// WebAssembly build), for the grammar's test and the screenshot: each line of a text as tokens with
// their scopes.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import oniguruma from "vscode-oniguruma";
import textmate, { type IGrammar, type IRawGrammar, type StateStack } from "vscode-textmate";
import { compilerRoot } from "../compiler/build/project-files.js";
import { grammarScope } from "../compiler/lsp/textmate-grammar.js";

export const grammarPath = join(compilerRoot(), "editors", "vscode", "syntaxes", "policy.tmLanguage.json");

export interface ScopedToken {
  /** From 1. */
  readonly line: number;
  /** Characters of the line, from 0, end excluded. */
  readonly start: number;
  readonly end: number;
  /** Outermost first: `source.policy`, then the token's own. */
  readonly scopes: readonly string[];
}

let loaded: Promise<IGrammar> | undefined;

/** The extension's grammar, from its committed file. */
export function loadGrammar(): Promise<IGrammar> {
  loaded ??= (async () => {
    const wasm = readFileSync(join(compilerRoot(), "node_modules", "vscode-oniguruma", "release", "onig.wasm"));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: (scope: string) =>
        Promise.resolve(scope === grammarScope ? (JSON.parse(readFileSync(grammarPath, "utf8")) as IRawGrammar) : null),
    });
    const grammar = await registry.loadGrammar(grammarScope);
    if (!grammar) throw new Error("policyc: the extension's grammar did not load");
    return grammar;
  })();
  return loaded;
}

/** Every token of `text`, line by line, as the editor scopes it. */
export function tokenize(grammar: IGrammar, text: string): ScopedToken[] {
  const tokens: ScopedToken[] = [];
  let state: StateStack = textmate.INITIAL;
  text.split(/\r?\n/).forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    for (const token of result.tokens)
      tokens.push({ line: index + 1, start: token.startIndex, end: token.endIndex, scopes: token.scopes });
  });
  return tokens;
}
