// Loads a storyboard file: safe read, then YAML parse with node positions kept for diagnostics.
import { resolve } from "node:path";
import type { Diagnostic } from "./types.js";
import { fileDiagnostic } from "./diagnostic.js";
import type { Positions } from "./positions.js";
import { fastParse } from "./fast-parse.js";
import { readStoryboardText } from "./read-text.js";

export interface LoadedSource {
  /** As the caller gave it (used in diagnostics). */
  file: string;
  absPath: string;
  /** sha256 of the file's bytes ("" when unreadable). */
  sha256: string;
  positions: Positions;
  /** The parsed data; undefined when any diagnostic was found. */
  data: unknown;
  diagnostics: Diagnostic[];
  /** Read by the fast path: positions of shot items only. */
  fast: boolean;
}

/**
 * `exact: false` allows the fast path (see fastParse); its positions know only where each shot is, so a
 * caller that finds any problem must load again with `exact: true` to place its diagnostics.
 */
export async function loadSource(
  file: string,
  options: { exact: boolean } = { exact: true },
): Promise<LoadedSource> {
  const absPath = resolve(file);
  const read = await readStoryboardText(absPath);
  if (!read.ok) {
    const diagnostics = [fileDiagnostic(file, read.code, read.message)];
    return {
      file,
      absPath,
      sha256: read.sha256,
      positions: (await import("./exact-parse.js")).noPositions(),
      data: undefined,
      diagnostics,
      fast: false,
    };
  }
  const fast = options.exact ? null : fastParse(read.text);
  if (fast)
    return {
      file,
      absPath,
      sha256: read.sha256,
      positions: fast.positions,
      data: fast.data,
      diagnostics: [],
      fast: true,
    };
  // The yaml package (and its positions) load only when the fast path cannot read the text.
  const { parseText } = await import("./exact-parse.js");
  return { ...parseText(file, read.text), file, absPath, sha256: read.sha256, fast: false };
}
