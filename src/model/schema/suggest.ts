/**
 * "Did you mean": the known field closest to a misspelt one. A case-only difference wins outright
 * (`certificateARN` where the API says `certificateArn`); otherwise the smallest edit distance, if it
 * is small for the name's length, so unrelated names are never suggested.
 */

export function closestName(name: string, known: readonly string[]): string | null {
  const lower = name.toLowerCase();
  const sameCase = known.find((k) => k.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  // Up to a quarter of the name may differ (at least 2 edits, so short typos are caught too).
  const budget = Math.max(2, Math.floor(name.length / 4));
  let best: string | null = null;
  let bestDistance = budget + 1;
  for (const k of known) {
    if (Math.abs(k.length - name.length) > budget) continue; // cheap bound: the distance is at least the length gap
    const d = editDistance(lower, k.toLowerCase(), budget);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, stopping early once every cell of a row exceeds `limit` (names are short: O(a·b)). */
export function editDistance(a: string, b: string, limit = Infinity): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return rowMin;
    prev = row;
  }
  return prev[b.length]!;
}
