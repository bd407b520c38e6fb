// JSON Schema (draft 2020-12) of what a generated module returns or throws: a decision (one shape per
// outcome, as the Decision union in runtime/decision.ts), a claim check, and the input error. Ids are
// enumerated from the model, so a schema names exactly this policy's rules, facts and exceptions.

import { readingRegister } from "../../model/reading-register.js";
import type { PolicyModel } from "../../model/policy-model.js";
import { INPUT_ISSUE_CODES } from "../../runtime/issues.js";
import { DRAFT_2020_12, type Json, type JsonObject } from "./fact-schemas.js";

function anyOf(values: readonly string[]): JsonObject {
  return values.length === 0 ? { not: {} } : { enum: [...values] };
}

function listOf(items: Json): JsonObject {
  return { type: "array", items };
}

/** An object holding exactly `required` and `optional` (a schema each), nothing else. */
function record(
  required: { readonly [key: string]: Json },
  optional: { readonly [key: string]: Json } = {},
): JsonObject {
  return {
    type: "object",
    additionalProperties: false,
    required: Object.keys(required),
    properties: { ...required, ...optional },
  };
}

const text: JsonObject = { type: "string" };
const ruleKind = anyOf(["criterion", "exclusion", "note", "exception"]);
const ruleStatus = anyOf(["met", "not_met", "pending", "not_applicable"]);

const sha256: JsonObject = { type: "string", pattern: "^[0-9a-f]{64}$" };

/** The ids of the policy's readings (its register's anchors): what a reason or the identity cites. */
function readingIds(model: PolicyModel): JsonObject {
  return listOf(anyOf(readingRegister(model).map((reading) => reading.id)));
}

/** The policy's identity in a decision or a claim check: exactly PolicyIdentity's fields. */
function identityOf(model: PolicyModel): JsonObject {
  return record(
    {
      reference: text,
      title: text,
      revision: text,
      revisionEffective: { type: "string", format: "date" },
      sourceHash: sha256,
      modelHash: sha256,
      compiler: { type: "string", pattern: "^policyc " },
      readings: readingIds(model),
    },
    { publishedTextHash: sha256 },
  );
}

function decisionDefinitions(model: PolicyModel): JsonObject {
  const ruleIds = model.rules.map((rule) => rule.id);
  const exceptionIds = model.exceptions.map((exception) => exception.id);
  const statementIds: JsonObject = { $ref: "#/$defs/statementId" };
  const factName: JsonObject = { $ref: "#/$defs/factName" };
  const facts = listOf(factName);
  const qualifying = anyOf([
    ...ruleIds,
    ...model.statementReferences.filter((reference) => reference.target === "section").map((reference) => reference.id),
  ]);
  return {
    reason: record(
      { id: statementIds, kind: ruleKind, text, status: ruleStatus, readings: readingIds(model) },
      { overriddenBy: anyOf(exceptionIds), calls: listOf({ $ref: "#/$defs/definitionCall" }) },
    ),
    definitionCall: record({
      definition: text,
      label: text,
      arguments: listOf({
        oneOf: [
          record({
            parameter: text,
            record: record({
              list: text,
              index: { type: "integer" },
              fields: {
                type: "object",
                additionalProperties: { anyOf: [text, { type: "number" }, { type: "boolean" }] },
              },
            }),
          }),
          record({ parameter: text, value: { anyOf: [{ type: "number" }, text, { type: "null" }] } }),
        ],
      }),
      status: anyOf(["met", "not_met", "pending"]),
    }),
    missingFact: record(
      {
        fact: factName,
        question: text,
        description: text,
        readBy: listOf(statementIds),
      },
      {
        group: record({ kind: anyOf(["reasons", "dated"]), id: text, text }),
        askWhen: record({ fact: factName, answer: { type: "boolean" } }),
        reason: record({ id: statementIds, text, answer: { type: "boolean" } }),
      },
    ),
    limitation: record({ id: qualifying, text }),
    servicesNotCovered: record({
      section: text,
      title: text,
      status: anyOf(["not_covered", "pending"]),
      reason: { $ref: "#/$defs/reason" },
    }),
    traceEntry: record(
      { id: statementIds, kind: ruleKind, status: ruleStatus, facts },
      {
        overriddenBy: anyOf(exceptionIds),
        metThrough: listOf(record({ kind: anyOf(["definition", "part", "criterion", "section"]), id: text })),
        calls: listOf({ $ref: "#/$defs/definitionCall" }),
      },
    ),
    definitionTraceEntry: record({
      name: text,
      label: text,
      status: anyOf(["met", "not_met", "pending"]),
      facts,
    }),
    qualifying,
    identity: identityOf(model),
    statementId: anyOf([...ruleIds, ...exceptionIds]),
    factName: anyOf(model.facts.map((fact) => fact.name)),
  };
}

