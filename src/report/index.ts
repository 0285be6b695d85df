// Public API of the report stage: renderers of scheduler events and end-of-run summaries.
export type { Reporter, Writable } from "./reporter.js";
export { createPlainReporter } from "./plain-reporter.js";
export { createJsonReporter } from "./json-reporter.js";
export { eventLine } from "./event-line.js";
export { summaryText, nextSteps } from "./summary.js";
export type { SummaryInput } from "./summary.js";
