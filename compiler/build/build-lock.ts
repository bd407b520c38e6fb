// One build at a time writes generated/: two builds swapping folders at once could leave neither
// complete. The lock is a folder beside generated/ holding the owner's process id, made whole and
// then renamed into place (a rename onto a lock that exists fails), so a lock is never seen without
// its owner, and one left behind by a killed build is recognised and taken over.

import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const lockFolder = ".generated.lock";

/** Thrown when another build holds the lock. */
export class BuildLockError extends Error {}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as { code?: string }).code === "EPERM";
  }
}

function owner(lock: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(lock, "pid"), "utf8"));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock of the project at `root` and returns the function that releases it. A lock whose
 * owner is gone (or is this very process, whose earlier write was interrupted) is taken over.
 */
export function acquireBuildLock(root: string): () => void {
  const lock = join(root, lockFolder);
  for (let attempt = 0; attempt < 2; attempt++) {
    const candidate = `${lock}-${process.pid}`;
    rmSync(candidate, { recursive: true, force: true });
    mkdirSync(candidate);
    writeFileSync(join(candidate, "pid"), String(process.pid));
    try {
      renameSync(candidate, lock);
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (error) {
      rmSync(candidate, { recursive: true, force: true });
      const code = (error as { code?: string }).code;
      if (code !== "EEXIST" && code !== "ENOTEMPTY") throw error;
      const pid = owner(lock);
      if (pid !== undefined && pid !== process.pid && isRunning(pid)) {
        throw new BuildLockError(`another build (process ${pid}) is writing generated/; wait for it to finish.`);
      }
      rmSync(lock, { recursive: true, force: true });
    }
  }
  throw new BuildLockError(`cannot take the build lock ${lockFolder}; remove it if no build is running.`);
}
