// `policyc serve [--port 3000] [--host 127.0.0.1] [--canonical-base URL]`: the CDS Hooks service of
// every built policy with a FHIR mapping (compiler/serve/), until SIGTERM or SIGINT, on which it stops
// accepting, finishes the requests in flight and exits 0.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crdName } from "../fhir/crd.js";
import { CdsServer, defaultBodyLimit } from "../serve/http-server.js";
import { loadServedPolicies } from "../serve/served-policy.js";
import { CliError, exitCodes } from "./exit-codes.js";

export interface ServeOptions {
  readonly port: string | undefined;
  readonly host: string | undefined;
  readonly canonicalBase: string | undefined;
}

/** The canonical base of the policies' FHIR artifacts when none is given. */
export const defaultCanonicalBase = "http://example.org/fhir";

function portOf(text: string | undefined): number {
  if (text === undefined) return 3000;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535)
    throw new CliError(`--port is a number from 0 to 65535, not "${text}".`, exitCodes.usage);
  return port;
}

function versionOf(root: string): string {
  try {
    const parsed = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version?: unknown };
    return typeof parsed.version === "string" ? parsed.version : "unknown";
  } catch {
    return "unknown";
  }
}

export async function serveCommand(root: string, options: ServeOptions): Promise<number> {
  const port = portOf(options.port);
  const canonicalBase = (options.canonicalBase ?? defaultCanonicalBase).replace(/\/+$/, "");
  if (!/^https?:\/\/[^\s]+$/.test(canonicalBase))
    throw new CliError(`--canonical-base is an http(s) URL, not "${canonicalBase}".`, exitCodes.usage);
  const { policies, skipped } = await loadServedPolicies(root);
  for (const reason of skipped)
    process.stderr.write(`${JSON.stringify({ level: "warn", message: `not served: ${reason}` })}\n`);
  if (policies.length === 0)
    throw new CliError(
      "No built policy declares a FHIR mapping: run `npm run build` (and add a `fhir` block).",
      exitCodes.notBuilt,
    );
  const server = new CdsServer(policies, {
    port,
    host: options.host ?? "127.0.0.1",
    bodyLimit: defaultBodyLimit,
    canonicalBase,
    version: versionOf(root),
    today: () => new Date().toISOString().slice(0, 10),
  });
  const listening = await server.listen();
  process.stderr.write(
    `${JSON.stringify({
      level: "info",
      message: `serving ${policies.map((p) => p.reference).join(", ")} on http://${options.host ?? "127.0.0.1"}:${listening} (${crdName})`,
      port: listening,
    })}\n`,
  );
  return new Promise<number>((resolve) => {
    const stop = (signal: string): void => {
      process.stderr.write(
        `${JSON.stringify({ level: "info", message: `${signal}: finishing requests in flight` })}\n`,
      );
      server.close().then(
        () => resolve(exitCodes.ok),
        () => resolve(exitCodes.ok),
      );
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
}
