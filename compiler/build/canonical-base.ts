// Where a policy project's published artifacts live: `"policyc": { "canonicalBase": "https://..." }`
// in its package.json. The FHIR Questionnaire's canonical url and the JSON Schemas' `$id` are made
// from it (`<base>/Questionnaire/<policy>-<revision>`, `<base>/schema/<policy>/facts.schema.json`).

import { join } from "node:path";
import { readRegularFile } from "../files/read-file.js";

/** For a project that names none: a base under `.invalid`, which no one can own or resolve (RFC 2606). */
export const defaultCanonicalBase = "https://policies.invalid/fhir";

/** An absolute http(s) URL without a query, a fragment or a trailing slash. */
const basePattern = /^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*[^\s?#/])?$/;

/** The canonical base of the project at `root`; throws for one that is not an http(s) URL. */
export function readCanonicalBase(root: string): string {
  const read = readRegularFile(join(root, "package.json"));
  if (read.kind !== "text") return defaultCanonicalBase;
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.text);
  } catch {
    return defaultCanonicalBase;
  }
  const settings =
    typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>)["policyc"] : undefined;
  const base =
    typeof settings === "object" && settings !== null
      ? (settings as Record<string, unknown>)["canonicalBase"]
      : undefined;
  if (base === undefined) return defaultCanonicalBase;
  if (typeof base === "string" && basePattern.test(base)) return base;
  throw new Error(
    `policyc: "policyc.canonicalBase" in package.json is ${JSON.stringify(base)}; give an http(s) URL without a trailing slash, such as "https://plan.example.org/fhir".`,
  );
}
