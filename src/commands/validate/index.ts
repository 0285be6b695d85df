// `storyreel validate`: check storyboards, send nothing.
export * from "./validate.js";
