// `policyc docs [--out site]`: renders the generated docs of every policy to a static HTML site.

import { join } from "node:path";
import { buildSite } from "../site/build-site.js";
import { exitCodes } from "./exit-codes.js";

export function docsCommand(root: string, out = "site"): number {
  const pages = buildSite(root, join(root, out));
  process.stdout.write(`Site written to ${out}/index.html: ${pages.length} ${pages.length === 1 ? "policy" : "policies"}.\n`);
  return exitCodes.ok;
}
