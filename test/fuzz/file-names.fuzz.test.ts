// Fuzz: hostile file names, folder names and published text names in a scratch project. Every one
// is either accepted (and then safe everywhere it goes: a generated folder, a link, a header) or
// refused with a diagnostic that names it escaped; none is ever an exception, and nothing outside the
// policy's folder is ever read.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { checkProject } from "../../compiler/build/build.js";
import { policySlug } from "../../compiler/build/project-files.js";
import { isSafeName } from "../../compiler/files/names.js";
import { renderDiagnostics } from "../../compiler/diagnostics/render.js";
import { FuzzTally, fuzzRuns } from "../support/fuzz.js";

/** Characters that have broken tools before: separators, quotes, markup, controls, bidi marks. */
const hostileCharacters = [..."abcXYZ019-_. :\"'`<>|*?\\$(){}[]#%&;=!~é\n\r\t\u0001\u007f\u202e\u2028", "😀"];
const safeCharacters = [..."abcxyz0123456789-_"];
/** Half from the whole hostile set, half nearly safe: mostly safe characters, so both sides are reached. */
const hostileName = fc
  .oneof(
    fc.array(fc.constantFrom(...hostileCharacters), { minLength: 1, maxLength: 12 }),
    fc.array(
      fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...safeCharacters) },
        { weight: 1, arbitrary: fc.constantFrom(...hostileCharacters) },
      ),
      { minLength: 1, maxLength: 12 },
    ),
  )
  .map((chars) => chars.join(""));

const policyText = (reference: string, published?: string) => `policy ${reference}
  title "Fuzz" plan "Plan" description "A fuzzed file." last review 2024-01${published === undefined ? "" : `\n  published text ${JSON.stringify(published)}`}
revision 2024-01 "Original." effective 2024-01-01
fact a.flag: yes or no description "A flag." ask "Is the flag set?"
section I "Covered when:"
criterion I.1 "Flag." met when a.flag
`;

const scratch = mkdtempSync(join(tmpdir(), "policyc-file-fuzz-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let projects = 0;

function freshProject(): string {
  const root = join(scratch, `project-${projects++}`);
  mkdirSync(join(root, "policy"), { recursive: true });
  return root;
}

// eslint-disable-next-line no-control-regex -- control characters are what must never reach a terminal.
const controls = /[\u0000-\u001f\u007f\u2028\u202e]/;

describe("hostile names in policy/", () => {
  const tally = new FuzzTally("file names");

  it("are accepted only when safe, and refused with an escaped name otherwise", () => {
    fc.assert(
      fc.property(
        hostileName,
        fc.option(hostileName, { nil: undefined }),
        fc.constantFrom(".policy", ".cases"),
        (name, folder, extension) => {
          if ([name, folder].some((part) => part === "." || part === "..")) return;
          const root = freshProject();
          const relative = folder === undefined ? `${name}${extension}` : `${folder}/${name}${extension}`;
          try {
            mkdirSync(join(root, "policy", relative, ".."), { recursive: true });
            writeFileSync(
              join(root, "policy", relative),
              extension === ".policy" ? policyText("F.1") : "cases for F.1\n",
            );
          } catch {
            return; // A name the file system itself refuses.
          }
          let checked;
          try {
            checked = checkProject(root);
          } catch (error) {
            return tally.crash(error);
          }
          // What a terminal shows: no control character or bidi mark from a name gets through.
          const rendered = renderDiagnostics(checked.diagnostics, (file) => checked.sources.get(file));
          expect(rendered.replace(/\n/g, " ")).not.toMatch(controls);
          const refused = checked.diagnostics.filter((d) => ["PC060", "PC061", "PC063"].includes(d.code));
          const unsafe =
            !isSafeName(name.replace(/\.[a-z0-9]+(?:[-_][a-z0-9]+)*$/, "")) ||
            (folder !== undefined && !isSafeName(folder));
          if (name.startsWith(".") || (folder?.startsWith(".") ?? false)) {
            expect(checked.sources.size, "hidden files are never read").toBe(0);
            tally.record("success");
          } else if (refused.length > 0) {
            expect(checked.sources.size).toBe(0);
            tally.record("diagnostics");
          } else {
            expect(unsafe && extension === ".policy", `accepted ${JSON.stringify(relative)}`).toBe(false);
            for (const model of checked.models.values()) expect(isSafeName(policySlug(model.sourcePath))).toBe(true);
            tally.record("success");
          }
        },
      ),
      { numRuns: fuzzRuns(200) },
    );
    expect(tally.count("diagnostics")).toBeGreaterThan(0);
  });
});

describe("hostile published text names", () => {
  const tally = new FuzzTally("published text names");

  it("read a file inside the policy's folder, or are refused", () => {
    const secret = join(scratch, "secret.txt");
    writeFileSync(secret, "SECRET\n");
    const names = fc.oneof(
      hostileName,
      fc
        .array(fc.constantFrom("..", ".", "policy", "secret.txt", "", "/", "texts", "t.txt"), {
          minLength: 1,
          maxLength: 6,
        })
        .map((parts) => parts.join("/")),
    );
    fc.assert(
      fc.property(names, (published) => {
        const root = freshProject();
        writeFileSync(join(root, "policy", "p.policy"), policyText("P.1", published));
        mkdirSync(join(root, "policy", "texts"));
        writeFileSync(join(root, "policy", "texts", "t.txt"), "Fuzz\n");
        writeFileSync(join(root, "policy", "t.txt"), "Fuzz\n");
        let checked;
        try {
          checked = checkProject(root);
        } catch (error) {
          return tally.crash(error);
        }
        const read = checked.published.get("P.1");
        if (read?.kind === "read") expect(read.text).toBe("Fuzz\n");
        const refused = checked.diagnostics.some((d) => d.code === "PC062" || d.code === "PC061");
        tally.record(refused ? "diagnostics" : "success");
      }),
      { numRuns: fuzzRuns(150) },
    );
    expect(tally.count("diagnostics")).toBeGreaterThan(0);
  });
});