/** What the CRD block and the missing facts are for each outcome: the three members of the union. */
const outcomes: readonly Json[] = [
  {
    properties: {
      outcome: { type: "string", const: "covered" },
      crd: record(
        { covered: { const: "covered" }, paNeeded: anyOf(["auth-needed", "no-auth"]) },
        { detail: listOf(record({ code: { const: "instructions" }, value: text })) },
      ),
      missingFacts: { type: "array", maxItems: 0 },
    },
  },
  {
    properties: {
      outcome: { type: "string", const: "not_covered" },
      crd: record({ covered: { const: "not-covered" } }),
      missingFacts: { type: "array", maxItems: 0 },
    },
  },
  {
    properties: {
      outcome: { type: "string", const: "pending" },
      crd: record({
        covered: { const: "conditional" },
        paNeeded: { const: "conditional" },
        docNeeded: { const: "clinical" },
      }),
    },
  },
];

/**
 * The schema of a decision. NOTE: open to more top-level properties, so that a decision of a later
 * compiler (with more fields) still validates; every property named here is typed exactly.
 */
export function decisionSchema(model: PolicyModel): JsonObject {
  return {
    $schema: DRAFT_2020_12,
    title: `A decision of ${model.reference} ${model.title}`,
    type: "object",
    required: [
      "outcome",
      "crd",
      "qualifiedUnder",
      "limitations",
      "reasons",
      "missingFacts",
      "servicesNotCovered",
      "exceptionsApplied",
      "priorApprovalRequired",
      "asOf",
      "policy",
    ],
    properties: {
      outcome: anyOf(["covered", "not_covered", "pending"]),
      crd: { type: "object" },
      qualifiedUnder: listOf({ $ref: "#/$defs/qualifying" }),
      limitations: listOf({ $ref: "#/$defs/limitation" }),
      reasons: listOf({ $ref: "#/$defs/reason" }),
      missingFacts: listOf({ $ref: "#/$defs/missingFact" }),
      servicesNotCovered: listOf({ $ref: "#/$defs/servicesNotCovered" }),
      exceptionsApplied: listOf(anyOf(model.exceptions.map((exception) => exception.id))),
      priorApprovalRequired: { type: "boolean" },
      asOf: { type: "string", format: "date" },
      policy: { $ref: "#/$defs/identity" },
      trace: listOf({ $ref: "#/$defs/traceEntry" }),
      definitionTrace: listOf({ $ref: "#/$defs/definitionTraceEntry" }),
    },
    oneOf: outcomes,
    $defs: decisionDefinitions(model),
  };
}

/** The schema of a claim check: its verdict, its findings, the lines no rule governs. */
export function claimCheckSchema(model: PolicyModel): JsonObject {
  const finding = record(
    {
      rule: anyOf(model.billingRules.map((rule) => rule.id)),
      code: text,
      source: record({ kind: anyOf(["code", "billing", "note"]), id: text, text }),
      message: text,
      lines: listOf({ type: "integer", minimum: 0 }),
    },
    { detail: text, missingFacts: listOf(text) },
  );
  return {
    $schema: DRAFT_2020_12,
    title: `A claim check of ${model.reference} ${model.title}`,
    type: "object",
    required: ["verdict", "violations", "pending", "linesNotGoverned", "asOf", "policy"],
    properties: {
      verdict: anyOf(["clean", "violations", "pending"]),
      violations: listOf({ $ref: "#/$defs/finding" }),
      pending: listOf({ $ref: "#/$defs/finding" }),
      linesNotGoverned: listOf({ type: "integer", minimum: 0 }),
      asOf: { type: "string", format: "date" },
      policy: { $ref: "#/$defs/identity" },
    },
    $defs: { finding, identity: identityOf(model) },
  };
}

/** The schema of a PolicyInputError as JSON (`JSON.stringify(error)`): the policy and every issue. */
export function inputErrorSchema(model: PolicyModel): JsonObject {
  return {
    $schema: DRAFT_2020_12,
    title: `Malformed input for ${model.reference} ${model.title}: every bad field, never a decision`,
    type: "object",
    required: ["name", "policy", "issues"],
    properties: {
      name: { const: "PolicyInputError" },
      policy: { const: model.reference },
      issues: {
        type: "array",
        minItems: 1,
        items: record({
          code: anyOf(INPUT_ISSUE_CODES),
          field: text,
          pointer: { type: "string", pattern: "^(?:/(?:[^~/]|~[01])*)*$" },
          problem: text,
        }),
      },
    },
  };
}
