// Golden files: expected output kept beside its input and read in review like any diff.
// `npm run accept` (UPDATE_GOLDEN=1) rewrites them from what the compiler produces now.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { expect } from "vitest";

export function expectGolden(path: string, actual: string): void {
  if (process.env["UPDATE_GOLDEN"] === "1") {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual, "utf8");
    return;
  }
  if (!existsSync(path)) throw new Error(`missing golden file ${path}: run \`npm run accept\` to create it`);
  expect(actual).toBe(readFileSync(path, "utf8"));
}
