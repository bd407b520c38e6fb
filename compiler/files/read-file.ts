// Reading one file that policyc was pointed at, as untrusted input: only a regular file, never through
// a symbolic link, never a folder, a FIFO (which would hang the read) or a device, and never a file
// larger than policyc could sensibly hold.

import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";

/** Policy, case and published text files are far smaller; this only keeps a mistake from exhausting memory. */
export const maxFileBytes = 32 * 1024 * 1024;

/** Why a file was not read; diagnostics/message-arguments.ts says it in words. */
export type Refusal =
  | { readonly kind: "link" | "folder" | "special" }
  | { readonly kind: "tooLarge"; readonly megabytes: number }
  | { readonly kind: "unopenable" | "unreadable"; readonly errorCode: string };

export type FileRead =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "missing" }
  | { readonly kind: "refused"; readonly refusal: Refusal };

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

/**
 * The text of the regular file at `path`. NOTE: opened with O_NOFOLLOW and O_NONBLOCK, then checked
 * with fstat on the open descriptor, so a file swapped for a link or a FIFO between a check and the
 * read is refused all the same.
 */
export function readRegularFile(path: string): FileRead {
  let descriptor: number;
  try {
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") return { kind: "missing" };
    if (code === "ELOOP") return { kind: "refused", refusal: { kind: "link" } };
    return { kind: "refused", refusal: { kind: "unopenable", errorCode: code ?? "unknown error" } };
  }
  try {
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) return { kind: "refused", refusal: { kind: "folder" } };
    if (!stats.isFile()) return { kind: "refused", refusal: { kind: "special" } };
    if (stats.size > maxFileBytes)
      return { kind: "refused", refusal: { kind: "tooLarge", megabytes: maxFileBytes / (1024 * 1024) } };
    return { kind: "text", text: readFileSync(descriptor, "utf8") };
  } catch (error) {
    return { kind: "refused", refusal: { kind: "unreadable", errorCode: errorCode(error) ?? "unknown error" } };
  } finally {
    closeSync(descriptor);
  }
}
