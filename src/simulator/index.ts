// Public surface of the simulator: a local AIML-compatible server with scripted faults, for tests, `sim`, the bench.
export { startSimulator } from "./server.js";
export type { RenderMode, Simulator, SimulatorOptions, SimulatorSettings } from "./options.js";
export type { SimStats } from "./stats.js";
export type { JobTiming } from "./job.js";
export type { RecordedRequest, RequestKind } from "./recorder.js";
export { FaultController } from "./faults.js";
export type { FaultHandle } from "./faults.js";
export type { Fault, FaultKind, FaultMatch, FaultOptions, FaultRule, FaultType } from "./fault-types.js";
export { parseFaultScript } from "./fault-script.js";
export { parseLatencySpec } from "./latency.js";
export type { LatencySpec } from "./latency.js";
export { describeSimulator } from "./describe.js";
export { SimulatorConfigError } from "./errors.js";
export { basePricePerSecond, simulatedCredits, simulatedPricing } from "./price-list.js";
export type { PriceInput, PriceVariant, SimulatedPricing } from "./price-list.js";
export { catalogueAnswer as simulatorCatalogue } from "./catalogue-body.js";
export type { CatalogueAnswer, CatalogueQuery } from "./catalogue-body.js";
