// Before a POST leaves, its shot is recorded `unknown` (E_SUBMIT_INTERRUPTED): a run that dies mid-POST never looks unpaid.
import type { ResolvedShot } from "../storyboard/index.js";
import type { ShotError, ShotRecord } from "../manifest/index.js";
import { freshRecord } from "./fresh-record.js";

export type ShotPatch = Partial<Omit<ShotRecord, "id">>;

/** The shot's record for a new submission, no outcome yet (its earlier generation, clip and error dropped). */
export function restartPatch(current: ShotRecord, shot: ResolvedShot, backend: string): ShotPatch {
  return changedFields(current, freshRecord(shot, backend));
}

/** What the shot's record says while its submission is on the way: replaced by the answer, or reverted. */
export function intentPatch(current: ShotRecord, shot: ResolvedShot, backend: string): ShotPatch {
  const target: ShotRecord = {
    ...freshRecord(shot, backend),
    status: "unknown",
    error: {
      code: "E_SUBMIT_INTERRUPTED",
      message: `the run ended while this submission was on its way; it may have been created and charged — check the AIML usage page, then render again with --only ${shot.id} to submit it once more`,
    },
  };
  return changedFields(current, target);
}

/**
 * Back to the record as it was before the intent (`before`), since nothing was sent or nothing was created. A
 * pending shot notes why it is still pending (`why`); any other keeps its own error (failed, unknown, skipped:
 * what --failed selects it by, and an earlier unknown submission's warning).
 */
export function revertPatch(current: ShotRecord, before: ShotRecord, why: ShotError): ShotPatch {
  const target = before.status === "pending" ? { ...before, error: why } : before;
  return changedFields(current, target);
}

/** The fields of `target` whose values differ from `current`'s: a small journal line for a small change. */
function changedFields(current: ShotRecord, target: ShotRecord): ShotPatch {
  const patch: Record<string, unknown> = {};
  const now = current as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(target)) {
    if (key === "id") continue;
    if (!sameValue(now[key], value)) patch[key] = value;
  }
  return patch;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
