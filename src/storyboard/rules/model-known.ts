// Every shot's model (its own or from defaults) and every defaults.models id must be known; unknown ids get suggestions.
import { UnknownModelError, getModel, requireModel } from "../../catalog/index.js";
import type { Finding } from "../finding.js";
import { shotFinding, type Rule } from "./context.js";

export const modelKnown: Rule = (ctx) => {
  const findings: Finding[] = [];
  const hints = new Map<string, string>();
  for (const shot of ctx.shots) {
    const id = shot.values.model;
    if (id === undefined) {
      if (!shot.written.has("model")) {
        findings.push({
          path: [...shot.path, "model"],
          code: "missing-model",
          message: "no model: set model on the shot or in defaults",
        });
      }
      continue;
    }
    if (ctx.model(shot) !== undefined) continue;
    let hint = hints.get(id);
    if (hint === undefined) {
      hint = suggestionText(id);
      hints.set(id, hint);
    }
    findings.push(shotFinding(shot, "model", "unknown-model", `unknown model ${JSON.stringify(id)}${hint}`));
  }
  for (const [id, entry] of ctx.defaults.models) {
    if (getModel(id) !== undefined) continue;
    findings.push({
      path: entry.path,
      anchor: "key",
      code: "unknown-model",
      message: `unknown model ${JSON.stringify(id)}${hints.get(id) ?? suggestionText(id)}`,
    });
  }
  return findings;
};

function suggestionText(id: string): string {
  try {
    requireModel(id);
    return "";
  } catch (err) {
    if (!(err instanceof UnknownModelError)) throw err;
    const list = err.suggestions.map((s) => JSON.stringify(s)).join(", ");
    return list === "" ? " (run `storyreel models` for the list)" : ` (did you mean ${list}?)`;
  }
}
