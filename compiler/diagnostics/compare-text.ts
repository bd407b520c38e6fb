// Ordering text by code point: the same on every machine, whatever its locale (unlike localeCompare),
// so that generated output and diagnostics never depend on where they were produced.

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
