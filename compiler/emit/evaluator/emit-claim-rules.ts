// The straight-line code of the claim rules that coding rules as written need, for checkClaim
// (emit-claim-checker.ts writes the rest): modifier rules under a guard, code pairs, unit limits
// across a group, rules that read the coverage decision, and a code's own lifetime.

import type {
  BillingGuardModel,
  BillingRuleModel,
  Condition,
  DecisionTestModel,
  NumericModel,
  PolicyModel,
} from "../../model/policy-model.js";
import { stringLiteral } from "../code-text.js";
import type { ClaimRule } from "../../model/claim-rules.js";
import { inForceTest } from "./in-force.js";

/** What the code of these rules needs from the claim checker's emitter. */
export interface ClaimRuleEmitContext {
  readonly model: PolicyModel;
  /** The local holding the indexes of the claim's lines of `code`. */
  linesOf(code: string): string;
  /** The truth of a condition over claim facts (marks checkClaim as typing a Truth). */
  truth(condition: Condition): string;
  /** Statements that declare `missing`, the rule's claim facts that are unknown. */
  missingFacts(rule: BillingRuleModel): string[];
  numeric(expression: NumericModel): string;
  /** Tests that a claim fact the expression reads is unknown. */
  unknownTests(expression: NumericModel): string[];
  useRuntime(name: string): void;
  /** Records that checkClaim reads `options.decision`. */
  readDecision(): void;
}

function list(values: readonly string[]): string {
  return `[${values.map(stringLiteral).join(", ")}]`;
}

/** The truth of a test of the decision (1 when none was given). */
function decisionTruth(test: DecisionTestModel, context: ClaimRuleEmitContext): string {
  context.readDecision();
  if (test.kind === "coverage") {
    context.useRuntime("coverageIs");
    return `coverageIs(decision, ${stringLiteral(test.outcome)})`;
  }
  context.useRuntime("qualifiedUnder");
  return `qualifiedUnder(decision, ${stringLiteral(test.statement)})`;
}

/** The truth of a guard: its tests of the decision and conditions over claim facts, joined three-valued. */
function guardTruth(guard: BillingGuardModel, context: ClaimRuleEmitContext): string {
  switch (guard.kind) {
    case "always":
      return "2";
    case "decision":
      return decisionTruth(guard.test, context);
    case "claim":
      return context.truth(guard.condition);
    case "not":
      context.useRuntime("not");
      return `not(${guardTruth(guard.operand, context)})`;
    case "and":
    case "or":
      context.useRuntime(guard.kind);
      return `${guard.kind}(${guard.operands.map((operand) => guardTruth(operand, context)).join(", ")})`;
  }
}

/** The decision tests of a guard. */
function decisionTests(guard: BillingGuardModel): DecisionTestModel[] {
  switch (guard.kind) {
    case "decision":
      return [guard.test];
    case "not":
      return decisionTests(guard.operand);
    case "and":
    case "or":
      return guard.operands.flatMap(decisionTests);
    default:
      return [];
  }
}

/**
 * `missing`, what a pending rule needs: the decision's parts (for a single test), or the rule's
 * unknown claim facts and then the parts of the decision its tests read that were not given.
 */
function missingFor(rule: BillingRuleModel, guard: BillingGuardModel, context: ClaimRuleEmitContext): string[] {
  if (guard.kind === "decision") {
    context.useRuntime("decisionMissing");
    return ["const missing = decisionMissing(decision);"];
  }
  const tests = decisionTests(guard);
  if (tests.length === 0) return context.missingFacts(rule);
  context.useRuntime("decisionPartsMissing");
  const readsPath = tests.some((test) => test.kind === "qualifiedUnder");
  return [...context.missingFacts(rule), `missing.push(...decisionPartsMissing(decision, ${readsPath}));`];
}

/** Reports `offending` lines as broken while the guard holds, pending while it is unknown. */
function guarded(
  rule: ClaimRule,
  guard: BillingGuardModel,
  offending: string,
  detail: string,
  context: ClaimRuleEmitContext,
): string[] {
  const id = stringLiteral(rule.id);
  if (guard.kind === "always")
    return [`if (${offending}.length > 0) findings.violated(${id}, ${offending}, ${detail});`];
  const truth = guardTruth(guard, context);
  return [
    `if (${offending}.length > 0) {`,
    `const applies: Truth = ${truth};`,
    `if (applies === 2) findings.violated(${id}, ${offending}, ${detail});`,
    "else if (applies === 1) {",
    ...missingFor(rule, guard, context),
    `findings.couldNotCheck(${id}, ${offending}, missing);`,
    "}",
    "}",
  ];
}

