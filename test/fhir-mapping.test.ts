// The FHIR mapping from the policy to the generated module, and from a hook's context to facts: the
// fixture's `fhir` block lowered into the model and exported by its evaluator as FHIR_MAPPING (none for
// a policy without one); the service date of each kind of order; the age on the service date; a
// Condition's status and system; what FHIR does not give left unknown; bad input named by its path.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ageOn, ordersWithFacts, serviceDateOf } from "../compiler/fhir/context-facts.js";
import { HookInputError } from "../compiler/fhir/hook-input-error.js";
import { readHookRequest } from "../compiler/fhir/hook-request.js";
import { createEmitProject, emitEvaluator } from "../compiler/emit/evaluator/emit-evaluator.js";
import { emitDocs } from "../compiler/emit/docs/emit-docs.js";
import { traceSummary } from "../compiler/trace/summary.js";
import { hookRequest, hcpcs, icd10cm } from "./support/cds-requests.js";
import { fixtureModel } from "./support/fixture-evaluator.js";
import { checkPolicySource } from "../compiler/pipeline.js";
import { policyChanges } from "../compiler/diff/changes.js";
import { projectRoot } from "./support/evaluators.js";
import { fhirFixturePath, servedFixture, type ServedFixture } from "./support/served-fixture.js";

let fixture: ServedFixture;

beforeAll(async () => {
  fixture = await servedFixture();
});

afterAll(() => fixture.dispose());

describe("the mapping in the model and the generated module", () => {
  it("exports the fixture's mapping as FHIR_MAPPING, the model's data", () => {
    const model = fixtureModel(fhirFixturePath);
    expect(model.fhir?.orders).toEqual([{ system: "HCPCS", systemUrl: hcpcs, codes: ["S9494", "S9329", "S9325"] }]);
    expect(fixture.policy.mapping).toEqual(model.fhir);
    expect(fixture.evaluatorSource).toContain("export const FHIR_MAPPING = {");
  });

  it("documents the mapping for auditors: each fact with its source, the facts DTR asks", () => {
    const model = fixtureModel(fhirFixturePath);
    const docs = emitDocs(model, traceSummary(model, undefined));
    expect(docs).toContain('## <a id="part-fhir"></a>FHIR mapping');
    expect(docs).toContain("makes the policy apply: HCPCS S9494, S9329, S9325.");
    expect(docs).toContain(
      "| [`member.has_cancer`](#fact-member.has_cancer) | `condition in cancer`: whether the patient has a Condition",
    );
    expect(docs).toContain("S9329 as chemotherapy, S9325 as pain\\_management (another code leaves it unknown)");
    expect(docs).toContain(
      "Asked through DTR (no FHIR source), 1 fact: [`therapy.given_by_nurse`](#fact-therapy.given_by_nurse).",
    );
    const without = fixtureModel("test/fixtures/value-sets/value-sets.policy");
    expect(emitDocs(without, traceSummary(without, undefined))).not.toContain("FHIR mapping");
  });

  it("shows in the review diff a change of the order codes and of where a fact comes from", () => {
    const before = fixtureModel(fhirFixturePath);
    const text = readFileSync(join(projectRoot, fhirFixturePath), "utf8")
      .replace('orders in system "HCPCS": S9494, S9329, S9325', 'orders in system "HCPCS": S9494, S9329')
      .replace("S9329 as chemotherapy, S9325 as pain_management", "S9329 as chemotherapy")
      .replace("  map therapy.procedure from order.code\n", "");
    const after = checkPolicySource(text, fhirFixturePath, projectRoot).model;
    if (!after) throw new Error("the changed fixture must check");
    const changes = policyChanges(before, after)
      .filter((change) => change.what.startsWith("FHIR"))
      .map((change) => [change.what, change.id, change.kinds, change.aspects]);
    expect(changes).toEqual([
      ["FHIR orders", "HCPCS", ["logic"], ["codes"]],
      ["FHIR source", "therapy.kind", ["logic"], ["meanings"]],
      ["FHIR source", "therapy.procedure", ["removed"], []],
    ]);
  });

  it("gives a policy without a fhir block no mapping in the model and none in the module", () => {
    const model = fixtureModel("test/fixtures/value-sets/value-sets.policy");
    expect(Object.hasOwn(model, "fhir")).toBe(false);
    expect(emitEvaluator(model, createEmitProject(), "policy/evaluator.ts")).not.toContain("FHIR_MAPPING");
  });
});

