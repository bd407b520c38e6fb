// The CDS Hooks service over HTTP on the loopback, with the FHIR mapping fixture: discovery, order-sign
// covered / not covered / pending (info-needed and the DTR questionnaire), order-select, an order the
// policy does not apply to, bad requests answered 400 with an OperationOutcome, 404, 413, health and
// the structured log. Every FHIR resource the service writes is validated against the FHIR R4 JSON
// schema, every response against the CDS Hooks 2.0 response schema (support/cds-hooks-response.schema.json),
// and every coverage-information extension against CRD STU 2.1's invariants.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import type * as fhir4 from "fhir/r4.js";
import { Ajv } from "ajv";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokenInvariants } from "../../compiler/fhir/crd-invariants.js";
import { coverageInformationUrl } from "../../compiler/fhir/crd.js";
import type { CdsResponse } from "../../compiler/serve/cds-hooks.js";
import { CdsServer } from "../../compiler/serve/http-server.js";
import { hookRequest, hcpcs } from "../support/cds-requests.js";
import { projectRoot } from "../support/evaluators.js";
import { fhirSchemaErrors } from "../support/fhir-schema.js";
import { servedFixture, type ServedFixture } from "../support/served-fixture.js";

const canonicalBase = "https://policies.example.org/fhir";
const today = "2025-06-01";
const signUrl = "/cds-services/fhir-mapping-order-sign";

const responseSchema = new Ajv({ strict: false, allErrors: true }).compile(
  JSON.parse(readFileSync(join(projectRoot, "test/support/cds-hooks-response.schema.json"), "utf8")) as object,
);

let fixture: ServedFixture;
let server: CdsServer;
let base: string;
const logLines: Readonly<Record<string, unknown>>[] = [];

beforeAll(async () => {
  fixture = await servedFixture();
  server = new CdsServer([fixture.policy], {
    port: 0,
    host: "127.0.0.1",
    bodyLimit: 64 * 1024,
    canonicalBase,
    version: "test",
    today: () => today,
    log: (line) => void logLines.push(line),
  });
  base = `http://127.0.0.1:${await server.listen()}`;
  // Compile the FHIR schema once, before the tests time themselves.
  expect(fhirSchemaErrors({ resourceType: "Patient" })).toEqual([]);
});

afterAll(async () => {
  await server.close();
  fixture.dispose();
});

