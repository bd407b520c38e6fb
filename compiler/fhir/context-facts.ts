// From a hook's FHIR context to a policy's facts: which draft orders the policy applies to (an order
// carrying one of its order codes, in its system), the service date of each, and the facts its FHIR
// mapping reads from the order, the Patient, the Coverage and the Conditions. A mapped fact FHIR
// does not give is left out (unknown), so the decision says it is missing; a fact the mapping does
// not name is asked through DTR.

import type * as fhir4 from "fhir/r4.js";
import { memberOf, type ValueSet } from "../runtime/codes.js";
import type { FhirFactSource, FhirMappingData } from "./mapping.js";
import type { DraftOrder, HookRequest, OrderResource } from "./hook-request.js";
import { fhirSystemUrls } from "./sources.js";

/** What one applicable order gives the policy. */
export interface OrderFacts {
  readonly order: DraftOrder;
  /** The order's coding that made the policy apply. */
  readonly coding: { readonly system: string; readonly code: string };
  /** The service date, YYYY-MM-DD, and where it was read (`ServiceRequest.occurrenceDateTime`). */
  readonly serviceDate: string;
  readonly serviceDateFrom: string;
  /** The facts as the evaluator takes them: nested by the parts of their names (`{ member: { age: 45 } }`). */
  readonly facts: Readonly<Record<string, unknown>>;
  /** The mapped facts FHIR gave, by name. */
  readonly supplied: readonly string[];
}

/** The first ten characters of a FHIR date or dateTime when they are a full date, else undefined. */
function fullDate(value: string | undefined): string | undefined {
  return value !== undefined && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : undefined;
}

/** Whole years from `birth` to `on` (both YYYY-MM-DD): the age on that day. */
export function ageOn(birth: string, on: string): number {
  const [by, bm, bd] = birth.split("-").map(Number);
  const [oy, om, od] = on.split("-").map(Number);
  if (
    by === undefined ||
    bm === undefined ||
    bd === undefined ||
    oy === undefined ||
    om === undefined ||
    od === undefined
  )
    throw new Error(`internal error: ${birth} or ${on} is not a full date`);
  const hadBirthday = om > bm || (om === bm && od >= bd);
  return oy - by - (hadBirthday ? 0 : 1);
}

function codeableConcept(order: OrderResource): fhir4.CodeableConcept | undefined {
  switch (order.resourceType) {
    case "ServiceRequest":
      return order.code;
    case "DeviceRequest":
      return order.codeCodeableConcept;
    case "MedicationRequest":
      return order.medicationCodeableConcept;
  }
}

/**
 * The service date of an order: its occurrence (a dateTime, the start of a period, the first event of
 * a timing), for a MedicationRequest the start of its dispense validity period; else the day it was
 * authored; else `today` (a draft order not yet dated is for now).
 */
export function serviceDateOf(order: OrderResource, today: string): { readonly date: string; readonly from: string } {
  const type = order.resourceType;
  const candidates: [string | undefined, string][] =
    type === "MedicationRequest"
      ? [[order.dispenseRequest?.validityPeriod?.start, "MedicationRequest.dispenseRequest.validityPeriod.start"]]
      : [
          [order.occurrenceDateTime, `${type}.occurrenceDateTime`],
          [order.occurrencePeriod?.start, `${type}.occurrencePeriod.start`],
          [order.occurrenceTiming?.event?.[0], `${type}.occurrenceTiming.event[0]`],
        ];
  candidates.push([order.authoredOn, `${type}.authoredOn`]);
  for (const [value, from] of candidates) {
    const date = fullDate(value);
    if (date !== undefined) return { date, from };
  }
  return { date: today, from: "the date of the request" };
}

/** The coding of `order` that one of the mapping's order codes matches, if any. */
function applyingCoding(order: OrderResource, mapping: FhirMappingData): OrderFacts["coding"] | undefined {
  for (const coding of codeableConcept(order)?.coding ?? []) {
    const found = mapping.orders.find(
      (orders) => coding.system === orders.systemUrl && coding.code !== undefined && orders.codes.includes(coding.code),
    );
    if (found && coding.code !== undefined) return { system: found.systemUrl, code: coding.code };
  }
  return undefined;
}

