// --quiet: only what went wrong (one line per failed, unknown or skipped shot) and the command that renders what is left.
import { nextSteps, inScope } from "./next-steps.js";
import type { NextStepsInput } from "./next-steps.js";
import { codedMessage } from "./run-skip.js";

const PROBLEMS = new Set(["failed", "unknown", "skipped"]);

/** "" when nothing went wrong and nothing is left. */
export function quietSummaryText(input: NextStepsInput): string {
  const lines = input.manifest.shots
    .filter((s) => PROBLEMS.has(s.status) && inScope(s, input))
    .map((s) => `${s.id}  ${s.status}  ${s.error ? codedMessage(s.error) : "no error recorded"}`);
  lines.push(...nextSteps(input));
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}
