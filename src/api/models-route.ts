// GET /v1/models?include=pricing: the live model catalogue (no key needed), with ETag / If-None-Match revalidation.
import { getJson } from "./get-json.js";
import { readCatalogue, type CatalogueModel } from "./models-body.js";
import type { Redactor } from "./redact.js";
import type { Transport } from "./transport.js";

export type { CatalogueModel } from "./models-body.js";
export { readCatalogue } from "./models-body.js";

export const MODELS_PATH = "/v1/models";
/** The whole catalogue (every model of every kind, with pricing) is far larger than a generation answer. */
const MAX_CATALOGUE_BYTES = 16 * 1024 * 1024;

export interface ListModelsOptions {
  /** Ask for the `pricing` blocks (?include=pricing). Default true. */
  includePricing?: boolean;
  /** Narrow to one model (?id=, which matches an id or an alias). */
  id?: string;
  /** The ETag of a copy the caller holds: sent as If-None-Match, a 304 then answers "not modified". */
  etag?: string | null;
  signal?: AbortSignal;
}

export type ModelsListing =
  | {
      notModified: false;
      etag: string | null;
      models: CatalogueModel[];
      /** The answer came from storyreel's simulator (its prices are made up). */
      simulated: boolean;
      /** The body as received, for a cache to store and parse again later. */
      body: string;
    }
  | { notModified: true; etag: string | null };

export async function listModelsVia(
  transport: Transport,
  redact: Redactor,
  options: ListModelsOptions = {},
): Promise<ModelsListing> {
  const query = new URLSearchParams();
  if (options.includePricing ?? true) query.set("include", "pricing");
  if (options.id !== undefined) query.set("id", options.id);
  const search = query.toString();
  const headers: Record<string, string> = { ...transport.baseHeaders };
  if (options.etag) headers["if-none-match"] = options.etag;
  const outcome = await getJson(transport, {
    phase: "models",
    path: `${MODELS_PATH}${search === "" ? "" : `?${search}`}`,
    headers,
    redact,
    signal: options.signal,
    maxBodyBytes: MAX_CATALOGUE_BYTES,
    allowNotModified: Boolean(options.etag),
    read: readCatalogue,
  });
  const etag = header(outcome.answer.headers.etag) ?? null;
  if (outcome.kind === "not-modified") return { notModified: true, etag: etag ?? options.etag ?? null };
  return { notModified: false, etag, ...outcome.value, body: outcome.answer.text };
}

function header(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text === "" ? undefined : text;
}
