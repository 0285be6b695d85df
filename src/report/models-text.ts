// `storyreel models` as text: one row per model with what a storyboard can ask of it.
import type { DurationRange, FrameRequirement } from "../catalog/index.js";
import { table } from "./format.js";

export interface ModelRow {
  id: string;
  frames: { first: FrameRequirement; last: FrameRequirement };
  durations: readonly number[] | DurationRange | null;
  resolutions: readonly string[] | null;
  aspectRatios: readonly string[] | null;
  audio: boolean;
  priceKnown: boolean;
  semanticComplete: boolean;
  needsParams: readonly string[];
}

export function modelsText(rows: readonly ModelRow[]): string {
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
      row.priceKnown ? "known" : "unknown",
      row.semanticComplete ? "storyboard" : `+params: ${row.needsParams.join(",")}`,
    ]);
  }
  return `${table(cells)}\n${rows.length} model${rows.length === 1 ? "" : "s"}. ${LEGEND}\n`;
}

const LEGEND =
  "first/last: the frame images the model takes (required, optional, none). fields: storyboard = every required " +
  "request field comes from storyboard keys; +params = also set these under the shot's params:.";

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
