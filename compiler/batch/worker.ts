// A batch worker thread: loads the built evaluator once, then answers each chunk of lines the main
// thread sends (worker-pool.ts) with the chunk's output, one JSON line per input line, and its tally.
// An evaluator that fails on a line with anything but an input error ends the thread: a bug is not
// an answer, and the pool ends the run with the error.

import { parentPort, workerData } from "node:worker_threads";
import { loadEvaluator } from "../cli/load-evaluator.js";
import { answerLine } from "./answer-line.js";
import { countAnswer, emptyTally } from "./tally.js";
import type { ChunkRequest, ChunkResult, WorkerSetup } from "./worker-messages.js";

const setup = workerData as WorkerSetup;
const port = parentPort;
if (port === null) throw new Error("compiler/batch/worker.js runs as a worker thread of policyc eval-batch");

const evaluator = await loadEvaluator(setup.root, setup.policy);
const options = { trace: setup.trace };
const encoder = new TextEncoder();

port.on("message", (request: ChunkRequest) => {
  const tally = emptyTally();
  const answers: string[] = [];
  const dropped = new Map(request.dropped.map((line) => [line.index, line.characters]));
  request.texts.forEach((text, index) => {
    const characters = dropped.get(index);
    const line = { text, number: request.firstLine + index, ...(characters !== undefined && { dropped: characters }) };
    const answer = answerLine(line, setup.kind, evaluator, options);
    countAnswer(tally, answer);
    answers.push(answer.json);
  });
  // NOTE: encoded here and its buffer handed over, not copied: a chunk's answers run to a megabyte,
  // and cloning them cost the worker an eighth of its time; the main thread writes the bytes as they are.
  const output = encoder.encode(`${answers.join("\n")}\n`);
  const result: ChunkResult = { id: request.id, output, tally };
  port.postMessage(result, [output.buffer]);
});
