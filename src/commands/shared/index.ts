// What several commands share: the output folder argument and its refusals (light: the CLI loads it at start).
export * from "./output-arg.js";
export * from "./output-errors.js";
