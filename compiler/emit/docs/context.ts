// What every part of the docs emitter needs: the model, its conditions in words, and where each
// statement's anchor is.

import type { PolicyModel, RevisionRange, RuleModel } from "../../model/policy-model.js";
import { factKey, statementKey, partKey } from "./anchors.js";
import { anchorLink, code, text, words, type Inline } from "./markdown.js";
import { ConditionWords } from "./words.js";
import { statementKind } from "../../model/reading-register.js";
import type { TraceSummary } from "../../trace/summary.js";
import type { ReadingFigure } from "../../model/rejected-alternatives.js";

/**
 * How a document relates to the other documents of its policy: the docs of the current policy may
 * link each earlier revision to its pinned page (`revisions/<approved>.md`); a pinned page is the
 * policy as it stood in one revision, and names the current policy it was cut from.
 */
export interface DocsPages {
  /** The build writes a page pinned to each earlier revision: the revision log links them. */
  readonly pinnedPages?: boolean;
  /** This document is pinned to the model's latest revision; `current` is the whole policy. */
  readonly pinnedFrom?: PolicyModel;
}

export class DocsContext {
  readonly words: ConditionWords;
  readonly rules: ReadonlyMap<string, RuleModel>;
  /** Statement id -> the key of its heading: outline statements, exceptions, definitions. */
  private readonly anchors = new Map<string, string>();

  constructor(
    readonly model: PolicyModel,
    readonly trace: TraceSummary,
    /** The readings' rejected alternatives with their impact, by `readingKey`. */
    readonly alternatives: ReadonlyMap<string, ReadingFigure> = new Map(),
    readonly pages: DocsPages = {},
  ) {
    this.rules = new Map(model.rules.map((rule) => [rule.id, rule]));
    for (const entry of model.outline) this.anchors.set(entry.id, statementKey(this.kindOf(entry.id), entry.id));
    for (const exception of model.exceptions) this.anchors.set(exception.id, statementKey("exception", exception.id));
    for (const definition of model.definitions)
      this.anchors.set(definition.name, statementKey("definition", definition.name));
    this.words = new ConditionWords(model, (_kind, id) => this.anchors.get(id));
  }

  /** `criterion`, `exclusion`, `note`, `section`, `service`. */
  kindOf(id: string): string {
    return statementKind(this.model, id);
  }

  anchor(id: string): string | undefined {
    return this.anchors.get(id);
  }

  /** A statement id linked to its heading; a billing rule to its own ("rule E1390-KX"); a code label to the coding table. */
  link(id: string): Inline {
    const anchor = this.anchors.get(id);
    if (anchor !== undefined) return anchorLink(text(id), anchor);
    if (this.model.billingRules.some((rule) => rule.id === id))
      return words`rule ${anchorLink(text(id), statementKey("rule", id))}`;
    if (this.model.codes.some((c) => (c.modifier !== undefined ? `${c.code} ${c.modifier}` : c.code) === id))
      return anchorLink(text(id), partKey("coding"));
    return text(id);
  }

  factLink(name: string): Inline {
    return anchorLink(code(name), factKey(name));
  }

  /** "the original approval (2021-05)" / "2024-05" and, when removed, "until 2025-05". */
  inForce(range: RevisionRange): Inline {
    const from = this.model.revisions[range.from];
    const start =
      range.from === 0
        ? words`since the original approval (${text(from?.approved ?? "")})`
        : words`added in ${text(from?.approved ?? "")} (effective ${text(from?.effective ?? "")})`;
    if (range.until === undefined) return start;
    const until = this.model.revisions[range.until];
    return words`${start}; removed in ${text(until?.approved ?? "")} (no longer in force from ${text(until?.effective ?? "")})`;
  }

  /** When a version of a statement was in force: "from 2024-05 (effective 2024-05-01) until 2026-05 (...)". */
  period(range: RevisionRange): Inline {
    const revision = (index: number): Inline => {
      const found = this.model.revisions[index];
      return words`${text(found?.approved ?? "")} (effective ${text(found?.effective ?? "")})`;
    };
    const start = words`from ${revision(range.from)}`;
    return range.until === undefined ? words`${start} on` : words`${start} until ${revision(range.until)}`;
  }
}
