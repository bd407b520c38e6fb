// Lowering (compiler/model/lower.ts), one rule at a time: small policies written inline in the policy
// language, checked, lowered, and the model asserted. The sugar of the surface language is gone
// (`unless`, `is no`, `all of`), names stand for what the checker resolved them to, and every derived
// relation is in the model: applicability outermost first, lifetimes as revision ranges, the facts
// each rule reads, an exception's overrides, the billing rules of the coding table.

import { describe, expect, it } from "vitest";
import type { Condition, PolicyModel, RuleModel } from "../compiler/model/policy-model.js";
import { checkPolicySource } from "../compiler/pipeline.js";

/** A policy with two revisions, a few facts of each type and a category, then `body`. */
function policy(body: string): string {
  return `policy LOW.1
  title "Lowering" plan "Plan" description "Small policies for lowering." last review 2024-06
revision 2024-01 "Original." effective 2024-01-01
revision 2024-06 "Second." effective 2024-06-01
revision 2025-01 "Third." effective 2025-01-01
category place "where the service is given"
category safety "keeps the member safe"
fact a.flag: yes or no description "A flag." ask "Is the flag set?"
fact a.other: yes or no description "Another flag." ask "Is the other flag set?"
fact a.age: number unit "years" from 0 to 120 description "Age." ask "How old?"
fact a.place: one of home "at home", clinic "in a clinic", ward "on a ward" description "Where." ask "Where?"
fact a.kit: set of pump "a pump", line "a line", pole "a pole" description "Kit." ask "What kit?"
fact a.since: date description "Since." ask "Since when?"
${body}`;
}

/** The model of `text`, which must check without an error. */
function lower(text: string): PolicyModel {
  const result = checkPolicySource(text, "policy/low.policy");
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  expect(errors.map((d) => `${d.code} line ${d.span.line}: ${d.message}`)).toEqual([]);
  if (result.model === undefined) throw new Error("no model");
  return result.model;
}

