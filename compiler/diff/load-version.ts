// A version of a policy to compare: a policy file of the project, or a policy file at a git revision
// (`HEAD~1:policy/x.policy`, read with `git cat-file`). Both come from the command line: a file must
// be a plain .policy file inside the project, and a revision must be a revision, never an option.

import { execFileSync } from "node:child_process";
import { lstatSync, realpathSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { displayPath, printableLine } from "../files/names.js";
import { isInsideOrSame, realLocation } from "../files/paths.js";
import { readRegularFile } from "../files/read-file.js";
import type { PolicyFileReader } from "../files/beside-policy.js";
import { describeUnreadable } from "../diagnostics/message-arguments.js";

export interface PolicyVersion {
  /** As the reviewer wrote it: `policy/x.policy` or `HEAD~1:policy/x.policy`. */
  readonly label: string;
  /** The file's path in the project, for diagnostics. */
  readonly path: string;
  readonly text: string;
  /** Reads the files the policy names beside itself (value sets) as they were in this version; by default from the project. */
  readonly readBeside?: PolicyFileReader;
}

/** A revision as git names it (a branch, a tag, a hash, `HEAD~2`, `main^`, `@{1}`), never starting with `-`. */
const revisionPattern = /^[A-Za-z0-9_@][A-Za-z0-9_./~^@{}-]*$/;
/** A path inside the repository: parts separated by `/`, none of them empty, `.` or `..`. */
const repositoryPathPattern = /^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*\.policy$/;

function fromFile(root: string, spec: string): PolicyVersion {
  const shown = displayPath(spec);
  const full = resolve(root, spec);
  if (!spec.endsWith(".policy")) throw new Error(`${shown} is not a policy file (.policy).`);
  if (!isInsideOrSame(realpathSync(root), realLocation(full)))
    throw new Error(`${shown} is outside the project; compare policy files of the project, or <git revision>:<file>.`);
  const read = readRegularFile(full);
  if (read.kind !== "text")
    throw new Error(
      `cannot read ${shown}: ${read.kind === "missing" ? "there is no such file" : `it ${describeUnreadable(read.refusal)}`}.`,
    );
  return { label: spec, path: relative(root, full).split(sep).join("/"), text: read.text };
}

function fromRevision(root: string, spec: string, rev: string, path: string): PolicyVersion {
  if (!revisionPattern.test(rev))
    throw new Error(`${displayPath(rev)} is not a git revision (such as HEAD~1, a branch, a tag or a commit).`);
  const file = path.replace(/^\.\//, "");
  if (!repositoryPathPattern.test(file))
    throw new Error(
      `${displayPath(path)} is not the path of a policy file in the repository (such as policy/x.policy).`,
    );
  try {
    // NOTE: `cat-file blob` prints the stored bytes (no pager, no text conversion), and its one
    // argument cannot start with `-`: the revision was checked above.
    const text = execFileSync("git", ["cat-file", "blob", `${rev}:${file}`], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
    return { label: spec, path: file, text, readBeside: besideAtRevision(root, rev, file) };
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split("\n")[0] ?? "";
    throw new Error(`cannot read ${file} at ${rev}${stderr === "" ? "" : `: ${printableLine(stderr)}`}`);
  }
}

/**
 * A reader of the files beside the policy `file` as they were at the revision `rev`. NOTE: the names
 * were held to plain relative names by the checker, and git reads only what the revision stores: a
 * symbolic link is refused as such, so it never leads out of the repository.
 */
function besideAtRevision(root: string, rev: string, file: string): PolicyFileReader {
  const folder = file.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
  return (name) => {
    const path = `${folder}${name}`;
    const git = (args: string[]): string =>
      execFileSync("git", args, {
        cwd: root,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
        maxBuffer: 64 * 1024 * 1024,
      });
    try {
      const mode = git(["ls-tree", rev, "--", path]).split(" ")[0] ?? "";
      if (mode === "") return { kind: "missing", path };
      if (mode !== "100644" && mode !== "100755")
        return { kind: "refused", path, refusal: { kind: mode === "120000" ? "link" : "special" } };
      return { kind: "read", path, text: git(["cat-file", "blob", `${rev}:${path}`]).replace(/^\uFEFF/, "") };
    } catch {
      return { kind: "missing", path };
    }
  };
}

/** Reads `spec` from the project at `root`; throws an Error with a one-line message when it cannot. */
export function loadVersion(root: string, spec: string): PolicyVersion {
  if (spec.startsWith("-"))
    throw new Error(
      `${displayPath(spec)} starts with "-": a version is a policy file or <git revision>:<file>, never an option.`,
    );
  if (lstatSync(resolve(root, spec), { throwIfNoEntry: false }) !== undefined) return fromFile(root, spec);
  const revision = /^([^:]+):(.+)$/.exec(spec);
  if (!revision) throw new Error(`${displayPath(spec)} is neither a file nor <git revision>:<file>.`);
  return fromRevision(root, spec, revision[1] ?? "", revision[2] ?? "");
}
