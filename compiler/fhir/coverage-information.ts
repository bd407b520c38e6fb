// The CRD STU 2.1 coverage-information extension of one order, built from a decision: covered,
// pa-needed and the coverage details from the decision's `crd` block; doc-needed, info-needed and the
// DTR questionnaire only when the decision is pending, the kind of documentation from the missing
// facts (clinical unless every one is administrative, read from the member's coverage); the deciding
// reasons as coded reasons (the statement's id in the policy's own code system, and its words).
// fhir/crd-invariants.ts holds the result to the profile's invariants.

import type * as fhir4 from "fhir/r4.js";
import type { Decision } from "../runtime/decision.js";
import type { FhirMappingData } from "./mapping.js";
import { fhirSources } from "./sources.js";
import { coverageInformationUrl, crdTempCodes, type CrdCovered, type CrdDocNeeded, type CrdPaNeeded } from "./crd.js";

/** Where a policy's FHIR artifacts live: `<base>/Questionnaire/<slug>-<revision>`, `<base>/CodeSystem/<slug>-statements`. */
export interface CanonicalNames {
  readonly base: string;
  readonly slug: string;
}

export function questionnaireCanonical(names: CanonicalNames, revision: string): string {
  return `${names.base}/Questionnaire/${names.slug}-${revision}`;
}

/** The code system of a policy's statements (criteria, exclusions, notes, exceptions), coded by their ids. */
export function statementCodeSystem(names: CanonicalNames): string {
  return `${names.base}/CodeSystem/${names.slug}-statements`;
}

export interface CoverageInformationInput {
  readonly decision: Decision;
  readonly mapping: FhirMappingData;
  /** `Coverage/123`: the Coverage the assertion is about. */
  readonly coverageReference: string;
  /** The order's coding that made the policy apply: the code the claim must bill. */
  readonly billingCode: { readonly system: string; readonly code: string };
  readonly names: CanonicalNames;
  /** The day of the assertion, YYYY-MM-DD. */
  readonly date: string;
  readonly assertionId: string;
}

/** The kind of documentation a pending decision needs: administrative only when every missing fact comes from the coverage. */
export function documentationNeeded(decision: Decision, mapping: FhirMappingData): CrdDocNeeded | undefined {
  if (decision.outcome !== "pending" || decision.missingFacts.length === 0) return undefined;
  const sourceOf = new Map(mapping.facts.map((source) => [source.fact, fhirSources[source.source]]));
  const administrative = decision.missingFacts.every((missing) => sourceOf.get(missing.fact)?.administrative === true);
  return administrative ? "admin" : "clinical";
}

function code(url: string, value: string): fhir4.Extension {
  return { url, valueCode: value };
}

function reasonExtension(names: CanonicalNames, id: string, text: string): fhir4.Extension {
  const display = text.length > 200 ? `${text.slice(0, 197)}...` : text;
  return {
    url: "reason",
    valueCodeableConcept: { coding: [{ system: statementCodeSystem(names), code: id, display }], text },
  };
}

export function coverageInformation(input: CoverageInformationInput): fhir4.Extension {
  const { decision, names } = input;
  const crd = decision.crd;
  const covered: CrdCovered = crd.covered;
  const paNeeded: CrdPaNeeded | undefined = crd.covered === "not-covered" ? undefined : crd.paNeeded;
  const docNeeded = documentationNeeded(decision, input.mapping);
  const conditional = covered === "conditional" || paNeeded === "conditional";
  const parts: fhir4.Extension[] = [
    { url: "coverage", valueReference: { reference: input.coverageReference } },
    code("covered", covered),
  ];
  if (paNeeded !== undefined) parts.push(code("pa-needed", paNeeded));
  if (docNeeded !== undefined) {
    parts.push(code("doc-needed", docNeeded));
    // The answers are the evidence of medical necessity the decision rests on: kept with the order's record.
    parts.push(code("doc-purpose", "retain-doc"));
  }
  // Neither performer, location nor timeframe: the information is the policy's facts (`OTH`), which the reasons and the questionnaire name.
  if (conditional) parts.push(code("info-needed", "OTH"));
  if (covered !== "not-covered")
    parts.push({ url: "billingCode", valueCoding: { system: input.billingCode.system, code: input.billingCode.code } });
  for (const reason of decision.reasons) parts.push(reasonExtension(names, reason.id, reason.text));
  if (conditional && decision.reasons.length === 0) {
    const questions = decision.missingFacts.map((missing) => missing.question).join(" ");
    parts.push({ url: "reason", valueCodeableConcept: { text: `More information is needed: ${questions}` } });
  }
  for (const detail of crd.covered === "covered" ? (crd.detail ?? []) : [])
    parts.push({
      url: "detail",
      extension: [
        { url: "code", valueCodeableConcept: { coding: [{ system: crdTempCodes, code: detail.code }] } },
        { url: "value", valueString: detail.value },
      ],
    });
  if (docNeeded !== undefined)
    parts.push({ url: "questionnaire", valueCanonical: questionnaireCanonical(names, decision.policy.revision) });
  parts.push({ url: "date", valueDate: input.date }, { url: "coverage-assertion-id", valueString: input.assertionId });
  return { url: coverageInformationUrl, extension: parts };
}
