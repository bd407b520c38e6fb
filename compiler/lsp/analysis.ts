// A file as the language server understands it: parsed, checked (for a policy) and with every name
// indexed. Kept per file while its text is unchanged, so a hover or a completion after an edit costs
// one parse and check of that file only.

import type { TextDocument } from "vscode-languageserver-textdocument";
import type * as Ast from "../syntax/ast.js";
import { parseSource } from "../syntax/parse.js";
import { checkPolicy, type CheckedPolicy } from "../check/check-policy.js";
import { isFileUri, type DocumentStore, type ProjectDocument } from "./documents.js";
import { casesDeclarations, indexNames, policyDeclarations, type Declarations, type NamedWord } from "./names.js";

export interface PolicyAnalysis {
  readonly kind: "policy";
  readonly uri: string;
  readonly document: TextDocument;
  readonly source: Ast.SourceFile;
  readonly checked: CheckedPolicy;
  readonly declarations: Declarations;
  readonly names: readonly NamedWord[];
}

export interface CasesAnalysis {
  readonly kind: "cases";
  readonly uri: string;
  readonly document: TextDocument;
  readonly source: Ast.SourceFile;
  /** The policy the file's `cases for` names, when the project has it. */
  readonly policy: PolicyAnalysis | undefined;
  readonly declarations: Declarations;
  readonly names: readonly NamedWord[];
}

export type Analysis = PolicyAnalysis | CasesAnalysis;

export class Analyzer {
  /** Policies only: a case file is analysed afresh each time, since its policy may have changed under it. */
  private readonly cache = new Map<string, { readonly text: string; readonly analysis: PolicyAnalysis }>();

  constructor(private readonly store: DocumentStore) {}

  /** The analysis of the file at `uri`, or undefined when it is not a policy or case file on disk or open. */
  analyze(uri: string): Analysis | undefined {
    if (!isFileUri(uri)) return undefined;
    const project = this.store.projectDocuments(uri);
    const own = project.find((file) => file.uri === uri) ?? project.find((file) => sameFile(file, uri, this.store));
    return own ? this.analyzeDocument(own, project) : undefined;
  }

  /** The analyses of the project's policies, for a case file that names one. */
  private policyByReference(project: readonly ProjectDocument[], reference: string): PolicyAnalysis | undefined {
    for (const file of project) {
      if (file.kind !== "policy") continue;
      const analysis = this.analyzeDocument(file, project);
      if (analysis.kind === "policy" && analysis.checked.symbols.header?.reference.text === reference) return analysis;
    }
    return undefined;
  }

  private analyzeDocument(file: ProjectDocument, project: readonly ProjectDocument[]): Analysis {
    const text = file.document.getText();
    const cached = this.cache.get(file.uri);
    if (cached && cached.text === text) return cached.analysis;
    const { source } = parseSource(text, file.path);
    if (file.kind === "cases") {
      const header = source.statements.find((statement) => statement.kind === "cases");
      const policy = header ? this.policyByReference(project, header.policy.text) : undefined;
      const declarations = casesDeclarations(source, file.uri, policy?.declarations);
      const names = indexNames(source, declarations, undefined);
      return { kind: "cases", uri: file.uri, document: file.document, source, policy, declarations, names };
    }
    const { checked } = checkPolicy(source);
    const declarations = policyDeclarations(checked.symbols, file.uri);
    const names = indexNames(source, declarations, checked);
    const analysis: PolicyAnalysis = {
      kind: "policy",
      uri: file.uri,
      document: file.document,
      source,
      checked,
      declarations,
      names,
    };
    this.cache.set(file.uri, { text, analysis });
    return analysis;
  }

  /** Forgets a closed file, so a later read takes the disk's text. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }
}

function sameFile(file: ProjectDocument, uri: string, store: DocumentStore): boolean {
  return store.place(uri).path === file.path;
}
