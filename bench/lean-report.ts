// The rows and targets of the lean comparison (issue 12): how many times slower the generated
// evaluator (trace off, trace on) and the generated claim checker are than the lean baselines, with
// the targets: trace off within 2x, trace on within 6x, claim checks within 2x.

import type { LeanClaimThroughput, LeanThroughput } from "./lean-throughput.js";
import { formatCount, type Target } from "./report.js";

const targets = { traceOff: 2, traceOn: 6, claims: 2 };

function slower(generated: number, lean: number): string {
  return `${(lean / generated).toFixed(1)}x slower than lean`;
}

export function leanRows(decisions: LeanThroughput, claims: LeanClaimThroughput): string[][] {
  const rate = (value: number) => `${formatCount(value)} /s`;
  return [
    [
      "Against the lean baselines (bench/lean-wnc-cp-224*.ts: the same inputs, validation included)",
      "per CPU s",
      "generated is",
    ],
    ["  decisions, lean (outcome and reason ids only)", rate(decisions.lean)],
    ["  decisions, generated, no trace", rate(decisions.generated), slower(decisions.generated, decisions.lean)],
    [
      "  decisions, generated, trace: true",
      rate(decisions.generatedTrace),
      slower(decisions.generatedTrace, decisions.lean),
    ],
    ["  claim checks, lean (verdict and rule ids only)", rate(claims.lean)],
    ["  claim checks, generated", rate(claims.generated), slower(claims.generated, claims.lean)],
  ];
}

export function leanTargets(decisions: LeanThroughput, claims: LeanClaimThroughput): Target[] {
  const ratio = (generated: number, lean: number) => lean / generated;
  const off = ratio(decisions.generated, decisions.lean);
  const on = ratio(decisions.generatedTrace, decisions.lean);
  const claim = ratio(claims.generated, claims.lean);
  return [
    {
      name: `generated, no trace, within ${targets.traceOff}x of lean (issue 12)`,
      met: off <= targets.traceOff,
      figure: `${off.toFixed(1)}x`,
    },
    {
      name: `generated, trace: true, within ${targets.traceOn}x of lean (issue 12)`,
      met: on <= targets.traceOn,
      figure: `${on.toFixed(1)}x`,
    },
    {
      name: `generated checkClaim within ${targets.claims}x of lean (issue 12)`,
      met: claim <= targets.claims,
      figure: `${claim.toFixed(1)}x`,
    },
  ];
}
