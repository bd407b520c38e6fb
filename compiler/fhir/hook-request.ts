// Reading a CDS Hooks 2.0 request body for the hooks the service answers, `order-sign` and
// `order-select` (https://cds-hooks.hl7.org/2.0/#http-request_1; the hooks' contexts:
// https://cds-hooks.org/hooks/order-sign/, https://cds-hooks.org/hooks/order-select/): untrusted JSON
// in, the typed request out, or a HookInputError naming every problem at its path. Only what the
// service reads is checked; a FHIR server fetch (no prefetch) is not made: what is not prefetched is
// unknown, and the decision asks for it.

import type * as fhir4 from "fhir/r4.js";
import { HookInputError, type HookInputIssue } from "./hook-input-error.js";

export const servedHooks = ["order-sign", "order-select"] as const;
export type ServedHook = (typeof servedHooks)[number];

/** The resource types of a draft order that the policy's order codes are looked for in. */
export const orderResourceTypes = ["ServiceRequest", "DeviceRequest", "MedicationRequest"] as const;
export type OrderResource = fhir4.ServiceRequest | fhir4.DeviceRequest | fhir4.MedicationRequest;

/** A draft order with where it stands in the request. */
export interface DraftOrder {
  readonly resource: OrderResource;
  /** `context.draftOrders.entry[2].resource`. */
  readonly expression: string;
}

export interface HookRequest {
  readonly hook: ServedHook;
  readonly hookInstance: string;
  readonly patientId: string;
  /** The orders of the draft Bundle the policy could apply to (for order-select, the selected ones only). */
  readonly orders: readonly DraftOrder[];
  readonly patient?: fhir4.Patient;
  /** The member's active Coverage, from the prefetch `coverage` (a Coverage or a search Bundle of them). */
  readonly coverage?: fhir4.Coverage;
  /** The patient's Conditions, when the prefetch `conditions` is given (else unknown, not none). */
  readonly conditions?: readonly fhir4.Condition[];
}

/** FHIR's `date`: a year, a year and month, or a full date (https://hl7.org/fhir/R4/datatypes.html#date). */
const fhirDate = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
/** FHIR's `dateTime`: a date, or a full date with a time and a zone (https://hl7.org/fhir/R4/datatypes.html#dateTime). */
const fhirDateTime =
  /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d{1,9})?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?)?)?$/;

type JsonObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string")
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)}`;
  if (typeof value === "number" || typeof value === "boolean") return `the ${typeof value} ${String(value)}`;
  return value === undefined ? "nothing" : "an object";
}

/** Collects the problems of one request; each reader returns what it could read, or undefined. */
class RequestReader {
  readonly issues: HookInputIssue[] = [];

  problem(expression: string, message: string): undefined {
    this.issues.push({ expression, message });
    return undefined;
  }

  object(value: unknown, expression: string, what: string): JsonObject | undefined {
    return isObject(value) ? value : this.problem(expression, `must be ${what}, not ${describe(value)}.`);
  }

  text(value: unknown, expression: string): string | undefined {
    return typeof value === "string" && value.length > 0
      ? value
      : this.problem(expression, `must be a text that is not empty, not ${describe(value)}.`);
  }

  /** A resource of one of `types` (by its resourceType), checked for the few fields the service reads. */
  resource(value: unknown, expression: string, types: readonly string[]): JsonObject | undefined {
    const resource = this.object(value, expression, `a FHIR resource (${types.join(" or ")})`);
    if (!resource) return undefined;
    const type = resource["resourceType"];
    if (typeof type !== "string" || !types.includes(type))
      return this.problem(
        `${expression}.resourceType`,
        `must be ${types.map((t) => `"${t}"`).join(" or ")}, not ${describe(type)}.`,
      );
    return resource;
  }

  /** A FHIR `date` or `dateTime` value, when present. */
  date(value: unknown, expression: string, kind: "date" | "dateTime"): void {
    if (value === undefined) return;
    const pattern = kind === "date" ? fhirDate : fhirDateTime;
    if (typeof value !== "string" || !pattern.test(value) || !isRealDate(value))
      this.problem(
        expression,
        `must be a FHIR ${kind} (YYYY, YYYY-MM or YYYY-MM-DD${kind === "dateTime" ? ", optionally with a time" : ""}), not ${describe(value)}.`,
      );
  }

  /** The entries' resources of a Bundle, each with its path. */
  bundleResources(value: unknown, expression: string): { resource: unknown; expression: string }[] | undefined {
    const bundle = this.resource(value, expression, ["Bundle"]);
    if (!bundle) return undefined;
    const entries = bundle["entry"];
    if (entries === undefined) return [];
    if (!Array.isArray(entries))
      return this.problem(`${expression}.entry`, `must be a list, not ${describe(entries)}.`);
    return entries.flatMap((entry: unknown, index) => {
      const at = `${expression}.entry[${index}]`;
      const object = this.object(entry, at, "a Bundle entry");
      if (!object) return [];
      if (object["resource"] === undefined) return this.problem(`${at}.resource`, "is missing.") ?? [];
      return [{ resource: object["resource"], expression: `${at}.resource` }];
    });
  }
}

/** A date or dateTime whose day exists (`2025-02-30` matches the pattern but is no day). */
function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return true;
  const [, year, month, day] = match.map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function readOrder(reader: RequestReader, value: unknown, expression: string): DraftOrder | undefined {
  if (!isObject(value) || !orderResourceTypes.some((type) => type === value["resourceType"])) return undefined;
  const codeField =
    value["resourceType"] === "ServiceRequest"
      ? "code"
      : value["resourceType"] === "DeviceRequest"
        ? "codeCodeableConcept"
        : "medicationCodeableConcept";
  // A device or medication named by reference (`codeReference`, `medicationReference`) is a code the
  // service cannot read without fetching it: the order is not one the policy is known to apply to.
  const referenceField = value["resourceType"] === "DeviceRequest" ? "codeReference" : "medicationReference";
  if (value[codeField] === undefined && value["resourceType"] !== "ServiceRequest" && isObject(value[referenceField]))
    return undefined;
  const code = value[codeField];
  if (!isObject(code) || !Array.isArray(code["coding"]) || code["coding"].length === 0)
    return reader.problem(
      `${expression}.${codeField}`,
      "must be a CodeableConcept with at least one coding: the order has no code.",
    );
  code["coding"].forEach((coding: unknown, index) => {
    const at = `${expression}.${codeField}.coding[${index}]`;
    const object = reader.object(coding, at, "a Coding");
    if (object && (typeof object["code"] !== "string" || typeof object["system"] !== "string"))
      reader.problem(at, "must have a `system` and a `code`, both texts.");
  });
  reader.date(value["authoredOn"], `${expression}.authoredOn`, "dateTime");
  if (value["resourceType"] !== "MedicationRequest") {
    reader.date(value["occurrenceDateTime"], `${expression}.occurrenceDateTime`, "dateTime");
    const period = value["occurrencePeriod"];
    if (isObject(period)) reader.date(period["start"], `${expression}.occurrencePeriod.start`, "dateTime");
  } else {
    const dispense = value["dispenseRequest"];
    const validity = isObject(dispense) ? dispense["validityPeriod"] : undefined;
    if (isObject(validity))
      reader.date(validity["start"], `${expression}.dispenseRequest.validityPeriod.start`, "dateTime");
  }
  return { resource: value as unknown as OrderResource, expression };
}

function readSelections(reader: RequestReader, value: unknown): Set<string> | undefined {
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string"))
    return reader.problem(
      "context.selections",
      "must be a list of references (`ServiceRequest/123`) for order-select.",
    );
  return new Set(value as string[]);
}

function readPatient(
  reader: RequestReader,
  prefetch: JsonObject,
  patientId: string | undefined,
): fhir4.Patient | undefined {
  if (prefetch["patient"] === undefined || prefetch["patient"] === null) return undefined;
  const patient = reader.resource(prefetch["patient"], "prefetch.patient", ["Patient"]);
  if (!patient) return undefined;
  reader.date(patient["birthDate"], "prefetch.patient.birthDate", "date");
  if (patientId !== undefined && typeof patient["id"] === "string" && patient["id"] !== patientId)
    reader.problem("prefetch.patient.id", `must be the context's patientId "${patientId}", not "${patient["id"]}".`);
  return patient as unknown as fhir4.Patient;
}

