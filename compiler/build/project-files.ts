// Where things are on disk: the project's policy and case files, read from policy/ as untrusted input,
// and the compiler's own runtime. Every name is checked (files/names.ts), every file read as a regular
// file (files/read-file.ts), and each refusal is a diagnostic: nothing found on disk is trusted.

import { lstatSync, readdirSync, statSync, type Dirent } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Span } from "../syntax/ast.js";
import { catalogue, type CatalogueEntry } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic, type RelatedLocation } from "../diagnostics/diagnostic.js";
import { compareText } from "../diagnostics/compare-text.js";
import { isSafeDottedName, isSafeName, safeDottedNameRule, safeNameRule } from "../files/names.js";
import { readRegularFile } from "../files/read-file.js";

export interface SourceText {
  /** Relative to the project root, with forward slashes: `policy/wnc-cp-224.policy`. */
  readonly path: string;
  readonly text: string;
}

export interface ProjectSources {
  readonly policies: readonly SourceText[];
  readonly cases: readonly SourceText[];
  /** Files and folders refused: unsafe names, links, folders named like files, two policies for one folder. */
  readonly diagnostics: readonly Diagnostic[];
  /** False when the project has no policy/ folder. */
  readonly hasPolicyFolder: boolean;
}

/** The folder under the project root that holds policies and their cases. */
export const policyFolder = "policy";
const extensions = [".policy", ".cases"] as const;
/** Deeper folders are refused, so a hostile tree cannot make the walk run away. */
const maxFolderDepth = 8;

/** A diagnostic about a file or folder as a whole: it points at the start of the file (the renderer shows no source). */
const wholeFile: Span = { offset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };

function fileProblem<Arguments>(
  entry: CatalogueEntry<Arguments>,
  path: string,
  args: NoInfer<Arguments>,
  hint: string,
  related: readonly RelatedLocation[] = [],
): Diagnostic {
  return diagnostic(entry, path, wholeFile, args, { hint, ...(related.length > 0 && { related }) });
}

function extensionOf(name: string): (typeof extensions)[number] | undefined {
  return extensions.find((extension) => name.endsWith(extension));
}

function sortedEntries(folder: string): Dirent[] {
  return readdirSync(folder, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name));
}

/** Whether a folder holds a policy or case file at any depth (links are not followed). */
function holdsSources(folder: string, depth: number): boolean {
  if (depth > maxFolderDepth) return false;
  return sortedEntries(folder).some((entry) =>
    entry.isDirectory() ? holdsSources(join(folder, entry.name), depth + 1) : extensionOf(entry.name) !== undefined,
  );
}

