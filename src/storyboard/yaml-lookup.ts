// Finding a key in the YAML AST as the data sees it: through aliases and merge keys (`<<: *base`).
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq } from "yaml";
import type { Alias, Document, Pair } from "yaml";
import { isMergeKey } from "./yaml-nodes.js";

/** What each alias names: the latest node with its anchor before it, in document order (as `yaml` resolves it). */
export function aliasTargets(doc: Document.Parsed): ReadonlyMap<Alias, unknown> {
  const targets = new Map<Alias, unknown>();
  const anchors = new Map<string, unknown>();
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) {
      if (anchors.has(node.source)) targets.set(node, anchors.get(node.source));
      continue;
    }
    if (node && typeof node === "object" && "anchor" in node && typeof node.anchor === "string") {
      anchors.set(node.anchor, node);
    }
    if (!isCollection(node)) continue;
    for (let i = node.items.length - 1; i >= 0; i--) {
      const child: unknown = node.items[i];
      if (isPair(child)) stack.push(child.value, child.key);
      else stack.push(child);
    }
  }
  return targets;
}

/**
 * The pair that gives `key` its value in `map`: its own key first, else the merge sources in order
 * (explicit keys win, and among `<<: [*a, *b]` the earlier one), as both YAML parsers build the data.
 */
export function findPair(
  map: unknown,
  key: string,
  resolve: (node: unknown) => unknown,
  depth = 0,
): Pair | null {
  if (!isMap(map) || depth > 64) return null;
  const merges: unknown[] = [];
  for (const pair of map.items) {
    if (isMergeKey(pair.key)) {
      merges.push(pair.value);
      continue;
    }
    const name = isScalar(pair.key) ? pair.key.value : pair.key;
    if (String(name) === key) return pair;
  }
  for (const value of merges) {
    const source = resolve(value);
    const sources = isSeq(source) ? source.items.map(resolve) : [source];
    for (const item of sources) {
      const found = findPair(item, key, resolve, depth + 1);
      if (found) return found;
    }
  }
  return null;
}
