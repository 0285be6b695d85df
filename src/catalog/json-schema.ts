// Types for the documented JSON-schema fragments the catalog keeps verbatim (request bodies, generation response).

/** A JSON-schema object as AIML documents it; unknown keywords are kept, hence the index signature. */
export interface JsonSchemaObject {
  type?: string | readonly string[];
  enum?: readonly unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchemaObject;
  properties?: Readonly<Record<string, JsonSchemaObject>>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchemaObject;
  description?: string;
  [keyword: string]: unknown;
}

/** One model's request body as documented: route, required fields (besides `model`) and properties. */
export interface RawModelSchema {
  endpoint: string;
  required: readonly string[];
  properties: Readonly<Record<string, JsonSchemaObject>>;
}

/** Where the generated catalog data came from. */
export interface CatalogSource {
  /** Description of the public reference, as stated in the facts file. */
  source: string;
  /** Date the facts were extracted from the public reference (YYYY-MM-DD). */
  extracted: string;
  /** sha256 of the canonical JSON of the facts file the data was generated from. */
  sha256: string;
}
