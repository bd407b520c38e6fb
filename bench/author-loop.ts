// The author's loop in the benchmark: `policyc check` and `policyc test` on one policy, warm (the
// median of in-process runs of the functions the commands call) and cold (one run of the built CLI in
// a new process, start-up and module loading included). Rows for run.ts's table.

import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { checkProject } from "../compiler/build/build.js";
import { reportDiagnostics } from "../compiler/cli/report.js";
import { runTests } from "../compiler/cli/test-command.js";
import { hasErrors } from "../compiler/diagnostics/diagnostic.js";
import { BenchFailure } from "./failure.js";
import { median, nowMs, timeRuns } from "./measure.js";
import { formatMs, formatRange } from "./report.js";

const silent = { out: () => undefined, err: () => undefined };

/** One run of the built CLI in `root`, in milliseconds of wall-clock time; a failed run is a BenchFailure. */
function coldRun(root: string, args: readonly string[]): number {
  const start = nowMs();
  const run = spawnSync(process.execPath, [join(root, "dist", "compiler", "cli.js"), ...args], {
    cwd: root,
    encoding: "utf8",
  });
  const ms = nowMs() - start;
  if (run.status !== 0)
    throw new BenchFailure(`policyc ${args.join(" ")} exited ${run.status}: ${run.stdout}${run.stderr}`);
  return ms;
}

/** The table rows of `policyc check` and `policyc test <policy>` in the project at `root`. */
export async function authorLoopRows(root: string, policy: string): Promise<string[][]> {
  const check = await timeRuns(
    () => {
      const project = checkProject(root);
      reportDiagnostics(project.diagnostics, project.sources);
      if (hasErrors(project.diagnostics)) throw new BenchFailure("policyc check: the project has errors");
    },
    1,
    7,
  );
  const test = await timeRuns(
    async () => {
      if ((await runTests(root, policy, { coverage: false }, silent)) !== 0)
        throw new BenchFailure(`policyc test ${policy}: a case fails`);
    },
    1,
    7,
  );
  const coverage = await timeRuns(() => runTests(root, policy, { coverage: true }, silent), 1, 5);
  const row = (name: string, samples: readonly number[]) => [
    `  ${name}`,
    formatMs(median(samples)),
    formatRange(samples, formatMs),
    String(samples.length),
  ];
  return [
    [`Author's loop (${policy}; warm: in-process medians; cold: one new process)`, "median", "spread", "reps"],
    row("policyc check, warm (checkProject, reportDiagnostics)", check),
    row(`policyc test ${policy}, warm (runTests)`, test),
    row(`policyc test ${policy} --coverage, warm`, coverage),
    row("policyc check, cold", [coldRun(root, ["check"])]),
    row(`policyc test ${policy}, cold`, [coldRun(root, ["test", policy])]),
    [""],
  ];
}
