// Schema errors of frame values (an image source, or a {shot, frame} reference) worded as one finding each.
import type { ErrorObject } from "ajv";
import { describeValue } from "./describe.js";
import type { Finding, PathSegment } from "./finding.js";

export const FRAME_ALLOWED =
  "an image path, an https:// URL or a data: URI, or a frame of another shot's clip: {shot: <id>, frame: last | first | <seconds>}";

const SOURCE_ALLOWED = "an image path, an https:// URL or a data: URI";
const PICK_ALLOWED = "last (the default), first, or a time in seconds into the clip (a number, 0 or more)";
const DEFAULT_FRAME = /^\/defaults(?:\/models\/[^/]+)?\/(?:first|last)_frame$/;

/**
 * A frame's `oneOf` fails with the errors of both branches. Keeps those of the branch the value was written
 * for (a string: the image source; a mapping: the reference) and words the rest here: a value of neither kind,
 * a bad `frame:` pick, a reference without `shot:`, and a reference in defaults (refused: a default would
 * give it to every shot, the named one included). Returns the errors left for the general wording.
 * Branches are told apart by the value and the instance path, never by schemaPath, which differs between
 * ajv's run-time compile and the build's standalone validators.
 */
export function shapeFrameErrors(
  errors: readonly ErrorObject[],
  toPath: (pointer: string) => PathSegment[],
): { errors: ErrorObject[]; findings: Finding[] } {
  const frames = new Map<string, unknown>();
  for (const err of errors) if (isFrameOneOf(err)) frames.set(err.instancePath, err.data);
  const findings: Finding[] = [];
  const kept: ErrorObject[] = [];
  const reported = new Set<string>();
  const once = (pointer: string, finding: () => Finding): void => {
    if (reported.has(pointer)) return;
    reported.add(pointer);
    findings.push(finding());
  };
  for (const err of errors) {
    if (DEFAULT_FRAME.test(err.instancePath) && isMapping(err.data)) {
      once(err.instancePath, () => inDefaults(toPath(err.instancePath), err.data as Record<string, unknown>));
      continue;
    }
    const at = frameOf(err.instancePath, frames);
    if (at === undefined) {
      kept.push(err);
      continue;
    }
    const value = frames.get(at);
    if (typeof value === "string") {
      // The image-source branch's own errors (e.g. empty); the reference branch's "expected a mapping" is moot.
      if (err.instancePath === at && schemaType(err) === "string") kept.push(err);
      continue;
    }
    if (!isMapping(value)) {
      once(at, () => ({
        path: toPath(at),
        code: "wrong-type",
        message: `expected ${FRAME_ALLOWED}, got ${describeValue(value)}`,
      }));
      continue;
    }
    if (err.instancePath === `${at}/frame`) {
      once(err.instancePath, () => ({
        path: toPath(err.instancePath),
        code: "reference-frame",
        message: `frame ${describeValue(err.data)} is not allowed (allowed: ${PICK_ALLOWED})`,
      }));
      continue;
    }
    if (err.instancePath === at && err.keyword === "required") {
      once(`${at}/shot`, () => ({
        path: [...toPath(at), "shot"],
        code: "missing-key",
        message:
          'missing required key "shot": a reference names the shot whose clip the frame comes from, e.g. {shot: dawn, frame: last}',
      }));
      continue;
    }
    // Unknown keys and a bad shot id keep the general wording; the image-source branch's and oneOf's go.
    if (err.instancePath !== at || err.keyword === "additionalProperties") kept.push(err);
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
    message: `${key} in defaults cannot name a shot: ${where}, so shot ${JSON.stringify(shot)} would take a frame of its own clip (write ${key}: {shot: ${shot}} on each shot that starts from it; defaults take ${SOURCE_ALLOWED})`,
  };
}

/** The oneOf of a frame value on a shot: image source or shot reference. */
function isFrameOneOf(err: ErrorObject): boolean {
  if (err.keyword !== "oneOf") return false;
  const branches = (err.parentSchema as { oneOf?: { $ref?: string }[] } | undefined)?.oneOf;
  return branches?.some((b) => b.$ref === "#/definitions/shot_frame") ?? false;
}

function schemaType(err: ErrorObject): unknown {
  return (err.parentSchema as { type?: unknown } | undefined)?.type;
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
