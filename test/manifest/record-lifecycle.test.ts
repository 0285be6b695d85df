// Every change a run makes to a shot's record, as a table: from which record, which change, to which record.
import { describe, expect, it } from "vitest";
import {
  keepsRecord,
  newRecord,
  nextRecord,
  recordPatch,
  startingRecord,
  submissionPatch,
} from "../../src/manifest/index.js";
import type { RecordChange, RecordSeed, ShotRecord, ShotStatus } from "../../src/manifest/index.js";

const seed: RecordSeed = {
  id: "a",
  model: "google/veo-3.1-t2v-fast",
  inputHash: "1".repeat(64),
  line: 7,
  durationSeconds: 8,
  request: { model: "google/veo-3.1-t2v-fast", prompt: "a harbour at dawn" },
};
const BACKEND = "https://api.aimlapi.com";
const CLIP = { path: "clips/001-a.mp4", bytes: 1234, sha256: "c".repeat(64) };
const MAX = { code: "E_MAX_CREDITS", message: "not submitted: past --max-credits 5" };
const REFUSED = { code: "E_API_BAD_REQUEST", message: "duration must be 8" };
const INTERRUPTED = { code: "E_INTERRUPTED", message: "the run was stopped" };

/** A record as an earlier run left it, with `status` and what that status carries. */
function earlier(status: ShotStatus, extra: Partial<ShotRecord> = {}): ShotRecord {
  const base = { ...newRecord(seed, "simulator"), input_hash: "0".repeat(64), request: { prompt: "old" } };
  const carried: Partial<ShotRecord> = {
    pending: {},
    submitted: { generation_id: "gen-old", submitted_at: "2026-11-21T10:00:00.000Z" },
    completed: {
      generation_id: "gen-old",
      submitted_at: "2026-11-21T10:00:00.000Z",
      completed_at: "2026-11-21T10:01:00.000Z",
      video_url: "https://cdn.example.com/gen-old.mp4",
      clip: CLIP,
      credits_used: 40,
      polls: 3,
    },
    failed: { generation_id: "gen-old", error: { code: "E_GENERATION_FAILED", message: "content policy" } },
    unknown: { error: { code: "E_SUBMIT_INTERRUPTED", message: "may have been charged" } },
    skipped: { error: { code: "E_PRICE_UNKNOWN", message: "not submitted: no price" } },
  }[status];
  return { ...base, status, ...carried, ...extra };
}

const fresh = (): ShotRecord => newRecord(seed);
/** The record without `backend`, as storyreel wrote it before it kept one. */
const legacy = (r: ShotRecord): ShotRecord => {
  const copy: Partial<ShotRecord> = { ...r };
  delete copy.backend;
  return copy as ShotRecord;
};
const REQUEST_ID = "sr:run1:0123456789ab:1";
const INTENT_AT = "2026-12-03T10:00:00.000Z";
const FOUND = {
  at: "2026-12-01T00:00:05.000Z",
  client_request_id: "sr:run1:0123456789ab:1",
  found: "none",
  action: "waiting",
  generation_id: null,
  lookups: 1,
  message: "not in the request logs yet",
} as const;

const intentOf = (before: ShotRecord): ShotRecord =>
  nextRecord(before, { type: "intent", seed, backend: BACKEND, clientRequestId: REQUEST_ID, at: INTENT_AT });
const notSubmitted = (
  outcome: "skipped" | "failed",
  before: ShotRecord,
  error = outcome === "skipped" ? MAX : REFUSED,
): RecordChange => ({ type: "not_submitted", outcome, error, before, seed, backend: BACKEND });

