// A reference must name another shot of the storyboard: not an unknown id (with suggestions), not the shot itself.
import { closestIds } from "../../catalog/index.js";
import type { Finding } from "../finding.js";
import type { Rule } from "./context.js";
import { shotReferences, shotsById } from "./reference-list.js";

export const referenceTarget: Rule = (ctx) => {
  const findings: Finding[] = [];
  const byId = shotsById(ctx.shots);
  const ids = [...byId.keys()];
  for (const { id, key, ref, path } of shotReferences(ctx.shots)) {
    const at = [...path, "shot"];
    if (ref.shot === id) {
      findings.push({
        path: at,
        code: "reference-self",
        message: `${key} names shot ${JSON.stringify(ref.shot)}, the shot itself: a shot cannot take a frame of its own clip (name another shot, or give an image)`,
      });
      continue;
    }
    if (byId.has(ref.shot)) continue;
    const near = closestIds(ref.shot, ids).filter((other) => other !== id);
    const hint =
      near.length > 0
        ? `did you mean ${near.map((n) => JSON.stringify(n)).join(", ")}?`
        : `shots: ${listIds(ids.filter((other) => other !== id))}`;
    findings.push({
      path: at,
      code: "reference-unknown-shot",
      message: `${key} names shot ${JSON.stringify(ref.shot)}, which is not in this storyboard (${hint}; a reference names another shot's id)`,
    });
  }
  return findings;
};

const LISTED = 8;

function listIds(ids: readonly string[]): string {
  if (ids.length === 0) return "none other";
  const shown = ids.slice(0, LISTED).join(", ");
  return ids.length > LISTED ? `${shown} and ${ids.length - LISTED} more` : shown;
}
