// The storyboard's model-independent vocabulary: semantic fields and the values a shot gives them.

export const SEMANTIC_FIELDS = [
  "prompt",
  "first_frame",
  "last_frame",
  "duration",
  "resolution",
  "aspect_ratio",
  "generate_audio",
  "negative_prompt",
  "seed",
  "enhance_prompt",
] as const;

export type SemanticField = (typeof SEMANTIC_FIELDS)[number];

/** Semantic values of one shot; frames are already-encoded strings (URL, data: URI or a placeholder). */
export interface SemanticValues {
  prompt?: string;
  first_frame?: string;
  last_frame?: string;
  duration?: number;
  resolution?: string;
  aspect_ratio?: string;
  generate_audio?: boolean;
  negative_prompt?: string;
  seed?: number;
  enhance_prompt?: boolean;
}