class PolicyFolderScan {
  readonly policies: SourceText[] = [];
  readonly cases: SourceText[] = [];
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly root: string) {}

  /** `relative` is a folder path under the root, with forward slashes. */
  walk(relative: string, depth: number): void {
    for (const entry of sortedEntries(join(this.root, relative))) {
      // Hidden files and folders (editor locks, .DS_Store) are never policies.
      if (entry.name.startsWith(".")) continue;
      const path = `${relative}/${entry.name}`;
      if (entry.isSymbolicLink()) this.link(path, entry.name);
      else if (entry.isDirectory()) this.folder(path, entry.name, depth);
      else this.file(path, entry.name);
    }
  }

  private link(path: string, name: string): void {
    const target = statSync(join(this.root, path), { throwIfNoEntry: false });
    if (extensionOf(name) === undefined && !target?.isDirectory()) return;
    this.diagnostics.push(
      fileProblem(
        catalogue.unreadableFile,
        path,
        { path, publishedText: false, reason: { kind: "link" } },
        "Replace the link with the file or folder itself.",
      ),
    );
  }

  private folder(path: string, name: string, depth: number): void {
    if (extensionOf(name) !== undefined) {
      this.diagnostics.push(
        fileProblem(
          catalogue.unreadableFile,
          path,
          { path, publishedText: false, reason: { kind: "folderNamedLikeFile" } },
          "Rename the folder.",
        ),
      );
      return;
    }
    if (!isSafeName(name)) {
      if (holdsSources(join(this.root, path), depth + 1)) {
        this.diagnostics.push(
          fileProblem(
            catalogue.unsafeFileName,
            path,
            { name, of: "folder" },
            `Name folders under ${policyFolder}/ with ${safeNameRule}.`,
          ),
        );
      }
      return;
    }
    if (depth >= maxFolderDepth) {
      this.diagnostics.push(
        fileProblem(
          catalogue.foldersTooDeep,
          path,
          { path, limit: maxFolderDepth, under: policyFolder },
          "Keep policies in shallower folders.",
        ),
      );
      return;
    }
    this.walk(path, depth + 1);
  }

  private file(path: string, name: string): void {
    const extension = extensionOf(name);
    if (extension === undefined) return;
    // A policy's name becomes a folder under generated/, so no dots; a case file's names nothing.
    const stem = name.slice(0, -extension.length);
    const safe = extension === ".policy" ? isSafeName(stem) : isSafeDottedName(stem);
    if (!safe) {
      const rule = extension === ".policy" ? safeNameRule : safeDottedNameRule;
      this.diagnostics.push(
        fileProblem(
          catalogue.unsafeFileName,
          path,
          { name, of: "file" },
          `Name it with ${rule}, then \`${extension}\`.`,
        ),
      );
      return;
    }
    const read = readRegularFile(join(this.root, path));
    if (read.kind === "missing") return;
    if (read.kind === "refused") {
      this.diagnostics.push(
        fileProblem(
          catalogue.unreadableFile,
          path,
          { path, publishedText: false, reason: read.refusal },
          "Keep policies and cases as plain files under policy/.",
        ),
      );
      return;
    }
    (extension === ".policy" ? this.policies : this.cases).push({ path, text: read.text });
  }

  /** Each policy builds into generated/<file name>: two files with one name would share a folder. */
  checkOneFolderEach(): void {
    const byName = new Map<string, SourceText[]>();
    for (const policy of this.policies) {
      const name = policySlug(policy.path);
      byName.set(name, [...(byName.get(name) ?? []), policy]);
    }
    for (const [name, sharing] of byName) {
      const [first, ...others] = sharing;
      if (!first) continue;
      for (const policy of others) {
        this.diagnostics.push(
          fileProblem(
            catalogue.generatedFolderClash,
            policy.path,
            { path: policy.path, other: first.path, folder: name },
            "Give each policy file its own name: the name of the file is the name of its folder under generated/.",
            [{ file: first.path, span: wholeFile, message: "the first policy of that name" }],
          ),
        );
      }
    }
  }
}

/** The folder under generated/ for a policy file: `policy/wnc-cp-224.policy` -> `wnc-cp-224`. */
export function policySlug(sourcePath: string): string {
  const base = sourcePath.split("/").at(-1) ?? sourcePath;
  return base.replace(/\.policy$/, "");
}

/** Every policy and case file under policy/ of the project at `root`, with every file refused. */
export function readProjectSources(root: string): ProjectSources {
  const top = lstatSync(join(root, policyFolder), { throwIfNoEntry: false });
  const scan = new PolicyFolderScan(root);
  if (top === undefined) return { policies: [], cases: [], diagnostics: [], hasPolicyFolder: false };
  if (top.isSymbolicLink() || !top.isDirectory()) {
    const problem = fileProblem(
      catalogue.unreadableFile,
      policyFolder,
      { path: `${policyFolder}/`, publishedText: false, reason: { kind: top.isSymbolicLink() ? "link" : "notFolder" } },
      "Keep the policies in a real folder named policy/ in the project.",
    );
    return { policies: [], cases: [], diagnostics: [problem], hasPolicyFolder: true };
  }
  scan.walk(policyFolder, 1);
  scan.checkOneFolderEach();
  return { policies: scan.policies, cases: scan.cases, diagnostics: scan.diagnostics, hasPolicyFolder: true };
}

/** The TypeScript files of the compiler's runtime (compiler/runtime/*.ts), sorted by name. */
export function runtimeSources(): SourceText[] {
  const folder = join(compilerRoot(), "compiler", "runtime");
  return sortedEntries(folder)
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => {
      const read = readRegularFile(join(folder, entry.name));
      if (read.kind !== "text")
        throw new Error(`policyc: cannot read its own runtime file compiler/runtime/${entry.name}`);
      return { path: `compiler/runtime/${entry.name}`, text: read.text };
    });
}

/** The folder holding this compiler's package.json, whether it runs from source or from dist/. */
export function compilerRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (statSync(join(directory, "package.json"), { throwIfNoEntry: false }) === undefined) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error("policyc: cannot find the compiler's package.json");
    directory = parent;
  }
  return directory;
}
