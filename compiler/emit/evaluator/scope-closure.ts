// A statement's logic compiled to a closure over the scope the runtime hands it, taking only what it
// reads: `({ facts }) => facts["member.clinical_status_stable"]`.

import type { Condition } from "../../model/policy-model.js";
import { stringLiteral } from "../code-text.js";
import { ConditionCompiler, noReads, type Reads } from "./conditions.js";

const scopeCompiler = new ConditionCompiler({
  fact: (name) => `facts[${stringLiteral(name)}]`,
  definition: (name) => `definitions[${stringLiteral(name)}]`,
  part: (id) => `parts[${stringLiteral(id)}]`,
  met: (id) => `met[${stringLiteral(id)}]`,
  serviceDate: () => "asOf",
});

/** `({ facts, definitions })`, naming only what the body reads. */
function parameters(reads: Reads): string {
  const taken = [
    ...(reads.facts ? ["facts"] : []),
    ...(reads.definitions ? ["definitions"] : []),
    ...(reads.parts ? ["parts"] : []),
    ...(reads.met ? ["met"] : []),
    ...(reads.serviceDate ? ["asOf"] : []),
  ];
  return taken.length === 0 ? "()" : `({ ${taken.join(", ")} })`;
}

/** The closure computing `condition`; `helpers` learns the runtime helpers it calls. */
export function scopeClosure(condition: Condition, helpers: Set<string>): string {
  const reads: Reads = noReads();
  const body = scopeCompiler.truth(condition, reads);
  for (const helper of reads.helpers) helpers.add(helper);
  return `${parameters(reads)} => ${body}`;
}
