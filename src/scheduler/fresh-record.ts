// The record of a shot about to be submitted afresh: what the manifest says of it from the moment its POST may leave.
import { requestRecord } from "../storyboard/index.js";
import type { ResolvedShot } from "../storyboard/index.js";
import type { ShotRecord } from "../manifest/index.js";

/** `backend`: where its submission goes ("simulator" or the API origin); null when not submitted yet. */
export function freshRecord(shot: ResolvedShot, backend: string | null = null): ShotRecord {
  return {
    id: shot.id,
    status: "pending",
    model: shot.model,
    input_hash: shot.inputHash,
    line: shot.line,
    generation_id: null,
    submitted_at: null,
    completed_at: null,
    polls: 0,
    request: requestRecord(shot),
    video_url: null,
    clip: null,
    credits_used: null,
    duration_seconds: shot.durationSeconds,
    error: null,
    warnings: [],
    backend,
  };
}
