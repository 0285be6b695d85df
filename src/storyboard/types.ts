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
  /** sha256 of canonicalJson({ fields, frames: { field: sha256 } }). */
  inputHash: string;
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
