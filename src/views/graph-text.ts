// The dependency graph of a storyboard's shots as text people can render: Mermaid (GitHub, editors) or Graphviz DOT.

export type GraphFormat = "mermaid" | "dot";

export interface GraphShot {
  id: string;
  /** What the plan does with it, or its status ("render", "up to date", "completed", …); shown under the id. */
  note?: string | null;
  /** The frames it takes from other shots. */
  needs: readonly { shot: string; frame: string; field: string }[];
}

/** One node per shot (storyboard order), one edge per frame handed over, labelled "<frame> → <field>". */
export function graphText(shots: readonly GraphShot[], format: GraphFormat): string {
  return format === "mermaid" ? mermaid(shots) : dot(shots);
}

function mermaid(shots: readonly GraphShot[]): string {
  // Shot ids may hold dots and dashes, which Mermaid node ids may not: nodes are s0, s1, … with the id as label.
  const node = new Map(shots.map((s, i) => [s.id, `s${i}`]));
  const lines = ["flowchart LR"];
  for (const shot of shots) {
    const label = shot.note ? `${shot.id}<br/><small>${shot.note}</small>` : shot.id;
    lines.push(`  ${node.get(shot.id)}["${mermaidText(label)}"]`);
  }
  for (const shot of shots) {
    for (const need of shot.needs) {
      const from = node.get(need.shot);
      if (from === undefined) continue;
      lines.push(`  ${from} -- "${mermaidText(`${need.frame} → ${need.field}`)}" --> ${node.get(shot.id)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function dot(shots: readonly GraphShot[]): string {
  const lines = ["digraph storyboard {", "  rankdir=LR;", "  node [shape=box];"];
  for (const shot of shots) {
    const label = shot.note ? `${shot.id}\\n${dotText(shot.note)}` : shot.id;
    lines.push(`  "${dotText(shot.id)}" [label="${label}"];`);
  }
  const known = new Set(shots.map((s) => s.id));
  for (const shot of shots) {
    for (const need of shot.needs) {
      if (!known.has(need.shot)) continue;
      lines.push(
        `  "${dotText(need.shot)}" -> "${dotText(shot.id)}" [label="${dotText(`${need.frame} → ${need.field}`)}"];`,
      );
    }
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/** Mermaid labels in double quotes: a quote is written as its entity. */
function mermaidText(text: string): string {
  return text.replace(/"/g, "#quot;");
}

function dotText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
}
