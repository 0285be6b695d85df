// The live view as plain text: a summary line plus one line per shot in flight and the failures so far.
import { eventLine } from "./event-line.js";
import { credits, seconds } from "./format.js";
import { queuedCount } from "./live-state.js";
import type { LiveFailure, LiveShot, LiveState } from "./live-state.js";
import { codedMessage } from "./run-skip.js";

export interface LiveView {
  /** "2 of 6 done · 1 failed · 1 skipped · 2 in flight · 0 queued · 12 s · 350 credits" (or the final line). */
  summary: string;
  /** Shots in flight (storyboard order), then failures, then skipped shots; completed shots are only counted. */
  lines: string[];
}

export interface LiveViewOptions {
  /** Run time (ms since the run started) to tick in-flight elapsed times to. */
  nowT: number;
  /** Most in-flight lines shown; the rest become "… and N more in flight". Default 12. */
  maxInFlight?: number;
  /** Most failure lines shown (latest last); older ones become "… and N earlier failures". Default 4.
   *  Skipped shots get as many lines again ("… and N earlier skipped"). */
  maxFailures?: number;
}

export function liveView(state: LiveState, options: LiveViewOptions): LiveView {
  if (!state.started) return { summary: "preparing…", lines: [] };
  const nowT = Math.max(options.nowT, state.lastT);
  if (state.finished) {
    return { summary: eventLine(state.finished) ?? "finished", lines: problemLines(state, options) };
  }
  return {
    summary: summaryLine(state, nowT),
    lines: [...inFlightLines(state, nowT, options), ...noteLines(state), ...problemLines(state, options)],
  };
}

function summaryLine(state: LiveState, nowT: number): string {
  const parts = [
    `${state.completed} of ${state.work} done`,
    `${state.failures.length} failed`,
    ...(state.skipped.length > 0 ? [`${state.skipped.length} skipped`] : []),
    `${state.inFlight.size} in flight`,
    ...(state.waiting.size > 0 ? [`${state.waiting.size} waiting`] : []),
    `${queuedCount(state)} queued`,
  ];
  if (state.upToDate > 0) parts.push(`${state.upToDate} up to date`);
  parts.push(seconds(nowT), `${credits(state.credits)} credits`);
  return parts.join(" · ");
}

function inFlightLines(state: LiveState, nowT: number, options: LiveViewOptions): string[] {
  const shots = [...state.inFlight.values()].sort((a, b) => a.index - b.index);
  const max = options.maxInFlight ?? 12;
  const shown = shots.length > max ? shots.slice(0, Math.max(0, max - 1)) : shots;
  const idWidth = Math.max(0, ...shown.map((s) => s.id.length));
  const lines = shown.map((shot) => inFlightLine(shot, nowT, idWidth));
  if (shown.length < shots.length) lines.push(`… and ${shots.length - shown.length} more in flight`);
  const waiting = [...state.waiting.values()].sort((a, b) => a.index - b.index);
  for (const w of waiting.slice(0, 3))
    lines.push(`${w.id.padEnd(idWidth)}  waiting      for ${w.on.join(", ")}`);
  if (waiting.length > 3) lines.push(`… and ${waiting.length - 3} more waiting`);
  return lines;
}

function inFlightLine(shot: LiveShot, nowT: number, idWidth: number): string {
  const elapsed = seconds(shot.elapsedMs + Math.max(0, nowT - shot.asOfT));
  const polls = `${shot.polls} poll${shot.polls === 1 ? "" : "s"}`;
  const warning = shot.warning === null ? "" : `  (warning: ${shot.warning})`;
  return `${shot.id.padEnd(idWidth)}  ${shot.status.padEnd(11)}  ${elapsed.padStart(6)}  ${polls}${warning}`;
}

function noteLines(state: LiveState): string[] {
  return state.notes.map((note) => `warning: ${note}`);
}

function problemLines(state: LiveState, options: LiveViewOptions): string[] {
  const max = options.maxFailures ?? 4;
  return [...latest(state.failures, max, "failures"), ...latest(state.skipped, max, "skipped")];
}

/** The latest `max` problems, one line each, the older ones as "… and N earlier <what>". */
function latest(all: readonly LiveFailure[], max: number, what: string): string[] {
  const shown = all.length > max ? all.slice(all.length - Math.max(0, max - 1)) : all;
  const lines: string[] = [];
  if (shown.length < all.length) lines.push(`… and ${all.length - shown.length} earlier ${what}`);
  for (const f of shown) lines.push(`${f.id}  ${f.status}  ${codedMessage(f)}`);
  return lines;
}
