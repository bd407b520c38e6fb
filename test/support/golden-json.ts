// Stable, readable JSON for golden files of the compiler's intermediate forms (the AST, the model):
// fields in the order the compiler wrote them (source order), every source span printed compactly as
// `line:column-endLine:endColumn`, and laid out by prettier with the project's options, so that the
// files are the same on every machine and `prettier --check` leaves them alone.

import prettier from "prettier";

const spanKeys = ["offset", "endOffset", "line", "column", "endLine", "endColumn"];

function isSpan(value: object): value is { line: number; column: number; endLine: number; endColumn: number } {
  const keys = Object.keys(value);
  return (
    keys.length === spanKeys.length &&
    spanKeys.every((key) => typeof (value as Record<string, unknown>)[key] === "number")
  );
}

/** `value` as golden JSON, for the file at `path` (whose prettier options it takes). */
export async function goldenJson(value: unknown, path: string): Promise<string> {
  const json = JSON.stringify(value, (_key, field: unknown) =>
    typeof field === "object" && field !== null && !Array.isArray(field) && isSpan(field)
      ? `${field.line}:${field.column}-${field.endLine}:${field.endColumn}`
      : field,
  );
  const options = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(json, { ...options, filepath: path, parser: "json" });
}
