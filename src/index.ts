// storyreel as a library: the same commands the CLI runs, as functions that take options and return data.
export { render } from "./commands/render.js";
export type { RenderOptions, RenderResult } from "./commands/render.js";
export { renderStream } from "./commands/render-stream.js";
export type { RenderStream } from "./commands/render-stream.js";
export { validate } from "./commands/validate.js";
export type { ValidateOptions, ValidateResult, FileValidation } from "./commands/validate.js";
export { plan } from "./commands/plan.js";
export type { PlanOptions, PlanResult, PlannedShot } from "./commands/plan.js";
export type { ShotEstimate } from "./commands/price-book.js";

export type { RunEvent, RunEventType, RunCounts, Selection, Shard, PlanAction } from "./scheduler/index.js";
export type { Manifest, ShotRecord, ShotStatus, ClipRecord, ShotError } from "./manifest/index.js";
export { readManifest } from "./manifest/index.js";
export type { Diagnostic, Storyboard, ResolvedShot, FrameRef } from "./storyboard/index.js";
export { StoryboardError, formatDiagnostic } from "./storyboard/index.js";
export { listModels, getModel } from "./catalog/index.js";
export type { ModelSpec } from "./catalog/index.js";
export { startSimulator } from "./simulator/index.js";
export type { Simulator, SimulatorOptions } from "./simulator/index.js";
export { StoryreelError } from "./util/errors.js";
export type { Clock } from "./util/clock.js";
