// Multi-valued decision diagrams (reduced and ordered) with integer terminals: the symbolic engine of
// the review diff's decision delta. Levels are variables with finite domains, fixed in order when the
// store is made; nodes are hash-consed in a unique table, and apply is memoised per operation, so two
// equal functions are the same node and each pair of nodes is combined once. Knows nothing of policies.

/** A node of a store: an index into its arrays. */
export type Node = number;

/** A binary operation on terminal values, with the shortcuts that spare a descent. */
export interface BinaryOperation {
  readonly name: string;
  readonly apply: (left: number, right: number) => number;
  /** A left or right terminal with this value is the result (0 for and). */
  readonly absorbing?: number;
  /** A left or right terminal with this value leaves the other operand (2 for and). */
  readonly identity?: number;
}

/** NOTE: node ids are packed two to a memo key; past this many nodes the keys would collide. */
const maxNodes = 2 ** 26;

export class DiagramStore {
  /** Per node: its level, or -1 for a terminal. */
  private readonly levels: number[] = [];
  /** Per node: its children by domain index, or its terminal value. */
  private readonly children: (readonly Node[])[] = [];
  private readonly values: number[] = [];
  private readonly unique = new Map<string, Node>();
  private readonly memos = new Map<string, Map<number, Node>>();

  /** `domains[level]` is the number of values of the variable at that level. */
  constructor(readonly domains: readonly number[]) {}

  get size(): number {
    return this.levels.length;
  }

  private add(level: number, kids: readonly Node[], value: number, key: string): Node {
    const node = this.levels.length;
    if (node >= maxNodes) throw new RangeError(`policyc diff: more than ${maxNodes} diagram nodes`);
    this.levels.push(level);
    this.children.push(kids);
    this.values.push(value);
    this.unique.set(key, node);
    return node;
  }

  terminal(value: number): Node {
    const key = `t${value}`;
    return this.unique.get(key) ?? this.add(-1, [], value, key);
  }

  /** The node testing `level`, with a child per value; a test whose children are all equal is its child. */
  node(level: number, kids: readonly Node[]): Node {
    if (kids.length !== this.domains[level])
      throw new RangeError(`policyc diff: level ${level} has ${kids.length} children`);
    const first = kids[0]!;
    if (kids.every((kid) => kid === first)) return first;
    const key = `${level}:${kids.join(",")}`;
    return this.unique.get(key) ?? this.add(level, kids, 0, key);
  }

  isTerminal(node: Node): boolean {
    return this.levels[node] === -1;
  }

  /** A terminal's value. */
  value(node: Node): number {
    return this.values[node]!;
  }

  /** The level a node tests; terminals sit below every level. */
  level(node: Node): number {
    const level = this.levels[node]!;
    return level === -1 ? this.domains.length : level;
  }

  kids(node: Node): readonly Node[] {
    return this.children[node]!;
  }

  /** The variable at `level` as a function: value `i` of its domain gives terminal `values[i]`. */
  variable(level: number, values: readonly number[]): Node {
    return this.node(
      level,
      values.map((value) => this.terminal(value)),
    );
  }

  private memo(name: string): Map<number, Node> {
    let memo = this.memos.get(name);
    if (memo === undefined) {
      memo = new Map();
      this.memos.set(name, memo);
    }
    return memo;
  }

  /** The pointwise combination of two diagrams. */
  apply(operation: BinaryOperation, left: Node, right: Node): Node {
    return this.applyWith(operation, this.memo(operation.name), left, right);
  }

  private applyWith(operation: BinaryOperation, memo: Map<number, Node>, left: Node, right: Node): Node {
    const leftTerminal = this.isTerminal(left);
    const rightTerminal = this.isTerminal(right);
    if (leftTerminal && rightTerminal) return this.terminal(operation.apply(this.value(left), this.value(right)));
    if (leftTerminal) {
      if (this.value(left) === operation.absorbing) return left;
      if (this.value(left) === operation.identity) return right;
    }
    if (rightTerminal) {
      if (this.value(right) === operation.absorbing) return right;
      if (this.value(right) === operation.identity) return left;
    }
    const key = left * maxNodes + right;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const leftLevel = this.level(left);
    const rightLevel = this.level(right);
    const level = Math.min(leftLevel, rightLevel);
    const leftKids = leftLevel === level ? this.kids(left) : undefined;
    const rightKids = rightLevel === level ? this.kids(right) : undefined;
    const kids: Node[] = [];
    for (let index = 0; index < this.domains[level]!; index++)
      kids.push(this.applyWith(operation, memo, leftKids?.[index] ?? left, rightKids?.[index] ?? right));
    const result = this.node(level, kids);
    memo.set(key, result);
    return result;
  }

