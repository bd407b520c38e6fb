// The traceability of one policy as the docs show it: reads the published text the policy names (from
// the project at `root`) and checks the model against it.

import type { PolicyModel } from "../model/policy-model.js";
import { readPublishedText } from "./published.js";
import { tracePolicy, type TraceReport } from "./trace.js";

/** What is known of a policy's published text: none named, named but missing, or checked. */
export type TraceSummary =
  | { readonly kind: "none" }
  | { readonly kind: "missing"; readonly path: string }
  | { readonly kind: "checked"; readonly path: string; readonly report: TraceReport };

export function traceSummary(root: string, model: PolicyModel): TraceSummary {
  const published = readPublishedText(root, model);
  if (!published) return { kind: "none" };
  if (published.text === undefined) return { kind: "missing", path: published.path };
  return { kind: "checked", path: published.path, report: tracePolicy(model, published.text) };
}
