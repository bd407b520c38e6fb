// Where each line of a source text starts, found in one pass, so that the text of any line is a
// slice rather than a split of the whole text. Lines end as the lexer counts them: at "\n", "\r\n"
// or a lone "\r", so that a line number in a span always names the line the renderer shows.

export class LineIndex {
  /** How many indexes were built since the process started: tests read it to count passes over a text. */
  static built = 0;

  /** Offsets where lines start; the first is 0. */
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    LineIndex.built++;
    for (let offset = 0; offset < text.length; offset++) {
      const code = text.charCodeAt(offset);
      if (code === 10) this.starts.push(offset + 1);
      else if (code === 13) {
        if (text.charCodeAt(offset + 1) === 10) offset++;
        this.starts.push(offset + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The text of line `line` (from 1) without its line end, or "" past the last line. */
  line(line: number): string {
    const start = this.starts[line - 1];
    if (start === undefined) return "";
    const next = this.starts[line];
    if (next === undefined) return this.text.slice(start);
    const end = this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
    return this.text.slice(start, end);
  }
}
