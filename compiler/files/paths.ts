// Where a path really leads: containment tests on resolved paths, and the real location of a path
// whose last parts may not exist yet (an output folder about to be made).

import { lstatSync, realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";

/** Whether `path` is `folder` itself or lies under it (both absolute and already resolved). */
export function isInsideOrSame(folder: string, path: string): boolean {
  const fromFolder = relative(folder, path);
  return fromFolder === "" || (!fromFolder.startsWith("..") && !isAbsolute(fromFolder));
}

/**
 * The real path `path` leads to: symbolic links resolved in every part that exists, the parts that do
 * not exist yet appended as written. Throws when an existing part is a link that leads nowhere.
 */
export function realLocation(path: string): string {
  const absolute = resolve(path);
  const missing: string[] = [];
  let existing = absolute;
  while (lstatSync(existing, { throwIfNoEntry: false }) === undefined) {
    const parent = dirname(existing);
    if (parent === existing) break;
    missing.unshift(basename(existing));
    existing = parent;
  }
  return join(realpathSync(existing), ...missing);
}
