// `storyreel plan`: what render would do and cost, shot by shot.
export * from "./plan.js";
