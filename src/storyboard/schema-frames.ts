// Schema errors of frame values (an image source, or a {shot, frame} reference) worded as one finding each.
import type { ErrorObject } from "ajv";
import { describeValue } from "./describe.js";
import type { Finding, PathSegment } from "./finding.js";

const SOURCE = "#/definitions/frame_source/";
const REFERENCE = ["#/definitions/shot_frame/", "#/definitions/frame_pick/"];
const DEFAULT_FRAME = /^#\/definitions\/default_(first|last)_frame\/type$/;

export const FRAME_ALLOWED =
  "an image path, an https:// URL or a data: URI, or a frame of another shot's clip: {shot: <id>, frame: last | first | <seconds>}";

const PICK_ALLOWED = "last (the default), first, or a time in seconds into the clip (a number, 0 or more)";

/**
 * A frame's `oneOf` fails with the errors of both branches. Keeps those of the branch the value was written
 * for (a string: the image source; a mapping: the reference) and words the rest here: a value of neither kind,
 * a bad `frame:` pick, a reference without `shot:`, and a reference in defaults (refused: a default would
 * give it to every shot, the named one included). Returns the errors left for the general wording.
 */
export function shapeFrameErrors(
  errors: readonly ErrorObject[],
  toPath: (pointer: string) => PathSegment[],
): { errors: ErrorObject[]; findings: Finding[] } {
  const frames = new Map<string, unknown>();
  for (const err of errors) if (isFrameOneOf(err)) frames.set(err.instancePath, err.data);
  const findings: Finding[] = [];
  const kept: ErrorObject[] = [];
  const picksReported = new Set<string>();
  for (const err of errors) {
    if (DEFAULT_FRAME.test(err.schemaPath) && isMapping(err.data)) {
      findings.push(inDefaults(toPath(err.instancePath), err.data));
      continue;
    }
    const at = frameOf(err.instancePath, frames);
    if (at === undefined) {
      kept.push(err);
      continue;
    }
    const value = frames.get(at);
    if (isFrameOneOf(err)) {
      if (typeof value !== "string" && !isMapping(value)) {
        const message = `expected ${FRAME_ALLOWED}, got ${describeValue(value)}`;
        findings.push({ path: toPath(at), code: "wrong-type", message });
      }
      continue;
    }
    if (typeof value === "string") {
      if (err.schemaPath.startsWith(SOURCE)) kept.push(err);
      continue;
    }
    if (!isMapping(value) || !REFERENCE.some((p) => err.schemaPath.startsWith(p))) continue;
    if (err.instancePath === `${at}/frame`) {
      if (picksReported.has(at)) continue;
      picksReported.add(at);
      const message = `frame ${describeValue(err.data)} is not allowed (allowed: ${PICK_ALLOWED})`;
      findings.push({ path: toPath(err.instancePath), code: "reference-frame", message });
      continue;
    }
    if (err.keyword === "required") {
      findings.push({
        path: [...toPath(at), "shot"],
        code: "missing-key",
        message:
          'missing required key "shot": a reference names the shot whose clip the frame comes from, e.g. {shot: dawn, frame: last}',
      });
      continue;
    }
    kept.push(err);
  }
  return { errors: kept, findings };
}

function inDefaults(path: PathSegment[], value: Record<string, unknown>): Finding {
  const key = String(path[path.length - 1]);
  const shot = typeof value.shot === "string" ? value.shot : "<id>";
  const where =
    path[1] === "models"
      ? "a defaults.models entry applies to every shot of its model"
      : "defaults apply to every shot";
  return {
    path,
    code: "reference-in-defaults",
    message: `${key} in defaults cannot name a shot: ${where}, so shot ${JSON.stringify(shot)} would take a frame of its own clip (write ${key}: {shot: ${shot}} on each shot that starts from it; defaults take ${FRAME_ALLOWED.split(", or a frame")[0]})`,
  };
}

function isFrameOneOf(err: ErrorObject): boolean {
  if (err.keyword !== "oneOf") return false;
  const branches = (err.parentSchema as { oneOf?: { $ref?: string }[] } | undefined)?.oneOf;
  return branches?.[0]?.$ref === "#/definitions/frame_source";
}

/** The frame value `pointer` is at or inside (a reference is one level deep: shot, frame), if any. */
function frameOf(pointer: string, frames: ReadonlyMap<string, unknown>): string | undefined {
  if (frames.has(pointer)) return pointer;
  const parent = pointer.slice(0, Math.max(0, pointer.lastIndexOf("/")));
  return frames.has(parent) ? parent : undefined;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
