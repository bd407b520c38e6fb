// The checker's public output: what a later stage (lowering) may read of a checked policy. The
// CheckedPolicy with its side tables, and the read-only accessors over them; no name is looked up
// again here. One way only: model/ reads check/ through this file, check/ never reads model/.

export { billingKey, type CheckedPolicy } from "./check-policy.js";
export { codeLabel, parentId, type OutlineStatement } from "./symbols.js";
export { billingRuleSites, codeInForceRuleId, codeLifetimeKey, hasOwnLifetime } from "./billing.js";
export { resolutionOf, resolvedFact } from "./resolutions.js";
export { sectionMembers } from "./references.js";
