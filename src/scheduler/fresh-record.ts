// A resolved shot as the manifest records it: the seed of its record (request without image bytes), and its fresh record.
import { requestRecord } from "../storyboard/index.js";
import type { ResolvedShot } from "../storyboard/index.js";
import { newRecord } from "../manifest/index.js";
import type { RecordSeed, ShotRecord } from "../manifest/index.js";

export function recordSeed(shot: ResolvedShot): RecordSeed {
  const { id, model, inputHash, line, durationSeconds } = shot;
  const seed: RecordSeed = { id, model, inputHash, line, durationSeconds, request: requestRecord(shot) };
  const refs = Object.entries(shot.upstream ?? {});
  if (refs.length === 0) return seed;
  // Which shot and frame each upstream field came from, and the PNG submitted once it is bound.
  const upstream = Object.fromEntries(
    refs.map(([field, ref]) => [
      field,
      { shot: ref.shot, frame: ref.frame, sha256: shot.frames[field]?.sha256 ?? null },
    ]),
  );
  return { ...seed, upstream };
}

/** The record of a shot not submitted yet. `backend`: where its submission goes; null when not submitted yet. */
export function freshRecord(shot: ResolvedShot, backend: string | null = null): ShotRecord {
  return newRecord(recordSeed(shot), backend);
}
