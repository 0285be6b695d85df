import { describe, expect, it } from "vitest";
import { mean, percentile, summarize } from "../../bench/stats.js";

describe("percentile", () => {
  it("interpolates linearly between closest ranks", () => {
    expect(percentile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(percentile([0, 10], 0.95)).toBeCloseTo(9.5);
    expect(percentile([7], 0.95)).toBe(7);
  });

  it("clamps q and is NaN for no values", () => {
    expect(percentile([1, 2], 2)).toBe(2);
    expect(percentile([1, 2], -1)).toBe(1);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    percentile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("summarize", () => {
  it("gives count, mean, p50, p95 and max", () => {
    const summary = summarize([1, 2, 3, 4]);
    expect(summary).toMatchObject({ count: 4, mean: 2.5, p50: 2.5, max: 4 });
    expect(summary.p95).toBeCloseTo(3.85);
    expect(mean([])).toBeNaN();
  });
});