/** Clinical statuses under which a Condition counts as the patient's (absent counts: not every EHR records it). */
const currentStatuses = new Set(["active", "recurrence", "relapse"]);

function hasConditionIn(conditions: readonly fhir4.Condition[], set: ValueSet): boolean {
  const systemUrl = fhirSystemUrls[set.system];
  return conditions.some((condition) => {
    if (condition.verificationStatus?.coding?.some((c) => c.code === "entered-in-error" || c.code === "refuted"))
      return false;
    const status = condition.clinicalStatus?.coding?.map((c) => c.code);
    if (
      status !== undefined &&
      status.length > 0 &&
      !status.some((code) => code !== undefined && currentStatuses.has(code))
    )
      return false;
    return (condition.code?.coding ?? []).some(
      (coding) => coding.system === systemUrl && coding.code !== undefined && memberOf(set, coding.code),
    );
  });
}

interface ReadContext {
  readonly request: HookRequest;
  readonly coding: OrderFacts["coding"];
  readonly serviceDate: string;
  readonly valueSets: Readonly<Record<string, ValueSet>>;
}

/** The value of one mapped fact, or undefined when FHIR does not give it. */
function readSource(source: FhirFactSource, context: ReadContext): unknown {
  const { request, coding } = context;
  switch (source.source) {
    case "patient.age": {
      const birth = fullDate(request.patient?.birthDate);
      return birth === undefined || birth > context.serviceDate ? undefined : ageOn(birth, context.serviceDate);
    }
    case "patient.birth_date":
      return fullDate(request.patient?.birthDate);
    case "coverage.start":
      return fullDate(request.coverage?.period?.start);
    case "coverage.end":
      return fullDate(request.coverage?.period?.end);
    case "coverage.has_end":
      return request.coverage === undefined ? undefined : request.coverage.period?.end !== undefined;
    case "order.code":
      if ("system" in source) return coding.system === fhirSystemUrls[source.system] ? coding.code : undefined;
      return source.meanings.find((meaning) => meaning.code === coding.code)?.value;
    case "condition": {
      const set = context.valueSets[source.valueSet];
      if (set === undefined) throw new Error(`internal error: the value set ${source.valueSet} is not in the module`);
      return request.conditions === undefined ? undefined : hasConditionIn(request.conditions, set);
    }
  }
}

/** `{ member: { age: 45 } }` from `[["member.age", 45]]`. */
function nested(values: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of values) {
    const parts = name.split(".");
    const last = parts.pop();
    if (last === undefined) continue;
    let group = root;
    for (const part of parts) {
      const inner = Object.hasOwn(group, part) ? group[part] : undefined;
      const next = typeof inner === "object" && inner !== null ? (inner as Record<string, unknown>) : {};
      group[part] = next;
      group = next;
    }
    group[last] = value;
  }
  return root;
}

/** The orders of the request the policy applies to, each with its facts. `today` is YYYY-MM-DD. */
export function ordersWithFacts(
  request: HookRequest,
  mapping: FhirMappingData,
  valueSets: Readonly<Record<string, ValueSet>>,
  today: string,
): OrderFacts[] {
  return request.orders.flatMap((order): OrderFacts[] => {
    const coding = applyingCoding(order.resource, mapping);
    if (coding === undefined) return [];
    const { date, from } = serviceDateOf(order.resource, today);
    const context: ReadContext = { request, coding, serviceDate: date, valueSets };
    const values = mapping.facts.flatMap((source): [string, unknown][] => {
      const value = readSource(source, context);
      return value === undefined ? [] : [[source.fact, value]];
    });
    return [
      {
        order,
        coding,
        serviceDate: date,
        serviceDateFrom: from,
        facts: nested(values),
        supplied: values.map(([name]) => name),
      },
    ];
  });
}
