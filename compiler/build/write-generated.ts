// Writing generated/ as one set, all or nothing. Every file of the build is written into a staging
// folder beside generated/; the staging folder is renamed "ready" once complete; then generated/ is
// retired and the ready folder takes its place, by two renames. A build killed at any moment leaves
// either the old generated/ or the new one, whole; if it dies between the two renames, the next build
// (or `recoverInterruptedBuild`) moves the ready folder into place before anything else.
//
// NOTE: unchanged files are hard-linked from the old folder rather than rewritten, so they keep their
// modification time and the swap costs little more than writing what changed.

import { linkSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { GeneratedFile } from "../pipeline.js";
import { compareText } from "../diagnostics/compare-text.js";
import { acquireBuildLock } from "./build-lock.js";
import { readRegularFile } from "../files/read-file.js";

export const generatedFolder = "generated";
const stagingPrefix = ".generated-staging-";
const readyPrefix = ".generated-ready-";
const retiredPrefix = ".generated-retired-";

/** The moments of a write, in order; a test can stop a build at each to play a kill. */
export type WriteStep = "staged" | "ready" | "retired" | "swapped";

export interface WriteResult {
  /** Files whose content is new or changed. */
  readonly written: readonly string[];
  /** Files that were in generated/ and no policy produces any more. */
  readonly removed: readonly string[];
}

/** Thrown when generated/ is not something policyc may replace. */
export class GeneratedFolderError extends Error {}

/**
 * The regular files under generated/ of the project at `root`, by path (`generated/x/evaluator.ts`),
 * and every other entry (a link, a FIFO) as `other`, never followed or read.
 */
export function listGeneratedFolder(root: string): { files: Map<string, string>; other: string[] } {
  const files = new Map<string, string>();
  const other: string[] = [];
  const visit = (relative: string): void => {
    const entries = readdirSync(join(root, relative), { withFileTypes: true }).sort((a, b) =>
      compareText(a.name, b.name),
    );
    for (const entry of entries) {
      const path = `${relative}/${entry.name}`;
      const read = entry.isFile() ? readRegularFile(join(root, path)) : undefined;
      if (entry.isDirectory()) visit(path);
      else if (read?.kind === "text") files.set(path, read.text);
      else other.push(path);
    }
  };
  const top = lstatSync(join(root, generatedFolder), { throwIfNoEntry: false });
  if (top?.isDirectory()) visit(generatedFolder);
  else if (top !== undefined) other.push(generatedFolder);
  return { files, other };
}

function siblingsWithPrefix(root: string, prefix: string): string[] {
  return readdirSync(root)
    .filter((name) => name.startsWith(prefix))
    .sort(compareText);
}

/**
 * Finishes or undoes a write that was interrupted: a ready folder takes the place of a missing
 * generated/; staging, ready and retired folders left behind are removed.
 */
export function recoverInterruptedBuild(root: string): void {
  const ready = siblingsWithPrefix(root, readyPrefix);
  if (lstatSync(join(root, generatedFolder), { throwIfNoEntry: false }) === undefined && ready[0] !== undefined) {
    renameSync(join(root, ready[0]), join(root, generatedFolder));
  }
  for (const prefix of [stagingPrefix, readyPrefix, retiredPrefix]) {
    for (const name of siblingsWithPrefix(root, prefix)) rmSync(join(root, name), { recursive: true, force: true });
  }
}

function checkPlannedPath(path: string): string {
  const inside = path.slice(generatedFolder.length + 1);
  if (
    !path.startsWith(`${generatedFolder}/`) ||
    inside.split("/").some((part) => part === "" || part === "." || part === "..")
  ) {
    throw new Error(`policyc: refusing to write ${JSON.stringify(path)}, which is not a path inside generated/`);
  }
  return inside;
}

/** Fills a staging folder with every planned file, linking the ones whose content is unchanged. */
function stage(root: string, staging: string, files: readonly GeneratedFile[], old: ReadonlyMap<string, string>): void {
  mkdirSync(staging);
  for (const file of files) {
    const target = join(staging, checkPlannedPath(file.path));
    mkdirSync(dirname(target), { recursive: true });
    if (old.get(file.path) === file.contents) {
      try {
        linkSync(join(root, file.path), target);
        continue;
      } catch {
        // A file system without hard links: write the copy instead.
      }
    }
    writeFileSync(target, file.contents, "utf8");
  }
}

/**
 * Replaces generated/ under `root` with exactly `files` (paths starting `generated/`), all or nothing.
 * `onStep` is for tests: it is called after each step, and throwing from it plays a kill (the lock is
 * released all the same; a real kill leaves it, and the next build takes it over).
 */
export function writeGenerated(
  root: string,
  files: readonly GeneratedFile[],
  onStep: (step: WriteStep) => void = () => {},
): WriteResult {
  const release = acquireBuildLock(root);
  try {
    recoverInterruptedBuild(root);
    const current = lstatSync(join(root, generatedFolder), { throwIfNoEntry: false });
    if (current !== undefined && !current.isDirectory()) {
      throw new GeneratedFolderError(
        `${generatedFolder} is ${current.isSymbolicLink() ? "a symbolic link" : "not a folder"}; policyc writes only into a real generated/ folder of the project. Remove it and build again.`,
      );
    }
    const old = listGeneratedFolder(root);
    const planned = new Set(files.map((file) => file.path));
    const written = files.filter((file) => old.files.get(file.path) !== file.contents).map((file) => file.path);
    const removed = [...old.files.keys(), ...old.other].filter((path) => !planned.has(path)).sort(compareText);

    const staging = join(root, `${stagingPrefix}${process.pid}`);
    const ready = join(root, `${readyPrefix}${process.pid}`);
    const retired = join(root, `${retiredPrefix}${process.pid}`);
    stage(root, staging, files, old.files);
    onStep("staged");
    renameSync(staging, ready);
    onStep("ready");
    if (current !== undefined) renameSync(join(root, generatedFolder), retired);
    onStep("retired");
    renameSync(ready, join(root, generatedFolder));
    onStep("swapped");
    rmSync(retired, { recursive: true, force: true });
    return { written, removed };
  } finally {
    release();
  }
}
