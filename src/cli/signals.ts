// Ctrl-C / SIGTERM (or stdout/stderr closed): the first stops the run gracefully (manifest written), a second signal exits at once.
import type { Writable } from "../views/index.js";

export interface StopHandle {
  signal: AbortSignal;
  dispose(): void;
}

export function installStopHandlers(options: {
  stderr: Writable;
  /** Listen for SIGINT/SIGTERM (the real binary; never in-process tests). */
  signals: boolean;
  /** Aborts when stdout or stderr was closed by its reader (EPIPE): stop just as on the first Ctrl-C. */
  outputClosed?: AbortSignal | undefined;
}): StopHandle {
  const { stderr } = options;
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      stderr.write(`\n${name} again: exiting now; the manifest on disk is consistent.\n`);
      process.exit(130);
    }
    stderr.write(
      `\n${name}: stopping — no new submissions or polls; writing the manifest. Generations in flight are resumed by the next render. (${name} again exits at once.)\n`,
    );
    controller.abort();
  };
  const onClosed = (): void => {
    if (controller.signal.aborted) return;
    const reason: unknown = options.outputClosed?.reason;
    const what = reason instanceof Error ? reason.message : "the output was closed";
    // Dropped if it is stderr that was closed.
    stderr.write(
      `\n${what}: stopping — no new submissions or polls; writing the manifest. Generations in flight are resumed by the next render.\n`,
    );
    controller.abort();
  };
  if (options.signals) {
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  }
  if (options.outputClosed?.aborted) onClosed();
  else options.outputClosed?.addEventListener("abort", onClosed, { once: true });
  return {
    signal: controller.signal,
    dispose() {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      options.outputClosed?.removeEventListener("abort", onClosed);
    },
  };
}
