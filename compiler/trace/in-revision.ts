// The policy as it stood in one revision (model/policy-in-revision.ts), which a revision's own
// published text is checked against.

export { policyInRevision } from "../model/policy-in-revision.js";