/** The prefetched Coverage: the resource itself, or the first active Coverage of a search Bundle. */
function readCoverage(reader: RequestReader, prefetch: JsonObject): fhir4.Coverage | undefined {
  const value = prefetch["coverage"];
  if (value === undefined || value === null) return undefined;
  const candidates =
    isObject(value) && value["resourceType"] === "Bundle"
      ? reader.bundleResources(value, "prefetch.coverage")
      : [{ resource: value, expression: "prefetch.coverage" }];
  const coverages = (candidates ?? []).flatMap(({ resource, expression }) => {
    const coverage = reader.resource(resource, expression, ["Coverage"]);
    if (!coverage) return [];
    const period = coverage["period"];
    if (period !== undefined) {
      const object = reader.object(period, `${expression}.period`, "a Period");
      if (object) {
        reader.date(object["start"], `${expression}.period.start`, "dateTime");
        reader.date(object["end"], `${expression}.period.end`, "dateTime");
      }
    }
    return [coverage as unknown as fhir4.Coverage];
  });
  return coverages.find((coverage) => coverage.status === "active") ?? coverages[0];
}

function readConditions(reader: RequestReader, prefetch: JsonObject): fhir4.Condition[] | undefined {
  const value = prefetch["conditions"];
  if (value === undefined || value === null) return undefined;
  const resources = reader.bundleResources(value, "prefetch.conditions");
  return (resources ?? []).flatMap(({ resource, expression }) => {
    const condition = reader.resource(resource, expression, ["Condition"]);
    return condition ? [condition as unknown as fhir4.Condition] : [];
  });
}

/** The request of `hook` (the service's hook), read from an untrusted body; throws HookInputError. */
export function readHookRequest(body: unknown, hook: ServedHook): HookRequest {
  const reader = new RequestReader();
  const request = reader.object(body, "(request)", "a CDS Hooks request: a JSON object");
  if (!request) throw new HookInputError(reader.issues);
  if (request["hook"] !== hook)
    reader.problem("hook", `must be "${hook}" for this service, not ${describe(request["hook"])}.`);
  const hookInstance = reader.text(request["hookInstance"], "hookInstance");
  const context = reader.object(request["context"], "context", "the hook's context: an object");
  const patientId = context ? reader.text(context["patientId"], "context.patientId") : undefined;
  const selections = context && hook === "order-select" ? readSelections(reader, context["selections"]) : undefined;
  const drafts = context ? reader.bundleResources(context["draftOrders"], "context.draftOrders") : undefined;
  const orders = (drafts ?? []).flatMap(({ resource, expression }) => {
    const order = readOrder(reader, resource, expression);
    if (!order) return [];
    const reference = `${order.resource.resourceType}/${order.resource.id ?? ""}`;
    return selections === undefined || selections.has(reference) ? [order] : [];
  });
  const prefetchValue = request["prefetch"];
  const prefetch =
    prefetchValue === undefined || prefetchValue === null ? {} : reader.object(prefetchValue, "prefetch", "an object");
  const patient = prefetch ? readPatient(reader, prefetch, patientId) : undefined;
  const coverage = prefetch ? readCoverage(reader, prefetch) : undefined;
  const conditions = prefetch ? readConditions(reader, prefetch) : undefined;
  if (reader.issues.length > 0 || hookInstance === undefined || patientId === undefined)
    throw new HookInputError(reader.issues);
  return {
    hook,
    hookInstance,
    patientId,
    orders,
    ...(patient && { patient }),
    ...(coverage && { coverage }),
    ...(conditions && { conditions }),
  };
}
