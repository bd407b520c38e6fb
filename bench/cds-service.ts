// The CDS Hooks service under load: `policyc serve` started as an integrator starts it (the built CLI,
// every built policy, port 0), then 100 concurrent clients send order-sign requests for WNC.CP.224 for
// a few seconds, with malformed requests mixed in (not JSON, another hook, a birth date that is no
// date). Reports requests per second and p50/p99 latency; a correctness failure when a good request is
// not answered 200 with a card, a malformed one not 400, or the service is not healthy afterwards.

import { spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { join } from "node:path";
import { BenchFailure } from "./failure.js";
import { nowMs } from "./measure.js";
import { formatCount, formatMs, type Target } from "./report.js";

const CLIENTS = 100;
const DURATION_MS = 4_000;
/** One request in this many is malformed. */
const MALFORMED_EVERY = 10;
// 100 clients on the same machine as the service (shared cores): a p99 of a few round trips of the queue.
const p99TargetMs = 500;

export interface ServiceLoad {
  readonly requests: number;
  readonly malformed: number;
  readonly seconds: number;
  readonly latencies: readonly number[];
}

const hcpcs = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";

function orderSign(index: number, birthDate: string): string {
  const code = ["S9494", "S9329", "S9325", "T1030"][index % 4] ?? "S9494";
  return JSON.stringify({
    hook: "order-sign",
    hookInstance: `bench-${index}`,
    context: {
      userId: "Practitioner/bench",
      patientId: "pat-1",
      draftOrders: {
        resourceType: "Bundle",
        type: "collection",
        entry: [
          {
            resource: {
              resourceType: "ServiceRequest",
              id: `sr-${index}`,
              status: "draft",
              intent: "order",
              subject: { reference: "Patient/pat-1" },
              occurrenceDateTime: "2025-06-02",
              code: { coding: [{ system: hcpcs, code }] },
            },
          },
        ],
      },
    },
    prefetch: {
      patient: { resourceType: "Patient", id: "pat-1", birthDate },
      coverage: {
        resourceType: "Coverage",
        id: "cov-1",
        status: "active",
        beneficiary: { reference: "Patient/pat-1" },
        payor: [{ display: "WellCare of North Carolina" }],
        period: { start: "2024-01-01" },
      },
    },
  });
}

/** Each malformed request in turn: not JSON, another hook's request, a birth date that is no date. */
function malformed(index: number): string {
  switch (index % 3) {
    case 0:
      return '{ "hook": "order-sign", ';
    case 1:
      return orderSign(index, "1980-04-12").replace('"order-sign"', '"patient-view"');
    default:
      return orderSign(index, "1980-02-30");
  }
}

function post(agent: Agent, port: number, path: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const call = request(
      { agent, host: "127.0.0.1", port, path, method: "POST", headers: { "content-type": "application/json" } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    call.on("error", reject);
    call.end(body);
  });
}

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ host: "127.0.0.1", port, path }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    })
      .on("error", reject)
      .end();
  });
}

/** Starts `policyc serve --port 0` in `root`; resolves with its port and a stop that sends SIGTERM and awaits exit 0. */
async function startService(root: string): Promise<{ port: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [join(root, "dist/compiler/cli.js"), "serve", "--port", "0"], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let stderr = "";
  const port = await new Promise<number>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      // Only the start line is kept: the request log lines are read by nobody here.
      if (stderr.length < 10_000) stderr += chunk.toString("utf8");
      const found = /"port":(\d+)/.exec(stderr);
      if (found?.[1] !== undefined) resolve(Number(found[1]));
    });
    child.on("exit", () => reject(new BenchFailure(`policyc serve exited before listening: ${stderr}`)));
  });
  return {
    port,
    stop: async () => {
      child.kill("SIGTERM");
      const code = await exited;
      if (code !== 0) throw new BenchFailure(`policyc serve exited ${String(code)} on SIGTERM, not 0`);
    },
  };
}

export async function loadService(root: string): Promise<ServiceLoad> {
  const service = await startService(root);
  try {
    const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
    const path = "/cds-services/wnc-cp-224-order-sign";
    const latencies: number[] = [];
    let sent = 0;
    let malformedSent = 0;
    const started = nowMs();
    const client = async (): Promise<void> => {
      while (nowMs() - started < DURATION_MS) {
        const index = sent++;
        const bad = index % MALFORMED_EVERY === MALFORMED_EVERY - 1;
        const body = bad ? malformed(index) : orderSign(index, "1980-04-12");
        const start = nowMs();
        const answer = await post(agent, service.port, path, body);
        if (bad) {
          malformedSent++;
          if (answer.status !== 400 || !answer.body.includes('"OperationOutcome"'))
            throw new BenchFailure(`a malformed request was answered ${answer.status}: ${answer.body.slice(0, 200)}`);
        } else {
          latencies.push(nowMs() - start);
          if (answer.status !== 200 || !answer.body.includes('"cards":[{'))
            throw new BenchFailure(`an order-sign request was answered ${answer.status}: ${answer.body.slice(0, 200)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    const seconds = (nowMs() - started) / 1000;
    agent.destroy();
    const health = await get(service.port, "/health");
    if (health !== 200) throw new BenchFailure(`the service is not healthy after the load: /health answered ${health}`);
    return { requests: sent, malformed: malformedSent, seconds, latencies };
  } finally {
    await service.stop();
  }
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? NaN;
}

export function serviceRows(load: ServiceLoad): string[][] {
  return [
    [`CDS Hooks service (policyc serve, WNC.CP.224 order-sign, ${CLIENTS} concurrent clients)`, "figure"],
    ["  requests per second (good and malformed)", `${formatCount(load.requests / load.seconds)} /s`],
    ["  order-sign latency p50", formatMs(percentile(load.latencies, 0.5))],
    ["  order-sign latency p99", formatMs(percentile(load.latencies, 0.99))],
    [
      `  malformed requests answered 400 under load`,
      `${formatCount(load.malformed)} of ${formatCount(load.requests)}; healthy after, exit 0 on SIGTERM`,
    ],
  ];
}

export function serviceTargets(load: ServiceLoad): Target[] {
  const p99 = percentile(load.latencies, 0.99);
  return [
    {
      name: `order-sign p99 under ${p99TargetMs} ms with ${CLIENTS} clients`,
      met: p99 < p99TargetMs,
      figure: formatMs(p99),
    },
  ];
}
