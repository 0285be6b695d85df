// `storyreel report`: the HTML report of an output folder.
export * from "./report.js";
