// The chain scenario's figures: the ideal respects dependencies and the longest chain, extraction is summed per frame.
import { describe, expect, it } from "vitest";
import { computeChainFigures, longestPath } from "../../bench/chain-figures.js";
import type { SimSnapshot } from "../../bench/sim-protocol.js";

const job = (id: string, submittedAt: number, completesAt: number) =>
  ({
    id,
    submittedAt,
    completesAt,
    readyAt: completesAt,
    firstCompletedPollAt: null,
  }) as SimSnapshot["jobs"][number];

describe("longestPath", () => {
  it("sums durations along the longest dependency path", () => {
    const jobs = [
      { id: "a1", duration: 3, after: [] },
      { id: "a2", duration: 2, after: ["a1"] },
      { id: "b1", duration: 4, after: [] },
      { id: "b2", duration: 2, after: ["b1", "a2"] },
    ];
    expect(longestPath(jobs)).toBe(7);
  });

  it("counts a missing upstream as done and refuses a cycle", () => {
    expect(longestPath([{ id: "x", duration: 2, after: ["gone"] }])).toBe(2);
    expect(() =>
      longestPath([
        { id: "x", duration: 1, after: ["y"] },
        { id: "y", duration: 1, after: ["x"] },
      ]),
    ).toThrow(/cycle/);
  });
});

describe("computeChainFigures", () => {
  it("takes the simulator's generation times, respects dependencies on the slots, and sums extraction", () => {
    // two chains of two, one slot: every job runs alone, 10 + 20 + 30 + 40
    const ids = ["c1-1", "c1-2", "c2-1", "c2-2"];
    const sim = {
      jobs: [job("g1", 0, 10), job("g2", 100, 120), job("g3", 200, 230), job("g4", 300, 340)],
    } as unknown as SimSnapshot;
    const figures = computeChainFigures({
      run: {
        shotIds: ids,
        generationIds: new Map(ids.map((id, i) => [id, `g${i + 1}`])),
        startedAt: 0,
        elapsedMs: 125,
        shots: new Map(),
      },
      sim,
      dependencies: new Map([
        ["c1-2", ["c1-1"]],
        ["c2-2", ["c2-1"]],
      ]),
      shape: { chains: 2, length: 2 },
      slots: 1,
      times: { extractMs: [5, 15], prepareMs: [6, 16], maxConcurrent: 1 },
    });
    expect(figures.longestChainMs).toBe(70);
    expect(figures.greedyChainMs).toBe(100);
    expect(figures.idealMs).toBe(100);
    expect(figures.makespanOverIdeal).toBe(1.25);
    expect(figures.extractionMs).toMatchObject({ count: 2, total: 20, mean: 10 });
    expect(figures.prepareMs.total).toBe(22);
    expect(figures.extractionsAtOnce).toBe(1);
    expect(figures.prepareSlotShare).toBeCloseTo(22 / 125);
  });

  it("is never below the longest chain with many slots", () => {
    const sim = { jobs: [job("g1", 0, 50), job("g2", 60, 110), job("g3", 0, 20)] } as unknown as SimSnapshot;
    const figures = computeChainFigures({
      run: {
        shotIds: ["a", "b", "c"],
        generationIds: new Map([
          ["a", "g1"],
          ["b", "g2"],
          ["c", "g3"],
        ]),
        startedAt: 0,
        elapsedMs: 130,
        shots: new Map(),
      },
      sim,
      dependencies: new Map([["b", ["a"]]]),
      shape: { chains: 2, length: 2 },
      slots: 20,
      times: { extractMs: [], prepareMs: [], maxConcurrent: 0 },
    });
    expect(figures.idealMs).toBe(100);
    expect(figures.longestChainMs).toBe(100);
  });
});
