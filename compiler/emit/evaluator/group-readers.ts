// The generated readers of a policy's groups of facts (runtime/group-readers.ts): one named function
// per group, which reads each key of the group by name and checks its value with the runtime's small
// typed checkers, and the table of them by the group's name, handed to definePolicy. The runtime tries
// a group's reader first and falls back to its own reader, which names each problem, when it finds
// anything wrong; so these only make the well-formed case fast, and never change what is reported.

import { StructureKind, type StatementStructures } from "ts-morph";
import type { FactModel } from "../../model/policy-model.js";
import { docText, stringLiteral } from "../code-text.js";
import { groupInterfaceName } from "../../naming/generated-names.js";
import { expandedObject } from "./literal.js";
import { valuesTypeName } from "./fact-code.js";

/** A group of facts as the input nests it. */
export interface ReadGroup {
  readonly path: readonly string[];
  readonly facts: readonly FactModel[];
  readonly subgroups: readonly ReadGroup[];
}

/** The name of the table of readers the module hands to definePolicy. */
export const GROUP_READERS = "groupReaders";
/** The table of the values each one-of or set fact allows, by the fact's name. */
const ALLOWED_VALUES = "allowedValues";

/** `member` -> `readMemberFacts`. */
function readerName(group: ReadGroup): string {
  return `read${groupInterfaceName(group.path)}`;
}

/** The checker of a value of `fact`'s type, read from `group[key]`; undefined for a type no checker reads. */
function checked(fact: FactModel): string | undefined {
  const type = fact.type;
  switch (type.kind) {
    case "boolean":
      return "truthOf(group[key])";
    case "number":
      return `numberIn(group[key], ${type.min ?? "-Infinity"}, ${type.max ?? "Infinity"})`;
    case "date":
      return "dateOf(group[key])";
    case "oneOf":
      return `choiceOf(group[key], ${ALLOWED_VALUES}[${stringLiteral(fact.name)}])`;
    case "setOf":
      return `choicesOf(group[key], ${ALLOWED_VALUES}[${stringLiteral(fact.name)}])`;
    case "list":
    case "code":
    case "codes":
      return undefined;
  }
}

/** A group with a reader: every fact of a checked type, every subgroup with a reader (which its own calls). */
function readable(group: ReadGroup): boolean {
  return group.facts.every((fact) => checked(fact) !== undefined) && group.subgroups.every(readable);
}

function withSubgroups(group: ReadGroup): ReadGroup[] {
  return [group, ...group.subgroups.flatMap(withSubgroups)];
}

function isEnumerated(fact: FactModel): boolean {
  return fact.type.kind === "oneOf" || fact.type.kind === "setOf";
}

function lastPart(name: string): string {
  return name.split(".").at(-1) ?? name;
}

export class GroupReadersEmitter {
  private readonly groups: readonly ReadGroup[];

  constructor(root: ReadGroup) {
    this.groups = withSubgroups(root).filter(readable);
  }

  /** Whether the module has any reader (and so the table). */
  get any(): boolean {
    return this.groups.length > 0;
  }

  /** The runtime values the readers call. */
  runtimeValues(): string[] {
    if (!this.any) return [];
    const used = new Set<string>();
    for (const group of this.groups) {
      for (const fact of group.facts) used.add(checked(fact)!.split("(")[0]!);
      if (group.subgroups.length > 0) used.add("readSubgroup");
      if (group.facts.some(isEnumerated)) used.add("optionValues");
    }
    return [...used];
  }

  /** The allowed values of each one-of or set fact a reader checks, the readers, and their table. */
  statements(): (string | StatementStructures)[] {
    if (!this.any) return [];
    const out: (string | StatementStructures)[] = [];
    const enumerated = this.groups.flatMap((group) => group.facts.filter(isEnumerated));
    if (enumerated.length > 0)
      out.push(
        `/** ${docText("The values each one-of or set fact allows (from its words), by its name: what its group's reader checks.")} */\n` +
          `const ${ALLOWED_VALUES} = ${expandedObject(
            enumerated.map((fact) => ({
              name: stringLiteral(fact.name),
              code: `optionValues<${valuesTypeName(fact)}>(factWords[${stringLiteral(fact.name)}])`,
            })),
          )};`,
      );
    for (const group of this.groups) out.push(this.reader(group));
    const table = expandedObject(
      this.groups.map((group) => ({ name: stringLiteral(group.path.join(".")), code: readerName(group) })),
    );
    out.push(
      `/** ${docText("Each group's reader, by the group's name: the runtime reads a group with it first.")} */\n` +
        `const ${GROUP_READERS}: { readonly [group: string]: GroupReader<FactValues> } = ${table};`,
    );
    return out;
  }

  private reader(group: ReadGroup): StatementStructures {
    const where = group.path.length === 0 ? "" : ` under \`${group.path.join(".")}\``;
    // One test per key, a fact or a subgroup: `if (key === ...) ...; else if ...`, one line or two each.
    const tests = [
      ...group.facts.map(
        (fact) =>
          `if (key === ${stringLiteral(lastPart(fact.name))}) facts[${stringLiteral(fact.name)}] = ${checked(fact)!};`,
      ),
      ...group.subgroups.map(
        (subgroup) =>
          `if (key === ${stringLiteral(subgroup.path.at(-1) ?? "")}) { if (!readSubgroup(group[key], ${readerName(subgroup)}, facts)) return false; }`,
      ),
    ];
    return {
      kind: StructureKind.Function,
      name: readerName(group),
      parameters: [
        { name: "group", type: "Group" },
        { name: "facts", type: "FactSlots<FactValues>" },
      ],
      returnType: "boolean",
      statements: [
        // for-in, not Object.keys: no list is made. The runtime calls this only while
        // Object.prototype has no enumerable key, so every key met is the caller's own.
        "for (const key in group) {",
        `${tests.join(" else ")} else return false;`,
        "}",
        "return true;",
      ],
      docs: [
        docText(
          `Reads the facts${where} into \`facts\`, each value checked by its type (MALFORMED when it is wrong)` +
            `${group.subgroups.length > 0 ? ", and its groups with their readers" : ""}; false at a key that is not ` +
            "one of them or a group that is not a plain object. The runtime then reads it again, naming each problem.",
        ),
      ],
    };
  }
}
