// The documented schema of a generation status response (POST and GET), for the API client and the simulator.
import { catalogData } from "./catalog-data.js";
import type { CatalogSource, JsonSchemaObject } from "./json-schema.js";

export function generationResponseSchema(): JsonSchemaObject {
  return catalogData().generation_response;
}

/** Where the catalog's facts came from (the public reference, the extraction date, the facts' sha256). */
export function catalogSource(): CatalogSource {
  return catalogData().source;
}
