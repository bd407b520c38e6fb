// The checker of the FHIR mapping (`fhir`): at most one per policy; its orders name a code system of
// orders and codes of the coding table; each `map` names a fact of the coverage decision, once, from a
// named source (fhir/sources.ts) that can give that fact's type, written with the parts that source
// takes, each order code meaning one value. PC140-PC148, and PC020/PC022 for names and values, as everywhere else.

import type * as Ast from "../syntax/ast.js";
import { catalogue, type CatalogueEntry } from "../diagnostics/catalogue.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { FhirSourceWords } from "../diagnostics/fhir-arguments.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { fhirSourceNames, fhirSources, isFhirSourceName, orderSystems, type FhirSource } from "../fhir/sources.js";
import { describeFactType } from "./expressions.js";
import type { PolicySymbols } from "./symbols.js";

const sourceWords: Readonly<Record<FhirSource["gives"]["kind"], FhirSourceWords>> = {
  number: "a number of years",
  date: "a date",
  boolean: "yes or no",
  orderCode: "the order's code",
};

class FhirMappingChecker {
  constructor(
    private readonly file: string,
    private readonly symbols: PolicySymbols,
    private readonly diagnostics: Diagnostic[],
  ) {}

  private report<Arguments>(
    entry: CatalogueEntry<Arguments>,
    span: Ast.Span,
    args: NoInfer<Arguments>,
    hint?: string,
  ): void {
    this.diagnostics.push(
      diagnostic(entry, this.file, span, args, { context: "the FHIR mapping", ...(hint !== undefined && { hint }) }),
    );
  }

  check(mappings: readonly Ast.FhirMapping[]): void {
    const [first, ...others] = mappings;
    if (!first) return;
    for (const other of others)
      this.report(
        catalogue.fhirMappingTwice,
        other.span,
        { line: first.span.line },
        "Move its `orders` and `map` clauses into the first `fhir` block.",
      );
    for (const mapping of mappings) this.checkMapping(mapping);
  }

  private checkMapping(mapping: Ast.FhirMapping): void {
    if (mapping.orders.length === 0)
      this.report(
        catalogue.fhirMappingWithoutOrders,
        {
          ...mapping.span,
          endOffset: mapping.span.offset + "fhir".length,
          endLine: mapping.span.line,
          endColumn: mapping.span.column + 4,
        },
        {},
        'Add the codes an order carries: `orders in system "HCPCS": S9494, S9329`.',
      );
    const ordered = new Set<string>();
    for (const orders of mapping.orders) {
      this.checkOrders(orders);
      for (const code of orders.codes) ordered.add(code.text);
    }
    const mapped = new Map<string, Ast.FhirFactMap>();
    for (const map of mapping.maps) {
      const earlier = mapped.get(map.fact.text);
      if (earlier) {
        this.report(
          catalogue.factMappedTwice,
          map.fact.span,
          { fact: map.fact.text, line: earlier.span.line },
          "Remove one of the two `map` clauses.",
        );
        continue;
      }
      mapped.set(map.fact.text, map);
      this.checkMap(map, ordered, mapping.orders);
    }
  }

  private checkOrders(orders: Ast.FhirOrders): void {
    const system = orderSystems.find((candidate) => candidate === orders.system.value);
    if (system === undefined)
      this.report(
        catalogue.unknownOrderSystem,
        orders.system.span,
        { system: orders.system.value, systems: orderSystems },
        didYouMean(orders.system.value, orderSystems),
      );
    const listed = new Set(this.symbols.codes.map((code) => code.code.text));
    for (const code of orders.codes) {
      if (!listed.has(code.text))
        this.report(
          catalogue.unknownName,
          code.span,
          { name: code.text, kind: "code in the coding table" },
          didYouMean(code.text, listed) ?? "An order code must be a code of the policy's coding table (`code ...`).",
        );
    }
  }

  private checkMap(map: Ast.FhirFactMap, ordered: ReadonlySet<string>, orders: readonly Ast.FhirOrders[]): void {
    const fact = this.symbols.facts.get(map.fact.text);
    if (!fact || fact.forClaims) {
      const decisionFacts = [...this.symbols.facts.values()].filter((f) => !f.forClaims).map((f) => f.name.text);
      this.report(
        catalogue.unknownName,
        map.fact.span,
        { name: map.fact.text, kind: "fact" },
        didYouMean(map.fact.text, decisionFacts) ?? "Map a fact of the coverage decision (`fact ...`).",
      );
    }
    if (!isFhirSourceName(map.source.text)) {
      this.report(
        catalogue.unknownFhirSource,
        map.source.span,
        { name: map.source.text },
        didYouMean(map.source.text, fhirSourceNames) ?? `The sources are: ${fhirSourceNames.join(", ")}.`,
      );
      return;
    }
    const source = fhirSources[map.source.text];
    this.checkParts(map, source, fact);
    if (fact && !fact.forClaims) this.checkType(map, source, fact, orders);
    if (source.name === "order.code" && fact?.type.kind === "oneOf") this.checkMeanings(map, fact.type, ordered);
  }

