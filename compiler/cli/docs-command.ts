// `policyc docs [--out site]`: renders the generated docs of every policy to a static HTML site.

import { buildSite } from "../site/build-site.js";
import { checkSiteFolder, SiteFolderError } from "../site/site-folder.js";
import { displayPath } from "../files/names.js";
import { CliError, exitCodes } from "./exit-codes.js";

export function docsCommand(root: string, out = "site"): number {
  let folder: string;
  try {
    folder = checkSiteFolder(root, out);
  } catch (error) {
    if (error instanceof SiteFolderError) throw new CliError(error.message, exitCodes.usage);
    throw error;
  }
  const pages = buildSite(root, folder);
  process.stdout.write(
    `Site written to ${displayPath(out)}/index.html: ${pages.length} ${pages.length === 1 ? "policy" : "policies"}.\n`,
  );
  return exitCodes.ok;
}
