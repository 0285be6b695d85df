// Ctrl-C / SIGTERM: the first stops the run gracefully (manifest written), the second exits at once.
import type { Writable } from "../report/index.js";

export interface StopHandle {
  signal: AbortSignal;
  dispose(): void;
}

export function installStopHandlers(stderr: Writable): StopHandle {
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
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}
