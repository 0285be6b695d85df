// Live terminal view (TTY, not CI): RunEvents → state → text → a listr2 region on stderr, redrawn as time passes.
import type { RunEvent } from "../scheduler/index.js";
import type { Clock } from "../util/clock.js";
import { systemClock } from "../util/clock.js";
import { openLiveRegion } from "./live-region.js";
import type { LiveRegion, LiveStream } from "./live-region.js";
import { applyLiveEvent, createLiveState } from "./live-state.js";
import { liveView } from "./live-view.js";
import type { LiveView } from "./live-view.js";
import { createPlainReporter } from "./plain-reporter.js";
import type { Reporter } from "./reporter.js";

export interface LiveReporterOptions {
  /** The terminal stream to draw on (stderr); stdout is never touched. */
  out: LiveStream;
  /** The environment, to stay off the live view in CI and on dumb terminals. */
  env?: Readonly<Record<string, string | undefined>>;
  clock?: Pick<Clock, "now">;
  /** Redraw period for ticking elapsed times, in ms (default 500). */
  tickMs?: number;
}

/**
 * True when a live (redrawn) view is appropriate: an interactive terminal, not CI, not TERM=dumb, and not
 * a terminal that reports 0 columns or rows (some CI runners and containers: listr2 would draw nothing
 * there but cursor codes). A size left undefined is unknown and allowed.
 */
export function canDrawLive(options: {
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  columns?: number | undefined;
  rows?: number | undefined;
}): boolean {
  const ci = options.env.CI;
  const sized = (n: number | undefined): boolean => n === undefined || (Number.isFinite(n) && n > 0);
  return (
    options.isTTY &&
    ci !== "true" &&
    ci !== "1" &&
    options.env.TERM !== "dumb" &&
    sized(options.columns) &&
    sized(options.rows)
  );
}

/** The live view; falls back to the plain reporter when `out` is not a terminal (or CI, TERM=dumb, 0 columns). */
export function createLiveReporter(options: LiveReporterOptions): Reporter {
  const { out } = options;
  const terminal = { isTTY: out.isTTY === true, columns: out.columns, rows: out.rows };
  if (!canDrawLive({ ...terminal, env: options.env ?? {} })) {
    return createPlainReporter({ out });
  }
  const clock = options.clock ?? systemClock;
  const state = createLiveState();
  let startedAt: number | null = null;
  let region: LiveRegion | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let closed = false;

  const view = (): LiveView => {
    const nowT = startedAt === null ? 0 : clock.now() - startedAt;
    const maxInFlight = Math.max(3, Math.min(20, (out.rows ?? 24) - 8));
    return liveView(state, { nowT, maxInFlight });
  };
  const redraw = (): void => {
    if (!region) return;
    const v = view();
    region.update(v.summary, v.lines.join("\n"));
  };

  return {
    onEvent(event: RunEvent) {
      if (closed) return;
      applyLiveEvent(state, event);
      if (event.type === "run_started" && region === null) {
        startedAt = clock.now() - event.t;
        region = openLiveRegion({ stream: out, title: view().summary });
        timer = setInterval(redraw, options.tickMs ?? 500);
        timer.unref();
      }
      redraw();
    },
    close() {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      if (!region) return;
      region.close();
      if (state.finished) out.write(`${view().summary}\n`);
    },
  };
}