  private checkParts(map: Ast.FhirFactMap, source: FhirSource, fact: Ast.FactDeclaration | undefined): void {
    const at = map.source.span;
    if (source.name === "condition") {
      if (!map.valueSet) this.report(catalogue.fhirSourceParts, at, { source: source.name, problem: "needsValueSet" });
      else if (!this.symbols.valueSets.has(map.valueSet.text))
        this.report(
          catalogue.unknownName,
          map.valueSet.span,
          { name: map.valueSet.text, kind: "value set" },
          didYouMean(map.valueSet.text, this.symbols.valueSets.keys()),
        );
    } else if (map.valueSet)
      this.report(catalogue.fhirSourceParts, map.valueSet.span, { source: source.name, problem: "takesNoValueSet" });
    const takesMeanings = source.name === "order.code" && fact?.type.kind === "oneOf";
    const [firstMeaning] = map.meanings;
    if (firstMeaning && !takesMeanings && fact)
      this.report(catalogue.fhirSourceParts, firstMeaning.code.span, {
        source: source.name,
        problem: "takesNoMeanings",
      });
    if (!firstMeaning && takesMeanings)
      this.report(catalogue.fhirSourceParts, at, { source: source.name, problem: "needsMeanings" });
  }

  private checkType(
    map: Ast.FhirFactMap,
    source: FhirSource,
    fact: Ast.FactDeclaration,
    orders: readonly Ast.FhirOrders[],
  ): void {
    const type = fact.type;
    const gives = source.gives;
    const mismatch = (is: Parameters<typeof catalogue.fhirSourceTypeMismatch.message>[0]["is"], hint: string): void =>
      this.report(
        catalogue.fhirSourceTypeMismatch,
        map.source.span,
        { source: source.name, gives: sourceWords[gives.kind], fact: fact.name.text, is },
        hint,
      );
    switch (gives.kind) {
      case "number": {
        const unit = type.kind === "number" ? type.unit?.value : undefined;
        if (type.kind !== "number") mismatch(describeFactType(type), `Map a number fact of ${gives.unit}.`);
        else if (unit !== undefined && unit !== gives.unit)
          mismatch(`a number of ${unit}`, `Map a number fact of ${gives.unit}.`);
        return;
      }
      case "date":
      case "boolean":
        if (type.kind !== gives.kind)
          mismatch(describeFactType(type), `Map a fact that is ${sourceWords[gives.kind]}.`);
        return;
      case "orderCode": {
        if (type.kind === "oneOf") return;
        const systems = new Set(orders.map((o) => o.system.value));
        if (type.kind === "code" && systems.has(type.system.value)) return;
        mismatch(
          type.kind === "code" ? `a code of ${type.system.value}` : describeFactType(type),
          `Map a fact of one code of the orders' system (${[...systems].join(", ")}), or of listed values with \`<code> as <value>\`.`,
        );
        return;
      }
    }
  }

  private checkMeanings(
    map: Ast.FhirFactMap,
    type: Extract<Ast.FactType, { kind: "oneOf" | "setOf" }>,
    ordered: ReadonlySet<string>,
  ): void {
    const values = type.values.map((value) => value.name.text);
    const meant = new Set<string>();
    for (const meaning of map.meanings) {
      if (meant.has(meaning.code.text))
        this.report(
          catalogue.codeMeantTwice,
          meaning.code.span,
          { code: meaning.code.text, fact: map.fact.text },
          "Remove one of its two meanings.",
        );
      meant.add(meaning.code.text);
      if (!ordered.has(meaning.code.text))
        this.report(
          catalogue.meaningOfCodeNotOrdered,
          meaning.code.span,
          { code: meaning.code.text },
          "Add it to `orders in system`, or remove its meaning.",
        );
      if (!values.includes(meaning.value.text))
        this.report(
          catalogue.unknownValue,
          meaning.value.span,
          { value: meaning.value.text, fact: map.fact.text },
          didYouMean(meaning.value.text, values),
        );
    }
  }
}

/** Checks every `fhir` block of a policy (at most one is allowed). */
export function checkFhirMapping(source: Ast.SourceFile, symbols: PolicySymbols, diagnostics: Diagnostic[]): void {
  const mappings = source.statements.filter((statement) => statement.kind === "fhirMapping");
  new FhirMappingChecker(source.path, symbols, diagnostics).check(mappings);
}
