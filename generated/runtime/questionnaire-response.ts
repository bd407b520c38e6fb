// DO NOT EDIT. Copied by policyc from compiler/runtime/questionnaire-response.ts.
// A FHIR R4 QuestionnaireResponse to the facts of a policy, for Da Vinci DTR: each answered item whose
// linkId is a fact's name gives that fact (a repeating group, one record of a list fact), read by the
// type the fact metadata states. An unknown linkId or an answer of the wrong type is an issue, never a
// guess; the facts then go through parseFacts, so a value is validated exactly as evaluate does. Every
// issue points into the response (`/item/0/item/2/answer/0`).

import type { FactMetadata, TypeMetadata } from "./fact-metadata.js";
import { inputIssue } from "./issue-builders.js";
import type { InputIssue } from "./issues.js";
import { parsePolicyFacts, type ParsedFacts } from "./parse-facts.js";
import type { PreparedPolicy } from "./prepare.js";
import { listItem, listLength, ownValue } from "./untrusted.js";

type Metadata = { readonly [name: string]: FactMetadata };
type Json = { readonly [key: string]: unknown };

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The items of a list property (none when absent); a property that is not a list is reported. */
function listOf(owner: Json, key: string, pointer: string, issues: InputIssue[]): readonly unknown[] {
  const value = ownValue(owner, key);
  if (value === undefined) return [];
  const length = listLength(value);
  if (typeof length !== "number" || length < 0) {
    issues.push(inputIssue("wrong_type", key, "must be a list", `${pointer}/${key}`));
    return [];
  }
  return Array.from({ length }, (_, index) => listItem(value as object, index));
}

/** One answer's value for a question of `type`, or undefined when the answer is of another type. */
function answerValue(type: TypeMetadata["type"], answer: Json): unknown {
  switch (type) {
    case "boolean":
      return ownValue(answer, "valueBoolean");
    case "date":
      return ownValue(answer, "valueDate");
    case "number": {
      const quantity = ownValue(answer, "valueQuantity");
      return (
        ownValue(answer, "valueDecimal") ??
        ownValue(answer, "valueInteger") ??
        (isObject(quantity) ? ownValue(quantity, "value") : undefined)
      );
    }
    default: {
      const coding = ownValue(answer, "valueCoding");
      return ownValue(answer, "valueString") ?? (isObject(coding) ? ownValue(coding, "code") : undefined);
    }
  }
}

const REPEATS = new Set(["setOf", "codes"]);
/** The answer to a set's question that says it holds none of its values (questionnaire.ts). */
const NONE_OF_THESE = "none-of-these";
/** The end of the linkId of the question whether a list of records holds none (questionnaire.ts). */
const NONE = ":none";

class ResponseReader {
  readonly issues: InputIssue[] = [];
  /** Where in the response each fact's value was given, by its pointer in the facts. */
  readonly sources = new Map<string, string>();
  readonly facts: Record<string, unknown> = {};
  private readonly groups: ReadonlySet<string>;
  /** The list facts answered to hold none, and where. */
  private readonly emptied = new Map<string, string>();

  constructor(private readonly metadata: Metadata) {
    const groups = new Set<string>();
    for (const name of Object.keys(metadata)) {
      const parts = name.split(".");
      for (let end = 1; end < parts.length; end++) groups.add(parts.slice(0, end).join("."));
    }
    this.groups = groups;
  }

  /** The answers of a question as the fact's value: one value, or a list for a set. */
  private answers(name: string, type: TypeMetadata["type"], item: Json, pointer: string): unknown {
    const values: unknown[] = [];
    listOf(item, "answer", pointer, this.issues).forEach((answer, index) => {
      const value = isObject(answer) ? answerValue(type, answer) : undefined;
      if (value === undefined)
        this.issues.push(
          inputIssue("wrong_type", name, `has an answer that is not a ${type} answer`, `${pointer}/answer/${index}`),
        );
      else values.push(value);
    });
    if (values.length === 0) return undefined;
    if (type === "setOf" && values.includes(NONE_OF_THESE)) {
      if (values.length === 1) return [];
      this.issues.push(
        inputIssue("not_an_option", name, "answers none of these beside other values", `${pointer}/answer`),
      );
      return undefined;
    }
    if (REPEATS.has(type)) return values;
    if (values.length > 1)
      this.issues.push(inputIssue("wrong_type", name, "has more than one answer", `${pointer}/answer`));
    return values[0];
  }

  private place(name: string, value: unknown, pointer: string): void {
    const parts = name.split(".");
    let group = this.facts;
    for (const part of parts.slice(0, -1)) {
      const next = (group[part] ??= {}) as Record<string, unknown>;
      group = next;
    }
    const key = parts.at(-1) ?? name;
    if (Object.hasOwn(group, key)) {
      this.issues.push(inputIssue("wrong_type", name, "is answered more than once", pointer));
      return;
    }
    group[key] = value;
    this.sources.set(`/${parts.join("/")}`, pointer);
  }

