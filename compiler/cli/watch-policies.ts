// Watching policy/ for `policyc test --watch`: runs once, then again whenever a .policy or .cases file
// changes, once a burst of events has settled, and never while a run is still going. Returns when the
// process is interrupted (Ctrl-C).
// NOTE: the folder is watched, not each file: an editor that saves by writing a new file and renaming
// it over the old one replaces the file a per-file watch would hold, and the watch would go deaf.

import { watch } from "node:fs";
import { join } from "node:path";
import { exitCodes } from "./exit-codes.js";

/** How long the files must stay quiet before a run: an editor's save is several events. */
export const SETTLE_MS = 150;

const watched = /\.(policy|cases)$/;

/** Watches first, then runs: a change made while the first run goes is not missed. */
export function watchPolicies(root: string, run: () => Promise<void>): Promise<number> {
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    let running = false;
    let again = false;

    const start = () => {
      timer = undefined;
      if (running) {
        again = true;
        return;
      }
      running = true;
      run().then(
        () => {
          running = false;
          if (again) {
            again = false;
            start();
          }
        },
        (error: unknown) => {
          watcher.close();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    };

    const watcher = watch(join(root, "policy"), { recursive: true }, (_event, name) => {
      if (name !== null && !watched.test(name)) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(start, SETTLE_MS);
    });
    watcher.on("error", (error) => {
      process.stderr.write(`policyc: cannot watch policy/ any longer: ${error.message}\n`);
      watcher.close();
      resolve(exitCodes.problems);
    });
    process.once("SIGINT", () => {
      watcher.close();
      if (timer !== undefined) clearTimeout(timer);
      resolve(exitCodes.ok);
    });
    start();
  });
}
