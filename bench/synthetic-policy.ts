// Synthetic policies for the build benchmark: a seed in, the DSL text of one policy out, shaped like
// WNC.CP.224 (about 30 facts of all five types, about 40 criteria, exclusions and notes, sections with
// `applies when`, definitions, parts with `at least N of`, a bounded exception, revisions with
// `added in`, prose, codes). Deterministic, and different from one seed to the next.

import { between, chance, pick, sample, seededRandom, shuffle, type Random } from "./random.js";
import {
  definitionWords,
  exceptionIds,
  factAdjectives,
  factNouns,
  groupNames,
  paragraph,
  sentence,
  valueWords,
} from "./synthetic-words.js";

export interface SyntheticPolicy {
  /** Where it would live; never written to disk. */
  readonly path: string;
  readonly reference: string;
  readonly text: string;
}

type FactSpec =
  | { readonly name: string; readonly kind: "boolean" | "date" }
  | { readonly name: string; readonly kind: "number"; readonly min: number; readonly max: number }
  | { readonly name: string; readonly kind: "oneOf" | "setOf"; readonly values: readonly string[] };

/** Categories an exception may set aside, and those it never may. */
const waivable = ["location", "administration", "scope"] as const;
const protectedCategories = ["safety", "clinical", "experimental", "eligibility", "other_coverage"] as const;
const criterionCategories = ["safety", "clinical", "clinical", "location", "administration", "scope"] as const;
const exclusionCategories = ["experimental", "other_coverage", "scope", "safety"] as const;

class PolicyWriter {
  private readonly lines: string[] = [];
  private readonly facts: FactSpec[] = [];
  /** Facts not yet read by any condition: drawn first, so every fact is used (no warnings). */
  private unread: FactSpec[] = [];
  private readonly definitions: string[] = [];
  private readonly months: string[] = [];
  /** Rules (not parts) whose category an exception may override. */
  private readonly waivableRules: string[] = [];
  /** Definitions no condition has named yet; the exclusions name them, so none goes unused. */
  private remainingDefinitions: string[] = [];

  constructor(
    private readonly random: Random,
    private readonly number: number,
    /** How many facts to declare, when not drawn at random. */
    private readonly factCount?: number,
  ) {}

  // ----- text ------------------------------------------------------------------------------------

  private line(text: string): void {
    this.lines.push(text);
  }

  /** A one-line quoted text. */
  private quoted(min: number, max: number): string {
    return `"${sentence(this.random, min, max)}"`;
  }

  /** A text block of a few paragraphs, wrapped and indented like a hand-written policy. */
  private block(paragraphs: number, indent = "    "): string {
    const out: string[] = ['"""'];
    for (let p = 0; p < paragraphs; p++) {
      if (p > 0) out.push("");
      let current = "";
      for (const word of paragraph(this.random, between(this.random, 2, 5)).split(" ")) {
        if (current.length + word.length > 96) {
          out.push(`${indent}${current}`);
          current = word;
        } else current = current === "" ? word : `${current} ${word}`;
      }
      if (current !== "") out.push(`${indent}${current}`);
    }
    out.push(`  """`);
    return out.join("\n");
  }

  // ----- revisions and facts ---------------------------------------------------------------------

  private writeHeaderAndRevisions(reference: string): void {
    let year = between(this.random, 2017, 2021);
    let month = between(this.random, 1, 12);
    const count = between(this.random, 3, 6);
    for (let i = 0; i < count; i++) {
      this.months.push(`${year}-${String(month).padStart(2, "0")}`);
      month += between(this.random, 3, 14);
      year += Math.floor((month - 1) / 12);
      month = ((month - 1) % 12) + 1;
    }
    const last = this.months.at(-1) ?? "2024-01";
    this.line(`# Synthetic policy ${this.number} for the build benchmark. Generated; not a real policy.`);
    this.line("");
    this.line(`policy ${reference}`);
    this.line(`  title ${this.quoted(3, 7)}`);
    this.line('  plan "Benchmark Health Plan"');
    this.line(`  description ${this.quoted(10, 24)}`);
    this.line(`  last review ${last}`);
    this.line(`  reading ${this.block(1)}`);
    this.line("");
    this.months.forEach((approved, index) => {
      this.line(`revision ${approved} ${index === 0 ? '"Original approval date."' : this.quoted(4, 16)}`);
      this.line(`  reviewed ${approved}`);
      this.line(`  effective ${approved}-${chance(this.random, 0.8) ? "01" : "15"}`);
      if (chance(this.random, 0.3)) this.line(`  reading ${this.block(1)}`);
      this.line("");
    });
    for (const category of [...waivable, ...protectedCategories])
      this.line(`category ${category} ${this.quoted(4, 10)}`);
    this.line("");
  }

