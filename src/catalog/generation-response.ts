// The documented schema of a generation status response (POST and GET), for the API client and the simulator.
import { AIML_CATALOG_SOURCE, AIML_GENERATION_RESPONSE } from "./data/aiml-models.js";
import type { CatalogSource, JsonSchemaObject } from "./json-schema.js";

export const GENERATION_RESPONSE_SCHEMA: JsonSchemaObject = AIML_GENERATION_RESPONSE;
export const CATALOG_SOURCE: CatalogSource = AIML_CATALOG_SOURCE;
