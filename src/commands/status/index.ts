// `storyreel status`: where an output folder stands.
export * from "./status.js";
