// A condition of the model written as data for the generated module, with the runtime's builders
// (runtime/condition-data.ts): `allOf([yes("a.flag"), compare(value("a.age"), ">=", number(18))])`.

import type { Condition, RecordQuantifier, Term } from "../../model/policy-model.js";
import { stringLiteral } from "../code-text.js";
import { windowBounds } from "../../model/date-terms.js";
import { valueSetReference } from "./value-set-table.js";
import { recordJoin, recordWindow } from "../../model/record-joins.js";

export class ConditionData {
  /** The builders the written conditions call, for the module's import. */
  readonly builders = new Set<string>();

  private call(builder: string, args: string): string {
    this.builders.add(builder);
    return `${builder}(${args})`;
  }

  private list(operands: readonly Condition[]): string {
    return `[${operands.map((operand) => this.write(operand)).join(", ")}]`;
  }

  private texts(values: readonly string[]): string {
    return `[${values.map(stringLiteral).join(", ")}]`;
  }

  private term(term: Term): string {
    switch (term.kind) {
      case "fact":
        return this.call("value", stringLiteral(term.fact));
      case "number":
        return this.call("number", String(term.value));
      case "date":
      case "text":
        return this.call(term.kind, stringLiteral(term.value));
      case "serviceDate":
        this.builders.add("serviceDate");
        return "serviceDate";
      case "shifted":
        return this.call("shifted", `${this.term(term.date)}, ${term.by.amount}, ${stringLiteral(term.by.unit)}`);
      case "field":
        return this.call("field", `${stringLiteral(term.variable)}, ${stringLiteral(term.field)}`);
      case "parameter":
        throw new Error(`policyc: internal error: the parameter ${term.name} is written outside a call`);
    }
  }

  write(condition: Condition): string {
    switch (condition.kind) {
      case "constant":
        return this.call("always", String(condition.value));
      case "fact":
        return this.call("yes", stringLiteral(condition.fact));
      case "oneOf":
        return this.call("oneOf", `${stringLiteral(condition.fact)}, ${this.texts(condition.values)}`);
      case "compare":
        return this.call(
          "compare",
          `${this.term(condition.left)}, ${stringLiteral(condition.operator)}, ${this.term(condition.right)}`,
        );
      case "dateWindow": {
        const { from, to } = windowBounds(condition.anchor, condition.window);
        return this.call("between", `${this.term(condition.date)}, ${this.term(from)}, ${this.term(to)}`);
      }
      case "contains":
        return this.call(
          "contains",
          `${stringLiteral(condition.fact)}, ${stringLiteral(condition.mode)}, ${this.texts(condition.values)}`,
        );
      case "inValueSet":
        return this.call(
          "inSet",
          `${stringLiteral(condition.fact)}, ${stringLiteral(condition.mode)}, ${valueSetReference(condition.valueSet)}`,
        );
      case "not":
        return this.call("negation", this.write(condition.operand));
      case "and":
        return this.call("allOf", this.list(condition.operands));
      case "or":
        return this.call("anyOf", this.list(condition.operands));
      case "atLeast":
        return this.call("atLeastOf", `${condition.count}, ${this.list(condition.operands)}`);
      case "definition":
        return this.call("definition", stringLiteral(condition.name));
      case "part":
        return this.call("part", stringLiteral(condition.id));
      case "statement":
        return this.call(condition.target === "criterion" ? "criterionMet" : "sectionMet", stringLiteral(condition.id));
      case "field": {
        const names = `${stringLiteral(condition.variable)}, ${stringLiteral(condition.field)}`;
        return condition.test.kind === "yes"
          ? this.call("fieldYes", names)
          : this.call(
              "fieldContains",
              `${names}, ${stringLiteral(condition.test.mode)}, ${this.texts(condition.test.values)}`,
            );
      }
      case "applied": {
        // The call, by its definition's name, with its arguments and its body: the trace names it.
        const args = condition.arguments.map((argument) =>
          argument.kind === "record"
            ? this.call(
                "recordArgument",
                `${stringLiteral(argument.parameter)}, ${stringLiteral(argument.variable)}, ${stringLiteral(argument.list)}${
                  argument.identifiedBy === undefined ? "" : `, ${this.texts(argument.identifiedBy)}`
                }`,
              )
            : this.call("valueArgument", `${stringLiteral(argument.parameter)}, ${this.term(argument.term)}`),
        );
        return this.call(
          "applied",
          `${stringLiteral(condition.definition)}, ${stringLiteral(condition.label)}, [${args.join(", ")}], ${this.write(condition.condition)}`,
        );
      }
      case "records": {
        const join = recordJoin(condition.variable, condition.quantifier.filter);
        const window = join === undefined ? recordWindow(condition.variable, condition.quantifier.filter) : undefined;
        const joinedOn =
          join !== undefined
            ? `, ${this.call("joinedOn", `${stringLiteral(join.field)}, ${this.term(join.key)}`)}`
            : window !== undefined
              ? `, ${this.call("joinedWithin", `${stringLiteral(window.field)}, ${this.term(window.from)}, ${this.term(window.to)}`)}`
              : "";
        return this.call(
          "records",
          `${stringLiteral(condition.list)}, ${stringLiteral(condition.variable)}, ${this.quantifier(condition.quantifier)}${joinedOn}`,
        );
      }
    }
  }

  private quantifier(quantifier: RecordQuantifier): string {
    switch (quantifier.kind) {
      case "some":
      case "none":
        return this.call(quantifier.kind, this.write(quantifier.filter));
      case "every":
        return this.call("every", `${this.write(quantifier.filter)}, ${this.write(quantifier.test)}`);
      case "count":
        return this.call(
          "countOf",
          `${this.write(quantifier.filter)}, ${stringLiteral(quantifier.operator)}, ${this.term(quantifier.than)}`,
        );
      case "latest":
      case "earliest":
        return this.call(
          quantifier.kind,
          `${stringLiteral(quantifier.by)}, ${this.write(quantifier.filter)}, ${this.write(quantifier.test)}`,
        );
    }
  }
}
