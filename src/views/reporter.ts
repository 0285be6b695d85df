// The renderer contract: the CLI picks one; it only ever sees events, then the run's result at the end.
import type { RunEvent } from "../scheduler/index.js";

export interface Reporter {
  onEvent(event: RunEvent): void;
  /** Called once after the run; renderers with a live view tear it down here. */
  close(): void;
}

export interface Writable {
  write(text: string): unknown;
}