  private declareFacts(): void {
    const groups = sample(this.random, groupNames, between(this.random, 4, 6));
    const used = new Set<string>();
    const freshName = (): string => {
      for (;;) {
        const name = `${pick(this.random, groups)}.${pick(this.random, factAdjectives)}_${pick(this.random, factNouns)}`;
        if (!used.has(name)) {
          used.add(name);
          return name;
        }
      }
    };
    const values = (min: number, max: number): string[] =>
      sample(this.random, valueWords, between(this.random, min, max));
    // Drawn even when the count is given, so the policies of the build benchmark stay the same.
    const drawn = between(this.random, 26, 34);
    const total = this.factCount ?? drawn;
    const specs: FactSpec[] = [
      { name: "enrollment.start", kind: "date" },
      { name: "enrollment.ended", kind: "boolean" },
      { name: "enrollment.end", kind: "date" },
      { name: "enrollment.verified", kind: "boolean" },
      { name: "enrollment.restricted", kind: "boolean" },
      { name: `${pick(this.random, groups)}.age`, kind: "number", min: 0, max: 120 },
    ];
    used.add(specs[5]?.name ?? "");
    for (let i = between(this.random, 2, 4); i > 0; i--) {
      const min = between(this.random, 0, 10);
      specs.push({ name: freshName(), kind: "number", min, max: min + between(this.random, 20, 500) });
    }
    for (let i = between(this.random, 1, 2); i > 0; i--) specs.push({ name: freshName(), kind: "date" });
    for (let i = between(this.random, 3, 5); i > 0; i--)
      specs.push({ name: freshName(), kind: "oneOf", values: values(3, 8) });
    for (let i = between(this.random, 2, 3); i > 0; i--)
      specs.push({ name: freshName(), kind: "setOf", values: values(3, 6) });
    while (specs.length < total) specs.push({ name: freshName(), kind: "boolean" });

    for (const fact of specs) {
      this.line(`fact ${fact.name}: ${this.typeText(fact)}`);
      this.line(`  description ${this.quoted(6, 26)}`);
      this.line(`  ask ${this.quoted(6, 18).replace(/\."$/, '?"')}`);
      if (chance(this.random, 0.15)) this.line(`  reading ${this.block(1)}`);
      this.line("");
    }
    this.facts.push(...specs);
    this.unread = shuffle(
      this.random,
      specs.filter((fact) => !fact.name.startsWith("enrollment.")),
    );
  }

  private typeText(fact: FactSpec): string {
    switch (fact.kind) {
      case "boolean":
        return "yes or no";
      case "date":
        return "date";
      case "number":
        return `number unit "units" from ${fact.min} to ${fact.max}`;
      case "oneOf":
      case "setOf": {
        const list = fact.values.map((value) => `${value} ${this.quoted(2, 6)}`).join(",\n    ");
        return `${fact.kind === "oneOf" ? "one of" : "set of"}\n    ${list}`;
      }
    }
  }

  // ----- conditions ------------------------------------------------------------------------------

  private nextFact(kind?: FactSpec["kind"]): FactSpec {
    const index = this.unread.findIndex((fact) => kind === undefined || fact.kind === kind);
    if (index >= 0) return this.unread.splice(index, 1)[0] as FactSpec;
    const candidates = this.facts.filter(
      (fact) => (kind === undefined || fact.kind === kind) && !fact.name.startsWith("enrollment."),
    );
    return pick(this.random, candidates);
  }

