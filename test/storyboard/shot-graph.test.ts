// The shot graph: order of neighbours, transitive needs, longest chains, connected groups and named cycles.
import { describe, expect, it } from "vitest";
import { buildShotGraph } from "../../src/storyboard/shot-graph.js";

const edges = (...pairs: [string, string][]) => pairs.map(([id, on]) => ({ id, on }));

describe("buildShotGraph", () => {
  const ids = ["dawn", "boats", "gull", "noon", "pier", "solo"];
  // Frames flow dawn → boats → gull and dawn → noon; pier and solo stand alone.
  const graph = buildShotGraph(ids, edges(["boats", "dawn"], ["gull", "boats"], ["noon", "dawn"]));

  it("lists direct neighbours in storyboard order", () => {
    expect(graph.downstream("dawn")).toEqual(["boats", "noon"]);
    expect(graph.upstream("gull")).toEqual(["boats"]);
    expect(graph.upstream("dawn")).toEqual([]);
  });

  it("knows transitive needs both ways", () => {
    expect([...graph.ancestors("gull")].sort()).toEqual(["boats", "dawn"]);
    expect([...graph.descendants("dawn")].sort()).toEqual(["boats", "gull", "noon"]);
    expect(graph.ancestors("solo").size).toBe(0);
  });

  it("measures the longest chain below each shot, itself included", () => {
    expect(ids.map((id) => graph.chainLength(id))).toEqual([3, 2, 1, 1, 1, 1]);
  });

  it("groups shots linked in either direction under the group's first shot", () => {
    expect(ids.map((id) => graph.group(id))).toEqual(["dawn", "dawn", "dawn", "dawn", "pier", "solo"]);
  });

  it("has no cycles, and ignores edges to ids it does not have", () => {
    expect(graph.cycles).toEqual([]);
    const withStray = buildShotGraph(["a"], edges(["a", "ghost"]));
    expect(withStray.upstream("a")).toEqual([]);
  });

  it("names each cycle once, from its first shot in storyboard order, closing it", () => {
    const cyclic = buildShotGraph(
      ["a", "b", "c", "d", "e"],
      edges(["a", "c"], ["c", "b"], ["b", "a"], ["d", "d"], ["e", "a"]),
    );
    expect(cyclic.cycles).toEqual([
      ["a", "b", "c", "a"],
      ["d", "d"],
    ]);
  });

  it("handles a 50,000-shot chain (nothing recurses)", () => {
    const many = Array.from({ length: 50_000 }, (_, i) => `s${i}`);
    const chain = buildShotGraph(
      many,
      many.slice(1).map((id, i) => ({ id, on: many[i] as string })),
    );
    expect(chain.chainLength("s0")).toBe(50_000);
    expect(chain.cycles).toEqual([]);
  });
});
