// A cache entry: the small JSON record beside a cached clip (who made it, what was asked, what it cost, which clip).
import type { ShotRecord } from "../manifest/index.js";
import { CACHE_FORMAT, cacheKey, isHex64, normalizeBackend } from "./key.js";

export interface CachedClip {
  sha256: string;
  bytes: number;
}

/** What `store` is given: a completed shot's facts (see entryInputFromShot). */
export interface CacheEntryInput {
  inputHash: string;
  backend: string;
  generationId: string;
  model: string;
  /** The manifest's request record: the body with each frame as { source, sha256 } (no base64). */
  request: Record<string, unknown>;
  creditsUsed: number | null;
  durationSeconds?: number | null;
  clip: CachedClip;
}

/** The entry as stored (entries/<key>.json), snake_case like the manifest. */
export interface CacheEntry {
  format: typeof CACHE_FORMAT;
  key: string;
  input_hash: string;
  backend: string;
  generation_id: string;
  model: string;
  request: Record<string, unknown>;
  credits_used: number | null;
  duration_seconds: number | null;
  clip: CachedClip;
  /** When it was stored (ISO 8601, the storing process's wall clock). */
  created: string;
}

/** The entry record of a completed shot, or null when the shot cannot be cached (and why not). */
export function entryInputFromShot(
  shot: ShotRecord,
): { input: CacheEntryInput; reason: null } | { input: null; reason: string } {
  if (shot.status !== "completed" || !shot.clip) return { input: null, reason: "not completed" };
  if (!shot.backend) {
    return { input: null, reason: "no backend recorded (rendered before storyreel recorded it)" };
  }
  if (!shot.generation_id) return { input: null, reason: "no generation id recorded" };
  return {
    input: {
      inputHash: shot.input_hash,
      backend: shot.backend,
      generationId: shot.generation_id,
      model: shot.model,
      request: shot.request,
      creditsUsed: shot.credits_used,
      durationSeconds: shot.duration_seconds ?? null,
      clip: { sha256: shot.clip.sha256, bytes: shot.clip.bytes },
    },
    reason: null,
  };
}

/** The stored record for `input`, created at `created`. */
export function buildEntry(input: CacheEntryInput, created: Date): CacheEntry {
  return {
    format: CACHE_FORMAT,
    key: cacheKey(input),
    input_hash: input.inputHash,
    backend: normalizeBackend(input.backend),
    generation_id: input.generationId,
    model: input.model,
    request: summarizeRequest(input.request),
    credits_used: input.creditsUsed,
    duration_seconds: input.durationSeconds ?? null,
    clip: { sha256: input.clip.sha256, bytes: input.clip.bytes },
    created: created.toISOString(),
  };
}

/** What is wrong with an entry input (empty: fine). */
export function entryInputProblems(input: CacheEntryInput): string[] {
  const problems: string[] = [];
  if (!isHex64(input.inputHash)) problems.push("inputHash is not a sha256");
  if (typeof input.backend !== "string" || input.backend === "") problems.push("backend is empty");
  if (typeof input.generationId !== "string" || input.generationId === "") problems.push("no generation id");
  if (typeof input.model !== "string" || input.model === "") problems.push("no model");
  if (!isHex64(input.clip?.sha256)) problems.push("clip.sha256 is not a sha256");
  if (!Number.isSafeInteger(input.clip?.bytes) || input.clip.bytes < 0)
    problems.push("clip.bytes is not a size");
  return problems;
}

/**
 * A parsed entry for `key`, or why it is not one. Anything unexpected is "corrupt": a reader never trusts a
 * clip name or size it did not check, and an entry filed under another key is never served.
 */
export function parseEntry(text: string, key: string): { entry: CacheEntry } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: "not valid JSON" };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return { problem: "not an object" };
  const e = value as Record<string, unknown>;
  if (e.format !== CACHE_FORMAT)
    return { problem: `format ${JSON.stringify(e.format)} (expected ${CACHE_FORMAT})` };
  if (e.key !== key) return { problem: "filed under another key" };
  const clip = e.clip as Record<string, unknown> | null | undefined;
  if (!clip || !isHex64(clip.sha256)) return { problem: "clip.sha256 missing or not a sha256" };
  if (typeof clip.bytes !== "number" || !Number.isSafeInteger(clip.bytes) || clip.bytes < 0) {
    return { problem: "clip.bytes missing or not a size" };
  }
  if (!isHex64(e.input_hash)) return { problem: "input_hash missing or not a sha256" };
  if (typeof e.backend !== "string" || cacheKey({ inputHash: e.input_hash, backend: e.backend }) !== key) {
    return { problem: "its input_hash and backend do not give its key" };
  }
  for (const field of ["generation_id", "model", "created"] as const) {
    if (typeof e[field] !== "string" || e[field] === "") return { problem: `${field} missing` };
  }
  if (Number.isNaN(Date.parse(e.created as string))) return { problem: "created is not a date" };
  if (e.credits_used !== null && typeof e.credits_used !== "number")
    return { problem: "credits_used is not a number" };
  if (e.request === null || typeof e.request !== "object") return { problem: "request missing" };
  return {
    entry: {
      format: CACHE_FORMAT,
      key,
      input_hash: e.input_hash,
      backend: e.backend,
      generation_id: e.generation_id as string,
      model: e.model as string,
      request: e.request as Record<string, unknown>,
      credits_used: e.credits_used,
      duration_seconds: typeof e.duration_seconds === "number" ? e.duration_seconds : null,
      clip: { sha256: clip.sha256, bytes: clip.bytes },
      created: e.created as string,
    },
  };
}

/** The request record with any inline data (a data: URI that slipped through) cut to its header. */
export function summarizeRequest(request: Record<string, unknown>): Record<string, unknown> {
  return cut(request) as Record<string, unknown>;
}

function cut(value: unknown): unknown {
  if (typeof value === "string") {
    return value.startsWith("data:") && value.length > 64
      ? `${value.slice(0, value.indexOf(",") + 1)}…`
      : value;
  }
  if (Array.isArray(value)) return value.map(cut);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cut(v)]));
  }
  return value;
}