  /** One test of one fact, in a form that suits its type. */
  private atom(fact: FactSpec = this.nextFact()): string {
    const r = this.random;
    switch (fact.kind) {
      case "boolean":
        return chance(r, 0.75) ? fact.name : `not ${fact.name}`;
      case "number": {
        const threshold = between(r, fact.min + 1, fact.max - 1);
        return `${fact.name} ${pick(r, [">=", "<", "<=", ">"])} ${threshold}`;
      }
      case "date":
        return chance(r, 0.7)
          ? `${fact.name} ${pick(r, ["<=", ">="])} service date`
          : `${fact.name} < ${between(r, 2018, 2025)}-${String(between(r, 1, 12)).padStart(2, "0")}-01`;
      case "oneOf": {
        const chosen = sample(r, fact.values, between(r, 1, Math.min(3, fact.values.length - 1)));
        const negated = chance(r, 0.25) ? " not" : "";
        return chosen.length === 1
          ? `${fact.name} is${negated} ${chosen[0]}`
          : `${fact.name} is${negated} one of (${chosen.join(", ")})`;
      }
      case "setOf": {
        const chosen = sample(r, fact.values, between(r, 1, fact.values.length));
        return chosen.length === 1
          ? `${fact.name} contains ${chosen[0]}`
          : `${fact.name} contains ${pick(r, ["all", "any"])} of (${chosen.join(", ")})`;
      }
    }
  }

  /** A condition of one to three tests, sometimes naming a definition. */
  private condition(useDefinition = false): string {
    const r = this.random;
    const first = useDefinition && this.definitions.length > 0 ? pick(r, this.definitions) : this.atom();
    switch (between(r, 1, 5)) {
      case 1:
      case 2:
        return first;
      case 3:
        return `${first} ${pick(r, ["and", "or"])} ${this.atom()}`;
      case 4:
        return `${first} and (${this.atom()} or ${this.atom()})`;
      default:
        return `(${first} or ${this.atom()}) and not ${this.nextFact("boolean").name}`;
    }
  }

  private writeDefinitions(): void {
    const names = sample(this.random, definitionWords, between(this.random, 3, 4));
    for (const name of names) {
      this.line(`define ${name} ${this.quoted(4, 10)} as`);
      this.line(`  ${this.condition()}`);
      if (chance(this.random, 0.3)) this.line(`  reading ${this.block(1)}`);
      this.line("");
      this.definitions.push(name);
    }
  }

  // ----- rules -----------------------------------------------------------------------------------

  /** `added in` / `removed in` for a rule whose parent is in force from revision `from` on. */
  private lifetime(from: number, mayVary: boolean): string[] {
    const last = this.months.length - 1;
    const clauses: string[] = [];
    let added = from;
    if (from > 0 || (mayVary && chance(this.random, 0.25))) {
      added = between(this.random, from, last);
      if (added > 0) clauses.push(`  added in ${this.months[added]}`);
    }
    if (mayVary && added < last && chance(this.random, 0.1))
      clauses.push(`  removed in ${this.months[between(this.random, added + 1, last)]}`);
    return clauses;
  }

  private criterion(id: string, condition: string, category: string | undefined, clauses: string[] = []): void {
    this.line(`criterion ${id} ${this.quoted(8, 34)}`);
    this.line(`  met when ${condition}`);
    if (category !== undefined) {
      this.line(`  category ${category}`);
      if ((waivable as readonly string[]).includes(category)) this.waivableRules.push(id);
    }
    for (const clause of clauses) this.line(clause);
    if (chance(this.random, 0.2)) this.line(`  reading ${this.block(1)}`);
    this.line("");
  }

  private section(id: string, appliesWhen?: string, added?: number): void {
    this.line(`section ${id} ${this.quoted(3, 12)}`);
    if (appliesWhen !== undefined) this.line(`  applies when ${appliesWhen}`);
    if (added !== undefined && added > 0) this.line(`  added in ${this.months[added]}`);
    this.line("");
  }

