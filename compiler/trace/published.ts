// Where a policy's published text is kept: the file its `published text` clause names, inside the
// policy's own folder. The checker has already refused a name that climbs out (`..`) or is absolute
// (PC062); here the file is read as untrusted input: a regular file, not through a link, and not
// reached through a linked folder that leads out of the policy's folder. Everything else in trace/
// works on plain text.

import { realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import type { PolicyModel } from "../model/policy-model.js";
import { isInsideOrSame } from "../files/paths.js";
import { readRegularFile, type Refusal } from "../files/read-file.js";

export type PublishedText =
  | { readonly kind: "read"; readonly path: string; readonly text: string }
  | { readonly kind: "missing"; readonly path: string }
  /** Not read: the file is not a plain file. */
  | { readonly kind: "refused"; readonly path: string; readonly refusal: Refusal }
  /** Not read: the path leads out of the policy's folder through a linked folder. */
  | { readonly kind: "outside"; readonly path: string };

/** The published text file a policy names, relative to the project root; undefined when it names none. */
export function publishedTextPath(model: PolicyModel, name = model.publishedText): string | undefined {
  if (name === undefined) return undefined;
  const folder = model.sourcePath.includes("/") ? model.sourcePath.slice(0, model.sourcePath.lastIndexOf("/") + 1) : "";
  return `${folder}${name}`;
}

/**
 * Reads a published text of a policy from the project at `root`: by default the one its header
 * names (the latest revision's), or the file `name` (a revision's); undefined when there is none.
 */
export function readPublishedText(
  root: string,
  model: PolicyModel,
  name = model.publishedText,
): PublishedText | undefined {
  const path = publishedTextPath(model, name);
  if (path === undefined) return undefined;
  const full = join(root, path);
  try {
    const policyFolder = realpathSync(dirname(join(root, model.sourcePath)));
    if (!isInsideOrSame(policyFolder, realpathSync(dirname(full)))) {
      return { kind: "outside", path };
    }
  } catch {
    // A folder on the way does not exist: the file is missing.
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
}
