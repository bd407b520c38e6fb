// Readable, collision-free names for the locals of a generated evaluator:
// `fact_member_age`, `def_self_administered`, `holds_I_A_3`, `applies_I_C_1`...

export class LocalNames {
  private readonly taken = new Set<string>();
  private readonly assigned = new Map<string, string>();

  /** The local for `(role, name)`, the same every time it is asked for. */
  get(role: string, name: string): string {
    const key = `${role}\u0000${name}`;
    const existing = this.assigned.get(key);
    if (existing) return existing;
    const base = `${role}_${name.replace(/[^A-Za-z0-9]+/g, "_")}`;
    let candidate = base;
    for (let suffix = 2; this.taken.has(candidate); suffix++) candidate = `${base}_${suffix}`;
    this.taken.add(candidate);
    this.assigned.set(key, candidate);
    return candidate;
  }
}
