// --shard i/n: a shot's runner is a hash of its id alone (of its chain's first shot for chained shots), so adding shots never moves the others.
import { createHash } from "node:crypto";
import { buildShotGraph } from "../storyboard/shot-graph.js";

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function shardOf(id: string, count: number): number {
  const digest = createHash("sha256").update(id).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

export function inShard(id: string, shard: Shard): boolean {
  return shardOf(id, shard.count) === shard.index;
}

/** "i/n" as the manifest records it → a Shard; null for anything else (no shard, or not i/n with 1 ≤ i ≤ n). */
export function parseShardSpec(spec: string | null | undefined): Shard | null {
  const match = /^(\d+)\/(\d+)$/.exec(spec ?? "");
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  return match && index >= 1 && index <= count ? { index, count } : null;
}

/** A shot, or its record: the shots it takes frames from are in `upstream` (by request field). */
interface Linked {
  id: string;
  upstream?: Readonly<Record<string, { shot: string }>> | null;
}

const keysByList = new WeakMap<readonly Linked[], (id: string) => string>();

/**
 * What --shard places each of `shots` by: its own id, or for a shot linked to others by frames the first shot
 * (in order) of its chain, so one runner renders a whole chain. Works on resolved shots and on manifest records.
 */
export function shardKeys(shots: readonly Linked[]): (id: string) => string {
  let keys = keysByList.get(shots);
  if (!keys) {
    const graph = buildShotGraph(
      shots.map((s) => s.id),
      shots.flatMap((s) => Object.values(s.upstream ?? {}).map((ref) => ({ id: s.id, on: ref.shot }))),
    );
    keys = (id) => graph.group(id);
    keysByList.set(shots, keys);
  }
  return keys;
}
