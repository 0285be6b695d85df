// Every POST's X-Client-Request-Id, from safe parts only: the API silently drops an invalid one.
import { randomBytes } from "node:crypto";
import { sha256Hex } from "../util/hash.js";

/** A run id: the start time in base 36 and 4 random hex digits (e.g. "mhq3k2x1-9f3a"), unique per run. */
export function runIdAt(wallNow: Date): string {
  return `${wallNow.getTime().toString(36)}-${randomBytes(2).toString("hex")}`;
}

/**
 * `sr:<run>:<first 12 hex of sha256(shot id)>:<n>`, n counting this run's submissions of the shot: 1–128
 * characters of A–Z a–z 0–9 . _ : - whatever the shot id holds, so the logs can always find it.
 */
export class RequestIds {
  readonly #run: string;
  readonly #attempts = new Map<string, number>();

  constructor(runId: string) {
    this.#run = runId.replace(/[^A-Za-z0-9._-]/g, "").slice(0, 64) || "run";
  }

  next(shotId: string): string {
    const n = (this.#attempts.get(shotId) ?? 0) + 1;
    this.#attempts.set(shotId, n);
    return `sr:${this.#run}:${sha256Hex(shotId).slice(0, 12)}:${n}`;
  }
}
