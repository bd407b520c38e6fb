// Where a policy's published text is kept: the file its `published text` clause names, beside the
// policy file. Reads it from disk; everything else in trace/ works on plain text.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PolicyModel } from "../model/policy-model.js";

export interface PublishedText {
  /** Relative to the project root, with forward slashes. */
  readonly path: string;
  /** Undefined when the file named is missing. */
  readonly text?: string;
}

/** The published text file a policy names, relative to the project root; undefined when it names none. */
export function publishedTextPath(model: PolicyModel): string | undefined {
  if (model.publishedText === undefined) return undefined;
  const folder = model.sourcePath.includes("/") ? model.sourcePath.slice(0, model.sourcePath.lastIndexOf("/") + 1) : "";
  return `${folder}${model.publishedText}`;
}

/** Reads the published text of a policy from the project at `root`. */
export function readPublishedText(root: string, model: PolicyModel): PublishedText | undefined {
  const path = publishedTextPath(model);
  if (path === undefined) return undefined;
  const full = join(root, path);
  return existsSync(full) ? { path, text: readFileSync(full, "utf8") } : { path };
}
