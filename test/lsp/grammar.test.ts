// The TextMate grammar of the VS Code extension: the committed file is what compiler/lsp/textmate-
// grammar.ts makes of the lexer's tokens now (UPDATE_GOLDEN=1 rewrites it), and, run by vscode-textmate
// as VS Code runs it, it scopes every character of every policy and case file of the project (the
// live ones and the fixtures) as the lexer reads it: each token the lexer finds starts a grammar token
// of that token's scope, and no text is left with none.

import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { IToken } from "chevrotain";
import { keywords, Name, policyLexer } from "../../compiler/syntax/tokens.js";
import {
  keywordScope,
  multiLineTokens,
  nameScope,
  textMateGrammarFile,
  tokenScopes,
} from "../../compiler/lsp/textmate-grammar.js";
import { grammarPath, loadGrammar, tokenize } from "../../editors/textmate.js";
import { projectFiles } from "../support/fixture-files.js";

function expectedScope(token: IToken): string | undefined {
  if (Object.values(keywords).includes(token.tokenType)) return keywordScope;
  if (token.tokenType === Name) return nameScope;
  return multiLineTokens[token.tokenType.name]?.name ?? tokenScopes[token.tokenType.name];
}

const sources = [
  ...projectFiles("policy", ".policy"),
  ...projectFiles("policy", ".cases"),
  ...projectFiles("test/fixtures", ".policy"),
  ...projectFiles("test/fixtures", ".cases"),
].filter((source) => policyLexer.tokenize(source.text).errors.length === 0);

describe("the TextMate grammar", () => {
  it("is what the lexer's tokens make now", () => {
    if (process.env.UPDATE_GOLDEN) writeFileSync(grammarPath, textMateGrammarFile());
    expect(readFileSync(grammarPath, "utf8")).toBe(textMateGrammarFile());
  });

  it("covers the project's policy and case files, live and fixture", () => {
    expect(sources.some((source) => source.path.startsWith("policy/"))).toBe(true);
    expect(sources.length).toBeGreaterThan(10);
  });

  it("scopes every character as the lexer reads it, leaving no text unscoped", async () => {
    const grammar = await loadGrammar();
    const problems: string[] = [];
    for (const source of sources) {
      const scoped = tokenize(grammar, source.text);
      const lines = source.text.split(/\r?\n/);
      for (const token of scoped) {
        const text = lines[token.line - 1]?.slice(token.start, token.end) ?? "";
        if (token.scopes.length < 2 && text.trim() !== "")
          problems.push(`${source.path}:${token.line}:${token.start + 1}: unscoped ${JSON.stringify(text)}`);
      }
      const lexed = policyLexer.tokenize(source.text);
      for (const token of [...lexed.tokens, ...(lexed.groups.comments ?? [])]) {
        const line = token.startLine ?? 0;
        const column = (token.startColumn ?? 0) - 1;
        const at = scoped.find(
          (candidate) => candidate.line === line && candidate.start <= column && column < candidate.end,
        );
        const wanted = expectedScope(token);
        if (wanted === undefined || !at?.scopes.includes(wanted))
          problems.push(
            `${source.path}:${line}:${column + 1}: ${token.tokenType.name} ${JSON.stringify(token.image)} scoped ${at?.scopes.join(" ") ?? "nothing"}`,
          );
      }
      if (problems.length > 20) break;
    }
    expect(problems).toEqual([]);
  });
});
