// The CDS Hooks 2.0 service of the built policies, without HTTP: discovery (one service per policy
// and hook, https://cds-hooks.hl7.org/2.0/#discovery), and a call (https://cds-hooks.hl7.org/2.0/#calling-a-cds-service)
// answered with a card per order the policy applies to and, per order, the system action that
// updates it with CRD STU 2.1's coverage-information extension (https://cds-hooks.hl7.org/2.0/#system-action).
// Bad input is a 400 with an OperationOutcome naming every problem; an unknown service a 404.

import { createHash } from "node:crypto";
import type * as fhir4 from "fhir/r4.js";
import { ordersWithFacts, type OrderFacts } from "../fhir/context-facts.js";
import { coverageInformation, type CanonicalNames } from "../fhir/coverage-information.js";
import { brokenInvariants } from "../fhir/crd-invariants.js";
import { coverageInformationUrl, crdName, crdTempCodes } from "../fhir/crd.js";
import { HookInputError } from "../fhir/hook-input-error.js";
import {
  readHookRequest,
  servedHooks,
  type HookRequest,
  type OrderResource,
  type ServedHook,
} from "../fhir/hook-request.js";
import type { Decision } from "../runtime/decision.js";
import { operationOutcome, type OutcomeIssue } from "./operation-outcome.js";
import type { ServedPolicy } from "./served-policy.js";

export interface ServiceOptions {
  /** The canonical base of the policies' FHIR artifacts: `https://policies.example.org/fhir`. */
  readonly canonicalBase: string;
  /** Today, YYYY-MM-DD: the assertion date, and the service date of an order that gives none. */
  readonly today: () => string;
}

export interface CdsService {
  readonly id: string;
  readonly hook: ServedHook;
  readonly policy: ServedPolicy;
}

export interface CdsLink {
  readonly label: string;
  readonly url: string;
  readonly type: "absolute" | "smart";
}

export interface CdsCard {
  readonly uuid: string;
  readonly summary: string;
  readonly detail?: string;
  readonly indicator: "info" | "warning" | "critical";
  readonly source: { readonly label: string; readonly url?: string; readonly topic?: fhir4.Coding };
  readonly links?: readonly CdsLink[];
}

export interface CdsSystemAction {
  readonly type: "create" | "update" | "delete";
  readonly description: string;
  readonly resource: OrderResource;
}

export interface CdsResponse {
  readonly cards: readonly CdsCard[];
  readonly systemActions?: readonly CdsSystemAction[];
}

export type ServiceAnswer =
  | { readonly status: 200; readonly body: CdsResponse }
  | { readonly status: 400 | 404; readonly body: fhir4.OperationOutcome };

/** One service per policy and hook: `wnc-cp-224-order-sign`. */
export function cdsServices(policies: readonly ServedPolicy[]): CdsService[] {
  return policies.flatMap((policy) => servedHooks.map((hook) => ({ id: `${policy.slug}-${hook}`, hook, policy })));
}

/** The discovery document: each service with its prefetch templates (the Conditions only when a fact reads them). */
export function discovery(services: readonly CdsService[]): { services: readonly Record<string, unknown>[] } {
  return {
    services: services.map(({ id, hook, policy }) => {
      const readsConditions = policy.mapping.facts.some((source) => source.source === "condition");
      return {
        hook,
        id,
        title: `${policy.reference} ${policy.title}`,
        description: `Coverage requirements of ${policy.reference} ${policy.title} for the orders it applies to (${crdName}).`,
        prefetch: {
          patient: "Patient/{{context.patientId}}",
          coverage: "Coverage?patient={{context.patientId}}&status=active",
          ...(readsConditions && { conditions: "Condition?patient={{context.patientId}}&clinical-status=active" }),
        },
        usageRequirements: `${crdName}: the coverage prefetch is needed for coverage information.`,
      };
    }),
  };
}

/** A stable id from the parts that make an assertion (the same order of the same call gets the same id). */
function stableId(parts: readonly string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);
}

function asUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function summaryOf(policy: ServedPolicy, decision: Decision): string {
  const outcome =
    decision.outcome === "covered"
      ? decision.priorApprovalRequired
        ? "covered with prior approval"
        : "covered"
      : decision.outcome === "not_covered"
        ? "not covered"
        : "more information needed";
  const head = `${policy.reference} ${policy.title}`;
  const summary = `${head}: ${outcome}`;
  return summary.length < 140 ? summary : `${head.slice(0, 139 - outcome.length - 5)}...: ${outcome}`;
}

function detailOf(decision: Decision, order: OrderFacts): string {
  const lines = [
    `Service date ${order.serviceDate} (from ${order.serviceDateFrom}); revision ${decision.policy.revision}.`,
  ];
  if (decision.reasons.length > 0) {
    lines.push(
      "",
      decision.outcome === "covered" ? "Met:" : decision.outcome === "pending" ? "Undecided:" : "Denied by:",
    );
    for (const reason of decision.reasons) lines.push(`- **${reason.id}** ${reason.text}`);
  }
  if (decision.missingFacts.length > 0) {
    lines.push("", "To answer (DTR):");
    for (const missing of decision.missingFacts) lines.push(`- ${missing.question}`);
  }
  return lines.join("\n");
}

