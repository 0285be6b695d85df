// Close names for an unknown one (model ids, storyboard keys), so an error can say "did you mean ...".

/**
 * Up to `limit` candidates nearest to `wanted` (case-insensitive edit distance, at most a third of its
 * length, and 1 for short names), best first. A name
 * written without its vendor prefix is also compared with each id's part after the first `/`, so
 * `veo-3.1-t2v-fast` finds `google/veo-3.1-t2v-fast`; a name that matches a candidate exactly that way
 * (or but for case) gets only the exact matches.
 */
export function closestIds(wanted: string, candidates: readonly string[], limit = 3): string[] {
  const target = wanted.toLowerCase();
  const maxDistance = Math.max(1, Math.floor(target.length / 3));
  const scored = candidates
    .map((id) => ({ id, distance: distance(target, id.toLowerCase()) }))
    .filter((c) => c.distance <= maxDistance)
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id));
  const exact = scored.filter((c) => c.distance === 0);
  return (exact.length > 0 ? exact : scored).slice(0, limit).map((c) => c.id);
}

/** The distance to the whole id, or to its part after the vendor prefix when `target` has none. */
function distance(target: string, id: string): number {
  const whole = editDistance(target, id);
  const slash = id.indexOf("/");
  if (slash < 0 || target.includes("/")) return whole;
  return Math.min(whole, editDistance(target, id.slice(slash + 1)));
}

/** Edits (insert, delete, substitute, swap two neighbours) turning `a` into `b`: "frist" is 1 from "first". */
function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      current[j] = best;
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
