// Maps errors to what the user sees and the exit code: bad input and configuration are 2, never a stack trace.
import type { StoryboardError } from "../storyboard/index.js";
import { StoryreelError } from "../util/errors.js";

/** Codes that mean "fix your input, configuration or invocation": exit 2. */
const INPUT_CODES = new Set([
  "E_USAGE",
  "E_CONFIG",
  "E_NO_API_KEY",
  "E_OUTPUT_LOCKED",
  "E_OUTPUT_NOT_DIR",
  "E_MANIFEST_INVALID",
  "E_UNKNOWN_MODEL",
  "E_SIM_CONFIG",
  "E_NO_MANIFEST",
  "E_STITCH_INCOMPLETE",
  "E_STITCH_EMPTY",
  "E_MERGE_MISMATCH",
  "E_STORYBOARD",
  "E_API_UNAUTHORIZED",
  "E_API_FORBIDDEN",
  "E_CACHE_LOCATION",
  "E_CACHE_CONFIG",
]);

export interface Failure {
  exitCode: number;
  message: string;
}

/** Async only to load the storyboard's formatter when a storyboard error needs it (startup stays light). */
export async function describeFailure(err: unknown, debug: boolean): Promise<Failure> {
  if (err instanceof StoryreelError && err.code === "E_STORYBOARD" && "diagnostics" in err) {
    const { formatDiagnostic } = await import("../storyboard/index.js");
    const { diagnostics } = err as StoryboardError;
    const lines = diagnostics.map(formatDiagnostic);
    const files = new Set(diagnostics.map((d) => d.file));
    const count = diagnostics.length;
    lines.push(
      `${count} problem${count === 1 ? "" : "s"} in ${[...files].join(", ")}: nothing was sent and nothing was written.`,
    );
    return { exitCode: 2, message: lines.join("\n") };
  }
  if (err instanceof StoryreelError) {
    const exitCode = INPUT_CODES.has(err.code) ? 2 : 1;
    return { exitCode, message: `error: ${err.message}${debug ? `\n${err.stack ?? ""}` : ""}` };
  }
  const message = err instanceof Error ? err.message : String(err);
  const stack = debug && err instanceof Error ? `\n${err.stack ?? ""}` : "";
  return {
    exitCode: 1,
    message: `internal error: ${message}${stack}\n(set STORYREEL_DEBUG=1 for details; please report this)`,
  };
}

const RUN_STOPPED_HINTS: Readonly<Record<string, string>> = {
  E_API_UNAUTHORIZED:
    "check AIML_API_KEY (or AIMLAPI_KEY): the API does not accept it. Nothing more was submitted; once it is fixed, the same command resumes the run.",
  E_API_FORBIDDEN:
    "the API refused to generate (for example: out of credits). Top up or check the key's plan at https://aimlapi.com/app/billing, then run the same command again to resume.",
  E_EVENT_LISTENER:
    "an onEvent listener threw, so the run stopped like Ctrl-C: every paid generation id is in the manifest and the same call resumes the run once the listener is fixed.",
  E_ESTIMATE_CREDITS:
    "the estimateCredits callback threw, so the run stopped like Ctrl-C: every paid generation id is in the manifest and the same call resumes the run once it is fixed.",
  E_MANIFEST_IO:
    "the manifest could not be written, so the run stopped rather than risk losing a paid generation id: check free space and permissions of the output folder, then run again.",
};

/** What to do after a run-stopping error, by its code; empty when there is nothing to add. */
export function runStoppedHint(code: string): string {
  return RUN_STOPPED_HINTS[code] ?? "";
}
