// The batch's progress bar on stderr: lines done and lines per second, with a bar when the input's
// size is known (a file). Redrawn at most ten times a second, on one line, and only on a terminal:
// a log or a pipe gets the summary alone.

export interface Progress {
  /** Lines written so far, and bytes of the input read so far. */
  update(lines: number, bytesRead: number): void;
  /** Clears the bar, so that the summary starts on a clean line. */
  finish(): void;
}

const silent: Progress = { update: () => {}, finish: () => {} };
const width = 30;
const number = new Intl.NumberFormat("en-US");

export function progressBar(
  stream: NodeJS.WriteStream,
  totalBytes: number | undefined,
  now: () => number = () => performance.now(),
): Progress {
  if (!stream.isTTY) return silent;
  const started = now();
  let drawn = -Infinity;
  return {
    update(lines, bytesRead) {
      const at = now();
      if (at - drawn < 100) return;
      drawn = at;
      const perSecond = Math.round(lines / Math.max((at - started) / 1000, 0.001));
      const counts = `${number.format(lines)} lines, ${number.format(perSecond)} lines/s`;
      if (totalBytes === undefined || totalBytes === 0) {
        stream.write(`\r\x1b[K${counts}`);
        return;
      }
      const share = Math.min(bytesRead / totalBytes, 1);
      const filled = Math.round(share * width);
      stream.write(
        `\r\x1b[K[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${Math.floor(share * 100)}% ${counts}`,
      );
    },
    finish() {
      stream.write("\r\x1b[K");
    },
  };
}
