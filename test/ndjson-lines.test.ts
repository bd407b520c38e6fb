// The batch's line reader: lines across chunk boundaries, CRLF, a byte order mark, and a line longer
// than the limit, which is let go as it streams past and answered with an error naming its length.

import { describe, expect, it } from "vitest";
import { answerLine } from "../compiler/batch/answer-line.js";
import { MAX_LINE_CHARACTERS, ndjsonLines, type InputLine } from "../compiler/batch/ndjson-lines.js";
import type { LoadedEvaluator } from "../compiler/cli/load-evaluator.js";

/** The chunks as a stream is read: one at a time, asynchronously. */
function toAsync(chunks: readonly Buffer[]): AsyncIterable<Buffer> {
  return {
    [Symbol.asyncIterator]() {
      let index = 0;
      return {
        next: () =>
          Promise.resolve(
            index < chunks.length ? { value: chunks[index++]!, done: false } : { value: undefined, done: true },
          ),
      };
    },
  };
}

async function linesOf(chunks: readonly string[], max?: number): Promise<InputLine[]> {
  const stream = chunks.map((chunk) => Buffer.from(chunk, "utf8"));
  const lines: InputLine[] = [];
  for await (const line of ndjsonLines(toAsync(stream), () => {}, max)) lines.push(line);
  return lines;
}

describe("the batch's lines", () => {
  it("are split across chunks, without their line breaks, a byte order mark or a last empty line", async () => {
    const lines = await linesOf(['\uFEFF{"a":', '1}\r\n{"b"', ':2}\n\n{"c":3}\n']);
    expect(lines).toEqual([
      { text: '{"a":1}', number: 1 },
      { text: '{"b":2}', number: 2 },
      { text: "", number: 3 },
      { text: '{"c":3}', number: 4 },
    ]);
  });

  it("let a line longer than the limit go, keeping its number and length, and read the next one whole", async () => {
    const long = "x".repeat(25);
    const lines = await linesOf([`{"a":1}\n${long.slice(0, 10)}`, long.slice(10), `\n{"b":2}\n${long}`], 20);
    expect(lines).toEqual([
      { text: '{"a":1}', number: 1 },
      { text: "", number: 2, dropped: 25 },
      { text: '{"b":2}', number: 3 },
      { text: "", number: 4, dropped: 25 },
    ]);
  });

  it("answer a line let go with an error naming its length, without calling the evaluator", () => {
    const evaluator = {
      evaluate: () => {
        throw new Error("must not be called");
      },
      checkClaim: () => {
        throw new Error("must not be called");
      },
    } as unknown as LoadedEvaluator;
    const answer = answerLine({ text: "", number: 7, dropped: MAX_LINE_CHARACTERS + 1 }, "decisions", evaluator, {
      trace: false,
    });
    expect(answer.result).toBeUndefined();
    expect(answer.errorFields).toEqual(["(line)"]);
    expect(JSON.parse(answer.json)).toMatchObject({
      line: 7,
      error: { name: "BatchLineError", issues: [{ field: "(line)" }] },
    });
    expect(answer.json).toContain(`is ${MAX_LINE_CHARACTERS + 1} characters long`);
  });
});
