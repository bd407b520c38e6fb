// `policyc serve` over node:http: the CDS Hooks routes (GET /cds-services, POST /cds-services/<id>),
// GET /health, a body limit (413), a 400 OperationOutcome for anything that is not a request it can
// read, one JSON line on stderr per request (request id, method, route, status, duration), and a
// graceful close (stop accepting, finish what is in flight). No framework: the routes are few.

import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { crdVersion } from "../fhir/crd.js";
import { badRequest, callService, cdsServices, discovery, notFound, type ServiceOptions } from "./cds-hooks.js";
import { operationOutcome } from "./operation-outcome.js";
import type { ServedPolicy } from "./served-policy.js";

export interface ServerOptions extends ServiceOptions {
  readonly port: number;
  readonly host: string;
  /** The largest request body read, in bytes; a larger one is refused with 413. */
  readonly bodyLimit: number;
  /** The compiler's version, shown by /health. */
  readonly version: string;
  /** Where each log line goes (one JSON object per line); stderr by default. */
  readonly log?: (line: Readonly<Record<string, unknown>>) => void;
}

export const defaultBodyLimit = 1024 * 1024;

interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly route: string;
}

class BodyTooLarge extends Error {}

/** The service id of a path segment; a malformed escape (`%zz`) names no service. */
function serviceId(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The body as text, refusing one over `limit` bytes as soon as it passes the limit. */
function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers["content-length"] ?? "0");
    if (declared > limit) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

export class CdsServer {
  private readonly server: Server;
  private readonly services;
  private readonly log: (line: Readonly<Record<string, unknown>>) => void;

  constructor(
    private readonly policies: readonly ServedPolicy[],
    private readonly options: ServerOptions,
  ) {
    this.services = new Map(cdsServices(policies).map((service) => [service.id, service]));
    this.log = options.log ?? ((line) => process.stderr.write(`${JSON.stringify(line)}\n`));
    this.server = createServer((request, response) => void this.handle(request, response));
    // A client that sends a body slowly cannot hold the service: the whole request must come in 30 s.
    this.server.requestTimeout = 30_000;
  }

  /** Starts listening; resolves with the port (the one the system chose, for port 0). */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off("error", reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  /** Stops accepting connections, lets requests in flight finish, then resolves. */
  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeIdleConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    let reply: Reply;
    try {
      reply = await this.route(request);
    } catch (error) {
      this.log({ level: "error", requestId, message: error instanceof Error ? error.message : String(error) });
      reply = {
        status: 500,
        route: "(error)",
        body: operationOutcome([{ code: "exception", message: "The service failed on this request." }]),
      };
    }
    const json = JSON.stringify(reply.body);
    const isOutcome = reply.status >= 400;
    response.writeHead(reply.status, {
      "content-type": isOutcome ? "application/fhir+json" : "application/json",
      "content-length": Buffer.byteLength(json),
      "x-request-id": requestId,
      "access-control-allow-origin": "*",
      ...(reply.status === 413 && { connection: "close" }),
    });
    response.end(json);
    this.log({
      level: "info",
      time: new Date().toISOString(),
      requestId,
      method: request.method,
      route: reply.route,
      status: reply.status,
      durationMs: Number(process.hrtime.bigint() - started) / 1e6,
    });
  }

  private async route(request: IncomingMessage): Promise<Reply> {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    const method = request.method ?? "GET";
    if (path === "/health" && method === "GET") return { status: 200, route: "/health", body: this.health() };
    if (path === "/cds-services" && method === "GET")
      return { status: 200, route: "/cds-services", body: discovery([...this.services.values()]) };
    const match = /^\/cds-services\/([^/]+)$/.exec(path);
    if (match && method === "POST") return this.call(request, serviceId(match[1] ?? ""));
    const known = path === "/health" || path === "/cds-services" || match !== null;
    return known
      ? {
          status: 405,
          route: path,
          body: operationOutcome([{ code: "not-found", message: `${method} is not allowed on ${path}.` }]),
        }
      : { status: 404, route: "(unknown)", body: notFound(`No route ${path}.`).body };
  }

  private async call(request: IncomingMessage, id: string): Promise<Reply> {
    const route = "/cds-services/{id}";
    const service = this.services.get(id);
    if (!service) {
      request.resume();
      return { status: 404, route, body: notFound(`No CDS service ${id}: GET /cds-services lists them.`).body };
    }
    let text: string;
    try {
      text = await readBody(request, this.options.bodyLimit);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      return {
        status: 413,
        route,
        body: operationOutcome([
          { code: "too-long", message: `The request body is larger than ${this.options.bodyLimit} bytes.` },
        ]),
      };
    }
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch (error) {
      return {
        status: 400,
        route,
        body: badRequest([{ code: "structure", message: `The body is not JSON: ${(error as Error).message}` }]).body,
      };
    }
    const answer = callService(service, body, this.options);
    return { status: answer.status, route, body: answer.body };
  }

  private health(): Record<string, unknown> {
    return {
      status: "ok",
      version: this.options.version,
      crd: crdVersion,
      policies: this.policies.map((policy) => ({
        reference: policy.reference,
        slug: policy.slug,
        services: [...this.services.values()].filter((s) => s.policy === policy).map((s) => s.id),
      })),
    };
  }
}
