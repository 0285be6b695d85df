// Tallies how each shot of a run ended, from the manifest records the run left behind.
import type { ManifestStore, ShotStatus } from "../manifest/index.js";
import type { PlanEntry } from "./plan.js";
import type { RunCounts } from "./events.js";

/** Counts of `total` shots, none of them ended yet: what tallies (and tests) start from. */
export function zeroCounts(total = 0): RunCounts {
  return {
    total,
    completed: 0,
    failed: 0,
    unknown: 0,
    skipped: 0,
    upToDate: 0,
    excluded: 0,
    inFlight: 0,
    pending: 0,
  };
}

/**
 * `runOutcomes`: how this run ended the shots it was to submit but did not (held back by --max-credits:
 * skipped; refused before any generation existed: failed). Their records may still say `completed` — a finished
 * shot keeps its record — but the counts say what this run did.
 */
export function countOutcomes(
  entries: readonly PlanEntry[],
  store: ManifestStore,
  runOutcomes: ReadonlyMap<string, ShotStatus> = new Map(),
): RunCounts {
  const counts = zeroCounts(entries.length);
  for (const entry of entries) {
    if (entry.action === "skip") {
      counts.upToDate += 1;
      continue;
    }
    if (entry.action === "excluded") {
      counts.excluded += 1;
      continue;
    }
    const status = runOutcomes.get(entry.shot.id) ?? store.shot(entry.shot.id).status;
    if (status === "completed") counts.completed += 1;
    else if (status === "failed") counts.failed += 1;
    else if (status === "unknown") counts.unknown += 1;
    else if (status === "skipped") counts.skipped += 1;
    else if (status === "submitted") counts.inFlight += 1;
    else counts.pending += 1;
  }
  return counts;
}

/** 0 when every selected shot is done, 1 when any failed or is unfinished. (2 and 130 are the CLI's.) */
export function outcomeExitCode(counts: RunCounts): 0 | 1 {
  const unfinished = counts.failed + counts.unknown + counts.skipped + counts.inFlight + counts.pending;
  return unfinished > 0 ? 1 : 0;
}
