// Where `policyc docs --out <folder>` may write the site. The folder is emptied before the site is
// written, so it must never be the project, a folder above it, the policy sources or generated/, and
// an existing folder must be empty or a site policyc wrote before (it carries a marker file).

import { lstatSync, readdirSync, realpathSync } from "node:fs";
import { join, resolve } from "node:path";
import { displayPath, isSafeName } from "../files/names.js";
import { isInsideOrSame, realLocation } from "../files/paths.js";

/** The file policyc leaves in every site folder it writes: its claim to empty the folder next time. */
export const siteMarker = ".policyc-site";

/** Folders of the project a site may never be written into (nor over). */
const protectedFolders = ["policy", "generated", ".git", "node_modules"];

export class SiteFolderError extends Error {}

/**
 * A site written before policyc left its marker: nothing but `index.html`, `assets/` with the files
 * policyc puts there, and policy folders holding only their `index.html` and `published-order.html`.
 */
function looksLikeOldSite(folder: string): boolean {
  return readdirSync(folder, { withFileTypes: true }).every((entry) => {
    if (entry.name === "index.html") return entry.isFile();
    if (!entry.isDirectory()) return false;
    const inside = readdirSync(join(folder, entry.name), { withFileTypes: true });
    if (entry.name === "assets") return inside.every((file) => file.isFile() && (file.name === "style.css" || file.name === "mermaid.min.js"));
    return (
      isSafeName(entry.name) &&
      inside.every((file) => file.isFile() && (file.name === "index.html" || file.name === "published-order.html"))
    );
  });
}

/** The folder the site goes to, resolved; throws SiteFolderError saying what is allowed when it may not. */
export function checkSiteFolder(root: string, out: string): string {
  const shown = displayPath(out);
  const allowed = "Give a new folder, an empty one, or one a previous `policyc docs` wrote (the default is site/).";
  if (out.trim() === "") throw new SiteFolderError(`--out needs a folder name. ${allowed}`);
  const project = realpathSync(root);
  const target = realLocation(resolve(root, out));
  if (isInsideOrSame(target, project)) throw new SiteFolderError(`--out ${shown} is the project itself or a folder above it, which the site would replace. ${allowed}`);
  for (const folder of protectedFolders) {
    if (isInsideOrSame(join(project, folder), target)) throw new SiteFolderError(`--out ${shown} is inside ${folder}/, which the site may never replace. ${allowed}`);
  }
  const existing = lstatSync(resolve(root, out), { throwIfNoEntry: false });
  if (existing === undefined) return target;
  if (existing.isSymbolicLink()) throw new SiteFolderError(`--out ${shown} is a symbolic link. ${allowed}`);
  if (!existing.isDirectory()) throw new SiteFolderError(`--out ${shown} is a file, not a folder. ${allowed}`);
  const entries = readdirSync(target);
  if (entries.length > 0 && !entries.includes(siteMarker) && !looksLikeOldSite(target)) {
    throw new SiteFolderError(`--out ${shown} holds files that policyc did not write, and writing the site would delete them. ${allowed}`);
  }
  return target;
}