/** [name, record before, change, what the record must then hold (a subset), or "same": unchanged]. */
const transitions: [string, ShotRecord, RecordChange, Partial<ShotRecord> | "same"][] = [
  // a submission: intent before the POST, then the answer
  [
    "intent: the fresh record, unknown E_SUBMIT_INTERRUPTED, old generation and clip gone",
    earlier("completed"),
    { type: "intent", seed, backend: BACKEND, clientRequestId: REQUEST_ID, at: INTENT_AT },
    {
      status: "unknown",
      input_hash: seed.inputHash,
      request: seed.request,
      backend: BACKEND,
      client_request_id: REQUEST_ID,
      submitted_at: INTENT_AT,
      generation_id: null,
      clip: null,
      credits_used: null,
      polls: 0,
      error: { code: "E_SUBMIT_INTERRUPTED", message: expect.stringContaining("--only a") as string },
    },
  ],
  [
    "submitted: the paid id, every outcome of an earlier generation cleared",
    intentOf(earlier("completed")),
    {
      type: "submitted",
      generationId: "gen-new",
      submittedAt: "2026-12-01T00:00:00.000Z",
      inputHash: seed.inputHash,
    },
    {
      status: "submitted",
      generation_id: "gen-new",
      submitted_at: "2026-12-01T00:00:00.000Z",
      error: null,
      polls: 0,
      completed_at: null,
      video_url: null,
      clip: null,
      credits_used: null,
    },
  ],
  [
    "submit_unknown: may have been paid, stays unknown with the client's error",
    intentOf(fresh()),
    { type: "submit_unknown", error: { code: "E_SUBMIT_UNKNOWN", message: "connection reset" } },
    { status: "unknown", error: { code: "E_SUBMIT_UNKNOWN", message: "connection reset" } },
  ],
  [
    "reconciled: what the request logs said is kept on the record, nothing else changes",
    intentOf(earlier("unknown")),
    { type: "reconciled", reconciliation: FOUND },
    { status: "unknown", reconciliation: FOUND, client_request_id: REQUEST_ID },
  ],
  [
    "intent after a reconciliation: a new submission clears what was said about the previous one",
    { ...earlier("unknown"), reconciliation: FOUND },
    { type: "intent", seed, backend: BACKEND, clientRequestId: REQUEST_ID, at: INTENT_AT },
    { status: "unknown", reconciliation: null, client_request_id: REQUEST_ID },
  ],
  [
    "withdrawn after a reconciliation: the record from before, with what the logs said this time",
    { ...intentOf(earlier("unknown")), reconciliation: FOUND },
    { type: "withdrawn", before: earlier("unknown"), why: INTERRUPTED },
    { ...earlier("unknown"), reconciliation: FOUND },
  ],
  [
    "intent of a shot that no longer starts from another's frame: the upstream it had is cleared",
    earlier("completed", {
      upstream: { image_url: { shot: "dawn", frame: "last", sha256: "f".repeat(64) } },
    }),
    { type: "intent", seed, backend: BACKEND, clientRequestId: REQUEST_ID, at: INTENT_AT },
    { status: "unknown", upstream: null, client_request_id: REQUEST_ID },
  ],
  // nothing sent, or nothing created: back to the record before the intent
  [
    "withdrawn, a pending shot: pending again, noting why",
    intentOf(fresh()),
    { type: "withdrawn", before: fresh(), why: INTERRUPTED },
    { ...fresh(), status: "pending", error: INTERRUPTED },
  ],
  [
    "withdrawn, a failed shot: failed as before, its own error kept",
    intentOf(earlier("failed")),
    { type: "withdrawn", before: earlier("failed"), why: INTERRUPTED },
    earlier("failed"),
  ],
  [
    "withdrawn, an unknown shot: unknown as before (it may have been charged)",
    intentOf(earlier("unknown")),
    { type: "withdrawn", before: earlier("unknown"), why: INTERRUPTED },
    earlier("unknown"),
  ],
  [
    "withdrawn, a completed shot: completed, clip and all",
    intentOf(earlier("completed")),
    { type: "withdrawn", before: earlier("completed"), why: INTERRUPTED },
    earlier("completed"),
  ],
  // held back (--max-credits): a finished shot never goes backwards
  [
    "held back, completed: kept, clip and all",
    earlier("completed"),
    notSubmitted("skipped", earlier("completed")),
    "same",
  ],
  [
    "held back, in flight: kept (resumed next run)",
    earlier("submitted"),
    notSubmitted("skipped", earlier("submitted")),
    "same",
  ],
  [
    "held back, unknown: kept (it may have been charged)",
    earlier("unknown"),
    notSubmitted("skipped", earlier("unknown")),
    "same",
  ],
  [
    "held back, failed: kept (--failed selects it)",
    earlier("failed"),
    notSubmitted("skipped", earlier("failed")),
    "same",
  ],
  [
    "held back, new: skipped with why",
    fresh(),
    notSubmitted("skipped", fresh()),
    { ...fresh(), status: "skipped", error: MAX },
  ],
  [
    "held back, pending from an earlier run: skipped with why",
    earlier("pending"),
    notSubmitted("skipped", earlier("pending")),
    { ...earlier("pending"), status: "skipped", error: MAX },
  ],
  [
    "held back, skipped before: skipped with the new why",
    earlier("skipped"),
    notSubmitted("skipped", earlier("skipped")),
    { ...earlier("skipped"), error: MAX },
  ],
  [
    "held back, a completed record from before backends were recorded: kept, its backend an explicit null",
    legacy(earlier("completed")),
    notSubmitted("skipped", legacy(earlier("completed"))),
    { ...earlier("completed"), backend: null },
  ],
  // a request that failed before any generation existed (refused, a frame gone)
  [
    "refused after its intent, completed before: back to completed",
    intentOf(earlier("completed")),
    notSubmitted("failed", earlier("completed")),
    earlier("completed"),
  ],
  [
    "refused after its intent, unknown before: back to unknown",
    intentOf(earlier("unknown")),
    notSubmitted("failed", earlier("unknown")),
    earlier("unknown"),
  ],
  [
    "refused after its intent, failed before: the new request's record, failed with the new error",
    intentOf(earlier("failed")),
    notSubmitted("failed", earlier("failed")),
    { ...newRecord(seed, BACKEND), status: "failed", error: REFUSED },
  ],
  [
    "refused before its intent (no body), new: the new request's record, failed",
    fresh(),
    notSubmitted("failed", fresh()),
    { ...newRecord(seed, BACKEND), status: "failed", error: REFUSED },
  ],
  // a paid generation followed
  [
    "resumed: in flight again, the old error cleared",
    earlier("failed"),
    { type: "resumed" },
    { status: "submitted", error: null, generation_id: "gen-old" },
  ],
  [
    "lost (a resumed id's 404): pending, the dead id dropped, submitted again",
    earlier("submitted"),
    { type: "lost" },
    { status: "pending", generation_id: null, submitted_at: null },
  ],
  [
    "polled: the poll count",
    earlier("submitted"),
    { type: "polled", polls: 4 },
    { polls: 4, status: "submitted" },
  ],
  [
    "poll_failed: the error noted, still in flight",
    earlier("submitted"),
    { type: "poll_failed", error: { code: "E_NETWORK", message: "reset" } },
    { status: "submitted", error: { code: "E_NETWORK", message: "reset" } },
  ],
  [
    "generated: video url, credits and time, not completed until its clip is on disk",
    earlier("submitted"),
    {
      type: "generated",
      videoUrl: "https://cdn.example.com/v.mp4",
      creditsUsed: 40,
      completedAt: "2026-12-01T00:01:00.000Z",
    },
    {
      status: "submitted",
      video_url: "https://cdn.example.com/v.mp4",
      credits_used: 40,
      completed_at: "2026-12-01T00:01:00.000Z",
    },
  ],
  [
    "downloaded: completed with its clip, the poll errors cleared",
    earlier("submitted", { error: { code: "E_NETWORK", message: "reset" } }),
    { type: "downloaded", clip: CLIP, warnings: ["duration is 7.9 s"] },
    { status: "completed", clip: CLIP, warnings: ["duration is 7.9 s"], error: null },
  ],
  [
    "failed: status, error and what the API said it cost",
    earlier("submitted"),
    {
      type: "failed",
      status: "failed",
      error: { code: "E_GENERATION_FAILED", message: "policy" },
      creditsUsed: 0,
    },
    {
      status: "failed",
      error: { code: "E_GENERATION_FAILED", message: "policy" },
      credits_used: 0,
      generation_id: "gen-old",
    },
  ],
  [
    "reused (a clip at hand): the new request's record, completed with that clip",
    earlier("failed"),
    {
      type: "reused",
      seed,
      backend: BACKEND,
      generationId: "gen-elsewhere",
      clip: CLIP,
      warnings: [],
      completedAt: "2026-12-01T00:00:00.000Z",
    },
    {
      ...newRecord(seed, BACKEND),
      status: "completed",
      generation_id: "gen-elsewhere",
      clip: CLIP,
      completed_at: "2026-12-01T00:00:00.000Z",
    },
  ],
];

