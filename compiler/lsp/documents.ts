// The documents the server works on: the editor's text of each open file, else the file on disk, and
// the policy and case files of the project a file belongs to (so a case file is checked against its
// policy as the editor holds it, unsaved edits included).

import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { TextDocuments } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { readProjectSources } from "../build/project-files.js";
import { readRegularFile } from "../files/read-file.js";
import { projectPlace, type ProjectPlace } from "./project-place.js";

export type SourceKind = "policy" | "cases";

/** One policy or case file of a project, as the server reads it. */
export interface ProjectDocument {
  readonly uri: string;
  readonly kind: SourceKind;
  /** Its path from the project root, as diagnostics name it. */
  readonly path: string;
  readonly document: TextDocument;
}

/** Whether the server can place the document in a project: a file on disk (not an unsaved, untitled one). */
export function isFileUri(uri: string): boolean {
  return uri.startsWith("file:");
}

export function sourceKindOf(uri: string): SourceKind | undefined {
  if (uri.endsWith(".policy")) return "policy";
  if (uri.endsWith(".cases")) return "cases";
  return undefined;
}

export class DocumentStore {
  constructor(private readonly open: TextDocuments<TextDocument>) {}

  /** The file's text: the editor's when it is open, else the disk's; undefined when it cannot be read. */
  document(uri: string): TextDocument | undefined {
    const open = this.open.get(uri) ?? this.open.all().find((document) => samePath(document.uri, uri));
    if (open) return open;
    if (!uri.startsWith("file:")) return undefined;
    const read = readRegularFile(fileURLToPath(uri));
    return read.kind === "text" ? TextDocument.create(uri, languageId, 0, read.text) : undefined;
  }

  /** Where the file sits: the root `policyc check` runs in and its path from there. */
  place(uri: string): ProjectPlace {
    return projectPlace(fileURLToPath(uri));
  }

  /**
   * Every policy and case file of the project `uri` belongs to: the project's policy/ tree, or, for a
   * file outside one, the files of its own folder. Open files are read from the editor.
   */
  projectDocuments(uri: string): ProjectDocument[] {
    const place = this.place(uri);
    const paths = place.inProject ? projectPaths(place.root) : folderPaths(dirname(fileURLToPath(uri)));
    const own = place.path;
    if (!paths.includes(own)) paths.push(own);
    const documents: ProjectDocument[] = [];
    for (const path of paths) {
      const fileUri = pathToFileURL(join(place.root, path)).href;
      const kind = sourceKindOf(fileUri);
      const document = this.document(fileUri);
      if (kind && document) documents.push({ uri: fileUri, kind, path, document });
    }
    return documents;
  }

  /** The URIs of the open documents. */
  openUris(): string[] {
    return this.open.all().map((document) => document.uri);
  }
}

/** The language of policy and case files alike (one grammar, one server). */
export const languageId = "policy";

/** Whether two file URIs name one file, however each is encoded. */
function samePath(a: string, b: string): boolean {
  return a.startsWith("file:") && b.startsWith("file:") && fileURLToPath(a) === fileURLToPath(b);
}

function projectPaths(root: string): string[] {
  const sources = readProjectSources(root);
  return [...sources.policies, ...sources.cases].map((source) => source.path);
}

function folderPaths(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && sourceKindOf(entry.name) !== undefined)
    .map((entry) => entry.name)
    .sort();
}