/** The order with the coverage-information extension of this coverage in place of any earlier one. */
function orderWithExtension(order: OrderFacts, extension: fhir4.Extension, coverageReference: string): OrderResource {
  const resource = order.order.resource;
  const kept = (resource.extension ?? []).filter(
    (existing) =>
      existing.url !== coverageInformationUrl ||
      !existing.extension?.some(
        (part) => part.url === "coverage" && part.valueReference?.reference === coverageReference,
      ),
  );
  return { ...resource, extension: [...kept, extension] };
}

interface Answered {
  readonly card: CdsCard;
  readonly action?: CdsSystemAction;
}

function answerOrder(
  request: HookRequest,
  policy: ServedPolicy,
  order: OrderFacts,
  decision: Decision,
  options: ServiceOptions,
): Answered {
  const names: CanonicalNames = { base: options.canonicalBase, slug: policy.slug };
  const policyUrl = `${options.canonicalBase}/policy/${policy.slug}`;
  const orderReference = `${order.order.resource.resourceType}/${order.order.resource.id ?? order.order.expression}`;
  const id = stableId([request.hookInstance, policy.slug, orderReference]);
  const card: CdsCard = {
    uuid: asUuid(id),
    summary: summaryOf(policy, decision),
    detail: detailOf(decision, order),
    indicator: decision.outcome === "covered" ? "info" : "warning",
    source: {
      label: `${policy.reference} ${policy.title}`,
      url: policyUrl,
      topic: { system: crdTempCodes, code: "guideline", display: "Guideline" },
    },
    links: [{ label: `${policy.reference} ${policy.title}`, url: policyUrl, type: "absolute" }],
  };
  const coverage = request.coverage;
  if (coverage?.id === undefined) return { card };
  const coverageReference = `Coverage/${coverage.id}`;
  const extension = coverageInformation({
    decision,
    mapping: policy.mapping,
    coverageReference,
    billingCode: order.coding,
    names,
    date: options.today(),
    assertionId: stableId([request.hookInstance, policy.slug, orderReference, coverageReference]),
  });
  const broken = brokenInvariants(extension);
  if (broken.length > 0)
    throw new Error(`internal error: coverage-information breaks ${broken.map((b) => b.key).join(", ")}`);
  return {
    card,
    action: {
      type: "update",
      description: `${policy.reference}: coverage information for ${orderReference} (${crdName})`,
      resource: orderWithExtension(order, extension, coverageReference),
    },
  };
}

/** Where in the request the fact `field` was read from, for an issue about its value. */
function sourceExpression(policy: ServedPolicy, field: string, order: OrderFacts): string {
  const source = policy.mapping.facts.find((mapped) => mapped.fact === field)?.source;
  switch (source) {
    case "patient.age":
    case "patient.birth_date":
      return "prefetch.patient.birthDate";
    case "coverage.start":
    case "coverage.end":
    case "coverage.has_end":
      return "prefetch.coverage";
    case "condition":
      return "prefetch.conditions";
    case "order.code":
    case undefined:
      return order.order.expression;
  }
}

function isPolicyInputError(
  error: unknown,
): error is Error & { issues: readonly { field: string; problem: string }[] } {
  return (
    error instanceof Error && error.name === "PolicyInputError" && Array.isArray((error as { issues?: unknown }).issues)
  );
}

/** Answers a call of `service` with the parsed JSON `body`. */
export function callService(service: CdsService, body: unknown, options: ServiceOptions): ServiceAnswer {
  let request: HookRequest;
  try {
    request = readHookRequest(body, service.hook);
  } catch (error) {
    if (!(error instanceof HookInputError)) throw error;
    return badRequest(error.issues.map((issue) => ({ code: "invalid", ...issue })));
  }
  const orders = ordersWithFacts(request, service.policy.mapping, service.policy.valueSets, options.today());
  const answered: Answered[] = [];
  for (const order of orders) {
    let decision: Decision;
    try {
      decision = service.policy.evaluate(order.facts, { asOf: order.serviceDate });
    } catch (error) {
      if (!isPolicyInputError(error)) throw error;
      return badRequest(
        error.issues.map((issue) => ({
          code: "value",
          message: `The fact ${issue.field} read from FHIR ${issue.problem}.`,
          expression: sourceExpression(service.policy, issue.field, order),
        })),
      );
    }
    answered.push(answerOrder(request, service.policy, order, decision, options));
  }
  const actions = answered.flatMap((answer) => (answer.action ? [answer.action] : []));
  return {
    status: 200,
    body: { cards: answered.map((answer) => answer.card), ...(actions.length > 0 && { systemActions: actions }) },
  };
}

export function badRequest(issues: readonly OutcomeIssue[]): ServiceAnswer {
  return { status: 400, body: operationOutcome(issues) };
}

export function notFound(message: string): ServiceAnswer {
  return { status: 404, body: operationOutcome([{ code: "not-found", message }]) };
}
