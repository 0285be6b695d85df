// The fast path for large valid storyboards: js-yaml (a fraction of the time and memory of a positioned AST).
import jsYaml from "js-yaml";
import { MAX_YAML_DEPTH } from "./limits.js";
import { ShotPositions } from "./positions.js";
import type { Position } from "./positions.js";

export interface FastParse {
  data: Record<string, unknown>;
  positions: ShotPositions;
}

/**
 * Parses `text` with js-yaml's YAML 1.2 core schema (the `yaml` package's default too) and finds each shot
 * item by a scan of the text. Returns null — so the caller takes the exact path — whenever the text could
 * differ between the two parsers or needs the exact path's checks: anchors or aliases anywhere, anything
 * js-yaml rejects (duplicate keys, syntax), nesting deeper than the limit, or a `shots:` layout the scan
 * does not recognise.
 */
export function fastParse(text: string): FastParse | null {
  if (text.includes("&") || text.includes("*")) return null;
  let data: unknown;
  try {
    data = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return null;
  }
  if (!isRecord(data) || !Array.isArray(data.shots) || tooDeep(data)) return null;
  const shots = shotItemPositions(text);
  if (shots === null || shots.length !== data.shots.length) return null;
  return { data, positions: new ShotPositions(shots) };
}

/** Positions of the block-sequence items under a top-level `shots:` key (where each item's mapping starts). */
function shotItemPositions(text: string): Position[] | null {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /^shots:\s*(#.*)?$/.test(line));
  if (start < 0) return null;
  const positions: Position[] = [];
  let indent: number | null = null;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\S/.test(line) && !line.startsWith("#")) break; // the next top-level key
    const item = /^(\s*)-( +|$)/.exec(line);
    if (!item) continue;
    const here = item[1]!.length;
    indent ??= here;
    if (here !== indent) continue; // a nested sequence inside a shot
    const rest = line.slice(here + 1).search(/\S/);
    if (rest < 0) return null; // "-" alone on its line: the mapping starts below; leave it to the exact path
    positions.push({ line: i + 1, column: here + 2 + rest });
  }
  return positions;
}

function tooDeep(root: unknown): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth > MAX_YAML_DEPTH) return true;
    if (value !== null && typeof value === "object") {
      for (const child of Object.values(value)) stack.push([child, depth + 1]);
    }
  }
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