describe("from a hook's context to facts", () => {
  const today = "2025-06-01";

  function factsOf(body: Record<string, unknown>): ReturnType<typeof ordersWithFacts> {
    return ordersWithFacts(
      readHookRequest(body, "order-sign"),
      fixture.policy.mapping,
      fixture.policy.valueSets,
      today,
    );
  }

  it("reads every mapped fact FHIR gives, nested as the evaluator takes them", () => {
    const [order] = factsOf(
      hookRequest({
        orders: [{ id: "sr-1", code: "S9329", date: "2025-06-02" }],
        birthDate: "1970-06-03",
        coverage: { start: "2024-01-01", end: "2025-12-31" },
        conditions: ["C50.911"],
      }),
    );
    expect(order?.serviceDate).toBe("2025-06-02");
    expect(order?.facts).toEqual({
      member: { age: 54, has_cancer: true },
      therapy: { kind: "chemotherapy", procedure: "S9329" },
      medicaid: { enrollment_start: "2024-01-01", enrollment_ended: true, enrollment_end: "2025-12-31" },
    });
  });

  it("leaves unknown what FHIR does not give: a code without a meaning, no conditions prefetch, a year of birth only", () => {
    const [order] = factsOf(
      hookRequest({ orders: [{ id: "sr-1", code: "S9494", date: "2025-06-02" }], birthDate: "1970" }),
    );
    expect([...(order?.supplied ?? [])].sort()).toEqual([
      "medicaid.enrollment_ended",
      "medicaid.enrollment_start",
      "therapy.procedure",
    ]);
  });

  it("counts only current Conditions of the value set's system", () => {
    const body = hookRequest({ orders: [{ id: "sr-1", code: "S9329" }], conditions: ["C50.911"] });
    const prefetch = body["prefetch"] as { conditions: { entry: { resource: Record<string, unknown> }[] } };
    const [entry] = prefetch.conditions.entry;
    if (!entry) throw new Error("no condition");
    entry.resource["clinicalStatus"] = { coding: [{ code: "resolved" }] };
    expect(factsOf(body)[0]?.facts["member"]).toEqual({ age: 55, has_cancer: false });
    entry.resource["clinicalStatus"] = undefined;
    entry.resource["code"] = { coding: [{ system: "http://snomed.info/sct", code: "C50.911" }] };
    expect(factsOf(body)[0]?.facts["member"]).toEqual({ age: 55, has_cancer: false });
    entry.resource["code"] = { coding: [{ system: icd10cm, code: "C50.911" }] };
    expect(factsOf(body)[0]?.facts["member"]).toEqual({ age: 55, has_cancer: true });
  });

  it("takes the age in whole years, the birthday itself counting", () => {
    expect(ageOn("1960-06-02", "2025-06-01")).toBe(64);
    expect(ageOn("1960-06-02", "2025-06-02")).toBe(65);
    expect(ageOn("2000-02-29", "2025-02-28")).toBe(24);
    expect(ageOn("2000-02-29", "2025-03-01")).toBe(25);
  });

  it("reads the service date from each kind of order, then authoredOn, then today", () => {
    expect(
      serviceDateOf(
        {
          resourceType: "ServiceRequest",
          status: "draft",
          intent: "order",
          subject: {},
          occurrencePeriod: { start: "2025-07-01T09:00:00Z" },
        },
        today,
      ),
    ).toEqual({ date: "2025-07-01", from: "ServiceRequest.occurrencePeriod.start" });
    expect(
      serviceDateOf(
        {
          resourceType: "MedicationRequest",
          status: "draft",
          intent: "order",
          subject: {},
          authoredOn: "2025-05-20",
          dispenseRequest: { validityPeriod: { start: "2025-08-01" } },
        },
        today,
      ),
    ).toEqual({ date: "2025-08-01", from: "MedicationRequest.dispenseRequest.validityPeriod.start" });
    expect(
      serviceDateOf(
        { resourceType: "DeviceRequest", status: "draft", intent: "order", subject: {}, authoredOn: "2025-05-20" },
        today,
      ),
    ).toEqual({ date: "2025-05-20", from: "DeviceRequest.authoredOn" });
    expect(
      serviceDateOf({ resourceType: "DeviceRequest", status: "draft", intent: "order", subject: {} }, today),
    ).toEqual({
      date: today,
      from: "the date of the request",
    });
  });

  it("applies to a DeviceRequest by its codeCodeableConcept", () => {
    const body = hookRequest({ orders: [] });
    const context = body["context"] as { draftOrders: { entry: unknown[] } };
    context.draftOrders.entry = [
      {
        resource: {
          resourceType: "DeviceRequest",
          id: "dr-1",
          status: "draft",
          intent: "order",
          subject: { reference: "Patient/pat-1" },
          codeCodeableConcept: { coding: [{ system: hcpcs, code: "S9325" }] },
        },
      },
    ];
    expect(factsOf(body).map((order) => order.coding)).toEqual([{ system: hcpcs, code: "S9325" }]);
  });

  it("passes over an order whose medication is named by reference (its code is not in the request), but refuses one with no code", () => {
    const body = hookRequest({ orders: [] });
    const context = body["context"] as { draftOrders: { entry: unknown[] } };
    const medication = {
      resourceType: "MedicationRequest",
      id: "mr-1",
      status: "draft",
      intent: "order",
      subject: { reference: "Patient/pat-1" },
    };
    context.draftOrders.entry = [{ resource: { ...medication, medicationReference: { reference: "Medication/m-1" } } }];
    expect(readHookRequest(body, "order-sign").orders).toEqual([]);
    context.draftOrders.entry = [{ resource: medication }];
    expect(() => readHookRequest(body, "order-sign")).toThrow(
      "context.draftOrders.entry[0].resource.medicationCodeableConcept: must be a CodeableConcept",
    );
  });

  it("names every bad field by its path", () => {
    const body = hookRequest({ orders: [{ id: "sr-1", code: "S9325", date: "2025-13-01" }], birthDate: "yesterday" });
    try {
      readHookRequest(body, "order-sign");
      expect.unreachable("a bad request was read");
    } catch (error) {
      expect(error).toBeInstanceOf(HookInputError);
      expect((error as HookInputError).issues.map((issue) => issue.expression)).toEqual([
        "context.draftOrders.entry[0].resource.occurrenceDateTime",
        "prefetch.patient.birthDate",
      ]);
    }
  });
});