  /** The diagram with each terminal value replaced by `change(value)`. */
  map(name: string, change: (value: number) => number, root: Node): Node {
    const memo = this.memo(`map:${name}`);
    const visit = (node: Node): Node => {
      if (this.isTerminal(node)) return this.terminal(change(this.value(node)));
      const known = memo.get(node);
      if (known !== undefined) return known;
      const result = this.node(this.level(node), this.kids(node).map(visit));
      memo.set(node, result);
      return result;
    };
    return visit(root);
  }

  /** The terminal reached with `assignment[level]` the value index of each level. */
  evaluate(root: Node, assignment: readonly number[]): number {
    let node = root;
    while (!this.isTerminal(node)) node = this.kids(node)[assignment[this.level(node)]!]!;
    return this.value(node);
  }

  /** The distinct terminal values a diagram reaches, ascending. */
  terminals(root: Node): number[] {
    const seen = new Set<Node>();
    const found = new Set<number>();
    const stack = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (seen.has(node)) continue;
      seen.add(node);
      if (this.isTerminal(node)) found.add(this.value(node));
      else stack.push(...this.kids(node));
    }
    return [...found].sort((a, b) => a - b);
  }
}

/**
 * Weighted model counting over a store: each value of each level weighs a number of cases (zero for a
 * value that stands for no case, such as "unknown"), and a level a path skips counts all its values.
 */
export class ModelCounter {
  private readonly totals: bigint[];
  private readonly gaps = new Map<number, bigint>();
  private readonly counts = new Map<string, Map<Node, bigint>>();

  constructor(
    private readonly store: DiagramStore,
    private readonly weights: readonly (readonly bigint[])[],
  ) {
    this.totals = weights.map((values) => values.reduce((sum, weight) => sum + weight, 0n));
  }

  /** Cases of the levels from `from` up to (not including) `to`. */
  gap(from: number, to: number): bigint {
    const key = from * 100_000 + to;
    const known = this.gaps.get(key);
    if (known !== undefined) return known;
    let product = 1n;
    for (let level = from; level < to; level++) product *= this.totals[level]!;
    this.gaps.set(key, product);
    return product;
  }

  /** The cases value `index` of `level` stands for. */
  weightOf(level: number, index: number): bigint {
    return this.weights[level]?.[index] ?? 0n;
  }

  /** The cases of every level, together. */
  get all(): bigint {
    return this.gap(0, this.weights.length);
  }

  /** Cases of the levels at and below `node`'s level that reach a terminal `accept` takes. */
  below(root: Node, name: string, accept: (value: number) => boolean): bigint {
    let memo = this.counts.get(name);
    if (memo === undefined) {
      memo = new Map();
      this.counts.set(name, memo);
    }
    const table = memo;
    const store = this.store;
    const visit = (node: Node): bigint => {
      if (store.isTerminal(node)) return accept(store.value(node)) ? 1n : 0n;
      const known = table.get(node);
      if (known !== undefined) return known;
      const level = store.level(node);
      const weights = this.weights[level]!;
      let sum = 0n;
      store.kids(node).forEach((kid, index) => {
        const weight = weights[index]!;
        if (weight !== 0n) sum += weight * visit(kid) * this.gap(level + 1, store.level(kid));
      });
      table.set(node, sum);
      return sum;
    };
    return visit(root);
  }

  /** Every case (all levels) that reaches a terminal `accept` takes; `name` keys the memo of `accept`. */
  count(root: Node, name: string, accept: (value: number) => boolean): bigint {
    return this.gap(0, this.store.level(root)) * this.below(root, name, accept);
  }
}
