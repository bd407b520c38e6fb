// Where an open file sits in a project, so the server checks it exactly as `policyc check` does: the
// project root (the folder whose policy/ holds the file) and the path from it. A file outside any
// policy/ folder (a fixture, a scratch file) is a project of its own folder.

import { basename, dirname, relative, sep } from "node:path";
import { policyFolder } from "../build/project-files.js";

export interface ProjectPlace {
  /** The folder `policyc check` would run in. */
  readonly root: string;
  /** The file's path from the root, with forward slashes, as diagnostics name it. */
  readonly path: string;
  /** Whether the root has a policy/ folder holding the file (else the root is the file's own folder). */
  readonly inProject: boolean;
}

/** The place of the file at the absolute path `file`. */
export function projectPlace(file: string): ProjectPlace {
  for (let folder = dirname(file); ; folder = dirname(folder)) {
    if (basename(folder) === policyFolder) {
      const root = dirname(folder);
      return { root, path: relative(root, file).split(sep).join("/"), inProject: true };
    }
    if (dirname(folder) === folder) break;
  }
  return { root: dirname(file), path: basename(file), inProject: false };
}
