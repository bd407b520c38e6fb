// The invariants of CRD STU 2.1's coverage-information extension (crd-ci-q1 to crd-ci-q7, in
// input/fsh/extensions/CoverageInformation.fsh of the IG at tag 2.1.0) and its cardinalities, as a
// check over an extension: the builder's self-check and the tests' oracle. Returns the broken ones.

import type * as fhir4 from "fhir/r4.js";
import { coverageInformationUrl } from "./crd.js";

export interface BrokenInvariant {
  readonly key: string;
  readonly description: string;
}

/** Each part the profile allows, with its cardinality. */
const cardinalities: Readonly<Record<string, { readonly min: number; readonly max: number }>> = {
  coverage: { min: 1, max: 1 },
  covered: { min: 1, max: 1 },
  "pa-needed": { min: 0, max: 1 },
  "doc-needed": { min: 0, max: Infinity },
  "doc-purpose": { min: 0, max: Infinity },
  "info-needed": { min: 0, max: Infinity },
  billingCode: { min: 0, max: Infinity },
  reason: { min: 0, max: Infinity },
  detail: { min: 0, max: Infinity },
  dependency: { min: 0, max: Infinity },
  questionnaire: { min: 0, max: Infinity },
  date: { min: 1, max: 1 },
  "coverage-assertion-id": { min: 1, max: 1 },
  "satisfied-pa-id": { min: 0, max: 1 },
  contact: { min: 0, max: Infinity },
  "expiry-date": { min: 0, max: 1 },
};

/** The reason codes of CRD's extensible value set coverageAssertionReasons (gold-card, detail-code). */
const assertionReasonCodes = new Set(["gold-card", "detail-code"]);

export function brokenInvariants(extension: fhir4.Extension): BrokenInvariant[] {
  const broken: BrokenInvariant[] = [];
  const fail = (key: string, description: string): void => void broken.push({ key, description });
  if (extension.url !== coverageInformationUrl) fail("url", `the url must be ${coverageInformationUrl}`);
  const parts = extension.extension ?? [];
  const named = (url: string): fhir4.Extension[] => parts.filter((part) => part.url === url);
  const codes = (url: string): (string | undefined)[] => named(url).map((part) => part.valueCode);
  for (const part of parts)
    if (!Object.hasOwn(cardinalities, part.url))
      fail("unknown-part", `${part.url} is not a part of coverage-information`);
  for (const [url, { min, max }] of Object.entries(cardinalities)) {
    const count = named(url).length;
    if (count < min || count > max)
      fail(`cardinality-${url}`, `${url} must occur ${min}..${max === Infinity ? "*" : max} times, not ${count}`);
  }
  if (named("questionnaire").length > 0 && named("doc-needed").length === 0)
    fail("crd-ci-q1", "Questionnaire is only allowed when doc-needed exists");
  if (codes("covered").includes("not-covered") && named("pa-needed").length > 0)
    fail("crd-ci-q2", "If covered is set to 'not-covered', then 'pa-needed' must not exist.");
  const conditional = ["covered", "pa-needed", "doc-needed"].some((url) => codes(url).includes("conditional"));
  if (conditional && named("info-needed").length === 0)
    fail(
      "crd-ci-q3",
      "'info-needed' SHALL exist if and only if at least one of 'covered', 'pa-needed', or 'doc-needed' is set to 'conditional'.",
    );
  const satisfied = codes("pa-needed").includes("satisfied");
  if (satisfied && codes("doc-purpose").includes("withpa"))
    fail("crd-ci-q4", "If 'pa-needed' is 'satisfied', then 'Doc-purpose' can't be 'withpa'.");
  if (satisfied !== named("satisfied-pa-id").length > 0)
    fail("crd-ci-q5", "'satisfied-pa-id' must exist if and only if 'pa-needed' is set to 'satisfied'.");
  if (codes("info-needed").includes("OTH") && named("reason").length === 0)
    fail("crd-ci-q6", "If 'info-needed' is Other, then reason must be specified");
  for (const reason of named("reason")) {
    const concept = reason.valueCodeableConcept;
    const standard = (concept?.coding ?? []).every(
      (coding) => coding.code !== undefined && assertionReasonCodes.has(coding.code),
    );
    if (concept?.text === undefined && !(standard && (concept?.coding ?? []).length > 0))
      fail(
        "crd-ci-q7",
        "If reason.coding is present and is not from the extensible value set, then reason.text must be present",
      );
  }
  return broken;
}
