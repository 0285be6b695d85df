// One linear, iterative walk over a parsed YAML document: nesting depth, duplicate keys and alias sanity.
import { isAlias, isCollection, isMap, isPair, isScalar } from "yaml";
import type { Document } from "yaml";

export interface DocumentScan {
  /** Offset of the first collection nested deeper than the limit, or -1 (the walk stops there). */
  tooDeepAt: number;
  /** Keys repeated within one mapping, at each repeat. */
  duplicates: { key: string; offset: number }[];
  /** The first alias used before its anchor is defined. */
  unresolved: { name: string; offset: number } | null;
  /** Offset of the alias past `maxAliases`, or -1. */
  tooManyAliasesAt: number;
  /** Offset of the first alias (0 when none). */
  firstAliasAt: number;
}

/**
 * Walks nodes in document order without recursion, so input nested deep enough to overflow the stack
 * is reported instead of crashing. Duplicate keys are found here with a Set per mapping because the
 * `yaml` package's own `uniqueKeys` check is quadratic in a mapping's size (a 2 MiB flat mapping would
 * take minutes); aliases are counted here because its alias resolution is quadratic in their number.
 */
export function scanDocument(
  doc: Document.Parsed,
  limits: { maxDepth: number; maxAliases: number },
): DocumentScan {
  const scan: DocumentScan = {
    tooDeepAt: -1,
    duplicates: [],
    unresolved: null,
    tooManyAliasesAt: -1,
    firstAliasAt: 0,
  };
  const anchors = new Set<string>();
  let aliases = 0;
  const nodes: unknown[] = [doc.contents];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const depth = depths.pop() ?? 0;
    if (isAlias(node)) {
      const offset = node.range?.[0] ?? 0;
      if (aliases === 0) scan.firstAliasAt = offset;
      aliases += 1;
      if (!anchors.has(node.source) && scan.unresolved === null)
        scan.unresolved = { name: node.source, offset };
      if (aliases > limits.maxAliases && scan.tooManyAliasesAt < 0) scan.tooManyAliasesAt = offset;
      continue;
    }
    if (node && typeof node === "object" && "anchor" in node && typeof node.anchor === "string") {
      anchors.add(node.anchor);
    }
    if (!isCollection(node)) continue;
    if (depth >= limits.maxDepth) {
      scan.tooDeepAt = node.range?.[0] ?? 0;
      return scan;
    }
    if (isMap(node)) scan.duplicates.push(...duplicatesIn(node.items));
    // Children pushed last-first so they pop in document order (an anchor is seen before its aliases).
    for (let i = node.items.length - 1; i >= 0; i--) {
      const child = node.items[i];
      if (isPair(child)) {
        nodes.push(child.value, child.key);
        depths.push(depth + 1, depth + 1);
      } else {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return scan;
}

function duplicatesIn(items: readonly unknown[]): { key: string; offset: number }[] {
  const seen = new Set<string>();
  const found: { key: string; offset: number }[] = [];
  for (const pair of items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const id = `${typeof pair.key.value}:${String(pair.key.value)}`;
    if (seen.has(id)) found.push({ key: String(pair.key.value), offset: pair.key.range?.[0] ?? 0 });
    seen.add(id);
  }
  return found;
}
