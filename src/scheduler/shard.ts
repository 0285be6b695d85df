// --shard i/n: a shot's runner is a hash of its id alone, so adding shots never moves the others.
import { createHash } from "node:crypto";

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