async function post(path: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

/** A 200 answer, held to the CDS Hooks response schema, its resources to the FHIR schema and CRD's invariants. */
async function sign(body: unknown, path = signUrl): Promise<CdsResponse> {
  const { status, json } = await post(path, body);
  expect(status, JSON.stringify(json)).toBe(200);
  expect(responseSchema(json), JSON.stringify(responseSchema.errors)).toBe(true);
  const response = json as CdsResponse;
  for (const action of response.systemActions ?? []) {
    expect(fhirSchemaErrors(action.resource)).toEqual([]);
    for (const extension of coverageExtensions(action.resource)) expect(brokenInvariants(extension)).toEqual([]);
  }
  return response;
}

/** A 400 answer: an OperationOutcome valid against the FHIR schema; its issues' expressions. */
async function refused(body: unknown, path = signUrl): Promise<string[]> {
  const { status, json } = await post(path, body);
  expect(status).toBe(400);
  expect(fhirSchemaErrors(json)).toEqual([]);
  const outcome = json as fhir4.OperationOutcome;
  expect(outcome.resourceType).toBe("OperationOutcome");
  expect(outcome.issue.length).toBeGreaterThan(0);
  return outcome.issue.flatMap((issue) => issue.expression ?? []);
}

function coverageExtensions(resource: { extension?: fhir4.Extension[] }): fhir4.Extension[] {
  return (resource.extension ?? []).filter((extension) => extension.url === coverageInformationUrl);
}

/** The one coverage-information extension of the one system action, as `{ part: [values] }`. */
function coverageParts(response: CdsResponse): Map<string, unknown[]> {
  expect(response.systemActions).toHaveLength(1);
  const [action] = response.systemActions ?? [];
  const [extension] = coverageExtensions(action?.resource ?? {});
  const parts = new Map<string, unknown[]>();
  for (const part of extension?.extension ?? []) {
    const value: unknown = Object.entries(part).find(([key]) => key.startsWith("value"))?.[1];
    parts.set(part.url, [...(parts.get(part.url) ?? []), value]);
  }
  return parts;
}

describe("discovery", () => {
  it("lists one service per policy and hook, with prefetch templates", async () => {
    const response = await fetch(`${base}/cds-services`);
    expect(response.status).toBe(200);
    const json = (await response.json()) as {
      services: { id: string; hook: string; prefetch: Record<string, string> }[];
    };
    expect(json.services.map((service) => [service.id, service.hook])).toEqual([
      ["fhir-mapping-order-sign", "order-sign"],
      ["fhir-mapping-order-select", "order-select"],
    ]);
    for (const service of json.services) {
      expect(service.prefetch["patient"]).toBe("Patient/{{context.patientId}}");
      expect(service.prefetch["coverage"]).toContain("Coverage?patient={{context.patientId}}");
      // The fixture reads a fact from a Condition in a value set, so the service asks for them.
      expect(service.prefetch["conditions"]).toContain("Condition?patient={{context.patientId}}");
    }
  });
});

describe("order-sign", () => {
  it("covers pain management from FHIR alone: covered, no prior approval, the billing code", async () => {
    const response = await sign(
      hookRequest({ orders: [{ id: "sr-1", code: "S9325", date: "2025-06-02" }], conditions: [] }),
    );
    expect(response.cards).toHaveLength(1);
    expect(response.cards[0]?.summary).toBe("FIX.FHIR.1 Home Infusion Therapy: covered");
    expect(response.cards[0]?.indicator).toBe("info");
    expect(response.cards[0]?.source.url).toBe(`${canonicalBase}/policy/fhir-mapping`);
    const parts = coverageParts(response);
    expect(parts.get("covered")).toEqual(["covered"]);
    expect(parts.get("pa-needed")).toEqual(["no-auth"]);
    expect(parts.get("billingCode")).toEqual([{ system: hcpcs, code: "S9325" }]);
    expect(parts.get("coverage")).toEqual([{ reference: "Coverage/cov-1" }]);
    expect(parts.get("date")).toEqual([today]);
    expect(parts.has("info-needed")).toBe(false);
    expect(parts.has("doc-needed")).toBe(false);
    expect(parts.has("questionnaire")).toBe(false);
    const [action] = response.systemActions ?? [];
    expect(action?.type).toBe("update");
    expect(action?.resource.id).toBe("sr-1");
  });

  it("denies a member of 65 or more (the age from the Patient on the service date), with the coded reason", async () => {
    const response = await sign(
      hookRequest({
        orders: [{ id: "sr-1", code: "S9325", date: "2025-06-02" }],
        birthDate: "1960-06-02",
        conditions: [],
      }),
    );
    expect(response.cards[0]?.summary).toBe("FIX.FHIR.1 Home Infusion Therapy: not covered");
    const parts = coverageParts(response);
    expect(parts.get("covered")).toEqual(["not-covered"]);
    expect(parts.has("pa-needed")).toBe(false);
    expect(parts.get("reason")).toEqual([
      {
        coding: [
          {
            system: `${canonicalBase}/CodeSystem/fhir-mapping-statements`,
            code: "II.A",
            display: "The member is 65 or older, and Medicare covers the therapy.",
          },
        ],
        text: "The member is 65 or older, and Medicare covers the therapy.",
      },
    ]);
  });

  it("is one day short of 65 the day before the birthday: covered", async () => {
    const response = await sign(
      hookRequest({
        orders: [{ id: "sr-1", code: "S9325", date: "2025-06-01" }],
        birthDate: "1960-06-02",
        conditions: [],
      }),
    );
    expect(coverageParts(response).get("covered")).toEqual(["covered"]);
  });

  it("leaves chemotherapy pending on the fact DTR asks: conditional, info-needed, clinical documentation, the questionnaire", async () => {
    const response = await sign(
      hookRequest({ orders: [{ id: "sr-9", code: "S9329", date: "2025-06-02" }], conditions: ["C50.911"] }),
    );
    expect(response.cards[0]?.summary).toBe("FIX.FHIR.1 Home Infusion Therapy: more information needed");
    expect(response.cards[0]?.detail).toContain("Will a nurse give the therapy?");
    const parts = coverageParts(response);
    expect(parts.get("covered")).toEqual(["conditional"]);
    expect(parts.get("info-needed")).toEqual(["OTH"]);
    expect(parts.get("doc-needed")).toEqual(["clinical"]);
    expect(parts.get("questionnaire")).toEqual([`${canonicalBase}/Questionnaire/fhir-mapping-2025-01`]);
    expect((parts.get("reason") ?? []).length).toBeGreaterThan(0);
  });

  it("reads the Condition: chemotherapy without a cancer diagnosis is not covered, whoever gives it", async () => {
    const response = await sign(
      hookRequest({ orders: [{ id: "sr-9", code: "S9329", date: "2025-06-02" }], conditions: ["J44.1"] }),
    );
    expect(coverageParts(response).get("covered")).toEqual(["not-covered"]);
  });

  it("reads the Coverage's end: an enrollment that ended before the service date is not covered", async () => {
    const response = await sign(
      hookRequest({
        orders: [{ id: "sr-1", code: "S9325", date: "2025-06-02" }],
        coverage: { start: "2024-01-01", end: "2025-05-31" },
        conditions: [],
      }),
    );
    expect(coverageParts(response).get("covered")).toEqual(["not-covered"]);
  });

  it("answers an order the policy does not apply to with no card and no action", async () => {
    const response = await sign(
      hookRequest({
        orders: [
          { id: "sr-2", code: "T1030", date: "2025-06-02" },
          { id: "sr-3", code: "S9325", system: "http://loinc.org", date: "2025-06-02" },
        ],
      }),
    );
    expect(response.cards).toEqual([]);
    expect(response.systemActions).toBeUndefined();
  });

  it("without a Coverage gives the card but no coverage-information (CRD needs the coverage reference)", async () => {
    const response = await sign(
      hookRequest({ orders: [{ id: "sr-1", code: "S9325", date: "2025-06-02" }], coverage: null, conditions: [] }),
    );
    expect(response.cards).toHaveLength(1);
    expect(response.cards[0]?.summary).toBe("FIX.FHIR.1 Home Infusion Therapy: more information needed");
    expect(response.systemActions).toBeUndefined();
  });
});

describe("order-select", () => {
  it("answers only the selected orders", async () => {
    const response = await sign(
      hookRequest({
        hook: "order-select",
        orders: [
          { id: "sr-1", code: "S9325", date: "2025-06-02" },
          { id: "sr-2", code: "S9494", date: "2025-06-02" },
        ],
        selections: ["ServiceRequest/sr-2"],
        conditions: [],
      }),
      "/cds-services/fhir-mapping-order-select",
    );
    expect(response.cards).toHaveLength(1);
    expect(response.systemActions?.map((action) => action.resource.id)).toEqual(["sr-2"]);
  });
});

describe("bad requests", () => {
  const good = hookRequest({ orders: [{ id: "sr-1", code: "S9325", date: "2025-06-02" }], conditions: [] });

  it("refuses a body that is not JSON", async () => {
    expect(await refused("{ not json")).toEqual([]);
  });

  it("refuses another hook's request, naming `hook`", async () => {
    expect(await refused({ ...good, hook: "order-select" })).toContain("hook");
  });

  it("refuses a birthDate that is not a date, naming its path", async () => {
    const body = hookRequest({ orders: [{ id: "sr-1", code: "S9325" }], birthDate: "1970-02-30" });
    expect(await refused(body)).toEqual(["prefetch.patient.birthDate"]);
  });

  it("refuses draftOrders that are not a Bundle, and an order without a code", async () => {
    const context = (good as { context: Record<string, unknown> }).context;
    expect(await refused({ ...good, context: { ...context, draftOrders: { resourceType: "Patient" } } })).toEqual([
      "context.draftOrders.resourceType",
    ]);
    const codeless = {
      resourceType: "Bundle",
      type: "collection",
      entry: [{ resource: { resourceType: "ServiceRequest", id: "x", status: "draft", intent: "order" } }],
    };
    expect(await refused({ ...good, context: { ...context, draftOrders: codeless } })).toEqual([
      "context.draftOrders.entry[0].resource.code",
    ]);
  });

  it("refuses JSON that is not an object, and one without a context, naming every problem", async () => {
    expect(await refused([1, 2])).toEqual(["(request)"]);
    expect(await refused({ hook: "order-sign" })).toEqual(["hookInstance", "context"]);
  });

  it("refuses a fact read from FHIR that the policy cannot take (an age over its range), naming where it was read", async () => {
    const body = hookRequest({ orders: [{ id: "sr-1", code: "S9325", date: "2025-06-02" }], birthDate: "1850-01-01" });
    expect(await refused(body)).toEqual(["prefetch.patient.birthDate"]);
  });

  it("answers a malformed service name 404, not an error", async () => {
    const { status, json } = await post("/cds-services/%zz", good);
    expect(status).toBe(404);
    expect(fhirSchemaErrors(json)).toEqual([]);
  });

  it("answers an unknown service 404 and a body over the limit 413, both with an OperationOutcome", async () => {
    const unknown = await post("/cds-services/no-such-service", good);
    expect(unknown.status).toBe(404);
    expect(fhirSchemaErrors(unknown.json)).toEqual([]);
    const large = await post(signUrl, JSON.stringify({ ...good, padding: "x".repeat(70 * 1024) }));
    expect(large.status).toBe(413);
    expect(fhirSchemaErrors(large.json)).toEqual([]);
  });
});

describe("health and logs", () => {
  it("reports the policies served, the version and the CRD version", async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      version: "test",
      crd: "2.1.0",
      policies: [
        {
          reference: "FIX.FHIR.1",
          slug: "fhir-mapping",
          services: ["fhir-mapping-order-sign", "fhir-mapping-order-select"],
        },
      ],
    });
  });

  it("logs one JSON line per request with its id, route, status and duration", () => {
    const requests = logLines.filter((line) => line["route"] !== undefined);
    expect(requests.length).toBeGreaterThan(10);
    for (const line of requests) {
      expect(typeof line["requestId"]).toBe("string");
      expect(typeof line["durationMs"]).toBe("number");
      expect(typeof line["status"]).toBe("number");
    }
    expect(requests.some((line) => line["route"] === "/cds-services/{id}" && line["status"] === 400)).toBe(true);
  });
});