  private writeCoverageSections(): void {
    const r = this.random;
    this.section("I");

    this.section("I.A");
    const countA = between(r, 7, 10);
    for (let i = 1; i < countA; i++)
      this.criterion(`I.A.${i}`, this.condition(chance(r, 0.3)), pick(r, criterionCategories), this.lifetime(0, true));
    // A note that states a definition, as WNC.CP.224's I.A.note defines "self-administered".
    const noteDefinition = `${pick(r, definitionWords)}_by_note`;
    this.line(`note I.A.note ${this.block(1)}`);
    this.line(`  defines ${noteDefinition} ${this.quoted(4, 10)} as`);
    this.line(`    ${this.condition()}`);
    this.line("");
    this.criterion(`I.A.${countA}`, noteDefinition, "administration");

    const [sectionB, ...others] = this.definitions;
    this.section("I.B", sectionB);
    const countB = between(r, 5, 8);
    const withParts = between(r, 1, countB);
    for (let i = 1; i <= countB; i++) {
      const id = `I.B.${i}`;
      if (i !== withParts) {
        this.criterion(id, this.condition(chance(r, 0.25)), pick(r, criterionCategories), this.lifetime(0, true));
        continue;
      }
      const parts = ["a", "b", "c", "d"].slice(0, between(r, 3, 4)).map((letter) => `${id}.${letter}`);
      const needed = between(r, 1, parts.length - 1);
      this.criterion(id, `at least ${needed === 1 ? "one" : needed} of (${parts.join(", ")})`, "clinical");
      for (const part of parts) this.criterion(part, this.condition(), undefined);
    }
    this.line(`note I.B.note ${this.quoted(10, 30)}`);
    for (const label of ["1", "2", "3"].slice(0, between(r, 1, 3))) this.line(`  item ${label} ${this.quoted(4, 14)}`);
    this.line(`  not covered unless ${this.condition()} or ${this.condition()}`);
    this.line("  category scope");
    this.waivableRules.push("I.B.note");
    this.line("");

    const fromC = this.months.length > 3 && chance(r, 0.5) ? between(r, 1, this.months.length - 2) : 0;
    this.section("I.C", this.atom(this.nextFact("oneOf")), fromC);
    for (let i = 1, count = between(r, 4, 7); i <= count; i++) {
      this.criterion(
        `I.C.${i}`,
        this.condition(chance(r, 0.3)),
        pick(r, criterionCategories),
        this.lifetime(fromC, fromC === 0),
      );
    }

    this.section("I.D");
    for (let i = 1, count = between(r, 3, 5); i <= count; i++) this.line(`service I.D.${i} ${this.quoted(5, 18)}\n`);
    this.remainingDefinitions = others;
  }

  private writeExclusions(): void {
    const r = this.random;
    this.section("II");
    const letters = "ABCDEFGHIJ";
    const count = between(r, 6, 9);
    for (let i = 0; i < count; i++) {
      const id = `II.${letters[i]}`;
      const unusedDefinition = this.remainingDefinitions.shift();
      const condition = unusedDefinition === undefined ? this.condition() : `${unusedDefinition} and ${this.atom()}`;
      const category = pick(r, exclusionCategories);
      this.line(`exclusion ${id} ${this.quoted(8, 30)}`);
      this.line(`  not covered when ${condition}`);
      this.line(`  category ${category}`);
      for (const clause of this.lifetime(0, true)) this.line(clause);
      this.line("");
      if ((waivable as readonly string[]).includes(category)) this.waivableRules.push(id);
    }
    this.line(`note II.note-1 ${this.quoted(10, 30)}`);
    this.line(`  not covered when ${this.condition(true)}`);
    this.line("  category scope");
    this.line("");
    this.waivableRules.push("II.note-1");
    this.line(`note II.note-2 ${this.quoted(8, 20)}`);
    this.line(`  excludes services of I.D when ${this.condition(true)}`);
    this.line("");
    if (chance(r, 0.6)) {
      this.line(`note II.note-3 ${this.quoted(6, 16)}`);
      for (const label of ["a", "b", "c", "d"].slice(0, between(r, 2, 4)))
        this.line(`  item ${label} ${this.quoted(4, 14)}`);
      this.line("");
    }
  }

  private writeEligibility(): void {
    this.section("III");
    this.criterion(
      "III.1",
      "enrollment.start <= service date\n    and (not enrollment.ended or enrollment.end >= service date)",
      "eligibility",
    );
    this.criterion("III.2", "enrollment.verified", "eligibility");
    this.criterion("III.3", "not enrollment.restricted", "eligibility");
  }

