// The policies the differential test covers: every *.policy under policy/ and test/fixtures/ that
// checks without errors, each with its model and the values and seed cases its inputs are drawn from.

import { projectFiles } from "../fixture-files.js";
import type { PolicyModel } from "../../../compiler/model/policy-model.js";
import { checkPolicySource } from "../../../compiler/pipeline.js";
import { findSeedCases, type SeedCase } from "./seed-cases.js";
import { valueSpace, type ValueSpace } from "./value-space.js";

export interface PolicyUnderTest {
  readonly path: string;
  readonly model: PolicyModel;
  readonly space: ValueSpace;
  /** Found on first use: the walk takes a moment on a large policy. */
  seeds(): readonly SeedCase[];
}

export interface PolicyFiles {
  readonly covered: readonly PolicyUnderTest[];
  /** Policy files with errors: nothing is generated for them, so there is nothing to compare. */
  readonly withErrors: readonly string[];
}

export function policiesUnderTest(): PolicyFiles {
  const files = [...projectFiles("policy", ".policy"), ...projectFiles("test/fixtures", ".policy")];
  const covered: PolicyUnderTest[] = [];
  const withErrors: string[] = [];
  for (const file of files) {
    const { model } = checkPolicySource(file.text, file.path);
    if (model === undefined) {
      withErrors.push(file.path);
      continue;
    }
    const space = valueSpace(model);
    let seeds: readonly SeedCase[] | undefined;
    covered.push({ path: file.path, model, space, seeds: () => (seeds ??= findSeedCases(model, space)) });
  }
  return { covered, withErrors };
}
