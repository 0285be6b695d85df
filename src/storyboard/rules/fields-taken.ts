// A shot may only use fields its model takes: no negative_prompt on a model without one, no last frame, etc.
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
  if (key === "last_frame") return `${modelId} takes no last frame`;
  if (key === "first_frame") return `${modelId} takes no first frame (it makes video from the prompt alone)`;
  const list = takes.length > 0 ? takes.join(", ") : "none of the shot fields";
  return `${modelId} does not take ${key} (it takes: ${list}; other request fields go in params)`;
}
