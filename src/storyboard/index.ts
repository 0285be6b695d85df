// Public API of the storyboard stage: load + validate a YAML storyboard, resolve it, build request bodies.
import { analyze } from "./analyze.js";
import { StoryboardError } from "./errors.js";
import { resolveStoryboard } from "./resolve.js";
import type { Diagnostic, Storyboard } from "./types.js";

export { buildShotGraph } from "./shot-graph.js";
export type { ShotGraph, ShotEdge } from "./shot-graph.js";
export { bindUpstreamFrames, shotDependencies } from "./upstream.js";
export type { Diagnostic, FrameRef, ResolvedShot, ShotFrameRef, Storyboard, UpstreamFrame } from "./types.js";
export { StoryboardError, FrameChangedError } from "./errors.js";
export { formatDiagnostic } from "./diagnostic.js";
export { buildRequestBody, requestRecord } from "./request-body.js";
export { FrameCache, DEFAULT_FRAME_CACHE_BYTES } from "./frame-cache.js";
export {
  MAX_STORYBOARD_BYTES,
  MAX_FRAME_BYTES,
  MAX_YAML_ALIAS_NODES,
  MAX_YAML_DEPTH,
  MAX_SHOT_ID_LENGTH,
} from "./limits.js";
export { storyboardSchema } from "./schema-check.js";

/**
 * Loads, validates and resolves a storyboard. Throws StoryboardError (E_STORYBOARD) listing every problem.
 * `outDir` (relative to the working directory) overrides the storyboard's `output:`.
 */
export async function loadStoryboard(file: string, opts: { outDir?: string } = {}): Promise<Storyboard> {
  const analysis = await analyze(file);
  if (analysis.diagnostics.length > 0) throw new StoryboardError(analysis.diagnostics);
  return resolveStoryboard(analysis, opts);
}

/** Every problem in the storyboard, sorted by position; empty when valid. Never throws for bad input. */
export async function validateStoryboard(file: string): Promise<Diagnostic[]> {
  return (await analyze(file)).diagnostics;
}
