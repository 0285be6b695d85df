// Frame problems (missing file, not an image, http URL, broken data: URI …); a frame set in defaults is reported once.
import { formatPath, type Finding } from "../finding.js";
import { shotFinding, type Rule } from "./context.js";

export const frames: Rule = (ctx) => {
  const findings: Finding[] = [];
  const reportedDefaults = new Set<string>();
  for (const shot of ctx.shots) {
    const results = ctx.frames.get(shot.index);
    if (!results) continue;
    for (const key of ["first_frame", "last_frame"] as const) {
      const result = results[key];
      if (!result || result.ok) continue;
      const from = shot.from[key];
      if (from?.[0] === "defaults") {
        const where = formatPath(from);
        if (reportedDefaults.has(where)) continue;
        reportedDefaults.add(where);
        findings.push({ path: from, code: result.code, message: result.message });
        continue;
      }
      findings.push(shotFinding(shot, key, result.code, result.message));
    }
  }
  return findings;
};