/** The statements that check one rule of these kinds. */
export function claimRuleCode(rule: ClaimRule, context: ClaimRuleEmitContext): string[] {
  const lines = context.linesOf(rule.code);
  const id = stringLiteral(rule.id);
  switch (rule.kind) {
    case "billedOnlyWhenDecided":
    case "notBilledWhenDecided": {
      const broken = rule.kind === "billedOnlyWhenDecided" ? 0 : 2;
      return [
        `if (${lines}.length > 0) {`,
        `const holds: Truth = ${guardTruth(rule.when, context)};`,
        `if (holds === ${broken}) findings.violated(${id}, ${lines});`,
        "else if (holds === 1) {",
        ...missingFor(rule, rule.when, context),
        `findings.couldNotCheck(${id}, ${lines}, missing);`,
        "}",
        "}",
      ];
    }
    case "requiresOneOfModifiers": {
      context.useRuntime("linesWithoutAnyModifier");
      const detail =
        rule.modifiers.length === 1
          ? `modifier ${rule.modifiers[0]} missing`
          : `none of modifiers ${rule.modifiers.join(", ")}`;
      return [
        "{",
        `const offending = linesWithoutAnyModifier(lines, ${lines}, ${list(rule.modifiers)});`,
        ...guarded(rule, rule.when, "offending", stringLiteral(detail), context),
        "}",
      ];
    }
    case "mustNotHaveModifier": {
      context.useRuntime("linesWithAnyModifier");
      const detail = `modifier ${rule.modifiers.join(" or ")} not allowed`;
      return [
        "{",
        `const offending = linesWithAnyModifier(lines, ${lines}, ${list(rule.modifiers)});`,
        ...guarded(rule, rule.when, "offending", stringLiteral(detail), context),
        "}",
      ];
    }
    case "notBilledWith": {
      const partners = rule.partner.kind === "code" ? [rule.partner.code] : rule.partner.group.codes;
      const partnerLines = partners.filter((code) => code !== rule.code).map((code) => context.linesOf(code));
      if (partnerLines.length === 0) return [];
      const detail = `${rule.code} billed with ${rule.partner.kind === "code" ? rule.partner.code : `a code of ${rule.partner.group.name}`}`;
      context.useRuntime("linesOnSharedDates");
      // Billed together means on one date: a line's own, or the claim's service date.
      return [
        `if (${lines}.length > 0 && ${partnerLines.map((p) => `${p}.length`).join(" + ")} > 0) {`,
        `const together = linesOnSharedDates(lines, ${lines}, [${partnerLines.map((p) => `...${p}`).join(", ")}], serviceDate);`,
        `if (together.length > 0) findings.violated(${id}, together, ${stringLiteral(detail)});`,
        "}",
      ];
    }
    case "groupUnitsAtMost": {
      context.useRuntime("totalUnits");
      const groupLines = rule.group.codes.map((code) => context.linesOf(code));
      const rounding = { up: "Math.ceil", down: "Math.floor", none: "" }[rule.rounding];
      const unknown = context.unknownTests(rule.limit);
      return [
        "{",
        `const groupLines = [${groupLines.map((g) => `...${g}`).join(", ")}];`,
        "if (groupLines.length > 0) {",
        ...(unknown.length > 0
          ? [
              `if (${unknown.join(" || ")}) {`,
              ...context.missingFacts(rule),
              `findings.couldNotCheck(${id}, groupLines, missing);`,
              "} else {",
            ]
          : ["{"]),
        `const allowed = Math.max(0, ${rounding}(${context.numeric(rule.limit)}));`,
        "const billed = totalUnits(lines, groupLines);",
        `if (billed > allowed) findings.violated(${id}, groupLines, \`${rule.group.name} billed for \${billed} units together; at most \${allowed} allowed\`);`,
        "}",
        "}",
        "}",
      ];
    }
    case "unitsPerPeriod": {
      context.useRuntime("checkUnitsPerPeriod");
      const codes = rule.group === undefined ? [rule.code] : rule.group.codes;
      const rounding = { up: "Math.ceil", down: "Math.floor", none: "" }[rule.rounding];
      const unknown = context.unknownTests(rule.limit);
      return [
        "{",
        `const periodLines = [${codes.map((code) => `...${context.linesOf(code)}`).join(", ")}];`,
        "if (periodLines.length > 0) {",
        ...(unknown.length > 0
          ? [
              `if (${unknown.join(" || ")}) {`,
              ...context.missingFacts(rule),
              `findings.couldNotCheck(${id}, periodLines, missing);`,
              "} else {",
            ]
          : ["{"]),
        `const allowed = Math.max(0, ${rounding}(${context.numeric(rule.limit)}));`,
        `checkUnitsPerPeriod(findings, ${id}, lines, periodLines, ${stringLiteral(rule.period)}, allowed, serviceDate);`,
        "}",
        "}",
        "}",
      ];
    }
    case "codeInForce": {
      const valid = inForceTest(context.model, rule.valid, "asOf");
      if (valid === undefined) return [];
      return [`if (${lines}.length > 0 && !(${valid})) findings.violated(${id}, ${lines}, \`not valid on \${asOf}\`);`];
    }
  }
}

/**
 * `billed with each code of <group>` and `units at least units of <group>`: the code's units on each
 * date of service reach what the group's lines on that date need (runtime/shared-dates.ts).
 */
export function unitsAtLeastPerDateCode(
  rule: BillingRuleModel & { readonly kind: "billedWithEach" | "unitsAtLeastGroup" },
  context: ClaimRuleEmitContext,
): string[] {
  const groupLines = rule.group.codes.map((code) => context.linesOf(code));
  if (groupLines.length === 0) return [];
  context.useRuntime("checkUnitsAtLeastPerDate");
  const need = rule.kind === "billedWithEach" ? "largest" : "together";
  return [
    `if (${groupLines.map((g) => `${g}.length`).join(" + ")} > 0) {`,
    `checkUnitsAtLeastPerDate(findings, ${stringLiteral(rule.id)}, ${stringLiteral(rule.code)}, lines, ${context.linesOf(rule.code)}, [${groupLines.map((g) => `...${g}`).join(", ")}], ${stringLiteral(need)}, serviceDate);`,
    "}",
  ];
}
