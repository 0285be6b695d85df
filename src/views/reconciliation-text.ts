// What the request logs said about shots whose submission answer was lost: for the summary and `status`.
import type { ShotRecord } from "../manifest/index.js";

const ACTION: Record<NonNullable<ShotRecord["reconciliation"]>["action"], string> = {
  adopted: "its generation adopted, nothing paid again",
  resubmitted: "submitted again",
  waiting: "not paid again yet (the logs may lag: --reconcile-grace)",
  kept_unknown: "kept unknown (the logs cannot be read: --resubmit-unknown)",
};

/** A block of one line per reconciled shot, each naming the request, what was found and what was done. */
export function reconciliationLines(shots: readonly ShotRecord[]): string[] {
  const reconciled = shots.filter((s) => s.reconciliation);
  if (reconciled.length === 0) return [];
  return [
    "reconciled through the API's request logs:",
    ...reconciled.map((s) => {
      const r = s.reconciliation!;
      const times = r.lookups === 1 ? "" : `, looked up ${r.lookups} times`;
      const generation = r.generation_id ? ` ${r.generation_id}` : "";
      return `  ${s.id}  request ${r.client_request_id}: ${r.found}${generation} → ${ACTION[r.action]}${times}`;
    }),
  ];
}