describe("the record lifecycle", () => {
  it.each(transitions)("%s", (_name, before, change, expected) => {
    const after = nextRecord(before, change);
    if (expected === "same") {
      expect(after).toEqual(before);
      expect(recordPatch(before, change)).toEqual({}); // nothing is written
    } else {
      expect(after).toMatchObject(expected);
      expect(after.id).toBe(before.id);
    }
    // the patch is what gets journalled: replaying it over the record gives the same result
    expect({ ...before, ...recordPatch(before, change) }).toEqual(after);
  });

  it("an outcome's patch always names its status, so the store treats it as a snapshot milestone", () => {
    const unknown = intentOf(fresh());
    expect(recordPatch(unknown, { type: "submit_unknown", error: REFUSED })).toHaveProperty(
      "status",
      "unknown",
    );
    const done = earlier("completed");
    expect(recordPatch(done, { type: "downloaded", clip: CLIP, warnings: [] })).toHaveProperty(
      "status",
      "completed",
    );
  });

  it("a replacement journals only what differs: the intent of a new shot is a small line", () => {
    const patch = recordPatch(fresh(), {
      type: "intent",
      seed,
      backend: BACKEND,
      clientRequestId: REQUEST_ID,
      at: INTENT_AT,
    });
    expect(Object.keys(patch).sort()).toEqual([
      "backend",
      "client_request_id",
      "error",
      "status",
      "submitted_at",
    ]);
  });

  it("which records a run that submits nothing keeps", () => {
    const statuses: ShotStatus[] = ["pending", "submitted", "completed", "failed", "unknown", "skipped"];
    const kept = (outcome: "skipped" | "failed") => statuses.filter((s) => keepsRecord(earlier(s), outcome));
    expect(kept("skipped")).toEqual(["submitted", "completed", "failed", "unknown"]);
    expect(kept("failed")).toEqual(["submitted", "completed", "unknown"]);
  });

  it("a run starts from the previous record (only its line follows the storyboard), else a new pending one", () => {
    const previous = earlier("completed", { line: 3 });
    let asked = 0;
    const seedOnce = (): RecordSeed => {
      asked += 1;
      return seed;
    };
    expect(startingRecord(previous, 9, seedOnce)).toEqual({ ...previous, line: 9 });
    expect(asked).toBe(0); // no request record is built for a shot that has one
    expect(startingRecord(null, 7, seedOnce)).toEqual({ ...newRecord(seed), line: 7 });
    expect(newRecord(seed)).toMatchObject({
      status: "pending",
      backend: null,
      generation_id: null,
      warnings: [],
    });
  });

  it("a submission's patch is the same for the store and the lifecycle", () => {
    const submission = { generation_id: "g", submitted_at: "t", input_hash: "h" };
    expect(submissionPatch(submission)).toEqual({
      status: "submitted",
      error: null,
      polls: 0,
      completed_at: null,
      video_url: null,
      clip: null,
      credits_used: null,
      ...submission,
    });
  });
});

describe("the record lifecycle and reconciliation", () => {
  it("an intent on a record never reconciled writes no reconciliation field", () => {
    const patch = recordPatch(earlier("failed"), {
      type: "intent",
      seed,
      backend: BACKEND,
      clientRequestId: REQUEST_ID,
      at: INTENT_AT,
    });
    expect(patch).not.toHaveProperty("reconciliation");
    expect(patch).toHaveProperty("client_request_id", REQUEST_ID);
  });
});
