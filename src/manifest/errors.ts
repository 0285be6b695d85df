// Errors of the manifest stage: a corrupt or foreign manifest, and an output folder in use by another run.
import { StoryreelError } from "../util/errors.js";

export class ManifestError extends StoryreelError {
  constructor(code: "E_MANIFEST_INVALID" | "E_MANIFEST_IO", message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** Who holds a lock that was refused: enough to say whose it is and how old its heartbeat is. */
export interface LockHolder {
  pid: number;
  hostname: string | null;
  /** Milliseconds since the holder last refreshed the lock; null when unknown. */
  heartbeatAgeMs: number | null;
}

export class OutputLockedError extends StoryreelError {
  readonly pid: number;
  readonly hostname: string | null;
  readonly heartbeatAgeMs: number | null;

  constructor(message: string, holder: LockHolder) {
    super("E_OUTPUT_LOCKED", message);
    this.pid = holder.pid;
    this.hostname = holder.hostname;
    this.heartbeatAgeMs = holder.heartbeatAgeMs;
  }
}
