// A null unsets a default: on a shot, or in a model's entry under defaults.models, it must have one to unset.
import type { Finding } from "../finding.js";
import type { Rule } from "./context.js";

export const unsetNothing: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const entry of ctx.defaults.models.values()) {
    for (const [key, value] of Object.entries(entry.values)) {
      if (value !== null || Object.hasOwn(ctx.defaults.general.values, key)) continue;
      findings.push({
        path: [...entry.path, key],
        code: "unset-nothing",
        message: `null unsets a default, but defaults set no ${key} (give it a value, or remove it)`,
      });
    }
  }
  for (const shot of ctx.shots) {
    for (const path of shot.unsetNothing) {
      const key = String(path[path.length - 1]);
      findings.push({
        path,
        code: "unset-nothing",
        message: `null unsets a default, but no default sets ${key} for this shot (give it a value, or remove it)`,
      });
    }
  }
  return findings;
};
