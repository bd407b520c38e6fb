// A version of a policy to compare: a file on disk, or a file at a git revision (`HEAD~1:policy/x.policy`,
// read with `git show`).

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface PolicyVersion {
  /** As the reviewer wrote it: `policy/x.policy` or `HEAD~1:policy/x.policy`. */
  readonly label: string;
  /** The file's path in the project, for diagnostics. */
  readonly path: string;
  readonly text: string;
}

/** Reads `spec` from the project at `root`; throws an Error with a one-line message when it cannot. */
export function loadVersion(root: string, spec: string): PolicyVersion {
  if (existsSync(join(root, spec))) return { label: spec, path: spec, text: readFileSync(join(root, spec), "utf8") };
  const revision = /^([^:]+):(.+)$/.exec(spec);
  if (!revision) throw new Error(`${spec} is neither a file nor <git revision>:<file>.`);
  const [, rev = "", path = ""] = revision;
  try {
    const text = execFileSync("git", ["show", `${rev}:${path.replace(/^\.\//, "")}`], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { label: spec, path, text };
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split("\n")[0] ?? "";
    throw new Error(`cannot read ${path} at ${rev}${stderr === "" ? "" : `: ${stderr}`}`);
  }
}
