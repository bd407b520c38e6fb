// Reading a file that a policy names beside itself (a value set's CSV), as untrusted input: inside
// the policy's own folder once every link on the way is resolved, a regular file, never through a
// symbolic link, within the size limit (read-file.ts). The same checks as a published text's.

import { realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { isInsideOrSame } from "./paths.js";
import { readRegularFile, type Refusal } from "./read-file.js";

export type BesidePolicyRead =
  | { readonly kind: "read"; readonly path: string; readonly text: string }
  | { readonly kind: "missing"; readonly path: string }
  | { readonly kind: "refused"; readonly path: string; readonly refusal: Refusal }
  /** The path leads out of the policy's folder through a linked folder. */
  | { readonly kind: "outside"; readonly path: string };

/** Reads the file `name` (relative to the folder of the policy at `policyPath`) from the project at `root`. */
export type PolicyFileReader = (name: string) => BesidePolicyRead;

/**
 * A reader of the files beside the policy at `policyPath` (relative to `root`). Each path it gives
 * back is relative to `root`, as the policy's is. NOTE: the name was already held to the shape of a
 * plain relative name (no `..`, no leading `/`) by the checker.
 */
export function besidePolicyReader(root: string, policyPath: string): PolicyFileReader {
  const folder = policyPath.includes("/") ? policyPath.slice(0, policyPath.lastIndexOf("/") + 1) : "";
  return (name) => {
    const path = `${folder}${name}`;
    const full = join(root, path);
    try {
      const policyFolder = realpathSync(dirname(join(root, policyPath)));
      if (!isInsideOrSame(policyFolder, realpathSync(dirname(full)))) return { kind: "outside", path };
    } catch {
      return { kind: "missing", path };
    }
    const read = readRegularFile(full);
    switch (read.kind) {
      case "text":
        return { kind: "read", path, text: read.text.replace(/^\uFEFF/, "") };
      case "missing":
        return { kind: "missing", path };
      case "refused":
        return { kind: "refused", path, refusal: read.refusal };
    }
  };
}
