// The body of the simulator's GET /v1/models: every catalog video model, with its simulated pricing on request.
import { createHash } from "node:crypto";
import { listModels } from "../catalog/index.js";
import type { ModelSpec } from "../catalog/index.js";
import { simulatedPricing } from "./price-list.js";

export interface CatalogueQuery {
  includePricing: boolean;
  /** ?id=: one model, by id or alias. */
  id: string | null;
  /** ?type=: every model here is "video". */
  type: string | null;
  priceScale: number;
}

export interface CatalogueAnswer {
  body: string;
  /** Covers the whole answer: any change of the list or a price changes it. */
  etag: string;
}

export function catalogueAnswer(query: CatalogueQuery): CatalogueAnswer {
  const aliases = aliasesByModel(listModels());
  const kindMatches = query.type === null || query.type === "video";
  const entries = listModels()
    .filter(() => kindMatches)
    .filter((m) => query.id === null || m.id === query.id || (aliases.get(m.id) ?? []).includes(query.id))
    .map((m) => entry(m, aliases.get(m.id) ?? [], query));
  // storyreel_simulator: the answer says itself that its prices are made up (plan and models say so too).
  const body = JSON.stringify({ object: "list", storyreel_simulator: true, data: entries });
  return { body, etag: `"${createHash("sha256").update(body).digest("hex").slice(0, 32)}"` };
}

function entry(model: ModelSpec, aliases: readonly string[], query: CatalogueQuery): Record<string, unknown> {
  const slash = model.id.indexOf("/");
  const input = ["text"];
  if (model.frames.first !== "none") input.push("image");
  return {
    id: model.id,
    aliases,
    type: "video",
    info: { name: model.id, developer: slash > 0 ? model.id.slice(0, slash) : "unknown" },
    tags: ["video"],
    modalities: { input, output: ["video"] },
    capabilities: [],
    ...(query.includePricing ? { pricing: simulatedPricing(model, query.priceScale) } : {}),
  };
}

/** "google/veo-3.1-t2v-fast" is also "veo-3.1-t2v-fast", unless that name is taken by another model. */
function aliasesByModel(models: readonly ModelSpec[]): Map<string, string[]> {
  const ids = new Set(models.map((m) => m.id));
  const counts = new Map<string, number>();
  const short = (id: string): string | null => (id.includes("/") ? id.slice(id.lastIndexOf("/") + 1) : null);
  for (const m of models) {
    const alias = short(m.id);
    if (alias !== null) counts.set(alias, (counts.get(alias) ?? 0) + 1);
  }
  const out = new Map<string, string[]>();
  for (const m of models) {
    const alias = short(m.id);
    out.set(m.id, alias !== null && counts.get(alias) === 1 && !ids.has(alias) ? [alias] : []);
  }
  return out;
}

/** True when an If-None-Match header names `etag` (a list, weak validators and "*" included). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}