  /** The answer to whether a list of records holds none: yes gives the empty list (questionnaire.ts). */
  private none(name: string, item: Json, pointer: string): void {
    if (this.answers(name, "boolean", item, pointer) !== true) return;
    const parts = name.split(".");
    let group = this.facts;
    for (const part of parts.slice(0, -1)) group = (group[part] ??= {}) as Record<string, unknown>;
    const key = parts.at(-1) ?? name;
    const records = (group[key] ??= []) as unknown[];
    this.emptied.set(name, pointer);
    this.checkEmptied(name, records);
  }

  /** Whether a list said to hold none holds records too: an issue, at the answer of none. */
  private checkEmptied(name: string, records: readonly unknown[]): void {
    const pointer = this.emptied.get(name);
    if (pointer !== undefined && records.length > 0)
      this.issues.push(inputIssue("wrong_type", name, "is answered to hold none, and holds records", pointer));
  }

  /** One repetition of a list fact's group: a record, its fields from the items within. */
  private record(name: string, fact: Extract<FactMetadata, { type: "list" }>, item: Json, pointer: string): void {
    const parts = name.split(".");
    let group = this.facts;
    for (const part of parts.slice(0, -1)) group = (group[part] ??= {}) as Record<string, unknown>;
    const key = parts.at(-1) ?? name;
    const records = (group[key] ??= []) as Record<string, unknown>[];
    const record: Record<string, unknown> = {};
    const at = `/${parts.join("/")}/${records.length}`;
    listOf(item, "item", pointer, this.issues).forEach((child, index) => {
      const childPointer = `${pointer}/item/${index}`;
      const linkId = isObject(child) ? ownValue(child, "linkId") : undefined;
      const field = fact.fields.find((candidate) => `${name}.${candidate.name}` === linkId);
      if (!isObject(child) || field === undefined) {
        this.issues.push(
          inputIssue("unknown_field", name, `holds an item that is no field of its records`, `${childPointer}/linkId`),
        );
        return;
      }
      const value = this.answers(`${name}.${field.name}`, field.type, child, childPointer);
      if (value !== undefined) {
        record[field.name] = value;
        this.sources.set(`${at}/${field.name}`, childPointer);
      }
    });
    this.sources.set(at, pointer);
    records.push(record);
    if (records.length === 1) this.checkEmptied(name, records);
  }

  items(owner: Json, pointer: string): void {
    listOf(owner, "item", pointer, this.issues).forEach((item, index) => {
      const at = `${pointer}/item/${index}`;
      const linkId = isObject(item) ? ownValue(item, "linkId") : undefined;
      if (!isObject(item) || typeof linkId !== "string") {
        this.issues.push(inputIssue("wrong_type", "linkId", "must be an item with a linkId", at));
        return;
      }
      const fact = Object.hasOwn(this.metadata, linkId) ? this.metadata[linkId] : undefined;
      const list = linkId.endsWith(NONE) ? linkId.slice(0, -NONE.length) : "";
      if (this.metadata[list]?.type === "list") this.none(list, item, at);
      else if (fact?.type === "list") this.record(linkId, fact, item, at);
      else if (fact !== undefined) {
        const value = this.answers(linkId, fact.type, item, at);
        if (value !== undefined) this.place(linkId, value, at);
      } else if (this.groups.has(linkId)) this.items(item, at);
      else this.issues.push(inputIssue("unknown_field", linkId, "is not a fact of this policy", `${at}/linkId`));
    });
  }
}

/** The facts a QuestionnaireResponse gives, validated as evaluate validates them; never throws. */
export function questionnaireResponseFacts<Facts>(
  policy: Pick<PreparedPolicy<never, string, string, string>, "input" | "declaration">,
  metadata: Metadata,
  response: unknown,
): ParsedFacts<Facts> {
  if (!isObject(response) || ownValue(response, "resourceType") !== "QuestionnaireResponse")
    return {
      ok: false,
      issues: [inputIssue("not_an_object", "(response)", "must be a FHIR QuestionnaireResponse", "")],
    };
  const reader = new ResponseReader(metadata);
  reader.items(response, "");
  if (reader.issues.length > 0) return { ok: false, issues: reader.issues };
  const parsed = parsePolicyFacts<Facts>(policy, reader.facts);
  if (parsed.ok) return parsed;
  // Each issue points where the response gave the value, rather than where the facts hold it.
  const issues = parsed.issues.map((issue) => {
    const source = reader.sources.get(issue.pointer);
    return source === undefined ? issue : { ...issue, pointer: source };
  });
  return { ok: false, issues };
}
