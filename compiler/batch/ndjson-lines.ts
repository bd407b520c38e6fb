// Splits a byte stream (a file or stdin) into its lines, as the batch mode reads NDJSON: one chunk of
// the stream at a time, so a file of any length is never held whole. The stream is only read as fast
// as the lines are taken (async iteration pauses it), which is the batch's backpressure on its input.
// A line longer than a case could sensibly be is not held either: its text is dropped as it streams
// past, and the line is answered with an error saying so.

/** The longest line the batch reads: far beyond any case's facts, well within a worker's memory. */
export const MAX_LINE_CHARACTERS = 16 * 1024 * 1024;

/** A line of the input: its text (no line break) and its 1-based number. */
export interface InputLine {
  readonly text: string;
  readonly number: number;
  /** For a line longer than the limit: how many characters it had (its text is empty, never read). */
  readonly dropped?: number;
}

/**
 * The lines of `stream`, in order. A line ends at "\n" (a "\r" before it is dropped); the text after
 * the last "\n" is a line when it is not empty, so a file that ends with a line break has no empty
 * last line. A byte order mark at the start is dropped, as some Windows editors write one.
 */
export async function* ndjsonLines(
  stream: AsyncIterable<Buffer | string>,
  onBytes: (count: number) => void = () => {},
  maxLineCharacters = MAX_LINE_CHARACTERS,
): AsyncGenerator<InputLine> {
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  /** Characters of the current line let go because it passed the limit; 0 while it has not. */
  let dropped = 0;
  let number = 0;
  let first = true;
  const line = (rest: string): InputLine => {
    const length = dropped + pending.length + rest.length;
    const answer =
      length > maxLineCharacters
        ? { text: "", number: ++number, dropped: length }
        : { text: withoutCarriageReturn(pending + rest), number: ++number };
    pending = "";
    dropped = 0;
    return answer;
  };
  const carry = (rest: string): void => {
    if (dropped > 0 || pending.length + rest.length > maxLineCharacters) {
      dropped += pending.length + rest.length;
      pending = "";
    } else pending += rest;
  };
  for await (const chunk of stream) {
    onBytes(chunk.length);
    let text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text.length > 0) {
      if (text.startsWith("\uFEFF")) text = text.slice(1);
      first = false;
    }
    let start = 0;
    let end: number;
    while ((end = text.indexOf("\n", start)) !== -1) {
      yield line(text.slice(start, end));
      start = end + 1;
    }
    carry(text.slice(start));
  }
  carry(decoder.decode());
  if (pending.length > 0 || dropped > 0) yield line("");
}

function withoutCarriageReturn(line: string): string {
  return line.endsWith("\r") ? line.slice(0, -1) : line;
}
