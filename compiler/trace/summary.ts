// The traceability of one policy as the docs show it: its published text (read by published.ts)
// checked against the model.

import type { PolicyModel } from "../model/policy-model.js";
import type { PublishedText } from "./published.js";
import { tracePolicy, type TraceReport } from "./trace.js";

/** What is known of a policy's published text: none named, named but missing, or checked. */
export type TraceSummary =
  | { readonly kind: "none" }
  | { readonly kind: "missing"; readonly path: string }
  | { readonly kind: "checked"; readonly path: string; readonly report: TraceReport };

/** NOTE: a refused published text is an error that stops the build before the docs are written. */
export function traceSummary(model: PolicyModel, published: PublishedText | undefined): TraceSummary {
  if (published === undefined) return { kind: "none" };
  if (published.kind !== "read") return { kind: "missing", path: published.path };
  return { kind: "checked", path: published.path, report: tracePolicy(model, published.text) };
}
