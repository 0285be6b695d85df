// params: may only hold request fields the model has and no shot key covers (model, image_url … have their own keys).
import type { ModelSpec } from "../../catalog/index.js";
import type { Finding } from "../finding.js";
import type { Rule } from "./context.js";

export const params: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const shot of ctx.shots) {
    const model = ctx.model(shot);
    for (const [key, value] of Object.entries(shot.params)) {
      const message = problem(key, model) ?? jsonProblem(value);
      if (message === null) continue;
      findings.push({
        path: [...shot.path, "params", key],
        at: shot.paramFrom[key] ?? shot.path,
        anchor: "key",
        code: message.code,
        message: message.text,
      });
    }
  }
  return findings;
};

function problem(key: string, model: ModelSpec | undefined): { code: string; text: string } | null {
  if (key === "model")
    return { code: "param-duplicates-field", text: "set model on the shot (or in defaults), not in params" };
  if (!model) return null;
  const semantic = Object.entries(model.fields).find(([, field]) => field === key)?.[0];
  if (semantic !== undefined) {
    return {
      code: "param-duplicates-field",
      text: `${JSON.stringify(key)} is the request field for ${semantic}: use the shot key ${semantic} instead of params`,
    };
  }
  if (!Object.hasOwn(model.properties, key)) {
    const known = Object.keys(model.properties).filter((f) => !Object.values(model.fields).includes(f));
    const list =
      known.length > 0 ? `params it takes: ${known.join(", ")}` : "it takes nothing beyond the shot keys";
    return {
      code: "unknown-param",
      text: `${model.id} has no request field ${JSON.stringify(key)} (${list})`,
    };
  }
  return null;
}

/** JSON has no NaN or Infinity (YAML's .nan/.inf): they would be sent as null. */
function jsonProblem(value: unknown): { code: string; text: string } | null {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "number" && !Number.isFinite(item)) {
      return { code: "param-not-json", text: `${String(item)} cannot be sent as JSON: use a finite number` };
    }
    if (item !== null && typeof item === "object") stack.push(...(Object.values(item) as unknown[]));
  }
  return null;
}
