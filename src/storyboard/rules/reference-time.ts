// A time picked in another shot's clip must be within that clip: from 0 to the shot's effective duration.
import type { Finding } from "../finding.js";
import { describeValue } from "../describe.js";
import type { Rule } from "./context.js";
import { shotReferences, shotsById } from "./reference-list.js";

export const referenceTime: Rule = (ctx) => {
  const findings: Finding[] = [];
  const byId = shotsById(ctx.shots);
  for (const { key, ref, path } of shotReferences(ctx.shots)) {
    if (typeof ref.frame !== "number") continue;
    const at = [...path, "frame"];
    if (!Number.isFinite(ref.frame) || ref.frame < 0) {
      findings.push({
        path: at,
        code: "reference-frame",
        message: `frame ${describeValue(ref.frame)} is not allowed (allowed: last (the default), first, or a time in seconds into the clip (a number, 0 or more))`,
      });
      continue;
    }
    const target = byId.get(ref.shot);
    if (target === undefined) continue;
    // The clip's length: the shot's own duration, else its model's documented default (unknown: not checked).
    const model = ctx.model(target);
    const seconds = target.values.duration ?? model?.defaults.duration;
    if (seconds === undefined || ref.frame <= seconds) continue;
    findings.push({
      path: at,
      code: "reference-time-past-end",
      message: `${key} takes frame ${ref.frame} (seconds) of shot ${JSON.stringify(ref.shot)}, whose clip is ${seconds} seconds long: use a time from 0 to ${seconds}, or last`,
    });
  }
  return findings;
};
