// Whether a shot's previous result belongs to the backend a run renders on: another backend's ids and clips never count.
import type { ShotRecord } from "../manifest/index.js";

/** "simulator", or an API origin normalised (lowercase scheme and host, no default port, no path). */
export function backendKey(backend: string): string {
  if (backend === "simulator") return backend;
  try {
    return new URL(backend).origin;
  } catch {
    return backend;
  }
}

/** How a backend reads in a plan reason or a summary: "the simulator", or its origin. */
export function backendLabel(backend: string): string {
  return backend === "simulator" ? "the simulator" : backendKey(backend);
}

/**
 * Why `previous` does not count for a run on `backend` (its generation id and clip came from another one), or
 * null when it does: same backend, no result recorded there, or records written before backends were recorded.
 */
export function otherBackendReason(previous: ShotRecord, backend: string | undefined): string | null {
  if (backend === undefined) return null;
  const recorded = previous.backend;
  if (typeof recorded !== "string" || recorded === "") return null;
  if (backendKey(recorded) === backendKey(backend)) return null;
  const there = backendLabel(recorded);
  switch (previous.status) {
    case "completed":
      return `rendered on ${there}`;
    case "submitted":
      return `in flight on ${there}: generation ${previous.generation_id ?? "?"} is not polled here`;
    case "unknown": {
      const code = previous.error ? ` (${previous.error.code})` : "";
      return `unknown last time${code}: it may have been created and charged on ${there}; submitting it here`;
    }
    default:
      return `${previous.status} on ${there}`;
  }
}
