// Base error class: every error storyreel raises on purpose carries a stable `code` to branch on.
export class StoryreelError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** True when `err` is a StoryreelError with one of `codes` (or any code when none given). */
export function hasCode(err: unknown, ...codes: string[]): err is StoryreelError {
  return err instanceof StoryreelError && (codes.length === 0 || codes.includes(err.code));
}
