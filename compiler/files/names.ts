// The names policyc accepts from the file system. A policy file's name becomes the name of its folder
// under generated/, of its package export and of its page in the site; folders under policy/ appear in
// diagnostics and generated headers. So they keep to one small alphabet that is safe in a path, a URL,
// a comment, Markdown and HTML, and that no case-insensitive file system can fold together.

/** Lower-case letters and digits, in words joined by single hyphens or underscores. */
const safeName = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
const maxNameLength = 64;

/** The rule in words, for diagnostics and usage errors. */
export const safeNameRule = `lower-case letters and digits, in words joined by single hyphens or underscores, at most ${maxNameLength} characters (such as \`abc-cp-1\`)`;
export const safeDottedNameRule = `lower-case letters and digits, in words joined by single hyphens, underscores or dots, at most ${maxNameLength} characters (such as \`abc-cp-1.claims\`)`;

/** Whether `name` (a policy file's name without `.policy`, or a folder name) keeps to the safe alphabet. */
export function isSafeName(name: string): boolean {
  return name.length <= maxNameLength && safeName.test(name);
}

/** Safe names joined by single dots (`wnc-cp-224.claims`): a case file's name, which names no folder. */
export function isSafeDottedName(name: string): boolean {
  return name.length <= maxNameLength && name.split(".").every((part) => safeName.test(part));
}

/**
 * A path as it may be shown in a terminal, a diagnostic or a report: as it is when every character is
 * printable and harmless, else quoted with JSON escapes, so a newline, an escape sequence or a
 * right-to-left mark in a file name can never forge or hide output.
 */
export function displayPath(path: string): string {
  return /^[A-Za-z0-9_.\-/ ]*$/.test(path) ? path : quotedName(path);
}

/** A name in double quotes, every character outside printable ASCII escaped (`"x\\ny"`, `"\\u202e"`). */
export function quotedName(name: string): string {
  return JSON.stringify(name).replace(
    /[\u007f-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Control characters, and the marks that turn text right to left. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds.
const unprintable = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A line from another program (git's stderr) for our own output: control characters shown as escapes. */
export function printableLine(text: string): string {
  return text.replace(unprintable, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
