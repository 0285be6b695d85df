// A shot may only use fields its model takes: no negative_prompt on a model without one, no last frame, etc.
import { listModels } from "../../catalog/index.js";
import type { SemanticField } from "../../catalog/index.js";
import type { Finding } from "../finding.js";
import { VALUE_KEYS } from "../shot-view.js";
import { shotFinding, type Rule } from "./context.js";

export const fieldsTaken: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const shot of ctx.shots) {
    const model = ctx.model(shot);
    if (!model) continue;
    for (const key of VALUE_KEYS) {
      if (key === "model" || shot.values[key] === undefined) continue;
      if (model.fields[key satisfies SemanticField] !== undefined) continue;
      findings.push(
        shotFinding(shot, key, "field-not-taken", message(model.id, key, Object.keys(model.fields))),
      );
    }
  }
  return findings;
};

function message(modelId: string, key: SemanticField, takes: readonly string[]): string {
  if (key === "last_frame") {
    return `${modelId} takes no last frame (remove last_frame, or use a model that takes one: ${lastFrameModels(modelId)})`;
  }
  if (key === "first_frame") return `${modelId} takes no first frame (it makes video from the prompt alone)`;
  const list = takes.length > 0 ? takes.join(", ") : "none of the shot fields";
  return `${modelId} does not take ${key} (it takes: ${list}; other request fields go in params)`;
}

/** Up to three models that take a last frame, from the same vendor first (`storyreel models` lists them all). */
function lastFrameModels(modelId: string): string {
  const vendor = modelId.split("/")[0] ?? "";
  const takers = listModels().filter((m) => m.fields.last_frame !== undefined);
  const sameVendor = takers.filter((m) => m.id.startsWith(`${vendor}/`));
  const picks = (sameVendor.length > 0 ? sameVendor : takers).slice(0, 3).map((m) => m.id);
  return picks.length > 0 ? `e.g. ${picks.join(", ")}` : "none in the catalog";
}
