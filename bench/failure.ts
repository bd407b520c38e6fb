// A correctness failure: the benchmark's inputs or results are wrong, so its figures mean nothing.
// run.ts prints it and exits non-zero; a missed performance target never throws this.

export class BenchFailure extends Error {
  override readonly name = "BenchFailure";
}
