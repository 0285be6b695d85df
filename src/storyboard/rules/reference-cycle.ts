// Shots that take frames of each other in a circle can never start: name the whole cycle, each shot with its line.
import type { Finding } from "../finding.js";
import { buildShotGraph } from "../shot-graph.js";
import type { ShotEdge } from "../shot-graph.js";
import type { Rule } from "./context.js";
import { shotReferences, shotsById } from "./reference-list.js";
import type { ShotReference } from "./reference-list.js";

export const referenceCycle: Rule = (ctx) => {
  const byId = shotsById(ctx.shots);
  const refs = shotReferences(ctx.shots).filter(
    (r) => r.ref.shot !== r.id && byId.get(r.id) === r.shot && byId.has(r.ref.shot),
  );
  if (refs.length === 0) return [];
  const edges: ShotEdge[] = refs.map((r) => ({ id: r.id, on: r.ref.shot }));
  const graph = buildShotGraph([...byId.keys()], edges);
  const findings: Finding[] = [];
  for (const cycle of graph.cycles) {
    // The graph's cycles follow "is taken from by"; the message follows "takes a frame of".
    const order = [...cycle].reverse();
    const first = order[0] as string;
    const ref = refs.find((r) => r.id === first && r.ref.shot === order[1]) as ShotReference;
    const named = order.slice(0, -1).map((id) => {
      const shot = byId.get(id);
      const line = shot ? ctx.locate(shot.path).line : 0;
      return `${JSON.stringify(id)} (line ${line})`;
    });
    const [head, ...rest] = [...named, JSON.stringify(first)];
    const chain = `${head} takes a frame of ${rest.join(", which takes a frame of ")}`;
    findings.push({
      path: [...ref.path, "shot"],
      code: "reference-cycle",
      message: `${ref.key} names shot ${JSON.stringify(ref.ref.shot)}, which closes a cycle: ${chain}; none of them can be rendered first (give one of them an image instead of a reference)`,
    });
  }
  return findings;
};
