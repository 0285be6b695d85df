// Every shot needs a model (its own or from defaults) that the catalog knows; unknown ids get close suggestions.
import { UnknownModelError, requireModel } from "../../catalog/index.js";
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
