// Picks the run's ready queue: storyboard order when no shot starts from another, else the dependency gate.
import { buildShotGraph } from "../storyboard/index.js";
import { FifoReadyQueue } from "./ready-queue.js";
import type { ReadyQueue } from "./ready-queue.js";
import { DependencyGate } from "./dependency-gate.js";
import { recordSeed } from "./fresh-record.js";
import type { PlanEntry } from "./plan.js";
import type { RunRecorder } from "./recorder.js";

export interface ReadySourceOptions {
  entries: readonly PlanEntry[];
  /** The shots `id` takes a frame from (direct); absent or empty everywhere: no gate. */
  dependencies?: (id: string) => readonly string[];
  recorder: RunRecorder;
  backend: string;
  now: () => number;
}

/** The ready queue, and what to call once the run has announced itself (the gate's shot_waiting events). */
export function readySource(o: ReadySourceOptions): { queue: ReadyQueue; start: () => void } {
  const toSubmit = o.entries.filter((e) => e.action === "submit");
  const deps = o.dependencies;
  if (!deps || !o.entries.some((e) => deps(e.shot.id).length > 0)) {
    return { queue: new FifoReadyQueue(toSubmit), start: () => undefined };
  }
  const ids = o.entries.map((e) => e.shot.id);
  const graph = buildShotGraph(
    ids,
    ids.flatMap((id) => deps(id).map((on) => ({ id, on }))),
  );
  const gate = new DependencyGate({
    entries: toSubmit,
    upstream: deps,
    following: o.entries.filter((e) => e.action === "resume").map((e) => e.shot.id),
    chainLength: (id) => graph.chainLength(id),
    now: o.now,
    onWaiting: (entry, on) =>
      o.recorder.emit({ type: "shot_waiting", id: entry.shot.id, index: entry.shot.index, on: [...on] }),
    onSkip: (entry, error) => {
      const before = o.recorder.store.shot(entry.shot.id);
      o.recorder.notSubmitted(
        entry,
        { status: "skipped", error, before },
        () => recordSeed(entry.shot),
        o.backend,
      );
    },
  });
  return { queue: gate, start: () => gate.announce() };
}
