// One linear, iterative walk over a parsed YAML document: nesting depth, duplicate keys, aliases and merge keys.
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq } from "yaml";
import type { Document } from "yaml";

export interface DocumentScan {
  /** Offset of the first collection nested deeper than the limit, or -1 (the walk stops there). */
  tooDeepAt: number;
  /** Keys repeated within one mapping, at each repeat (merge keys `<<` may repeat). */
  duplicates: { key: string; offset: number }[];
  /** The first alias used before its anchor is defined. */
  unresolved: { name: string; offset: number } | null;
  /** The first alias used inside the node its anchor names (the data would contain itself). */
  recursive: { name: string; offset: number } | null;
  /** Offset of the alias whose expansion passes `maxAliasNodes`, or -1. */
  tooManyAliasesAt: number;
  /** Offsets of merge-key values that are not a mapping, an alias of one, or a list of those. */
  badMerges: number[];
}

/** A merge key's value (`<<: …`) or an item of a list given as one (`<<: [ … ]`). */
type MergeRole = "value" | "item" | null;

type Work =
  | { kind: "enter"; node: unknown; depth: number; merge: MergeRole }
  | { kind: "exit"; anchored: Anchored | null };

interface Anchored {
  node: unknown;
  /** Nodes in it, aliases inside expanded; null while the walk is still inside it. */
  size: number | null;
}

/**
 * Walks nodes in document order without recursion, so input nested deep enough to overflow the stack
 * is reported instead of crashing. Duplicate keys are found here with a Set per mapping because the
 * `yaml` package's own `uniqueKeys` check is quadratic in a mapping's size (a 2 MiB flat mapping would
 * take minutes). Each alias adds the size of what it names (counted once, when its anchor's node is
 * complete), so the expansion of aliases and merge keys is bounded before anything is expanded.
 */
export function scanDocument(
  doc: Document.Parsed,
  limits: { maxDepth: number; maxAliasNodes: number },
): DocumentScan {
  const scan: DocumentScan = {
    tooDeepAt: -1,
    duplicates: [],
    unresolved: null,
    recursive: null,
    tooManyAliasesAt: -1,
    badMerges: [],
  };
  const anchors = new Map<string, Anchored>();
  let expanded = 0;
  const work: Work[] = [{ kind: "enter", node: doc.contents, depth: 0, merge: null }];
  // sizes[i] accumulates the size of the i-th open collection; sizes[0] is the document itself.
  const sizes: number[] = [0];
  const add = (n: number): void => {
    sizes[sizes.length - 1] = (sizes[sizes.length - 1] ?? 0) + n;
  };
  while (work.length > 0) {
    const item = work.pop()!;
    if (item.kind === "exit") {
      const size = sizes.pop() ?? 0;
      if (item.anchored) item.anchored.size = size;
      add(size);
      continue;
    }
    const { node, depth, merge } = item;
    const offset = offsetOf(node);
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) {
        scan.unresolved ??= { name: node.source, offset };
        continue;
      }
      if (target.size === null) {
        scan.recursive ??= { name: node.source, offset };
        continue;
      }
      if (merge !== null && !isMap(target.node)) scan.badMerges.push(offset);
      expanded += target.size;
      add(target.size);
      if (expanded > limits.maxAliasNodes && scan.tooManyAliasesAt < 0) scan.tooManyAliasesAt = offset;
      continue;
    }
    const anchor = anchorOf(node);
    if (!isCollection(node)) {
      if (merge !== null) scan.badMerges.push(offset);
      if (anchor !== null) anchors.set(anchor, { node, size: 1 });
      add(1);
      continue;
    }
    if (depth >= limits.maxDepth) {
      scan.tooDeepAt = offset;
      return scan;
    }
    if (isSeq(node) && merge !== "value" && merge !== null) scan.badMerges.push(offset);
    const anchored: Anchored | null = anchor === null ? null : { node, size: null };
    if (anchored && anchor !== null) anchors.set(anchor, anchored);
    sizes.push(1);
    work.push({ kind: "exit", anchored });
    if (isMap(node)) scan.duplicates.push(...duplicatesIn(node.items));
    const childMerge: MergeRole = isSeq(node) && merge === "value" ? "item" : null;
    // Children pushed last-first so they pop in document order (an anchor is seen before its aliases).
    for (let i = node.items.length - 1; i >= 0; i--) {
      const child: unknown = node.items[i];
      if (isPair(child)) {
        const role: MergeRole = isMergeKey(child.key) ? "value" : null;
        work.push({ kind: "enter", node: child.value, depth: depth + 1, merge: role });
        work.push({ kind: "enter", node: child.key, depth: depth + 1, merge: null });
      } else {
        work.push({ kind: "enter", node: child, depth: depth + 1, merge: childMerge });
      }
    }
  }
  return scan;
}

/** A YAML merge key: the plain scalar `<<` (parsed with `merge: true`, its value is a symbol). */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === "symbol" && key.value.description === "<<";
}

function duplicatesIn(items: readonly unknown[]): { key: string; offset: number }[] {
  const seen = new Set<string>();
  const found: { key: string; offset: number }[] = [];
  for (const pair of items) {
    if (!isPair(pair) || !isScalar(pair.key) || isMergeKey(pair.key)) continue;
    const id = `${typeof pair.key.value}:${String(pair.key.value)}`;
    if (seen.has(id)) found.push({ key: String(pair.key.value), offset: pair.key.range?.[0] ?? 0 });
    seen.add(id);
  }
  return found;
}

function anchorOf(node: unknown): string | null {
  if (node && typeof node === "object" && "anchor" in node && typeof node.anchor === "string") {
    return node.anchor;
  }
  return null;
}

function offsetOf(node: unknown): number {
  if (node && typeof node === "object" && "range" in node && Array.isArray(node.range)) {
    const start: unknown = node.range[0];
    return typeof start === "number" ? start : 0;
  }
  return 0;
}
