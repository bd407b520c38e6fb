// Splits a byte stream (a file or stdin) into its lines, as the batch mode reads NDJSON: one chunk of
// the stream at a time, so a file of any length is never held whole. The stream is only read as fast
// as the lines are taken (async iteration pauses it), which is the batch's backpressure on its input.

/** A line of the input: its text (no line break) and its 1-based number. */
export interface InputLine {
  readonly text: string;
  readonly number: number;
}

/**
 * The lines of `stream`, in order. A line ends at "\n" (a "\r" before it is dropped); the text after
 * the last "\n" is a line when it is not empty, so a file that ends with a line break has no empty
 * last line. A byte order mark at the start is dropped, as some Windows editors write one.
 */
export async function* ndjsonLines(
  stream: AsyncIterable<Buffer | string>,
  onBytes: (count: number) => void = () => {},
): AsyncGenerator<InputLine> {
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  let number = 0;
  let first = true;
  for await (const chunk of stream) {
    onBytes(chunk.length);
    let text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.startsWith("\uFEFF")) text = text.slice(1);
      first = false;
    }
    let start = 0;
    let end = text.indexOf("\n");
    if (end === -1) {
      pending += text;
      continue;
    }
    // The first line of this chunk completes the text carried over from the previous one.
    yield { text: withoutCarriageReturn(pending + text.slice(0, end)), number: ++number };
    pending = "";
    start = end + 1;
    while ((end = text.indexOf("\n", start)) !== -1) {
      yield { text: withoutCarriageReturn(text.slice(start, end)), number: ++number };
      start = end + 1;
    }
    pending = text.slice(start);
  }
  pending += decoder.decode();
  if (pending.length > 0) yield { text: withoutCarriageReturn(pending), number: ++number };
}

function withoutCarriageReturn(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}
