// Public data types of the storyboard stage (see docs/architecture.md), shared by its modules.

/** One problem found in a storyboard: where it is, which key, and what is wrong. */
export interface Diagnostic {
  /** The storyboard path as the caller gave it. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Key path such as `shots[3].duration` (empty for the whole file). */
  path: string;
  message: string;
  /** Stable code of the rule that found it, e.g. `duration-not-allowed`. */
  code: string;
}

/** A frame image a shot refers to. */
export interface FrameRef {
  /** As written in the storyboard (a data: URI is kept whole). */
  source: string;
  kind: "file" | "url" | "data";
  /** sha256 of the image bytes (file, data) or of the URL string (url). */
  sha256: string;
  /** image/png, image/jpeg or image/webp (file, data). */
  mime?: string;
  /** Image size in bytes (file, data). */
  bytes?: number;
  /** Absolute path (file). */
  absPath?: string;
}

/**
 * A frame of another shot's clip, as a shot writes it (`first_frame: { shot: dawn, frame: last }`): `last`
 * (the default), `first`, or a time in seconds into the clip. A later `take:` key (which take of that shot)
 * would be one more optional field here; what users already wrote keeps meaning the chosen take.
 */
export interface ShotFrameRef {
  shot: string;
  frame: "first" | "last" | number;
}

/**
 * An upstream frame of a resolved shot. `line`/`column` (where the reference is written) are never set by the
 * loader — on the fast path only shot items have positions, and both paths must resolve alike — but a
 * caller may carry them for its messages; they are never hashed.
 */
export interface UpstreamFrame extends ShotFrameRef {
  line?: number;
  column?: number;
}

/** One shot with defaults applied, checked against its model, ready to submit. */
export interface ResolvedShot {
  /** 0-based position in `shots`. */
  index: number;
  id: string;
  model: string;
  /** 1-based position of the shot item in the storyboard. */
  line: number;
  column: number;
  /** Request body without frames (includes `model`). */
  fields: Record<string, unknown>;
  /** Request field name (image_url, last_image_url, …) → frame. */
  frames: Record<string, FrameRef>;
  /**
   * sha256 of canonicalJson({ fields, frames: { field: sha256 } }), plus `upstream: { field: { shot, frame } }`
   * while any upstream frame is not bound yet (so an unbound dependent never hashes like a bound one).
   */
  inputHash: string;
  /**
   * Frames taken from other shots' clips, by request field (image_url, last_image_url, … as in `frames`).
   * Such a field is absent from `frames` until bindUpstreamFrames fills it. Absent when the shot has none.
   */
  upstream?: Readonly<Record<string, UpstreamFrame>>;
  /** Effective values: the shot's own, else the model's documented default, else null. */
  durationSeconds: number | null;
  resolution: string | null;
  aspectRatio: string | null;
  audio: boolean;
  prompt: string | null;
}

export interface Storyboard {
  /** Absolute path of the storyboard file. */
  path: string;
  /** sha256 of the storyboard file's bytes. */
  sha256: string;
  title: string | null;
  /** Absolute output directory. */
  outputDir: string;
  shots: ResolvedShot[];
}
