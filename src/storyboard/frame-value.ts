// A frame as a shot writes it: an image source (path, URL, data: URI) or a frame of another shot's clip.
import type { ShotFrameRef } from "./types.js";

export type FrameValue = string | ShotFrameRef;

/** The keys a shot reference may have (a later `take:` would join them). */
export const REFERENCE_KEYS = ["shot", "frame"] as const;

/** `frame:` when a reference leaves it out: the clip's last frame, where the next shot usually starts. */
export const DEFAULT_PICK = "last";

export function isShotFrameRef(value: FrameValue | undefined): value is ShotFrameRef {
  return typeof value === "object";
}

/**
 * The frame value written, or undefined when it is neither a string nor a well-formed reference (the schema
 * reports those). A reference without `frame:` gets `last`. Any number is kept here: the reference rules
 * refuse times that are negative, not finite, or past the clip.
 */
export function readFrameValue(value: unknown): FrameValue | undefined {
  if (typeof value === "string") return value;
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const entry = value as Record<string, unknown>;
  if (Object.keys(entry).some((key) => !(REFERENCE_KEYS as readonly string[]).includes(key)))
    return undefined;
  const { shot, frame = DEFAULT_PICK } = entry;
  if (typeof shot !== "string") return undefined;
  if (frame !== "first" && frame !== "last" && typeof frame !== "number") return undefined;
  return { shot, frame };
}
