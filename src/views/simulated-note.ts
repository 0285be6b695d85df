// Marks clips the built-in simulator made, so a placeholder never passes for a paid generation.
import type { ShotRecord } from "../manifest/index.js";

/** The simulator made this record's clip (`backend` is recorded with each submission). */
export function isSimulatedClip(shot: ShotRecord): boolean {
  return shot.status === "completed" && shot.backend === "simulator";
}

/** One line under a table when some of its completed clips are the simulator's, else null. */
export function simulatedNote(shots: readonly ShotRecord[]): string | null {
  const n = shots.filter(isSimulatedClip).length;
  if (n === 0) return null;
  const clips = n === 1 ? "1 clip was" : `${n} clips were`;
  return `simulated: ${clips} made by the built-in simulator (--sim), placeholders rather than real video; a render without --sim renders ${n === 1 ? "it" : "them"} again on the API`;
}
