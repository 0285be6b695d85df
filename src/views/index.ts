// Public API of the views stage: what a run and a folder look like to people and CI (live, plain and NDJSON renderers of events, summaries, status text, the HTML page, graphs).
export type { Reporter, Writable } from "./reporter.js";
export { createPlainReporter } from "./plain-reporter.js";
export { createJsonReporter } from "./json-reporter.js";
export { EVENTS_SCHEMA_VERSION, toWireCounts, toWireEvent } from "./event-wire.js";
export type { WireCounts, WireEvent } from "./event-wire.js";
export { eventLine } from "./event-line.js";
export { summaryText } from "./summary.js";
export type { SummaryInput } from "./summary.js";
export { nextSteps } from "./next-steps.js";
export type { NextStepsInput, ClipProblem } from "./next-steps.js";
export { quietSummaryText } from "./quiet-summary.js";
export { createLiveReporter, canDrawLive } from "./live-reporter.js";
export type { LiveReporterOptions } from "./live-reporter.js";
export type { LiveStream } from "./live-region.js";
export { createLiveState, applyLiveEvent } from "./live-state.js";
export type { LiveState, LiveShot, LiveFailure } from "./live-state.js";
export { liveView } from "./live-view.js";
export type { LiveView, LiveViewOptions } from "./live-view.js";
export {
  githubStepSummary,
  githubAnnotations,
  writeGithubReport,
  escapeWorkflowData,
  escapeWorkflowProperty,
} from "./github.js";
export type { GithubReportInput } from "./github.js";
export { statusText } from "./status-text.js";
export type { StatusTextInput } from "./status-text.js";
export { modelCardText, modelsText, durationsText, priceText } from "./models-text.js";
export type { CardFieldRow, ModelCardRow, ModelRow, PriceRow } from "./models-text.js";
