// Formatting the benchmark's figures: units, a compact aligned table, and PASS or MISS per target.

/** "3.6 ms", "180 ms", "1.25 s", "30.2 s". */
export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

/** Megabytes above one, bytes below. */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Math.abs(mb) >= 1 ? `${mb.toFixed(1)} MB` : `${formatCount(bytes)} B`;
}

/** A whole number with thousands separators: "238,094". */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

/** The smallest and largest of `values`: "154 ms to 250 ms". */
export function formatRange(values: readonly number[], format: (value: number) => string): string {
  return `${format(Math.min(...values))} to ${format(Math.max(...values))}`;
}

/** Rows of cells, each column padded to its widest cell; a row of one cell is a heading. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) {
    if (row.length < 2) continue;
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  }
  return rows
    .map((row) =>
      (row.length < 2
        ? row.join("")
        : row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("   ")
      ).trimEnd(),
    )
    .join("\n");
}

export interface Target {
  readonly name: string;
  readonly met: boolean;
  /** The measured figure, as printed. */
  readonly figure: string;
}

/** One table row per target: its name, PASS or MISS, and the figure measured. */
export function targetRows(targets: readonly Target[]): string[][] {
  return targets.map((target) => [`  ${target.name}`, target.met ? "PASS" : "MISS", target.figure]);
}
