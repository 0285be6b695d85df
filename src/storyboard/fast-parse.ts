// The fast path for large valid storyboards: js-yaml (a fraction of the time and memory of a positioned AST).
import jsYaml from "js-yaml";
import type { Schema, Type } from "js-yaml";
import { MAX_YAML_ALIAS_NODES, MAX_YAML_DEPTH } from "./limits.js";
import { ShotPositions } from "./positions.js";
import type { Position } from "./positions.js";

export interface FastParse {
  data: Record<string, unknown>;
  positions: ShotPositions;
}

/**
 * The exact path counts each alias as the nodes it adds (MAX_YAML_ALIAS_NODES). Here js-yaml charges a
 * merge 1 + its keys, which for the flat mappings this path accepts is at least half of what the exact path
 * counts for it, and every other alias is a scalar (1 node) that the scan below counts among its candidates;
 * keeping each under a quarter and a half of the limit keeps the fast path within what the exact path takes.
 */
const MAX_MERGE_WORK = Math.floor(MAX_YAML_ALIAS_NODES / 4);
const MAX_ALIAS_CANDIDATES = Math.floor(MAX_YAML_ALIAS_NODES / 2);

let schema: Schema | undefined;

/** YAML 1.2 core schema (the `yaml` package's default too) plus merge keys, as the exact path reads them. */
function coreWithMerge(): Schema {
  // js-yaml exports its built-in types as `types`; its type definitions do not list it.
  const { merge } = (jsYaml as unknown as { types: { merge: Type } }).types;
  schema ??= jsYaml.CORE_SCHEMA.extend({ implicit: [merge] });
  return schema;
}

/**
 * Parses `text` with js-yaml and finds each shot item by a scan of the text. Returns null — so the caller
 * takes the exact path — whenever the two parsers could read it differently or it needs the exact path's
 * checks: a collection reached twice (an alias of a mapping or list, which the exact path bounds and
 * which a merged mapping's nested values also are), anything js-yaml rejects (duplicate keys, syntax,
 * unknown aliases, too much merging), nesting deeper than the limit, or a `shots:` layout the scan does
 * not recognise. Anchors, scalar aliases and merge keys of flat mappings (`<<: *base`) stay here: they
 * give both parsers the same data. (Only input built to cost the exact path more than this one — the same
 * mapping merged into itself many times over — can pass here and be refused there; the data is the same.)
 */
export function fastParse(text: string): FastParse | null {
  if (aliasCandidates(text) > MAX_ALIAS_CANDIDATES) return null;
  let data: unknown;
  try {
    // maxTotalMergeKeys: js-yaml 4.3's merge budget (an option its type definitions do not list yet).
    const options = { schema: coreWithMerge(), maxTotalMergeKeys: MAX_MERGE_WORK };
    data = jsYaml.load(text, options);
  } catch {
    return null;
  }
  if (!isRecord(data) || !Array.isArray(data.shots) || !isPlainTree(data)) return null;
  const shots = shotItemPositions(text);
  if (shots === null || shots.length !== data.shots.length) return null;
  return { data, positions: new ShotPositions(shots) };
}

/** How many `*name` tokens the text could hold: every alias is one (a `*` in prose may be counted too). */
function aliasCandidates(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/(?:^|[\s[{,])\*[^\s,[\]{}]/gm)) count += 1;
  return count;
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

/**
 * True when every mapping and list is reached once (no alias shares one: js-yaml hands out the same
 * object for every alias, and a merged mapping's nested values are shared with the mapping it came from)
 * and nothing is nested deeper than the limit. Stops at the first shared collection, so an alias bomb
 * costs no more than the text it is written in.
 */
function isPlainTree(root: unknown): boolean {
  const seen = new Set<object>();
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (depth > MAX_YAML_DEPTH || seen.has(value)) return false;
    seen.add(value);
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
