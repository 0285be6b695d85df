// --only / --force / --failed / --shard → a Selection (shared by render and plan).
import type { Selection } from "../scheduler/index.js";
import { idList, shard } from "./option-rules.js";

export interface SelectionFlags {
  only?: string;
  force?: boolean;
  failed?: boolean;
  shard?: string;
}

export function selectionFromFlags(flags: SelectionFlags): Selection {
  return {
    ...(flags.only !== undefined ? { only: idList("--only", flags.only) } : {}),
    ...(flags.force ? { force: true } : {}),
    ...(flags.failed ? { failed: true } : {}),
    ...(flags.shard !== undefined ? { shard: shard("--shard", flags.shard) } : {}),
  };
}
