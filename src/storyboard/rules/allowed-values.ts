// Duration, resolution and aspect ratio must be values the model allows (listed in the model's own spelling).
import { matchAllowed } from "../../catalog/index.js";
import type { Finding } from "../finding.js";
import { describeValue } from "../describe.js";
import { listAllowed, shotFinding, type Rule } from "./context.js";

export const allowedValues: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const shot of ctx.shots) {
    const model = ctx.model(shot);
    if (!model) continue;
    const { duration, resolution, aspect_ratio: aspect } = shot.values;
    const notAllowed = (value: unknown, allowed: string): string =>
      `${describeValue(value)} is not allowed for ${model.id} (allowed: ${allowed})`;

    const durations = model.durations;
    if (duration !== undefined && durations !== null) {
      const ok =
        "min" in durations
          ? duration >= durations.min && duration <= durations.max
          : durations.includes(duration);
      if (!ok) {
        const allowed =
          "min" in durations ? `${durations.min} to ${durations.max} seconds` : listAllowed(durations);
        findings.push(shotFinding(shot, "duration", "duration-not-allowed", notAllowed(duration, allowed)));
      }
    }
    if (
      resolution !== undefined &&
      model.resolutions !== null &&
      !matchAllowed(resolution, model.resolutions)
    ) {
      const message = notAllowed(resolution, listAllowed(model.resolutions));
      findings.push(shotFinding(shot, "resolution", "resolution-not-allowed", message));
    }
    if (aspect !== undefined && model.aspectRatios !== null && !matchAllowed(aspect, model.aspectRatios)) {
      const message = notAllowed(aspect, listAllowed(model.aspectRatios));
      findings.push(shotFinding(shot, "aspect_ratio", "aspect-ratio-not-allowed", message));
    }
  }
  return findings;
};
