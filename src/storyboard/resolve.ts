// Turns a valid analysis into the Storyboard: defaults applied, request fields mapped, frames hashed, input hashes.
import { toRequestFields } from "../catalog/index.js";
import type { ModelSpec } from "../catalog/index.js";
import { canonicalJson, sha256Hex } from "../util/hash.js";
import type { Analysis } from "./analyze.js";
import { resolveOutputDir } from "./output-dir.js";
import type { FrameKey } from "./rules/index.js";
import { semanticValues } from "./semantic-values.js";
import type { ShotView } from "./shot-view.js";
import { isShotFrameRef } from "./frame-value.js";
import type { FrameRef, ResolvedShot, ShotFrameRef, Storyboard } from "./types.js";

/** Only call with an analysis that has no diagnostics. */
export function resolveStoryboard(analysis: Analysis, opts: { outDir?: string }): Storyboard {
  const { source, data } = analysis;
  const output = typeof data.output === "string" ? data.output : undefined;
  return {
    path: source.absPath,
    sha256: source.sha256,
    title: typeof data.title === "string" ? data.title : null,
    outputDir: resolveOutputDir(source.absPath, output, opts.outDir),
    shots: analysis.shots.map((shot) => resolveShot(analysis, shot)),
  };
}

function resolveShot(analysis: Analysis, shot: ShotView): ResolvedShot {
  const model = analysis.model(shot);
  if (!model || shot.id === null)
    throw new Error(`internal: shots[${shot.index}] resolved before it was valid`);
  const mapped = toRequestFields(model, semanticValues(shot.values, {}));
  const fields: Record<string, unknown> = { model: model.id, ...mapped, ...shot.params };
  const frames = frameRefs(model, analysis.frames.get(shot.index) ?? {});
  const upstream = upstreamRefs(model, shot);
  const at = analysis.source.positions.locate(shot.path);
  return {
    index: shot.index,
    id: shot.id,
    model: model.id,
    line: at.line,
    column: at.column,
    fields,
    frames,
    inputHash: shotInputHash(fields, frames, upstream),
    ...(Object.keys(upstream).length > 0 ? { upstream } : {}),
    durationSeconds: shot.values.duration ?? model.defaults.duration ?? null,
    resolution: stringField(fields, model.fields.resolution) ?? model.defaults.resolution ?? null,
    aspectRatio: stringField(fields, model.fields.aspect_ratio) ?? model.defaults.aspectRatio ?? null,
    audio: shot.values.generate_audio ?? defaultAudio(model),
    prompt: shot.values.prompt ?? null,
  };
}

/**
 * The input hash: sha256 of canonicalJson({ fields, frames: { field: sha256 } }), with `upstream: { field:
 * { shot, frame } }` added for upstream fields not bound yet (a field in `frames` counts as bound). So a shot
 * with no references hashes as it always has, and a dependent once bound hashes exactly like a shot whose
 * frame was a local file with the same bytes.
 */
export function shotInputHash(
  fields: Readonly<Record<string, unknown>>,
  frames: Readonly<Record<string, FrameRef>>,
  upstream: Readonly<Record<string, ShotFrameRef>> = {},
): string {
  const frameHashes = Object.fromEntries(Object.entries(frames).map(([field, ref]) => [field, ref.sha256]));
  const unbound = Object.entries(upstream)
    .filter(([field]) => !Object.hasOwn(frames, field))
    .map(([field, ref]) => [field, { shot: ref.shot, frame: ref.frame }] as const);
  if (unbound.length === 0) return sha256Hex(canonicalJson({ fields, frames: frameHashes }));
  return sha256Hex(canonicalJson({ fields, frames: frameHashes, upstream: Object.fromEntries(unbound) }));
}

/** The shot's references to other shots' clips, by the model's request field for each frame key. */
function upstreamRefs(model: ModelSpec, shot: ShotView): Record<string, ShotFrameRef> {
  const out: Record<string, ShotFrameRef> = {};
  for (const key of ["first_frame", "last_frame"] as const) {
    const field = model.fields[key];
    const value = shot.values[key];
    if (field !== undefined && isShotFrameRef(value)) out[field] = { shot: value.shot, frame: value.frame };
  }
  return out;
}

function frameRefs(
  model: ModelSpec,
  results: Partial<Record<FrameKey, { ok: boolean; ref?: FrameRef }>>,
): Record<string, FrameRef> {
  const out: Record<string, FrameRef> = {};
  for (const key of ["first_frame", "last_frame"] as const) {
    const field = model.fields[key];
    const ref = results[key]?.ref;
    if (field !== undefined && ref !== undefined) out[field] = ref;
  }
  return out;
}

function stringField(fields: Record<string, unknown>, name: string | undefined): string | undefined {
  const value = name === undefined ? undefined : fields[name];
  return typeof value === "string" ? value : undefined;
}

function defaultAudio(model: ModelSpec): boolean {
  const field = model.fields.generate_audio;
  if (field === undefined) return false;
  return model.properties[field]?.default === true;
}
