// Graceful shutdown: closing the service stops new connections but finishes a request in flight;
// and `policyc serve`, run as a user would in a scratch project built from the FHIR mapping fixture,
// serves on the port it is given (0: any), and exits 0 on SIGTERM.

import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planBuild, writeBuild } from "../../compiler/build/build.js";
import { hasErrors } from "../../compiler/diagnostics/diagnostic.js";
import { CdsServer } from "../../compiler/serve/http-server.js";
import { hookRequest } from "../support/cds-requests.js";
import { compileGenerated } from "../support/cli.js";
import { projectRoot } from "../support/evaluators.js";
import { servedFixture, type ServedFixture } from "../support/served-fixture.js";

let fixture: ServedFixture;

beforeAll(async () => {
  fixture = await servedFixture();
});

afterAll(() => fixture.dispose());

/** POSTs `body` in two halves, calling `between` after the first: the response's status and body. */
function postInHalves(
  port: number,
  path: string,
  body: string,
  between: () => void,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
      },
    );
    call.on("error", reject);
    const half = Math.floor(body.length / 2);
    call.write(body.slice(0, half), () => {
      between();
      setTimeout(() => call.end(body.slice(half)), 100);
    });
  });
}

describe("graceful shutdown", () => {
  it("finishes the request in flight, then refuses new connections", async () => {
    const server = new CdsServer([fixture.policy], {
      port: 0,
      host: "127.0.0.1",
      bodyLimit: 64 * 1024,
      canonicalBase: "https://policies.example.org/fhir",
      version: "test",
      today: () => "2025-06-01",
      log: () => undefined,
    });
    const port = await server.listen();
    const body = JSON.stringify(
      hookRequest({ orders: [{ id: "sr-1", code: "S9325", date: "2025-06-02" }], conditions: [] }),
    );
    let closed: Promise<void> | undefined;
    const answer = await postInHalves(port, "/cds-services/fhir-mapping-order-sign", body, () => {
      closed = server.close();
    });
    expect(answer.status).toBe(200);
    expect((JSON.parse(answer.text) as { cards: unknown[] }).cards).toHaveLength(1);
    await closed;
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });
});

describe("policyc serve", () => {
  let root: string;

  beforeAll(async () => {
    mkdirSync(join(projectRoot, ".tmp"), { recursive: true });
    root = mkdtempSync(join(projectRoot, ".tmp", "serve-"));
    writeFileSync(join(root, "package.json"), '{ "type": "module", "version": "9.9.9" }\n');
    cpSync(join(projectRoot, "test/fixtures/fhir-mapping"), join(root, "policy"), { recursive: true });
    const plan = await planBuild(root);
    if (hasErrors(plan.diagnostics)) throw new Error(plan.diagnostics.map((d) => d.message).join("\n"));
    writeBuild(root, plan);
    compileGenerated(root);
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("serves the built policies on the port it reports, and exits 0 on SIGTERM", async () => {
    const child = spawn(process.execPath, [join(projectRoot, "dist/compiler/cli.js"), "serve", "--port", "0"], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    let stderr = "";
    const port = await new Promise<number>((resolve, reject) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString("utf8");
        const found = /"port":(\d+)/.exec(stderr);
        if (found?.[1] !== undefined) resolve(Number(found[1]));
      });
      child.on("exit", () => reject(new Error(`policyc serve exited early: ${stderr}`)));
    });
    const health = (await (await fetch(`http://127.0.0.1:${port}/health`)).json()) as Record<string, unknown>;
    expect(health["version"]).toBe("9.9.9");
    expect(health["policies"]).toEqual([
      {
        reference: "FIX.FHIR.1",
        slug: "fhir-mapping",
        services: ["fhir-mapping-order-sign", "fhir-mapping-order-select"],
      },
    ]);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    // Each request logged as one JSON line.
    const lines = stderr
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.some((line) => line["route"] === "/health" && line["status"] === 200)).toBe(true);
  });
});
