// The validation pipeline: load → schema → frames → rules, collecting every diagnostic (nothing written or sent).
import { dirname } from "node:path";
import { getModel } from "../catalog/index.js";
import type { ModelSpec } from "../catalog/index.js";
import type { Diagnostic } from "./types.js";
import { placeFindings, sortDiagnostics } from "./diagnostic.js";
import { formatPath, type Finding, type PathSegment } from "./finding.js";
import type { FrameResult } from "./frame-source.js";
import { buildDefaults } from "./defaults-view.js";
import { checkFrames } from "./frame-checker.js";
import { loadSource, type LoadedSource } from "./load.js";
import { runRules, type FrameKey } from "./rules/index.js";
import { checkSchema } from "./schema-check.js";
import { buildShotViews, type ShotView } from "./shot-view.js";

export interface Analysis {
  source: LoadedSource;
  /** Sorted by position; empty when the storyboard is valid. */
  diagnostics: Diagnostic[];
  data: Record<string, unknown>;
  shots: ShotView[];
  frames: ReadonlyMap<number, Partial<Record<FrameKey, FrameResult>>>;
  model(shot: ShotView): ModelSpec | undefined;
}

/** The fast path's positions cannot place diagnostics: any problem found there is found again exactly. */
export async function analyze(file: string): Promise<Analysis> {
  const first = await analyzeSource(file, await loadSource(file, { exact: false }));
  if (!first.source.fast || first.diagnostics.length === 0) return first;
  return analyzeSource(file, await loadSource(file, { exact: true }));
}

async function analyzeSource(file: string, source: LoadedSource): Promise<Analysis> {
  const models = new Map<string, ModelSpec | undefined>();
  const model = (shot: ShotView): ModelSpec | undefined => {
    const id = shot.values.model;
    if (id === undefined) return undefined;
    if (!models.has(id)) models.set(id, getModel(id));
    return models.get(id);
  };
  const empty: Analysis = {
    source,
    diagnostics: source.diagnostics,
    data: {},
    shots: [],
    frames: new Map(),
    model,
  };
  if (source.diagnostics.length > 0) return empty;

  const schemaFindings = checkSchema(source.data);
  const data = source.data;
  const shotsOk = isRecord(data) && Array.isArray(data.shots);
  if (!shotsOk) {
    return { ...empty, diagnostics: sortDiagnostics(placeFindings(file, source.positions, schemaFindings)) };
  }
  const bad = badPaths(schemaFindings);
  const defaults = buildDefaults(data, bad);
  const shots = buildShotViews(data, bad, defaults);
  const frames = await checkFrames(shots, dirname(source.absPath));
  const locate = (path: readonly PathSegment[]): { line: number; column: number } =>
    source.positions.locate(path);
  const ruleFindings = runRules({ shots, defaults, model, frames, locate }, bad);
  const diagnostics = sortDiagnostics(
    placeFindings(file, source.positions, [...schemaFindings, ...ruleFindings]),
  );
  return { source, diagnostics, data, shots, frames, model };
}

/**
 * Formatted paths of schema findings. A problem inside a frame reference (shots[2].first_frame.frame) makes the
 * whole frame value bad: no rule reads it, nor reports the frame again (e.g. as missing).
 */
function badPaths(findings: readonly Finding[]): Set<string> {
  const bad = new Set<string>();
  for (const f of findings) {
    bad.add(formatPath(f.path));
    const key = f.path[2];
    if (f.path[0] === "shots" && f.path.length > 3 && (key === "first_frame" || key === "last_frame")) {
      bad.add(formatPath(f.path.slice(0, 3)));
    }
  }
  return bad;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
