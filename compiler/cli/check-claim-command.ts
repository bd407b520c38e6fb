// `policyc check-claim <policy> <claim.json> [--as-of YYYY-MM-DD]`: the claim check, as JSON.

import { printResult, readJson } from "./eval-command.js";
import { loadEvaluator } from "./load-evaluator.js";

export async function checkClaimCommand(
  root: string,
  policy: string,
  claimPath: string,
  options: { asOf?: string },
): Promise<number> {
  const claim = readJson(claimPath, "the claim");
  const evaluator = await loadEvaluator(root, policy);
  return printResult(() => evaluator.checkClaim(claim, options.asOf === undefined ? {} : { asOf: options.asOf }));
}
