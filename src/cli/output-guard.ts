// A stdout/stderr whose reader went away (`render --json | head -1`: EPIPE) never crashes the CLI: writes stop, the run stops.
import { StoryreelError } from "../util/errors.js";
import type { LiveStream } from "../views/index.js";

/** stdout or stderr can no longer be written (closed by its reader, EPIPE, or failed otherwise). */
export class OutputClosedError extends StoryreelError {
  constructor(stream: "stdout" | "stderr", cause: unknown) {
    const code = (cause as { code?: unknown } | null)?.code;
    super("E_OUTPUT_CLOSED", `${stream} was closed${typeof code === "string" ? ` (${code})` : ""}`, {
      cause,
    });
  }
}

export interface GuardedOutput {
  stdout: LiveStream;
  stderr: LiveStream;
  /** Aborts (reason: an OutputClosedError) the first time either stream fails. */
  closed: AbortSignal;
}

type RealStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number; rows?: number };

/** Wraps the process's streams: after an 'error' on one, its writes are dropped and `closed` aborts. */
export function guardOutput(streams: { stdout: RealStream; stderr: RealStream }): GuardedOutput {
  const controller = new AbortController();
  const onClosed = (err: OutputClosedError): void => {
    if (!controller.signal.aborted) controller.abort(err);
  };
  return {
    stdout: guard(streams.stdout, (cause) => onClosed(new OutputClosedError("stdout", cause))),
    stderr: guard(streams.stderr, (cause) => onClosed(new OutputClosedError("stderr", cause))),
    closed: controller.signal,
  };
}

function guard(stream: RealStream, onError: (cause: unknown) => void): LiveStream {
  let open = true;
  // Without a listener, an EPIPE is an uncaught exception with a stack trace; with one, the stream is just done.
  stream.on("error", (err: unknown) => {
    open = false;
    onError(err);
  });
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  const out: LiveStream = {
    write: (text: string, ...rest: unknown[]): boolean => (open ? write(text, ...rest) : false),
  };
  // The live view reads these (listr2 copies own enumerable properties), so they stay live and enumerable.
  for (const key of ["isTTY", "columns", "rows"] as const) {
    Object.defineProperty(out, key, { enumerable: true, get: () => stream[key] });
  }
  return out;
}