  private writeException(): void {
    const r = this.random;
    const age = this.facts.find((fact) => fact.name.endsWith(".age"));
    this.unread = this.unread.filter((fact) => fact !== age);
    const overrides = sample(r, this.waivableRules, between(r, 2, Math.min(7, this.waivableRules.length)));
    this.line(`exception ${pick(r, exceptionIds)} ${this.quoted(6, 16)}`);
    this.line(
      `  applies when ${age?.name ?? "enrollment.verified"} < ${between(r, 18, 22)} and ${this.atom(this.nextFact("boolean"))}`,
    );
    this.line(`  may override ${waivable.join(", ")}`);
    this.line(`  never overrides ${protectedCategories.join(", ")}`);
    this.line(`  overrides ${overrides.join(", ")}`);
    if (chance(r, 0.6)) this.line("  requires prior approval");
    this.line(`  text ${this.block(between(r, 2, 4))}`);
    if (chance(r, 0.5)) this.line(`  reading ${this.block(1)}`);
    this.line("");
  }

  private writeProseCodesReferences(): void {
    const r = this.random;
    for (let i = 1, count = between(r, 3, 5); i <= count; i++) {
      this.line(`prose P${i} ${this.quoted(2, 6)}`);
      this.line(`  text ${this.block(between(r, 2, 5))}`);
      this.line(`  not encoded because ${this.quoted(8, 20)}`);
      this.line("");
    }
    for (let i = 0, count = between(r, 3, 6); i < count; i++) {
      this.line(`code ${pick(r, ["S", "T", "E", "A", "J"])}${1000 + this.number * 10 + i} ${this.quoted(10, 30)}`);
      if (chance(r, 0.5)) {
        this.line(`  billing ${this.quoted(6, 16)}`);
        this.line(`    added in ${pick(r, this.months)}`);
      }
      this.line("");
    }
    for (let i = 1, count = between(r, 1, 3); i <= count; i++) {
      this.line(`reference ${i} ${this.quoted(10, 24)}`);
      this.line(`  link "https://example.org/benchmark/${this.number}/${i}"`);
    }
  }

  /** With more facts than the rules read: criteria that read the rest, two or three facts each. */
  private writeRemainingFacts(): void {
    if (this.unread.length === 0) return;
    this.section("IV");
    for (let i = 1; this.unread.length > 0; i++) {
      const tests = [this.atom(), ...(this.unread.length > 0 ? [this.atom()] : [])];
      this.criterion(
        `IV.${i}`,
        tests.join(chance(this.random, 0.5) ? " and " : " or "),
        pick(this.random, criterionCategories),
      );
    }
  }

  write(reference: string): string {
    this.writeHeaderAndRevisions(reference);
    this.declareFacts();
    this.writeDefinitions();
    this.writeCoverageSections();
    this.writeExclusions();
    this.writeEligibility();
    this.writeException();
    this.writeProseCodesReferences();
    if (this.factCount !== undefined) this.writeRemainingFacts();
    if (this.unread.length > 0)
      throw new Error(`synthetic policy ${reference}: facts never read: ${this.unread.map((f) => f.name).join(", ")}`);
    return `${this.lines.join("\n")}\n`;
  }
}

/**
 * The synthetic policy numbered `number` (from 1), always the same text for the same number; with
 * `facts`, it declares that many facts (and reads them all) instead of about 30.
 */
export function syntheticPolicy(number: number, options: { readonly facts?: number } = {}): SyntheticPolicy {
  const label = String(number).padStart(3, "0");
  const reference = `SYN.BEN.${label}`;
  const text = new PolicyWriter(seededRandom(0x5eed0000 + number), number, options.facts).write(reference);
  return { path: `bench/synthetic/syn-ben-${label}.policy`, reference, text };
}

/** Synthetic policies 1 to `count`. */
export function syntheticCorpus(count: number): SyntheticPolicy[] {
  return Array.from({ length: count }, (_, index) => syntheticPolicy(index + 1));
}
