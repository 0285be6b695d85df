// A keyless client for the public model catalogue (GET /v1/models): `plan` and `models` price shots without a key.
import { listModelsVia, type ListModelsOptions, type ModelsListing } from "./models-route.js";
import type { ClientStats } from "./retry-loop.js";
import { CATALOGUE_RETRY_POLICY } from "./retry-policy.js";
import { createTransport, type TransportOptions } from "./transport.js";

/** A catalogue look-up must not hold `plan` up for long: the caller then uses its cached copy. */
export const CATALOGUE_REQUEST_TIMEOUT_MS = 10_000;

export interface CatalogueClient {
  readonly origin: string;
  listModels(options?: ListModelsOptions): Promise<ModelsListing>;
  stats(): ClientStats;
  close(): Promise<void>;
}

/** Options as for createClient, without a key; retries default to CATALOGUE_RETRY_POLICY. */
export function createCatalogueClient(options: TransportOptions = {}): CatalogueClient {
  const transport = createTransport(options, {
    retry: CATALOGUE_RETRY_POLICY,
    requestTimeoutMs: CATALOGUE_REQUEST_TIMEOUT_MS,
  });
  return {
    origin: transport.endpoint.origin,
    listModels: (listOptions) => listModelsVia(transport, (text) => text, listOptions),
    stats: () => ({ ...transport.stats }),
    close: () => transport.close(),
  };
}
