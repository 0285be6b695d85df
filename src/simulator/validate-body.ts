// Checks a submitted body like the real API: known model, the model's schema (via the catalog), decodable frames.
import { getModel, validateRequest } from "../catalog/index.js";
import type { ModelSpec } from "../catalog/index.js";
import { decodeImageDataUri } from "./frames.js";
import type { DecodedFrame } from "./frames.js";

type Frame = Extract<DecodedFrame, { ok: true }>;

export type BodyCheck =
  | { ok: true; model: ModelSpec; body: Record<string, unknown>; frames: ReadonlyMap<string, Frame> }
  | { ok: false; details: string[] };

/** `frames` maps each image field holding a data URI (arrays as "field/0") to its decoded image. */
export function checkSubmitBody(body: unknown): BodyCheck {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return { ok: false, details: ["body: must be a JSON object"] };
  }
  const record = body as Record<string, unknown>;
  const modelId = record["model"];
  if (typeof modelId !== "string") return { ok: false, details: ["model: required, must be a string"] };
  const model = getModel(modelId);
  if (model === undefined) return { ok: false, details: [`model: unknown model ${JSON.stringify(modelId)}`] };
  const details = validateRequest(model, record).map((p) =>
    p.field === "" ? p.message : `${p.field}: ${p.message}`,
  );
  const frames = new Map<string, Frame>();
  for (const [field, value] of imageValues(model, record)) {
    if (!value.startsWith("data:")) continue;
    const decoded = decodeImageDataUri(value);
    if (decoded.ok) frames.set(field, decoded);
    else details.push(`${field}: ${decoded.problem}`);
  }
  return details.length > 0 ? { ok: false, details } : { ok: true, model, body: record, frames };
}

/** String values of the frame fields and of any other field whose name says it holds images. */
function imageValues(model: ModelSpec, body: Record<string, unknown>): [string, string][] {
  const frameFields = new Set([model.fields.first_frame, model.fields.last_frame]);
  const out: [string, string][] = [];
  for (const [field, value] of Object.entries(body)) {
    if (!frameFields.has(field) && !field.includes("image")) continue;
    if (typeof value === "string") out.push([field, value]);
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (typeof item === "string") out.push([`${field}/${i}`, item]);
      });
    }
  }
  return out;
}
