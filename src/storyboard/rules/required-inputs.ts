// What the model requires must be there: a prompt, a first or last frame, or a params field no shot key maps to.
import { unreachableRequiredFields } from "../../catalog/index.js";
import type { Finding } from "../finding.js";
import type { Rule } from "./context.js";

export const requiredInputs: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const shot of ctx.shots) {
    const model = ctx.model(shot);
    if (!model) continue;
    const missing = (key: "prompt" | "first_frame" | "last_frame", what: string): void => {
      if (shot.written.has(key)) return;
      findings.push({
        path: [...shot.path, key],
        code: `missing-${key.replace("_", "-")}`,
        message: `${model.id} requires ${what}: set ${key}`,
      });
    };
    const promptField = model.fields.prompt;
    if (promptField !== undefined && model.required.includes(promptField)) missing("prompt", "a prompt");
    if (model.frames.first === "required") missing("first_frame", "a first frame");
    if (model.frames.last === "required") missing("last_frame", "a last frame");
    for (const field of unreachableRequiredFields(model)) {
      if (Object.hasOwn(shot.params, field)) continue;
      findings.push({
        path: [...shot.path, "params", field],
        code: "missing-param",
        message: `${model.id} requires the request field ${JSON.stringify(field)}: set it under params`,
      });
    }
  }
  return findings;
};
