// `policyc docs --out <folder>` empties the folder it is given before writing the site: it must never
// be given the project, a folder above it, the policy sources, generated/, or a folder of someone's
// files. Played in a scratch project made from the home-infusion fixture.

import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkSiteFolder, SiteFolderError, siteMarker } from "../../compiler/site/site-folder.js";
import { runCli, scratchProject } from "../support/cli.js";
import { homeInfusion } from "../support/home-infusion.js";
import { snapshot } from "../support/snapshot.js";

describe("policyc docs --out", () => {
  /** A scratch project made from the home-infusion fixture, with a folder of someone's notes. */
  let root: string;
  beforeAll(async () => {
    root = await scratchProject("site-folder");
    mkdirSync(join(root, "notes"));
    writeFileSync(join(root, "notes", "todo.txt"), "keep me\n");
    symlinkSync(join(root, "notes"), join(root, "linked-notes"));
  });

  const refused: readonly [string, string][] = [
    ["", "needs a folder name"],
    ["   ", "needs a folder name"],
    [".", "the project itself or a folder above it"],
    ["./", "the project itself or a folder above it"],
    ["..", "the project itself or a folder above it"],
    ["../..", "the project itself or a folder above it"],
    ["/", "the project itself or a folder above it"],
    ["policy", "inside policy/"],
    ["policy/site", "inside policy/"],
    ["generated", "inside generated/"],
    ["generated/site", "inside generated/"],
    ["notes", "holds files that policyc did not write"],
    ["linked-notes", "symbolic link"],
    ["notes/todo.txt", "is a file"],
  ];

  for (const [out, says] of refused) {
    it(`refuses ${JSON.stringify(out)}`, () => {
      expect(() => checkSiteFolder(root, out)).toThrow(SiteFolderError);
      expect(() => checkSiteFolder(root, out)).toThrow(says);
    });
  }

  it("accepts a new folder, and a folder it wrote before", () => {
    expect(checkSiteFolder(root, "site")).toBe(join(root, "site"));
    mkdirSync(join(root, "empty"));
    expect(checkSiteFolder(root, "empty")).toBe(join(root, "empty"));
    mkdirSync(join(root, "old-site"));
    writeFileSync(join(root, "old-site", siteMarker), "");
    writeFileSync(join(root, "old-site", "index.html"), "");
    expect(checkSiteFolder(root, "old-site")).toBe(join(root, "old-site"));
    // A site written before policyc marked its sites is recognised by what it holds, and nothing more.
    mkdirSync(join(root, "unmarked", "assets"), { recursive: true });
    mkdirSync(join(root, "unmarked", homeInfusion.slug));
    for (const file of ["index.html", "assets/style.css", "assets/mermaid.min.js", `${homeInfusion.slug}/index.html`])
      writeFileSync(join(root, "unmarked", file), "");
    expect(checkSiteFolder(root, "unmarked")).toBe(join(root, "unmarked"));
    writeFileSync(join(root, "unmarked", homeInfusion.slug, "notes.txt"), "mine\n");
    expect(() => checkSiteFolder(root, "unmarked")).toThrow("holds files that policyc did not write");
  });

  it("exits 2 and deletes nothing when refused, and writes the site twice over when allowed", () => {
    const before = snapshot(root);
    for (const out of [".", "", "policy", "..", "notes"]) {
      const run = runCli(["docs", "--out", out], root);
      expect(run.status, `${out}: ${run.stderr}`).toBe(2);
    }
    expect(snapshot(root)).toEqual(before);
    for (let time = 0; time < 2; time++) {
      const run = runCli(["docs", "--out", "public"], root);
      expect(run.status, run.stderr).toBe(0);
    }
    expect(readFileSync(join(root, "public", "index.html"), "utf8")).toContain(`./${homeInfusion.slug}/index.html`);
    expect(existsSync(join(root, "public", siteMarker))).toBe(true);
    expect(readFileSync(join(root, "notes", "todo.txt"), "utf8")).toBe("keep me\n");
  });
});
