// Object literals for generated tables, printed so that prettier keeps each entry expanded, one field
// per line (it keeps an object expanded when its first field starts a new line): adding an entry or a
// field then adds lines and never re-wraps its neighbours. Values nested inside stay compact.

/** A field whose value is already code (a closure, a constant's name). */
export interface CodeField {
  readonly name: string;
  readonly code: string;
}

/** `{` newline, one `name: code,` per field, `}`. */
export function expandedObject(fields: readonly CodeField[]): string {
  return `{\n${fields.map((field) => `${field.name}: ${field.code},`).join("\n")}\n}`;
}

/** Data as a compact literal: JSON is valid TypeScript, and prettier gives it the project's style. */
export function data(value: unknown): string {
  return JSON.stringify(value);
}

/** `[` newline, one item per line, `]`: each item of a table on lines of its own. */
export function expandedList(items: readonly string[]): string {
  return items.length === 0 ? "[]" : `[\n${items.map((item) => `${item},`).join("\n")}\n]`;
}
