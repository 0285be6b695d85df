// `storyreel merge`: shard output folders into one.
export * from "./merge.js";
