// Were these folders rendered from one storyboard? Same storyboard sha256 and the same set of shot ids.
import type { Manifest } from "../../manifest/index.js";

export interface MergeSource {
  /** The folder as the user named it. */
  label: string;
  /** Absolute path. */
  dir: string;
  manifest: Manifest;
}

/** What differs, as one sentence naming folders and shot ids; null when the folders agree. */
export function storyboardMismatch(sources: readonly MergeSource[]): string | null {
  const problems: string[] = [];
  const shas = new Set(sources.map((s) => s.manifest.storyboard.sha256));
  if (shas.size > 1) {
    const each = sources.map(
      (s) =>
        `${s.label} (${s.manifest.storyboard.path}, sha256 ${s.manifest.storyboard.sha256.slice(0, 12)}…)`,
    );
    problems.push(`storyboards differ: ${each.join(", ")}`);
  }
  const idSets = sources.map((s) => new Set(s.manifest.shots.map((shot) => shot.id)));
  const all = new Set(idSets.flatMap((ids) => [...ids]));
  const partial = [...all].filter((id) => idSets.some((ids) => !ids.has(id)));
  if (partial.length > 0) {
    const where = partial.map(
      (id) =>
        `${id} (only in ${sources
          .filter((_, i) => idSets[i]?.has(id))
          .map((s) => s.label)
          .join(", ")})`,
    );
    problems.push(`shot ids differ: ${where.join(", ")}`);
  }
  return problems.length === 0 ? null : problems.join("; ");
}

/** Every shot id in order: the first folder's order, then ids only later folders have. */
export function mergedOrder(sources: readonly MergeSource[]): string[] {
  const seen = new Set<string>();
  const order: string[] = [];
  for (const source of sources) {
    for (const shot of source.manifest.shots) {
      if (!seen.has(shot.id)) {
        seen.add(shot.id);
        order.push(shot.id);
      }
    }
  }
  return order;
}
