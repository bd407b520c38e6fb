// The npm scope of the policy packages, configured by the policy project in its package.json:
// `"policyc": { "packageScope": "@your-plan" }`. A package always has a scope, so that its name can
// never be taken on the public registry by someone else (dependency confusion).

import { join } from "node:path";
import { readRegularFile } from "../files/read-file.js";

export const defaultPackageScope = "@clinical-policies";

/** An npm scope: `@` and a lower-case name of letters, digits, `-`, `.` and `_`. */
const scopePattern = /^@[a-z0-9][a-z0-9._-]{0,213}$/;

export type PackageScope =
  { readonly kind: "scope"; readonly scope: string } | { readonly kind: "invalid"; readonly given: string };

export function readPackageScope(root: string): PackageScope {
  const read = readRegularFile(join(root, "package.json"));
  if (read.kind !== "text") return { kind: "scope", scope: defaultPackageScope };
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.text);
  } catch {
    return { kind: "scope", scope: defaultPackageScope };
  }
  const settings =
    typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>)["policyc"] : undefined;
  const scope =
    typeof settings === "object" && settings !== null
      ? (settings as Record<string, unknown>)["packageScope"]
      : undefined;
  if (scope === undefined) return { kind: "scope", scope: defaultPackageScope };
  if (typeof scope === "string" && scopePattern.test(scope)) return { kind: "scope", scope };
  return { kind: "invalid", given: JSON.stringify(scope) };
}
