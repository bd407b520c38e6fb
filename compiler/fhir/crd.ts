// The Da Vinci CRD version the service targets, and the URLs and codes of that version it writes.
// CRD STU 2.1 (2.1.0): http://hl7.org/fhir/us/davinci-crd/STU2.1/ (source: github.com/HL7/davinci-crd,
// tag 2.1.0, input/fsh/extensions/CoverageInformation.fsh and input/fsh/codesystems/CRDTempCodes.fsh).

export const crdVersion = "2.1.0";
export const crdName = "Da Vinci Coverage Requirements Discovery (CRD) STU 2.1";

export const coverageInformationUrl = "http://hl7.org/fhir/us/davinci-crd/StructureDefinition/ext-coverage-information";

/** CRD's temporary code system: covered, auth-needed, clinical, withpa, the card types... */
export const crdTempCodes = "http://hl7.org/fhir/us/davinci-crd/CodeSystem/temp";

export type CrdCovered = "covered" | "not-covered" | "conditional";
export type CrdPaNeeded = "no-auth" | "auth-needed" | "satisfied" | "performpa" | "conditional";
export type CrdDocNeeded = "clinical" | "admin" | "patient" | "conditional";
export type CrdDocPurpose = "withpa" | "withclaim" | "withorder" | "retain-doc" | "OTH";
export type CrdInfoNeeded = "performer" | "location" | "timeframe" | "contract-window" | "OTH";
