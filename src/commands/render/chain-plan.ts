// Chained shots before a run: frames of settled upstream clips are bound (so an unchanged chain is up to date), the rest wait.
import { buildShotGraph } from "../../storyboard/shot-graph.js";
import type { ShotGraph } from "../../storyboard/shot-graph.js";
import type { FrameRef, ResolvedShot } from "../../storyboard/index.js";
import type { Manifest, ShotRecord } from "../../manifest/index.js";
import { planRun, shardKeys } from "../../scheduler/index.js";
import type { ClipState, Plan, PlanInput } from "../../scheduler/index.js";
import { upstreamFrame, upstreamOf } from "./render-chain.js";

/** Fills a shot's upstream frames and recomputes its input hash (the storyboard's bindUpstreamFrames). */
export type BindFrames = (shot: ResolvedShot, frames: Readonly<Record<string, FrameRef>>) => ResolvedShot;

export interface SettleInput {
  shots: readonly ResolvedShot[];
  previous: Manifest | null;
  /** Integrity of each previous completed clip, by shot id. */
  clips: ReadonlyMap<string, ClipState>;
  outDir: string;
  /** Where this run renders: a clip made elsewhere does not settle its dependents. Null: not checked. */
  backend: string | null;
  /** --force: every shot renders again, so no upstream is settled. */
  force: boolean;
  bindFrames: BindFrames;
}

export interface SettledChains {
  /** The storyboard's shots, each dependent bound to its upstream frames where every upstream is settled. */
  shots: ResolvedShot[];
  graph: ShotGraph;
  /** A dependent → the upstream shots it waits for this run (their clips will change: it renders after them). */
  after: ReadonlyMap<string, readonly string[]>;
}

/**
 * An upstream is settled when its clip will not change this run: it is completed here with an intact clip made
 * from exactly its current inputs (its own upstream frames included). A dependent of settled upstreams gets
 * their frames now (extracted once, cached by clip sha256), so its input hash is the one it was rendered
 * with when nothing changed; a dependent of any unsettled upstream stays unbound and renders after it.
 */
export async function settleChains(input: SettleInput): Promise<SettledChains> {
  const ids = input.shots.map((s) => s.id);
  const graph = buildShotGraph(
    ids,
    input.shots.flatMap((s) =>
      [...new Set(Object.values(upstreamOf(s)).map((r) => r.shot))].map((on) => ({ id: s.id, on })),
    ),
  );
  const records = new Map((input.previous?.shots ?? []).map((r) => [r.id, r]));
  const bound = new Map(input.shots.map((s) => [s.id, s]));
  const settled = new Set<string>();
  const after = new Map<string, string[]>();
  for (const id of topologicalOrder(graph)) {
    let shot = bound.get(id)!;
    const refs = Object.entries(upstreamOf(shot));
    const waiting = graph.upstream(id).filter((up) => !settled.has(up));
    if (refs.length > 0 && waiting.length > 0) {
      after.set(id, waiting);
      continue;
    }
    if (refs.length > 0) {
      const frames: Record<string, FrameRef> = {};
      try {
        for (const [field, ref] of refs) {
          frames[field] = await upstreamFrame(input.outDir, records.get(ref.shot)!.clip!, ref);
        }
      } catch {
        // The frame cannot be had now (ffmpeg missing or failing): the shot stays unbound, so it is planned to
        // render and its submission meets the same error as that shot's own failure, not the whole run's.
        continue;
      }
      shot = input.bindFrames(shot, frames);
      bound.set(id, shot);
    }
    if (isSettled(records.get(id), shot, input)) settled.add(id);
  }
  return { shots: input.shots.map((s) => bound.get(s.id)!), graph, after };
}

function isSettled(record: ShotRecord | undefined, shot: ResolvedShot, input: SettleInput): boolean {
  if (input.force || !record || record.status !== "completed" || !record.clip) return false;
  if (input.clips.get(shot.id) !== "intact" || record.input_hash !== shot.inputHash) return false;
  return !input.backend || !record.backend || record.backend === input.backend;
}

/** Ids with every upstream before them (the storyboard order among ready ones); the graph is acyclic. */
function topologicalOrder(graph: ShotGraph): string[] {
  const remaining = new Map(graph.ids.map((id) => [id, graph.upstream(id).length]));
  const order: string[] = [];
  const ready = graph.ids.filter((id) => remaining.get(id) === 0);
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const down of graph.downstream(id)) {
      const left = (remaining.get(down) ?? 0) - 1;
      remaining.set(down, left);
      if (left === 0) ready.push(down);
    }
  }
  return order;
}

/**
 * The run's plan over the settled shots: --shard places whole chains (by their first shot), and a shot that
 * --only or --failed selects brings the upstream shots it needs rendered first (Selection.needed).
 */
export function planChains(chains: SettledChains, input: Omit<PlanInput, "shots" | "shardKey">): Plan {
  const base: PlanInput = { ...input, shots: chains.shots, shardKey: shardKeys(chains.shots) };
  const plan = planRun(base);
  if (chains.after.size === 0) return plan;
  const chosen = new Set(plan.entries.filter((e) => e.action !== "excluded").map((e) => e.shot.id));
  const rendered = plan.entries.filter((e) => e.action === "submit" || e.action === "resume");
  const needed = neededUpstreams(
    chains,
    rendered.map((e) => e.shot.id),
    (id) => chosen.has(id),
  );
  if (needed.size === 0) return plan;
  return planRun({ ...base, selection: { ...input.selection, needed } });
}

/**
 * The upstream shots a selection leaves out but a selected shot needs rendered first (their clips are not
 * settled): each with the selected shot that needs it, so the run renders both (`Selection.needed`).
 */
export function neededUpstreams(
  chains: SettledChains,
  selected: readonly string[],
  isSelected: (id: string) => boolean,
): Map<string, string> {
  const needed = new Map<string, string>();
  const visit = (dependent: string, origin: string): void => {
    for (const up of chains.after.get(dependent) ?? []) {
      if (isSelected(up) || needed.has(up)) continue;
      needed.set(up, origin);
      visit(up, origin);
    }
  };
  for (const id of selected) visit(id, id);
  return needed;
}
