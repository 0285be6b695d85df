// How soon manifest.json may be rewritten to catch up with the journal: often for small files, rarely for big ones.

export interface SnapshotCadence {
  /** Shortest time between the end of one snapshot write and the start of the next, in ms. */
  minIntervalMs: number;
  /** …and at least this many times as long as the last snapshot took to serialize and write. */
  costFactor: number;
  /**
   * …and no faster than this many snapshot bytes per second on average. Catch-up writes then add at most
   * this rate × run time, whatever the storyboard's size: a long run of a huge storyboard stays linear in
   * time (the journal, fsync'd per paid id, is what makes ids durable; the snapshot only catches up).
   */
  maxBytesPerSecond: number;
}

/**
 * Once a second for a storyboard of tens of shots (a 30 KB snapshot); a 1 MB snapshot (about 1,000 shots)
 * every 4 s; a 12 MB one (10,000 shots) every 48 s.
 */
export const DEFAULT_SNAPSHOT_CADENCE: SnapshotCadence = {
  minIntervalMs: 1000,
  costFactor: 20,
  maxBytesPerSecond: 256 * 1024,
};

/** Milliseconds from `now` until the next snapshot may start (0: now). */
export function snapshotWaitMs(
  cadence: SnapshotCadence,
  last: { endedAt: number; tookMs: number; bytes?: number },
  now: number,
): number {
  const interval = Math.max(
    cadence.minIntervalMs,
    cadence.costFactor * last.tookMs,
    ((last.bytes ?? 0) / cadence.maxBytesPerSecond) * 1000,
  );
  return Math.max(0, last.endedAt + interval - now);
}
