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
