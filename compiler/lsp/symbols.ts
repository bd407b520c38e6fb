// Document symbols: the outline of a policy by its section numbers (I > I.A > I.A.3, by the checker's
// parent relation), with its revisions, categories, facts, definitions, exceptions and prose; the
// fact sets and cases of a case file.

import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import type * as Ast from "../syntax/ast.js";
import { parentId } from "../check/symbols.js";
import type { Analysis } from "./analysis.js";
import { rangeOf } from "./positions.js";
import { firstLine } from "./describe.js";

const outlineKinds: ReadonlySet<string> = new Set(["section", "criterion", "exclusion", "note", "service"]);

export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const document = analysis.document;
  const symbol = (name: string, detail: string, kind: SymbolKind, span: Ast.Span, at: Ast.Span): DocumentSymbol => ({
    name,
    detail: firstLine(detail, 60),
    kind,
    range: rangeOf(document, span),
    selectionRange: rangeOf(document, at),
    children: [],
  });
  const top: DocumentSymbol[] = [];
  const outline = new Map<string, DocumentSymbol>();
  for (const statement of analysis.source.statements) {
    const made = symbolOf(statement, symbol);
    if (!made) continue;
    if (outlineKinds.has(statement.kind)) {
      const parent = parentOf(made.name, outline);
      (parent?.children ?? top).push(made);
      outline.set(made.name, made);
    } else {
      top.push(made);
    }
  }
  return top;
}

/** The nearest outline statement above `id` (`I.A.3` under `I.A`; `I.C.4.a` under `I.C.4`). */
function parentOf(id: string, outline: ReadonlyMap<string, DocumentSymbol>): DocumentSymbol | undefined {
  for (let parent = parentId(id); parent !== undefined; parent = parentId(parent)) {
    const found = outline.get(parent);
    if (found) return found;
  }
  return undefined;
}

type MakeSymbol = (name: string, detail: string, kind: SymbolKind, span: Ast.Span, at: Ast.Span) => DocumentSymbol;

function symbolOf(statement: Ast.Statement, symbol: MakeSymbol): DocumentSymbol | undefined {
  switch (statement.kind) {
    case "policy":
      return symbol(
        statement.reference.text,
        statement.title?.value ?? "",
        SymbolKind.File,
        statement.span,
        statement.reference.span,
      );
    case "revision":
      return symbol(
        `revision ${statement.approved.text}`,
        statement.text.value,
        SymbolKind.Event,
        statement.span,
        statement.approved.span,
      );
    case "category":
      return symbol(
        `category ${statement.name.text}`,
        statement.description.value,
        SymbolKind.Enum,
        statement.span,
        statement.name.span,
      );
    case "fact":
      return symbol(
        statement.name.text,
        statement.description?.value ?? "",
        SymbolKind.Variable,
        statement.span,
        statement.name.span,
      );
    case "definition":
      return symbol(
        statement.name.text,
        statement.label.value,
        SymbolKind.Function,
        statement.span,
        statement.name.span,
      );
    case "section":
      return symbol(statement.id.text, statement.title.value, SymbolKind.Namespace, statement.span, statement.id.span);
    case "criterion":
    case "exclusion":
    case "note":
    case "service":
      return symbol(statement.id.text, statement.text.value, SymbolKind.Field, statement.span, statement.id.span);
    case "exception":
    case "prose":
      return symbol(statement.id.text, statement.title.value, SymbolKind.Class, statement.span, statement.id.span);
    case "code":
      return symbol(
        `code ${statement.code.text}`,
        statement.description.value,
        SymbolKind.Constant,
        statement.span,
        statement.code.span,
      );
    case "codeGroup":
      return symbol(
        `code group ${statement.name.text}`,
        statement.description.value,
        SymbolKind.Module,
        statement.span,
        statement.name.span,
      );
    case "cases":
      return symbol(`cases for ${statement.policy.text}`, "", SymbolKind.File, statement.span, statement.policy.span);
    case "factSet":
      return symbol(
        `facts ${statement.name.text}`,
        statement.description.value,
        SymbolKind.Struct,
        statement.span,
        statement.name.span,
      );
    case "case":
    case "claimCase":
      return symbol(
        statement.title.value,
        statement.kind === "case" ? "case" : "claim case",
        SymbolKind.Method,
        statement.span,
        statement.title.span,
      );
    default:
      return undefined;
  }
}