function rule(model: PolicyModel, id: string): RuleModel {
  const found = model.rules.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no rule ${id} in the model`);
  return found;
}

/** The condition of rule `id` in the policy made of `body`. */
function conditionOf(body: string, id = "S.1"): Condition {
  return rule(lower(policy(body)), id).condition;
}

const flag: Condition = { kind: "fact", fact: "a.flag" };
const other: Condition = { kind: "fact", fact: "a.other" };
const old: Condition = {
  kind: "compare",
  operator: ">=",
  left: { kind: "fact", fact: "a.age" },
  right: { kind: "number", value: 65 },
};

describe("sugar removed", () => {
  it("lowers `not covered unless X` to a denial when not X", () => {
    const model = lower(policy(`section S "Not covered when:"\nexclusion S.1 "x" not covered unless a.flag`));
    expect(rule(model, "S.1")).toMatchObject({
      kind: "exclusion",
      role: "exclusion",
      condition: { kind: "not", operand: flag },
      written: { keyword: "unless", condition: flag },
    });
  });

  it("lowers `not covered when X` to a denial when X, without a not", () => {
    expect(conditionOf(`section S "Not covered when:"\nexclusion S.1 "x" not covered when a.flag`)).toEqual(flag);
  });

  it("keeps `not covered when not X` written with when, though its condition is the same as with unless", () => {
    const model = lower(policy(`section S "Not covered when:"\nexclusion S.1 "x" not covered when not a.flag`));
    expect(rule(model, "S.1")).toMatchObject({
      condition: { kind: "not", operand: flag },
      written: { keyword: "when" },
    });
  });

  it("lowers `is no` to not, `is yes` to the fact itself, and both to a condition that always holds once known", () => {
    expect(conditionOf(`section S "Covered when:"\ncriterion S.1 "x" met when a.flag is no`)).toEqual({
      kind: "not",
      operand: flag,
    });
    expect(conditionOf(`section S "Covered when:"\ncriterion S.1 "x" met when a.flag is yes`)).toEqual(flag);
    expect(conditionOf(`section S "Covered when:"\ncriterion S.1 "x" met when a.flag is one of (yes, no)`)).toEqual({
      kind: "or",
      operands: [flag, { kind: "not", operand: flag }],
    });
  });

  it("lowers `is not` on a one-of fact to not, around the values", () => {
    expect(conditionOf(`section S "Covered when:"\ncriterion S.1 "x" met when a.place is not ward`)).toEqual({
      kind: "not",
      operand: { kind: "oneOf", fact: "a.place", values: ["ward"] },
    });
    expect(
      conditionOf(`section S "Covered when:"\ncriterion S.1 "x" met when a.place is one of (home, clinic)`),
    ).toEqual({ kind: "oneOf", fact: "a.place", values: ["home", "clinic"] });
  });

  it("lowers `is` on a number to an equality, one for each value", () => {
    expect(conditionOf(`section S "Covered when:"\ncriterion S.1 "x" met when a.age is one of (65, 70)`)).toEqual({
      kind: "or",
      operands: [65, 70].map((value) => ({
        kind: "compare",
        operator: "=",
        left: { kind: "fact", fact: "a.age" },
        right: { kind: "number", value },
      })),
    });
  });

  it("lowers two yes-or-no facts compared with = to: both, or neither", () => {
    expect(conditionOf(`section S "Covered when:"\ncriterion S.1 "x" met when a.flag = a.other`)).toEqual({
      kind: "or",
      operands: [
        { kind: "and", operands: [flag, other] },
        {
          kind: "and",
          operands: [
            { kind: "not", operand: flag },
            { kind: "not", operand: other },
          ],
        },
      ],
    });
  });

  it("lowers `all of`, `any of` and `at least one of` to and and or, flattened; `at least 2 of` stays a count", () => {
    expect(
      conditionOf(`section S "Covered when:"\ncriterion S.1 "x" met when all of (a.flag, a.other and a.age >= 65)`),
    ).toEqual({ kind: "and", operands: [flag, other, old] });
    expect(conditionOf(`section S "Covered when:"\ncriterion S.1 "x" met when any of (a.flag, a.other)`)).toEqual({
      kind: "or",
      operands: [flag, other],
    });
    expect(
      conditionOf(
        `section S "Covered when:"\ncriterion S.1 "x" met when at least one of (a.flag, a.other or a.age >= 65)`,
      ),
    ).toEqual({ kind: "or", operands: [flag, other, old] });
    expect(
      conditionOf(`section S "Covered when:"\ncriterion S.1 "x" met when at least 2 of (a.flag, a.other, a.age >= 65)`),
    ).toEqual({ kind: "atLeast", count: 2, operands: [flag, other, old] });
  });

  it("keeps a set test, a date compared with the service date, and a constant as they are", () => {
    expect(
      conditionOf(
        `section S "Covered when:"\ncriterion S.1 "x" met when a.kit contains all of (pump, line) and a.since <= service date`,
      ),
    ).toEqual({
      kind: "and",
      operands: [
        { kind: "contains", fact: "a.kit", mode: "all", values: ["pump", "line"] },
        { kind: "compare", operator: "<=", left: { kind: "fact", fact: "a.since" }, right: { kind: "serviceDate" } },
      ],
    });
  });
});

describe("names", () => {
  const definitions = `define elderly "the member is elderly" as a.age >= 65
define elderly_at_home "the member is elderly and at home" as elderly and a.place is home
section S "Covered when:"
criterion S.1 "x" met when elderly_at_home or a.flag
criterion S.2 "y" met when elderly
`;

  it("refers to a definition by its name, and lowers its body once, in the definitions", () => {
    const model = lower(policy(definitions));
    expect(rule(model, "S.1").condition).toEqual({
      kind: "or",
      operands: [{ kind: "definition", name: "elderly_at_home" }, flag],
    });
    expect(model.definitions.map((definition) => [definition.name, definition.label, definition.condition])).toEqual([
      ["elderly", "the member is elderly", old],
      [
        "elderly_at_home",
        "the member is elderly and at home",
        {
          kind: "and",
          operands: [
            { kind: "definition", name: "elderly" },
            { kind: "oneOf", fact: "a.place", values: ["home"] },
          ],
        },
      ],
    ]);
  });

  it("orders definitions so that each comes after those it uses, whatever the order written", () => {
    const reversed = `define elderly_at_home "the member is elderly and at home" as elderly and a.place is home
define elderly "the member is elderly" as a.age >= 65
section S "Covered when:"
criterion S.1 "x" met when elderly_at_home
`;
    expect(lower(policy(reversed)).definitions.map((definition) => definition.name)).toEqual([
      "elderly",
      "elderly_at_home",
    ]);
  });

  it("records the note that states a definition", () => {
    const model = lower(
      policy(`section S "Covered when:"
note S.note "Note: elderly means 65 or older."
  defines elderly "the member is elderly" as a.age >= 65
criterion S.1 "x" met when elderly
`),
    );
    expect(model.definitions).toEqual([
      { name: "elderly", label: "the member is elderly", condition: old, definedByNote: "S.note", readings: [] },
    ]);
  });
});

describe("parts of a criterion", () => {
  const withParts = `section S "Covered when:"
criterion S.1 "Both parts are met:" met when S.1.a and S.1.b
criterion S.1.a "The first." met when a.flag
criterion S.1.b "The second." met when S.1.b.i or a.age >= 65
criterion S.1.b.i "Its own part." met when a.place is home
`;

  it("refers to a part by its id, and makes the part a rule of role part, belonging to its criterion", () => {
    const model = lower(policy(withParts));
    expect(rule(model, "S.1")).toMatchObject({
      role: "requirement",
      condition: {
        kind: "and",
        operands: [
          { kind: "part", id: "S.1.a" },
          { kind: "part", id: "S.1.b" },
        ],
      },
    });
    expect(model.rules.map((r) => [r.id, r.role, r.partOf])).toEqual([
      ["S.1", "requirement", undefined],
      ["S.1.a", "part", "S.1"],
      ["S.1.b", "part", "S.1"],
      ["S.1.b.i", "part", "S.1.b"],
    ]);
    expect(rule(model, "S.1.b").condition).toEqual({ kind: "or", operands: [{ kind: "part", id: "S.1.b.i" }, old] });
  });

  it("gives a criterion every fact its parts read, down to its parts' parts, in declaration order", () => {
    const model = lower(policy(withParts));
    expect(rule(model, "S.1").facts).toEqual(["a.flag", "a.age", "a.place"]);
    expect(rule(model, "S.1.b").facts).toEqual(["a.age", "a.place"]);
    expect(rule(model, "S.1.b.i").facts).toEqual(["a.place"]);
  });
});

describe("sections", () => {
  const nested = `section S "Covered when:"
  applies when a.flag
section S.A "At home"
  applies when a.place is home
section S.A.1 "No condition of its own"
criterion S.A.1.a "x" met when a.age >= 65
criterion S.B "y" met when a.other
`;

  it("give a rule the conditions of every enclosing section that has one, outermost first", () => {
    const model = lower(policy(nested));
    expect(rule(model, "S.A.1.a").applicability).toEqual([
      { section: "S", condition: flag },
      { section: "S.A", condition: { kind: "oneOf", fact: "a.place", values: ["home"] } },
    ]);
    expect(rule(model, "S.B").applicability).toEqual([{ section: "S", condition: flag }]);
  });

  it("count the facts a section's condition reads among the facts of each rule in it, outermost first", () => {
    const model = lower(policy(nested));
    expect(rule(model, "S.A.1.a").facts).toEqual(["a.flag", "a.age", "a.place"]);
    expect(rule(model, "S.B").facts).toEqual(["a.flag", "a.other"]);
  });

  it("keep the section's condition in the outline too", () => {
    const section = lower(policy(nested)).outline.find((entry) => entry.id === "S.A");
    expect(section).toEqual({
      kind: "section",
      id: "S.A",
      title: "At home",
      appliesWhen: { kind: "oneOf", fact: "a.place", values: ["home"] },
      inForce: { from: 0 },
      readings: [],
      parent: "S",
      children: ["S.A.1"],
      depth: 2,
    });
  });

  it("give every outline entry its parent, its children in source order and its depth", () => {
    const places = lower(policy(nested)).outline.map((entry) => [entry.id, entry.parent, entry.children, entry.depth]);
    expect(places).toEqual([
      ["S", undefined, ["S.A", "S.B"], 1],
      ["S.A", "S", ["S.A.1"], 2],
      ["S.A.1", "S.A", ["S.A.1.a"], 3],
      ["S.A.1.a", "S.A.1", [], 4],
      ["S.B", "S", [], 2],
    ]);
  });
});

describe("lifetimes", () => {
  const changing = `section S "Covered when:"
criterion S.1 "Always." met when a.flag
criterion S.2 "Added." met when a.other
  added in 2024-06
criterion S.3 "Removed." met when a.age >= 65
  removed in 2025-01
criterion S.4 "Both." met when a.place is home
  added in 2024-06
  removed in 2025-01
`;

  it("become revision ranges, by index into the revision log: from the one that added it, until the one that removed it", () => {
    const model = lower(policy(changing));
    expect(model.rules.map((r) => [r.id, r.inForce])).toEqual([
      ["S.1", { from: 0 }],
      ["S.2", { from: 1 }],
      ["S.3", { from: 0, until: 2 }],
      ["S.4", { from: 1, until: 2 }],
    ]);
  });

  it("are listed under each revision, as what it added and what it removed", () => {
    const model = lower(policy(changing));
    expect(model.revisions.map((r) => [r.approved, r.effective, r.added, r.removed])).toEqual([
      ["2024-01", "2024-01-01", [], []],
      ["2024-06", "2024-06-01", ["S.2", "S.4"], []],
      ["2025-01", "2025-01-01", [], ["S.3", "S.4"]],
    ]);
  });
});

describe("what each rule reads", () => {
  it("includes the facts read through definitions, in the order the facts are declared", () => {
    const model = lower(
      policy(`define placed "placed" as a.place is home or a.flag
section S "Covered when:"
criterion S.1 "x" met when a.since <= service date and placed and a.age >= 65
`),
    );
    expect(rule(model, "S.1").facts).toEqual(["a.flag", "a.age", "a.place", "a.since"]);
  });

  it("is what each fact says reads it: its rules and exceptions, by id", () => {
    const model = lower(
      policy(`section S "Covered when:"
criterion S.1 "x" met when a.flag and a.age >= 65
  category place
criterion S.2 "y" met when a.flag
exception E "An exception."
  applies when a.age < 21
  may override place
  overrides S.1
`),
    );
    expect(Object.fromEntries(model.facts.map((fact) => [fact.name, fact.readBy]))).toEqual({
      "a.flag": ["S.1", "S.2"],
      "a.other": [],
      "a.age": ["S.1", "E"],
      "a.place": [],
      "a.kit": [],
      "a.since": [],
    });
  });
});

describe("exceptions", () => {
  const exceptions = `section S "Covered when:"
criterion S.1 "At home." met when a.place is home
  category place
criterion S.2 "Safe." met when a.flag
  category safety
exception E "Young members."
  applies when a.age < 21 and a.other
  may override place
  never overrides safety
  overrides S.1
  requires prior approval
  added in 2024-06
`;

  it("keep what they override, what they may and may never override, and prior approval", () => {
    const model = lower(policy(exceptions));
    expect(model.exceptions.find((e) => e.id === "E")).toEqual({
      id: "E",
      title: "Young members.",
      condition: {
        kind: "and",
        operands: [
          {
            kind: "compare",
            operator: "<",
            left: { kind: "fact", fact: "a.age" },
            right: { kind: "number", value: 21 },
          },
          other,
        ],
      },
      overrides: ["S.1"],
      mayOverride: ["place"],
      neverOverrides: ["safety"],
      requiresPriorApproval: true,
      inForce: { from: 1 },
      readings: [],
      facts: ["a.other", "a.age"],
    });
  });

  it("are among what the revision that added them added", () => {
    expect(lower(policy(exceptions)).revisions[1]?.added).toEqual(["E"]);
  });

  it("are listed on each rule they override, in the exceptions' order, once each", () => {
    const model = lower(
      policy(`${exceptions}exception F "Second."
  applies when a.flag
  may override place
  overrides S.1, S.1
`),
    );
    expect(rule(model, "S.1").overriddenBy).toEqual(["E", "F"]);
    expect(rule(model, "S.2").overriddenBy).toEqual([]);
  });
});

describe("notes", () => {
  it("lower a note that denies to an exclusion, and one that excludes services to a services exclusion", () => {
    const model = lower(
      policy(`section S "Covered when:"
criterion S.1 "x" met when a.flag
section T "Services"
service T.1 "A service."
section U "Not covered when:"
note U.note-1 "Note: not at a clinic."
  not covered when a.place is clinic
note U.note-2 "Note: no services on a ward."
  excludes services of T when a.place is ward
note U.note-3 "Note: words alone."
`),
    );
    expect(model.rules.map((r) => [r.id, r.kind, r.role, r.servicesOf])).toEqual([
      ["S.1", "criterion", "requirement", undefined],
      ["U.note-1", "note", "exclusion", undefined],
      ["U.note-2", "note", "servicesExclusion", "T"],
    ]);
    // A note without a rule decides nothing: it is in the outline, not among the rules.
    expect(model.outline.find((entry) => entry.id === "U.note-3")).toMatchObject({ kind: "note" });
    expect(model.outline.find((entry) => entry.id === "U.note-1")).toEqual({
      kind: "rule",
      id: "U.note-1",
      parent: "U",
      children: [],
      depth: 2,
    });
  });
});

describe("billing rules", () => {
  const coding = `section S "Covered when:"
criterion S.1 "x" met when a.flag
section S.N "Notes"
note S.N.1 "Note: pumps are billed only for pump therapy."
claim fact pumps: yes or no description "Pumps." ask "Does the claim bill pumps?"
claim fact minutes: number from 0 to 1440 description "Minutes." ask "How many minutes?"
code group kit_codes "the kit codes (E0001, E0002)": E0001, E0002
code E0001 "A pump."
  rule E0001-pumps: billed only when claim.pumps
    from S.N.1
  rule E0001-not-long: not billed when claim.minutes > 600
    says "E0001 is not billed for long sessions."
code E0002 "A line."
  rule E0002-units: units at most (claim.minutes - 120) / 15 rounded up
code T0003 modifier SD "Nursing."
  billing "Bill it with each kit code, with modifier SD."
    added in 2024-06
    rule T0003-with-kit: billed with each code of kit_codes
    rule T0003-modifier: requires modifier SD
`;

  it("lower each kind of rule, with the claim facts it reads", () => {
    const model = lower(policy(coding));
    expect(model.billingRules.map((r) => [r.id, r.code, r.kind, r.facts])).toEqual([
      ["E0001-pumps", "E0001", "billedOnlyWhen", ["claim.pumps"]],
      ["E0001-not-long", "E0001", "notBilledWhen", ["claim.minutes"]],
      ["E0002-units", "E0002", "unitsAtMost", ["claim.minutes"]],
      ["T0003-with-kit", "T0003", "billedWithEach", []],
      ["T0003-modifier", "T0003", "requiresModifier", []],
    ]);
    const byId = new Map(model.billingRules.map((r) => [r.id, r]));
    expect(byId.get("E0001-pumps")).toMatchObject({ condition: { kind: "fact", fact: "claim.pumps" } });
    expect(byId.get("E0001-not-long")).toMatchObject({
      condition: {
        kind: "compare",
        operator: ">",
        left: { kind: "fact", fact: "claim.minutes" },
        right: { kind: "number", value: 600 },
      },
    });
    expect(byId.get("E0002-units")).toMatchObject({
      limit: {
        kind: "binary",
        operator: "/",
        left: {
          kind: "binary",
          operator: "-",
          left: { kind: "fact", fact: "claim.minutes" },
          right: { kind: "number", value: 120 },
        },
        right: { kind: "number", value: 15 },
      },
      rounding: "up",
    });
    expect(byId.get("T0003-with-kit")).toMatchObject({
      group: { name: "kit_codes", description: "the kit codes (E0001, E0002)", codes: ["E0001", "E0002"] },
    });
    expect(byId.get("T0003-modifier")).toMatchObject({ modifier: "SD" });
  });

  it("hold only the fields of their kind, with a unit limit's rounding always said", () => {
    const model = lower(
      policy(`${coding}code E0004 "A pole."
  rule E0004-units: units at most 4
`),
    );
    const fieldsOf = (id: string) => {
      const found = model.billingRules.find((r) => r.id === id);
      return Object.keys(found ?? {}).filter((key) =>
        ["condition", "modifier", "group", "limit", "rounding"].includes(key),
      );
    };
    expect(fieldsOf("E0001-pumps")).toEqual(["condition"]);
    expect(fieldsOf("T0003-modifier")).toEqual(["modifier"]);
    expect(fieldsOf("T0003-with-kit")).toEqual(["group"]);
    expect(fieldsOf("E0004-units")).toEqual(["limit", "rounding"]);
    expect(model.billingRules.find((r) => r.id === "E0004-units")).toMatchObject({ rounding: "none" });
  });

  it("cite the words each rule carries out: the code's, a billing sentence's, or a note's", () => {
    const byId = new Map(lower(policy(coding)).billingRules.map((r) => [r.id, r.source]));
    expect(byId.get("E0001-pumps")).toEqual({
      kind: "note",
      id: "S.N.1",
      text: "Note: pumps are billed only for pump therapy.",
    });
    expect(byId.get("E0001-not-long")).toEqual({ kind: "code", id: "E0001", text: "A pump." });
    expect(byId.get("T0003-modifier")).toEqual({
      kind: "billing",
      id: "T0003 SD",
      text: "Bill it with each kit code, with modifier SD.",
    });
  });

  it("keep the message written with `says`, and are in force from their billing sentence's revision", () => {
    const byId = new Map(lower(policy(coding)).billingRules.map((r) => [r.id, r]));
    expect(byId.get("E0001-not-long")?.message).toBe("E0001 is not billed for long sessions.");
    expect(byId.get("E0001-pumps")?.message.length).toBeGreaterThan(0);
    expect(byId.get("E0001-pumps")?.inForce).toEqual({ from: 0 });
    expect(byId.get("T0003-with-kit")?.inForce).toEqual({ from: 1 });
    expect(byId.get("T0003-modifier")?.inForce).toEqual({ from: 1 });
  });

  it("are listed under their code, and the claim facts apart from the coverage facts", () => {
    const model = lower(policy(coding));
    expect(model.codes.map((code) => [code.code, code.modifier, code.rules])).toEqual([
      ["E0001", undefined, ["E0001-pumps", "E0001-not-long"]],
      ["E0002", undefined, ["E0002-units"]],
      ["T0003", "SD", ["T0003-with-kit", "T0003-modifier"]],
    ]);
    expect(model.claimFacts.map((fact) => [fact.name, fact.readBy])).toEqual([
      ["claim.pumps", ["E0001-pumps"]],
      ["claim.minutes", ["E0001-not-long", "E0002-units"]],
    ]);
    expect(model.facts.map((fact) => fact.name)).not.toContain("claim.pumps");
  });
});
