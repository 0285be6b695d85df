// Where things are in a storyboard's text: the interface, and the fast path's shot-only positions (no YAML package needed).
import type { Anchor, PathSegment } from "./finding.js";

export interface Position {
  line: number;
  column: number;
}

export const START: Position = { line: 1, column: 1 };

/** Where things are in the storyboard text. */
export interface Positions {
  /**
   * Position of the value at `path`; of its key when `anchor` is "key" or the value is empty; of the
   * deepest node that exists when the path does not (a missing key points at its parent mapping).
   */
  locate(path: readonly PathSegment[], anchor?: Anchor): Position;
}

/**
 * The fast path's positions (a valid storyboard read without the `yaml` AST): each shot item's position,
 * found by a scan of the text; nothing else is asked of it (diagnostics always come from the exact path).
 */
export class ShotPositions implements Positions {
  readonly #shots: readonly Position[];

  constructor(shots: readonly Position[]) {
    this.#shots = shots;
  }

  locate(path: readonly PathSegment[]): Position {
    const index = path[1];
    if (path.length === 2 && path[0] === "shots" && typeof index === "number")
      return this.#shots[index] ?? START;
    return START;
  }
}
