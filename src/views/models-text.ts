// `storyreel models` as text: one row per model with what a storyboard can ask of it and its price, or one model's card.
import type { DurationRange, FrameRequirement } from "../catalog/index.js";
import { table } from "./format.js";

export interface PriceRow {
  known: boolean;
  priceList: string | null;
  reason: string | null;
  variants: { when: Readonly<Record<string, string>>; rates: { usd: number; unit: string; per: number }[] }[];
}

export interface ModelRow {
  id: string;
  frames: { first: FrameRequirement; last: FrameRequirement };
  durations: readonly number[] | DurationRange | null;
  resolutions: readonly string[] | null;
  aspectRatios: readonly string[] | null;
  audio: boolean;
  priceKnown: boolean;
  price?: PriceRow;
  semanticComplete: boolean;
  needsParams: readonly string[];
}

export interface CardFieldRow {
  name: string;
  type: string;
  allowed: string | null;
  default?: unknown;
  required: boolean;
  storyboardKey: string | null;
}

export interface ModelCardRow extends ModelRow {
  endpoint: string;
  required: readonly string[];
  fields: readonly CardFieldRow[];
}

/** `note`: where the prices came from (e.g. "prices: catalogue of …, cached"), printed last. */
export function modelsText(rows: readonly ModelRow[], options: { note?: string } = {}): string {
  const cells = [
    ["model", "first", "last", "seconds", "resolutions", "aspect ratios", "audio", "price", "fields"],
  ];
  for (const row of rows) {
    cells.push([
      row.id,
      row.frames.first,
      row.frames.last,
      durationsText(row.durations),
      list(row.resolutions),
      list(row.aspectRatios),
      row.audio ? "yes" : "-",
      row.price === undefined ? (row.priceKnown ? "known" : "unknown") : priceText(row.price),
      row.semanticComplete ? "storyboard" : `+params: ${row.needsParams.join(",")}`,
    ]);
  }
  const note = options.note === undefined ? "" : `${options.note}\n`;
  return `${table(cells)}\n${rows.length} model${rows.length === 1 ? "" : "s"}. ${LEGEND}\n${note}`;
}

/** Every model is submitted here, whatever route its page documents. */
const ROUTE = "/v2/video/generations";

const LEGEND =
  "first/last: the frame images the model takes (required, optional, none). price: USD per second (or per video) " +
  "by resolution, a range when audio or another setting changes it (storyreel models <id> lists every variant). " +
  "fields: storyboard = every required request field comes from storyboard keys; +params = also set these under " +
  "the shot's params:.";

/** "USD/s: 720p 0.39, 1080p 0.65", "USD/video: 0.60", "unknown", or "varies (see the card)". */
export function priceText(price: PriceRow): string {
  if (!price.known || price.variants.length === 0) return "unknown";
  const single = price.variants.map((v) => (v.rates.length === 1 ? v.rates[0]! : null));
  const first = single[0];
  if (first == null || single.some((r) => r === null || r.unit !== first.unit || r.per !== first.per)) {
    return "varies (see the card)";
  }
  const unit = `USD/${first.per === 1 ? "" : `${first.per} `}${first.unit === "second" ? "s" : first.unit}`;
  const groups = new Map<string, number[]>();
  for (const [i, v] of price.variants.entries()) {
    const key = v.when.resolution ?? "";
    groups.set(key, [...(groups.get(key) ?? []), single[i]!.usd]);
  }
  const parts = [...groups].map(
    ([resolution, usds]) => `${resolution === "" ? "" : `${resolution} `}${range(usds)}`,
  );
  return `${unit}: ${parts.join(", ")}`;
}

/** One model's card: what it takes, each request field with its storyboard key (or params:), its price. */
export function modelCardText(card: ModelCardRow, options: { note?: string } = {}): string {
  const lines = [card.id, ""];
  const facts = [
    ["route", card.endpoint === ROUTE ? `POST ${ROUTE}` : `POST ${ROUTE} (documented as ${card.endpoint})`],
    ["frames", `first: ${frameText(card, "first")}; last: ${frameText(card, "last")}`],
    ["seconds", durationsText(card.durations)],
    ["resolutions", list(card.resolutions)],
    ["aspect ratios", list(card.aspectRatios)],
    ["audio", card.audio ? "yes (generate_audio)" : "no"],
    [
      "storyboard",
      card.semanticComplete
        ? "every required request field comes from storyboard keys"
        : `also set under the shot's params: ${card.needsParams.join(", ")} (required)`,
    ],
  ];
  lines.push(table(facts), "", priceSection(card.price), "");
  const rows = [["request field", "type", "required", "allowed", "default", "storyboard key"]];
  for (const field of card.fields) {
    rows.push([
      field.name,
      field.type,
      field.required ? "yes" : "-",
      field.allowed ?? "-",
      field.default === undefined ? "-" : JSON.stringify(field.default),
      field.storyboardKey ?? `params: ${field.name}`,
    ]);
  }
  lines.push(table(rows.map((r) => r.map((cell) => (cell.length > 60 ? `${cell.slice(0, 57)}...` : cell)))));
  lines.push(
    "",
    "storyboard key: the shot key that fills the field (frames are file paths, URLs or data URIs); " +
      "params: set it under the shot's params: (fields the storyboard keys do not cover). " +
      'A default is the documented server default ("8" on an integer field is the server\'s, not a value to send).',
  );
  if (options.note !== undefined) lines.push(options.note);
  return `${lines.join("\n")}\n`;
}

function priceSection(price: PriceRow | undefined): string {
  if (price === undefined || !price.known) return `price: unknown (${price?.reason ?? "no price catalogue"})`;
  const dims = [...new Set(price.variants.flatMap((v) => Object.keys(v.when)))];
  const rows = [[...dims, "USD", "per"]];
  for (const v of price.variants) {
    rows.push([
      ...dims.map((d) => v.when[d] ?? "any"),
      v.rates.map((r) => String(r.usd)).join(" + "),
      v.rates.map((r) => `${r.per === 1 ? "" : `${r.per} `}${r.unit}`).join(" + "),
    ]);
  }
  return `price, from the ${(price.priceList ?? "price list").replace(/^the /, "")}:\n${indent(table(rows))}`;
}

function frameText(card: ModelCardRow, which: "first" | "last"): string {
  const requirement = card.frames[which];
  if (requirement === "none") return "none";
  const field = card.fields.find((f) => f.storyboardKey === `${which}_frame`);
  return `${requirement}${field === undefined ? "" : ` (${which}_frame → ${field.name})`}`;
}

function range(values: readonly number[]): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? usd(lo) : `${usd(lo)}–${usd(hi)}`;
}

/** Cents as 0.39, finer prices as given (0.125). */
function usd(n: number): string {
  return Math.abs(n * 100 - Math.round(n * 100)) < 1e-9 ? n.toFixed(2) : String(n);
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}

/** [4, 6, 8] → "4,6,8"; [3, 4, …, 15] → "3-15"; { min: 5, max: 20 } → "5-20"; null → "-". */
export function durationsText(durations: ModelRow["durations"]): string {
  if (durations === null) return "-";
  if ("min" in durations)
    return durations.max >= 1_000_000 ? `${durations.min}+` : `${durations.min}-${durations.max}`;
  const first = durations[0];
  const last = durations[durations.length - 1];
  if (first === undefined || last === undefined) return "-";
  const consecutive = durations.length >= 3 && durations.every((v, i) => v === first + i);
  return consecutive ? `${first}-${last}` : durations.join(",");
}

function list(values: readonly string[] | null): string {
  return values && values.length > 0 ? values.join(",") : "-";
}
