// Maps a key path in the parsed YAML document to the line and column of its value, key or parent.
import { isAlias, isScalar, isSeq } from "yaml";
import type { Alias, Document, LineCounter, Node, Pair } from "yaml";
import type { Anchor, PathSegment } from "./finding.js";
import { START } from "./positions.js";
import type { Position, Positions } from "./positions.js";
import { aliasTargets, findPair } from "./yaml-lookup.js";

/** Positions of every node, from the `yaml` package's parsed document. */
export class DocumentPositions implements Positions {
  readonly #doc: Document.Parsed | null;
  readonly #lines: LineCounter | null;
  #targets: ReadonlyMap<Alias, unknown> | null = null;

  constructor(doc: Document.Parsed | null, lines: LineCounter | null) {
    this.#doc = doc;
    this.#lines = lines;
  }

  locate(path: readonly PathSegment[], anchor: Anchor = "value"): Position {
    const doc = this.#doc;
    if (!doc) return START;
    let node: unknown = doc.contents;
    let last: Node | null = isNodeLike(node) ? node : null;
    let pair: Pair | null = null;
    // Built once: yaml's own Alias.resolve() walks the whole document on every call.
    const targets = (this.#targets ??= aliasTargets(doc));
    const resolve = (n: unknown): unknown => (isAlias(n) ? targets.get(n) : n);
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      node = resolve(node);
      const found = child(node, seg, resolve);
      if (!found) return this.#at(last);
      pair = found.pair;
      node = found.node;
      if (isNodeLike(node)) last = node;
      else return this.#at(pair?.key ?? last);
    }
    const keyNode = pair && isNodeLike(pair.key) ? pair.key : null;
    if (keyNode && (anchor === "key" || isEmptyScalar(node))) return this.#at(keyNode);
    return this.#at(isNodeLike(node) ? node : last);
  }

  #at(node: unknown): Position {
    if (!this.#lines || !isNodeLike(node) || !node.range) return START;
    const { line, col } = this.#lines.linePos(node.range[0]);
    return { line, column: col };
  }
}

function child(
  node: unknown,
  seg: PathSegment | undefined,
  resolve: (node: unknown) => unknown,
): { node: unknown; pair: Pair | null } | null {
  if (typeof seg === "number" && isSeq(node)) {
    return seg < node.items.length ? { node: node.items[seg], pair: null } : null;
  }
  if (typeof seg === "string") {
    const pair = findPair(node, seg, resolve);
    if (pair) return { node: pair.value, pair };
  }
  return null;
}

function isNodeLike(value: unknown): value is Node {
  return typeof value === "object" && value !== null && "range" in value;
}

function isEmptyScalar(node: unknown): boolean {
  if (!isScalar(node)) return node === null || node === undefined;
  return node.value === null && (!node.range || node.range[0] === node.range[1]);
}
