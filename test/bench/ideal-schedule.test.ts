import { describe, expect, it } from "vitest";
import { greedyChainMakespan, greedyMakespan, rateBoundMs } from "../../bench/ideal-schedule.js";

describe("greedyMakespan", () => {
  it("is the longest job when there are at least as many slots as jobs", () => {
    expect(greedyMakespan([3, 1, 2], 3)).toBe(3);
    expect(greedyMakespan([3, 1, 2], 10)).toBe(3);
  });

  it("is the sum of the jobs on one slot", () => {
    expect(greedyMakespan([3, 1, 2], 1)).toBe(6);
  });

  it("places each job, in order, on the slot that frees first", () => {
    // slots: [5] [1] → 3rd job (2) on slot 2 ends 3 → 4th job (4) on slot 2 ends 7.
    expect(greedyMakespan([5, 1, 2, 4], 2)).toBe(7);
    // Order matters: a greedy list schedule is not an optimal packing.
    expect(greedyMakespan([1, 1, 2], 2)).toBe(3);
    expect(greedyMakespan([2, 1, 1], 2)).toBe(2);
  });

  it("matches a brute-force simulation on random inputs", () => {
    let seed = 7;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 50; trial++) {
      const slots = 1 + Math.floor(rand() * 6);
      const jobs = Array.from({ length: Math.floor(rand() * 30) }, () => Math.round(rand() * 100));
      const free = new Array<number>(slots).fill(0);
      let expected = 0;
      for (const job of jobs) {
        const i = free.indexOf(Math.min(...free));
        const end = free[i]! + job;
        free[i] = end;
        expected = Math.max(expected, end);
      }
      expect(greedyMakespan(jobs, slots)).toBe(expected);
    }
  });

  it("is 0 for no jobs and refuses bad input", () => {
    expect(greedyMakespan([], 4)).toBe(0);
    expect(() => greedyMakespan([1], 0)).toThrow(RangeError);
    expect(() => greedyMakespan([-1], 1)).toThrow(RangeError);
  });
});

describe("rateBoundMs", () => {
  it("needs two requests per shot by default", () => {
    expect(rateBoundMs(200, 40)).toBe(10_000);
    expect(rateBoundMs(200, 40, 3)).toBe(15_000);
  });
});

describe("greedyChainMakespan", () => {
  const chains = (count: number, length: number, duration: (c: number, s: number) => number) =>
    Array.from({ length: count }, (_, c) =>
      Array.from({ length }, (_, s) => ({
        id: `c${c}s${s}`,
        duration: duration(c, s),
        after: s === 0 ? [] : [`c${c}s${s - 1}`],
      })),
    ).flat();

  it("is the longest chain when slots are plenty, and the work over the slots when they are few", () => {
    expect(
      greedyChainMakespan(
        chains(4, 5, () => 10),
        100,
      ),
    ).toBe(50);
    expect(
      greedyChainMakespan(
        chains(40, 5, () => 10),
        20,
      ),
    ).toBe(100);
    expect(
      greedyChainMakespan(
        chains(1, 3, (_, s) => s + 1),
        8,
      ),
    ).toBe(6);
  });

  it("waits for every upstream of a join, and agrees with greedyMakespan when nothing is chained", () => {
    const join = [
      { id: "a", duration: 5, after: [] },
      { id: "b", duration: 9, after: [] },
      { id: "j", duration: 2, after: ["a", "b"] },
    ];
    expect(greedyChainMakespan(join, 2)).toBe(11);
    const free = [3, 1, 4, 1, 5].map((d, i) => ({ id: `s${i}`, duration: d, after: [] }));
    expect(greedyChainMakespan(free, 2)).toBeGreaterThanOrEqual(greedyMakespan([5, 4, 3, 1, 1], 2));
    expect(() => greedyChainMakespan(join, 0)).toThrow(RangeError);
  });
});
