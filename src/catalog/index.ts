// Public API of the model catalog: AIML video models as data, field mapping, request validation, cost estimates.
export { SEMANTIC_FIELDS, type SemanticField, type SemanticValues } from "./semantic-fields.js";
export type { CatalogSource, JsonSchemaObject, RawModelSchema } from "./json-schema.js";
export { isSemanticComplete, unreachableRequiredFields, type ModelSpec } from "./model-spec.js";
export type { DurationRange } from "./allowed-values.js";
export type { FrameRequirement } from "./field-map.js";
export { matchAllowed } from "./allowed-values.js";
export { getModel, listModels, requireModel } from "./registry.js";
export { closestIds } from "./suggest.js";
export {
  mapSemanticFields,
  toRequestFields,
  type FieldProblem,
  type MappedFields,
} from "./request-fields.js";
export { requestSchema } from "./request-schema.js";
export { validateRequest } from "./validate-request.js";
export type { RequestProblem } from "./problem-messages.js";
export {
  PRICE_TABLE,
  USD_TO_CREDITS,
  USD_TO_CREDITS_SOURCE,
  type PriceEntry,
  type PriceRate,
} from "./price-table.js";
export { estimateCost, type CostEstimate, type CostInput } from "./cost.js";
export { catalogSource, generationResponseSchema } from "./generation-response.js";
export { FieldMappingError, UnknownModelError } from "./errors.js";
