// Shot ids name output files, so they must be unique, even on case-insensitive file systems.
import type { Finding } from "../finding.js";
import type { Rule } from "./context.js";

export const duplicateIds: Rule = (ctx) => {
  const findings: Finding[] = [];
  const exact = new Map<string, number>();
  const folded = new Map<string, { id: string; index: number }>();
  for (const shot of ctx.shots) {
    if (shot.id === null) continue;
    const path = [...shot.path, "id"];
    const first = exact.get(shot.id);
    if (first !== undefined) {
      findings.push({
        path,
        code: "duplicate-id",
        message: `duplicate id ${JSON.stringify(shot.id)} (first used by shots[${first}])`,
      });
      continue;
    }
    exact.set(shot.id, shot.index);
    const lower = shot.id.toLowerCase();
    const clash = folded.get(lower);
    if (clash !== undefined) {
      findings.push({
        path,
        code: "duplicate-id",
        message: `id ${JSON.stringify(shot.id)} differs from ${JSON.stringify(clash.id)} (shots[${clash.index}]) only in case; their files would collide on case-insensitive file systems`,
      });
      continue;
    }
    folded.set(lower, { id: shot.id, index: shot.index });
  }
  return findings;
};
