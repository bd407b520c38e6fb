// The live policy and case files are laid out the canonical way (`npm run format` leaves them as
// they are), like the hand-written code under prettier. It claims nothing about what they say.

import { describe, expect, it } from "vitest";
import { formatSource } from "../compiler/format/format-source.js";
import { projectFiles } from "./support/fixture-files.js";

describe("the policy and case files under policy/", () => {
  const files = [...projectFiles("policy", ".policy"), ...projectFiles("policy", ".cases")];

  it("are already formatted (run `npm run format` if this fails)", () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(formatSource(file.text, file.path).text, file.path).toBe(file.text);
  });
});
