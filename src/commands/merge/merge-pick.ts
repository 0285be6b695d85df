// Which folder's record of a shot wins a merge: the most advanced state, then the latest, then argument order.
import type { ClipIntegrity, ShotRecord } from "../../manifest/index.js";

export interface Candidate {
  /** Index of the source folder (argument order): the last tie-breaker. */
  source: number;
  record: ShotRecord;
  /** Integrity of the record's clip in its own folder (null when the record names none). */
  clip: ClipIntegrity | null;
}

/**
 * 5 completed with an intact clip; 4 submitted, or completed whose clip is gone (paid: the next render
 * polls or fetches that generation again instead of paying twice); 2 failed or unknown; 1 skipped; 0 pending.
 */
export function progressRank(c: Candidate): number {
  switch (c.record.status) {
    case "completed":
      return c.clip === "intact" ? 5 : 4;
    case "submitted":
      return 4;
    case "failed":
    case "unknown":
      return 2;
    case "skipped":
      return 1;
    case "pending":
      return 0;
  }
}

export function pickCandidate(candidates: readonly Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) if (best === undefined || beats(c, best)) best = c;
  return best;
}

function beats(a: Candidate, b: Candidate): boolean {
  const rank = progressRank(a) - progressRank(b);
  if (rank !== 0) return rank > 0;
  const [ta, tb] = [latest(a.record), latest(b.record)];
  if (ta !== tb) return ta > tb;
  return a.source < b.source;
}

function latest(record: ShotRecord): number {
  const at = Date.parse(record.completed_at ?? record.submitted_at ?? "");
  return Number.isFinite(at) ? at : Number.NEGATIVE_INFINITY;
}
