// Errors of the manifest stage: a corrupt or foreign manifest, and an output folder in use by another run.
import { StoryreelError } from "../util/errors.js";

export class ManifestError extends StoryreelError {
  constructor(code: "E_MANIFEST_INVALID" | "E_MANIFEST_IO", message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

export class OutputLockedError extends StoryreelError {
  readonly pid: number;

  constructor(message: string, pid: number) {
    super("E_OUTPUT_LOCKED", message);
    this.pid = pid;
  }
}
