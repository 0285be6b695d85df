// Public API of the manifest stage: durable run state in the output folder.
export type {
  Manifest,
  RunRecord,
  ShotRecord,
  ShotStatus,
  ClipRecord,
  ShotError,
  ReconciliationRecord,
  UpstreamFrameRecord,
} from "./types.js";
export { MANIFEST_FILE, JOURNAL_FILE, LOCK_FILE } from "./types.js";
export { ManifestError, OutputLockedError } from "./errors.js";
export type { LockHolder } from "./errors.js";
export { ManifestStore } from "./store.js";
export type { ManifestStoreOptions, ManifestStoreStats } from "./store.js";
export type { SnapshotCadence } from "./snapshot-cadence.js";
export { readManifest } from "./read.js";
export { manifestProblems } from "./schema.js";
export { acquireOutputLock } from "./lock.js";
export type { OutputLock, OutputLockOptions } from "./lock.js";
export { syncDir, writeFileAtomic } from "./atomic-write.js";
export { checkClip } from "./clip-check.js";
export type { ClipIntegrity } from "./clip-check.js";
export {
  newRecord,
  startingRecord,
  submissionPatch,
  keepsRecord,
  nextRecord,
  recordPatch,
  changedFields,
} from "./record-lifecycle.js";
export type { RecordChange, RecordSeed, ShotPatch } from "./record-lifecycle.js";
