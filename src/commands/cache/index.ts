// `storyreel cache`: the shared clip cache's maintenance (stats, prune, push, pull).
export * from "./cache.js";
export * from "./cache-transfer.js";
export * from "./cache-text.js";
