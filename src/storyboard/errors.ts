// Errors the storyboard stage throws on purpose, each with a stable code.
import { StoryreelError } from "../util/errors.js";
import type { Diagnostic } from "./types.js";
import { formatDiagnostic } from "./diagnostic.js";

/** The storyboard is invalid; `diagnostics` lists every problem found, sorted by position. */
export class StoryboardError extends StoryreelError {
  declare readonly code: "E_STORYBOARD";
  readonly diagnostics: Diagnostic[];

  constructor(diagnostics: Diagnostic[], options?: { cause?: unknown }) {
    const count = diagnostics.length === 1 ? "1 problem" : `${diagnostics.length} problems`;
    const lines = diagnostics.map(formatDiagnostic).join("\n");
    super("E_STORYBOARD", `storyboard has ${count}:\n${lines}`, options);
    this.diagnostics = diagnostics;
  }
}

/** A frame file changed or vanished after validation, so it no longer matches the hash that was planned. */
export class FrameChangedError extends StoryreelError {
  declare readonly code: "E_FRAME_CHANGED";
  /** The frame as written in the storyboard. */
  readonly source: string;

  constructor(source: string, options?: { cause?: unknown }) {
    const message = `frame ${JSON.stringify(source)} changed or disappeared since the storyboard was validated; validate again`;
    super("E_FRAME_CHANGED", message, options);
    this.source = source;
  }
}
