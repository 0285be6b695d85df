// `storyreel stitch`: the clips of a folder into one film.
export * from "./stitch.js";
