// Reads a /v1/models body into models; no runtime imports, so a cached catalogue is read without loading an HTTP client.
import type { ReadResult } from "./get-json.js";

/** One model of the catalogue, as far as storyreel reads it; `pricing` stays raw (src/pricing parses it). */
export interface CatalogueModel {
  id: string;
  aliases: readonly string[];
  type: string | null;
  name: string | null;
  /** The model's `pricing` block as sent (with ?include=pricing), or null. */
  pricing: unknown;
}

/** Reads a /v1/models body (also a cached one): `{ object, data: [{ id, aliases, type, info, pricing }] }`. */
export function readCatalogue(json: unknown): ReadResult<{ models: CatalogueModel[]; simulated: boolean }> {
  if (!isRecord(json)) return { ok: false, problem: "expected a JSON object" };
  if (!Array.isArray(json.data)) return { ok: false, problem: '"data" is not an array' };
  const models: CatalogueModel[] = [];
  for (const item of json.data) {
    // An entry without an id cannot be matched to anything: skipped, never guessed.
    if (!isRecord(item) || typeof item.id !== "string" || item.id === "") continue;
    const info = isRecord(item.info) ? item.info : {};
    models.push({
      id: item.id,
      aliases: Array.isArray(item.aliases)
        ? item.aliases.filter((a): a is string => typeof a === "string" && a !== "")
        : [],
      type: typeof item.type === "string" ? item.type : null,
      name: typeof info.name === "string" ? info.name : null,
      pricing: item.pricing ?? null,
    });
  }
  return { ok: true, value: { models, simulated: json.storyreel_simulator === true } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
