// Where things live inside a cache (the same names in a folder and under an S3 prefix).
import { isHex64 } from "./key.js";

/** Everything of this format lives under it: a new format starts beside the old one, never mixed. */
export const ROOT = "v1";
export const ENTRIES = `${ROOT}/entries/`;
export const CLIPS = `${ROOT}/clips/`;

/** v1/entries/ab/abcdef….json (two-character fan-out keeps folders small). */
export function entryName(key: string): string {
  return `${ENTRIES}${key.slice(0, 2)}/${key}.json`;
}

/** v1/clips/ab/abcdef… : a clip is stored once by its sha256, however many entries name it. */
export function clipName(sha256: string): string {
  return `${CLIPS}${sha256.slice(0, 2)}/${sha256}`;
}

/** The key of an entry name, or null for anything else found under entries/. */
export function keyOfEntryName(name: string): string | null {
  const match = /^v1\/entries\/[0-9a-f]{2}\/([0-9a-f]{64})\.json$/.exec(name);
  return match && isHex64(match[1]) && name.slice(ENTRIES.length, ENTRIES.length + 2) === match[1].slice(0, 2)
    ? match[1]
    : null;
}

/** The sha256 of a clip name, or null for anything else found under clips/. */
export function shaOfClipName(name: string): string | null {
  const match = /^v1\/clips\/[0-9a-f]{2}\/([0-9a-f]{64})$/.exec(name);
  return match && match[1] && name.slice(CLIPS.length, CLIPS.length + 2) === match[1].slice(0, 2)
    ? match[1]
    : null;
}
