// A build writes generated/ as one set: stopped at any moment, it leaves the old generated/ or the
// new one, whole, never one policy's evaluator from one version and its docs from another. Played two
// ways, in scratch projects made from the home-infusion fixture: a build stopped in-process after each
// step of the write, and real builds killed with SIGKILL.

import { spawn } from "node:child_process";
import { lstatSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { planBuild, writeBuild } from "../../compiler/build/build.js";
import { recoverInterruptedBuild, type WriteStep } from "../../compiler/build/write-generated.js";
import { BuildLockError } from "../../compiler/build/build-lock.js";
import { projectRoot } from "../support/evaluators.js";
import { runCli, scratchProject } from "../support/cli.js";
import { homeInfusion } from "../support/home-infusion.js";
import { snapshot } from "../support/snapshot.js";

const steps: readonly WriteStep[] = ["staged", "ready", "retired", "swapped"];

class PlayedKill extends Error {}

/** Renames the policy's title, so that every file of its folder changes. */
function editTitle(root: string, title: string): void {
  const path = join(root, "policy", `${homeInfusion.slug}.policy`);
  writeFileSync(path, readFileSync(path, "utf8").replace(/^ {2}title "[^"]*"/m, `  title ${JSON.stringify(title)}`));
}

/** What is left beside generated/ by a write: staging, ready and retired folders, and the lock. */
function leftovers(root: string): string[] {
  return readdirSync(root).filter((name) => name.startsWith(".generated"));
}

function restore(root: string, files: ReadonlyMap<string, string>): void {
  rmSync(join(root, "generated"), { recursive: true, force: true });
  for (const [path, contents] of files) {
    mkdirSync(dirname(join(root, "generated", path)), { recursive: true });
    writeFileSync(join(root, "generated", path), contents);
  }
}

describe("a build stopped after each step of its write", () => {
  for (const [index, step] of steps.entries()) {
    it(`leaves the old or the new generated/ after "${step}", whole once recovered`, async () => {
      const root = await scratchProject(`atomic-${step}`);
      const old = snapshot(join(root, "generated"));
      editTitle(root, `Home Infusion Therapy, revised at ${step}`);
      const plan = await planBuild(root);
      const fresh = new Map(plan.files.map((file) => [file.path.slice("generated".length), file.contents]));
      expect(fresh).not.toEqual(old);

      expect(() =>
        writeBuild(root, plan, (reached) => {
          if (reached === step) throw new PlayedKill(step);
        }),
      ).toThrow(PlayedKill);

      // Until generated/ is retired it is still the old one, untouched; after, the new one is complete.
      const present = lstatSync(join(root, "generated"), { throwIfNoEntry: false }) !== undefined;
      if (index < steps.indexOf("retired")) expect(snapshot(join(root, "generated"))).toEqual(old);
      else if (present) expect(snapshot(join(root, "generated"))).toEqual(fresh);
      else expect(leftovers(root).some((name) => name.startsWith(".generated-ready-"))).toBe(true);

      recoverInterruptedBuild(root);
      expect(snapshot(join(root, "generated"))).toEqual(index < steps.indexOf("retired") ? old : fresh);
      expect(leftovers(root).filter((name) => !name.startsWith(".generated.lock"))).toEqual([]);

      // The next build takes over the lock the stopped one left, and finishes the job.
      writeBuild(root, await planBuild(root));
      expect(snapshot(join(root, "generated"))).toEqual(fresh);
      expect(leftovers(root)).toEqual([]);
    });
  }
});

describe("the build lock", () => {
  it("stops a build while another process holds it, and is taken over once that process is gone", async () => {
    const root = await scratchProject("atomic-lock");
    const plan = await planBuild(root);
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      mkdirSync(join(root, ".generated.lock"));
      writeFileSync(join(root, ".generated.lock", "pid"), String(holder.pid));
      expect(() => writeBuild(root, plan)).toThrow(BuildLockError);
      expect(() => writeBuild(root, plan)).toThrow(`another build (process ${holder.pid})`);
    } finally {
      holder.kill("SIGKILL");
      await new Promise((resolve) => holder.on("exit", resolve));
    }
    expect(writeBuild(root, plan).written).toEqual([]);
    expect(leftovers(root)).toEqual([]);
  });
});

describe("builds killed with SIGKILL", () => {
  it("leave the old or the new generated/, whole, however late the kill comes", async () => {
    const root = await scratchProject("atomic-kill");
    const old = snapshot(join(root, "generated"));
    editTitle(root, "Home Infusion Therapy, revised under fire");
    const fresh = new Map(
      (await planBuild(root)).files.map((file) => [file.path.slice("generated".length), file.contents]),
    );

    const cli = join(projectRoot, "dist", "compiler", "cli.js");
    const started = Date.now();
    expect(runCli(["build", "--check"], root).status).toBe(1);
    const checkMs = Date.now() - started;

    const seen = { old: 0, fresh: 0, recovered: 0 };
    const kills = 4;
    for (let kill = 0; kill < kills; kill++) {
      restore(root, old);
      // From half the time a build takes to check, to twice that: past the time it takes to finish.
      const delay = Math.round(checkMs * (0.5 + (1.5 * kill) / (kills - 1)));
      const child = spawn(process.execPath, [cli, "build"], { cwd: root, stdio: "ignore" });
      const timer = setTimeout(() => child.kill("SIGKILL"), delay);
      await new Promise((resolve) => child.on("exit", resolve));
      clearTimeout(timer);

      const present = lstatSync(join(root, "generated"), { throwIfNoEntry: false }) !== undefined;
      if (present) {
        const state = snapshot(join(root, "generated"));
        expect([old, fresh], `kill ${kill} after ${delay} ms`).toContainEqual(state);
        if (state.size === fresh.size && [...fresh].every(([path, contents]) => state.get(path) === contents))
          seen.fresh++;
        else seen.old++;
      } else {
        seen.recovered++;
      }
      recoverInterruptedBuild(root);
      expect([old, fresh], `kill ${kill} after ${delay} ms, recovered`).toContainEqual(
        snapshot(join(root, "generated")),
      );
    }
    console.log(
      `atomic build: ${kills} kills: ${seen.old} left the old generated/, ${seen.fresh} the new one, ${seen.recovered} between the renames (recovered)`,
    );
    expect(seen.old + seen.fresh + seen.recovered).toBe(kills);
  }, 120_000);
});
