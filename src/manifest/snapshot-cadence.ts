// How soon manifest.json may be rewritten to catch up with the journal: often for small files, rarely for big ones.

export interface SnapshotCadence {
  /** Shortest time between the end of one snapshot write and the start of the next, in ms. */
  minIntervalMs: number;
  /** …and at least this many times as long as the last snapshot took to serialize and write. */
  costFactor: number;
}

/** Once a second for a storyboard of tens of shots; a snapshot that takes 150 ms waits 3 s (≤ 1/20 of the time). */
export const DEFAULT_SNAPSHOT_CADENCE: SnapshotCadence = { minIntervalMs: 1000, costFactor: 20 };

/** Milliseconds from `now` until the next snapshot may start (0: now). */
export function snapshotWaitMs(
  cadence: SnapshotCadence,
  last: { endedAt: number; tookMs: number },
  now: number,
): number {
  const interval = Math.max(cadence.minIntervalMs, cadence.costFactor * last.tookMs);
  return Math.max(0, last.endedAt + interval - now);
}
