// The events of a render as an async iterator (for `for await` users), with the final result beside them.
import type { RunEvent } from "../../scheduler/index.js";
import { render } from "./render.js";
import type { RenderOptions, RenderResult } from "./render.js";

export interface RenderStream extends AsyncIterable<RunEvent> {
  /** Settles when the render ends (rejects like render() for invalid input). */
  readonly result: Promise<RenderResult>;
}

/** Starts a render at once; iterate its events (buffered, none lost) and await `result`. */
export function renderStream(options: Omit<RenderOptions, "onEvent">): RenderStream {
  const buffer: RunEvent[] = [];
  let wake: (() => void) | null = null;
  let done = false;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const result = render({ ...options, onEvent: (event) => (buffer.push(event), notify()) }).finally(() => {
    done = true;
    notify();
  });
  // The iterator ends on failure; the error itself surfaces through `result`.
  result.catch(() => undefined);
  return {
    result,
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const next = buffer.shift();
        if (next) {
          yield next;
          continue;
        }
        if (done) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}
