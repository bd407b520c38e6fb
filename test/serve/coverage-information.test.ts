// The CRD STU 2.1 coverage-information builder on decisions of the FHIR mapping fixture, and the
// invariant check it is held to: each field derived from the decision (prior approval only where the
// decision says so, documentation only for a pending decision, administrative when every missing fact
// comes from the coverage), and mutations of a built extension that the check must refuse.

import type * as fhir4 from "fhir/r4.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coverageInformation, documentationNeeded } from "../../compiler/fhir/coverage-information.js";
import { brokenInvariants } from "../../compiler/fhir/crd-invariants.js";
import type { Decision } from "../../compiler/runtime/decision.js";
import { hcpcs } from "../support/cds-requests.js";
import { fhirSchemaErrors } from "../support/fhir-schema.js";
import { servedFixture, type ServedFixture } from "../support/served-fixture.js";

let fixture: ServedFixture;

beforeAll(async () => {
  fixture = await servedFixture();
});

afterAll(() => fixture.dispose());

const enrolled = { enrollment_start: "2024-01-01", enrollment_ended: false };

function decide(facts: Record<string, unknown>): Decision {
  return fixture.policy.evaluate(facts, { asOf: "2025-06-02" });
}

function build(decision: Decision): fhir4.Extension {
  return coverageInformation({
    decision,
    mapping: fixture.policy.mapping,
    coverageReference: "Coverage/cov-1",
    billingCode: { system: hcpcs, code: "S9329" },
    names: { base: "https://policies.example.org/fhir", slug: "fhir-mapping" },
    date: "2025-06-01",
    assertionId: "assertion-1",
  });
}

function urls(extension: fhir4.Extension): string[] {
  return (extension.extension ?? []).map((part) => part.url);
}

/** The extension in an order, as the FHIR schema sees it. */
function inOrder(extension: fhir4.Extension): fhir4.ServiceRequest {
  return {
    resourceType: "ServiceRequest",
    status: "draft",
    intent: "order",
    subject: { reference: "Patient/pat-1" },
    extension: [extension],
  };
}

const pendingFacts = {
  member: { age: 40, has_cancer: true },
  therapy: { kind: "chemotherapy", procedure: "S9329" },
  medicaid: enrolled,
};

describe("the coverage-information builder", () => {
  it("builds a pending decision's extension with info-needed, clinical documentation and the questionnaire", () => {
    const decision = decide(pendingFacts);
    expect(decision.outcome).toBe("pending");
    const extension = build(decision);
    expect(brokenInvariants(extension)).toEqual([]);
    expect(fhirSchemaErrors(inOrder(extension))).toEqual([]);
    expect(urls(extension)).toEqual(
      expect.arrayContaining([
        "coverage",
        "covered",
        "info-needed",
        "doc-needed",
        "doc-purpose",
        "questionnaire",
        "date",
      ]),
    );
    expect(urls(extension)).toContain("coverage-assertion-id");
    expect(urls(extension)).not.toContain("satisfied-pa-id");
  });

  it("says administrative documentation when every missing fact comes from the coverage", () => {
    const decision = decide({
      member: { age: 40, has_cancer: true },
      therapy: { kind: "pain_management", procedure: "S9325" },
    });
    expect(decision.outcome).toBe("pending");
    expect(decision.missingFacts.map((missing) => missing.fact).sort()).toEqual([
      "medicaid.enrollment_end",
      "medicaid.enrollment_ended",
      "medicaid.enrollment_start",
    ]);
    expect(documentationNeeded(decision, fixture.policy.mapping)).toBe("admin");
    expect(documentationNeeded(decide(pendingFacts), fixture.policy.mapping)).toBe("clinical");
  });

  it("asks for no documentation and no prior approval on a covered decision the policy does not hold for approval", () => {
    const decision = decide({
      member: { age: 40, has_cancer: false },
      therapy: { kind: "pain_management", procedure: "S9325" },
      medicaid: enrolled,
    });
    expect(decision.outcome).toBe("covered");
    expect(decision.priorApprovalRequired).toBe(false);
    const extension = build(decision);
    expect(brokenInvariants(extension)).toEqual([]);
    expect(urls(extension)).not.toContain("doc-needed");
    expect(urls(extension)).not.toContain("info-needed");
    expect(extension.extension?.find((part) => part.url === "pa-needed")?.valueCode).toBe("no-auth");
  });

  it("gives a not-covered decision no pa-needed and no billing code", () => {
    const decision = decide({ ...pendingFacts, member: { age: 70, has_cancer: true } });
    expect(decision.outcome).toBe("not_covered");
    const extension = build(decision);
    expect(brokenInvariants(extension)).toEqual([]);
    expect(urls(extension)).not.toContain("pa-needed");
    expect(urls(extension)).not.toContain("billingCode");
  });
});

describe("the CRD invariants check", () => {
  function without(extension: fhir4.Extension, url: string): fhir4.Extension {
    return { ...extension, extension: (extension.extension ?? []).filter((part) => part.url !== url) };
  }

  function withPart(extension: fhir4.Extension, part: fhir4.Extension): fhir4.Extension {
    return { ...extension, extension: [...(extension.extension ?? []), part] };
  }

  it("refuses a pending extension without info-needed (crd-ci-q3)", () => {
    const pending = build(decide(pendingFacts));
    expect(brokenInvariants(without(pending, "info-needed")).map((broken) => broken.key)).toEqual(["crd-ci-q3"]);
  });

  it("refuses a questionnaire without doc-needed (q1), pa-needed on not-covered (q2), a satisfied PA without its id (q5), OTH without a reason (q6)", () => {
    const pending = build(decide(pendingFacts));
    expect(brokenInvariants(without(pending, "doc-needed")).map((b) => b.key)).toEqual(["crd-ci-q1"]);
    const denied = build(decide({ ...pendingFacts, member: { age: 70, has_cancer: true } }));
    expect(brokenInvariants(withPart(denied, { url: "pa-needed", valueCode: "no-auth" })).map((b) => b.key)).toEqual([
      "crd-ci-q2",
    ]);
    const covered = build(
      decide({
        member: { age: 40, has_cancer: false },
        therapy: { kind: "pain_management", procedure: "S9325" },
        medicaid: enrolled,
      }),
    );
    const satisfied = {
      ...covered,
      extension: (covered.extension ?? []).map((part) =>
        part.url === "pa-needed" ? { url: "pa-needed", valueCode: "satisfied" } : part,
      ),
    };
    expect(brokenInvariants(satisfied).map((b) => b.key)).toEqual(["crd-ci-q5"]);
    expect(brokenInvariants(without(pending, "reason")).map((b) => b.key)).toEqual(["crd-ci-q6"]);
  });

  it("refuses a missing date, a second covered, and a coded reason without text (q7)", () => {
    const pending = build(decide(pendingFacts));
    expect(brokenInvariants(without(pending, "date")).map((b) => b.key)).toEqual(["cardinality-date"]);
    expect(brokenInvariants(withPart(pending, { url: "covered", valueCode: "covered" })).map((b) => b.key)).toEqual([
      "cardinality-covered",
    ]);
    const untexted = withPart(pending, {
      url: "reason",
      valueCodeableConcept: { coding: [{ system: "https://example.org/reasons", code: "x" }] },
    });
    expect(brokenInvariants(untexted).map((b) => b.key)).toEqual(["crd-ci-q7"]);
  });
});
