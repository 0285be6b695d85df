// The graph of shots that start from another shot's frame: order, cycles, longest chains and connected groups (pure).

/** One edge: shot `id` takes a frame of shot `on`. */
export interface ShotEdge {
  id: string;
  on: string;
}

export interface ShotGraph {
  /** Shot ids in storyboard order. */
  readonly ids: readonly string[];
  /** The shots `id` takes a frame from (direct), in storyboard order. */
  upstream(id: string): readonly string[];
  /** The shots that take a frame from `id` (direct), in storyboard order. */
  downstream(id: string): readonly string[];
  /** Every shot `id` needs before it can be submitted (transitively). */
  ancestors(id: string): ReadonlySet<string>;
  /** Every shot that needs `id` (transitively). */
  descendants(id: string): ReadonlySet<string>;
  /** Shots on the longest chain from `id` down, `id` included (1 for a shot nothing waits on). */
  chainLength(id: string): number;
  /** The first shot (storyboard order) of `id`'s connected group: shots linked by frames in either direction. */
  group(id: string): string;
  /** Every cycle, each as the ids along it (the first id again closes it); empty when the graph is acyclic. */
  readonly cycles: readonly (readonly string[])[];
}

/**
 * Builds the graph of `ids` (storyboard order) and `edges`. Edges naming an id not in `ids` are ignored (the
 * storyboard rules report them). Nothing here recurses, so chains of any length are fine.
 */
export function buildShotGraph(ids: readonly string[], edges: readonly ShotEdge[]): ShotGraph {
  const position = new Map(ids.map((id, i) => [id, i]));
  const up = new Map<string, string[]>(ids.map((id) => [id, []]));
  const down = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of edges) {
    if (!position.has(edge.id) || !position.has(edge.on)) continue;
    const ups = up.get(edge.id) ?? [];
    if (!ups.includes(edge.on)) ups.push(edge.on);
    const downs = down.get(edge.on) ?? [];
    if (!downs.includes(edge.id)) downs.push(edge.id);
  }
  const byPosition = (a: string, b: string): number => (position.get(a) ?? 0) - (position.get(b) ?? 0);
  for (const list of [...up.values(), ...down.values()]) list.sort(byPosition);

  const cycles = findCycles(ids, (id) => down.get(id) ?? []);
  const chain = chainLengths(ids, up, down);
  const groups = connectedGroups(ids, up, down);
  return {
    ids,
    upstream: (id) => up.get(id) ?? [],
    downstream: (id) => down.get(id) ?? [],
    ancestors: (id) => reach(id, (x) => up.get(x) ?? []),
    descendants: (id) => reach(id, (x) => down.get(x) ?? []),
    chainLength: (id) => chain.get(id) ?? 1,
    group: (id) => groups.get(id) ?? id,
    cycles,
  };
}

function reach(start: string, next: (id: string) => readonly string[]): ReadonlySet<string> {
  const seen = new Set<string>();
  const stack = [...next(start)];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id) || id === start) continue;
    seen.add(id);
    stack.push(...next(id));
  }
  return seen;
}

function connectedGroups(
  ids: readonly string[],
  up: ReadonlyMap<string, readonly string[]>,
  down: ReadonlyMap<string, readonly string[]>,
): Map<string, string> {
  const groups = new Map<string, string>();
  for (const root of ids) {
    if (groups.has(root)) continue;
    const stack = [root];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      if (groups.has(id)) continue;
      groups.set(id, root);
      stack.push(...(up.get(id) ?? []), ...(down.get(id) ?? []));
    }
  }
  return groups;
}

/**
 * Longest chain below each shot, by Kahn's order from the shots nothing waits on upwards (no recursion: a
 * 10,000-shot chain is fine). Shots on or above a cycle never come free; they count 1 plus what is known below.
 */
function chainLengths(
  ids: readonly string[],
  up: ReadonlyMap<string, readonly string[]>,
  down: ReadonlyMap<string, readonly string[]>,
): Map<string, number> {
  const chain = new Map<string, number>();
  const waiting = new Map(ids.map((id) => [id, (down.get(id) ?? []).length]));
  const ready = ids.filter((id) => waiting.get(id) === 0);
  while (ready.length > 0) {
    const id = ready.pop() as string;
    let longest = 0;
    for (const next of down.get(id) ?? []) longest = Math.max(longest, chain.get(next) ?? 0);
    chain.set(id, longest + 1);
    for (const prev of up.get(id) ?? []) {
      const left = (waiting.get(prev) ?? 0) - 1;
      waiting.set(prev, left);
      if (left === 0) ready.push(prev);
    }
  }
  for (const id of ids) {
    if (chain.has(id)) continue;
    let longest = 0;
    for (const next of down.get(id) ?? []) longest = Math.max(longest, chain.get(next) ?? 0);
    chain.set(id, longest + 1);
  }
  return chain;
}

/**
 * One cycle per strongly connected component that has one (Tarjan's algorithm with an explicit stack), found
 * from its first shot in storyboard order, following edges in storyboard order: deterministic, each named once.
 */
function findCycles(ids: readonly string[], next: (id: string) => readonly string[]): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; edge: number }[] = [{ id: root, edge: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; edge: number };
      const edges = next(frame.id);
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++] as string;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ id: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.id, Math.min(low.get(frame.id) ?? 0, index.get(to) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) !== index.get(frame.id)) continue;
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.id);
      const selfLoop = component.length === 1 && edges.includes(frame.id);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  return components
    .map((component) => {
      const members = new Set(component);
      const start = [...component].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))[0] as string;
      return cycleThrough(start, members, next);
    })
    .sort((a, b) => (order.get(a[0] ?? "") ?? 0) - (order.get(b[0] ?? "") ?? 0));
}

/** A simple cycle from `start` back to it inside one strongly connected component (depth-first, explicit stack). */
function cycleThrough(
  start: string,
  members: ReadonlySet<string>,
  next: (id: string) => readonly string[],
): string[] {
  const seen = new Set<string>([start]);
  const path: { id: string; edge: number }[] = [{ id: start, edge: 0 }];
  while (path.length > 0) {
    const frame = path[path.length - 1] as { id: string; edge: number };
    const edges = next(frame.id);
    if (frame.edge >= edges.length) {
      path.pop();
      continue;
    }
    const to = edges[frame.edge++] as string;
    if (!members.has(to)) continue;
    if (to === start) return [...path.map((f) => f.id), start];
    if (seen.has(to)) continue;
    seen.add(to);
    path.push({ id: to, edge: 0 });
  }
  return [start, start];
}
