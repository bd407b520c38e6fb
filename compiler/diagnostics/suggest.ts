// "Did you mean ...?": the closest known name by edit distance, when one is close enough.

/**
 * The edit distance (Levenshtein, one row of memory) of `a` and `b` when it is at most `limit`, else
 * `limit + 1`: rows stop as soon as none of their cells is within the limit, so a far candidate costs
 * little.
 */
function distanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      const cell = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
      current.push(cell);
      rowMinimum = Math.min(rowMinimum, cell);
    }
    if (rowMinimum > limit) return limit + 1;
    previous = current;
  }
  return Math.min(previous[b.length] ?? 0, limit + 1);
}

/**
 * The candidate closest to `wanted`, if it is within a third of the word's length (at least 2 edits),
 * or if one candidate ends with the wanted word after a dot (`residence` -> `member.residence`).
 * NOTE: only distances within reach are computed in full, so a file with thousands of unknown names
 * among thousands of known ones is still checked in moments.
 */
export function closestName(wanted: string, candidates: Iterable<string>): string | undefined {
  const lower = wanted.toLowerCase();
  const allowed = Math.max(2, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    if (other.endsWith(`.${lower}`)) return candidate;
    const distance = distanceWithin(lower, other, bestDistance);
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * "Did you mean" for the names of one file, with a budget: the first `limit` names get a suggestion,
 * the rest none. NOTE: each suggestion compares the name with every candidate, so without a limit a
 * file of thousands of misspelt names among thousands of names takes time that grows with the square
 * of its size; no author reads past the first hundred suggestions anyway.
 */
export class SuggestionBudget {
  constructor(private remaining = 100) {}

  didYouMean(wanted: string, candidates: () => Iterable<string>): string | undefined {
    if (this.remaining <= 0) return undefined;
    this.remaining--;
    return didYouMean(wanted, candidates());
  }
}

export function didYouMean(wanted: string, candidates: Iterable<string>): string | undefined {
  const best = closestName(wanted, candidates);
  return best === undefined ? undefined : `Did you mean \`${best}\`?`;
}
