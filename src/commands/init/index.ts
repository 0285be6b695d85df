// `storyreel init`: a starter storyboard.
export * from "./init.js";
