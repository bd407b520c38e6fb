// The docs pinned to a revision: the policy as it stood in it (the words and logic of each rule's
// version then, nothing added later, nothing yet removed), with the anchors of the current docs, and
// the current docs' revision log linking each earlier revision to its page.

import { describe, expect, it } from "vitest";
import { emitDocs } from "../compiler/emit/docs/emit-docs.js";
import { policyInRevision } from "../compiler/model/policy-in-revision.js";
import { traceSummary } from "../compiler/trace/summary.js";
import { fixtureModel } from "./support/fixture-evaluator.js";

const model = fixtureModel("test/fixtures/versions/versions.policy");
const pinned = emitDocs(policyInRevision(model, 0), traceSummary(policyInRevision(model, 0), undefined), new Map(), {
  pinnedFrom: model,
});
const current = emitDocs(model, traceSummary(model, undefined), new Map(), { pinnedPages: true });
const anchors = (markdown: string) => [...markdown.matchAll(/<a id="([^"]+)"><\/a>([^\n]*)/g)];

describe("a page pinned to a revision", () => {
  it("says which revision it stands in, until when, and links the current docs", () => {
    expect(pinned).toContain(
      "| Revision in force | 2024-05, effective 2024-05-01 until 2026-05-01, when revision 2026-05 took effect. This page is pinned to it",
    );
    expect(pinned).toContain("[current docs](../README.md)");
  });

  it("holds each rule as its version then: the earlier words, nothing added later, nothing removed yet", () => {
    expect(pinned).toContain("> The Member's clinical status is stable.\n");
    expect(pinned).not.toContain("as documented by the attending physician");
    expect(pinned).not.toMatch(/Criterion I\.A\.3\b/);
    expect(pinned).not.toMatch(/Criterion I\.A\.1\.b\b/);
    expect(pinned).toMatch(/Exclusion II\.A\b/);
    expect(pinned).not.toContain("removed in 2026-05");
  });

  it("keeps the anchors of the current docs: each lands on the same statement there", () => {
    const now = new Map(anchors(current).map(([, id, rest]) => [id, rest]));
    const then = anchors(pinned);
    expect(then.length).toBeGreaterThan(10);
    for (const [, id, rest] of then) {
      expect(now.has(id), id).toBe(true);
      // A heading's anchor is followed by the heading's words: the same statement in both.
      if (rest!.startsWith("Criterion") || rest!.startsWith("Exclusion")) expect(now.get(id), id).toBe(rest);
    }
  });
});

describe("the current docs", () => {
  it("link each earlier revision to its pinned page, and not the latest", () => {
    expect(current).toContain("| [2024-05](revisions/2024-05.md) |");
    expect(current).not.toContain("revisions/2026-05.md");
  });
});
