// Refusals of stitch, report and merge: stable codes the CLI maps to exit 2 ("fix the input first").
import { hasCode, StoryreelError } from "../../util/errors.js";

/** The folder does not exist, is a file, or has no manifest.json (never rendered, or a wrong path). */
export class NoManifestError extends StoryreelError {
  readonly dir: string;

  constructor(dir: string, why: "does not exist" | "is not a folder" | "has no manifest.json") {
    super(
      "E_NO_MANIFEST",
      `${dir} ${why}: give the output folder of a render (the one holding manifest.json and clips/)`,
    );
    this.dir = dir;
  }
}

export interface ShotProblem {
  id: string;
  status: string;
  /** Why the shot cannot be used: "not completed", "clip missing", "clip corrupt", "clip unreadable". */
  problem: string;
}

/** Some shots have no usable clip, and --allow-missing was not given. */
export class StitchIncompleteError extends StoryreelError {
  readonly problems: readonly ShotProblem[];

  constructor(outDir: string, problems: readonly ShotProblem[]) {
    const list = problems.map(
      (p) => `${p.id} (${p.status}${p.problem === "not completed" ? "" : `, ${p.problem}`})`,
    );
    super(
      "E_STITCH_INCOMPLETE",
      `cannot stitch ${outDir}: ${problems.length} shot${problems.length === 1 ? " has" : "s have"} no usable clip: ${list.join(", ")}. Render them first, or pass --allow-missing to stitch without them.`,
    );
    this.problems = problems;
  }
}

/** Nothing to stitch at all. */
export class StitchEmptyError extends StoryreelError {
  constructor(outDir: string) {
    super("E_STITCH_EMPTY", `cannot stitch ${outDir}: no shot has a usable clip`);
  }
}

/** The folders given to merge were rendered from different storyboards. */
export class MergeMismatchError extends StoryreelError {
  constructor(message: string) {
    super("E_MERGE_MISMATCH", message);
  }
}

/** An invocation that cannot work (e.g. merging a folder into itself). */
export class OutputUsageError extends StoryreelError {
  constructor(message: string) {
    super("E_USAGE", message);
  }
}

/** Codes of the errors above and of the manifest stage that mean "fix the input": the CLI exits 2. */
export const REFUSAL_CODES: readonly string[] = [
  "E_NO_MANIFEST",
  "E_STITCH_INCOMPLETE",
  "E_STITCH_EMPTY",
  "E_MERGE_MISMATCH",
  "E_USAGE",
  "E_MANIFEST_INVALID",
  "E_OUTPUT_LOCKED",
];

/** True for the errors the CLI reports as a refusal (exit 2) rather than a failure. */
export function isRefusal(err: unknown): err is StoryreelError {
  return hasCode(err, ...REFUSAL_CODES);
}
